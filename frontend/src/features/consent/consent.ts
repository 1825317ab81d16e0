/**
 * The visitor's cookie choices, kept in a functional cookie (`th_consent`, one
 * year, SameSite=Lax) so the server could read them too. Functional cookies
 * are always on; analytics and marketing are off until the visitor says yes.
 */
export const CONSENT_COOKIE = "th_consent";
const ONE_YEAR_SECONDS = 365 * 24 * 3600;
const VERSION = "1";

export interface Consent {
  analytics: boolean;
  marketing: boolean;
}

export const NO_CONSENT: Consent = { analytics: false, marketing: false };

/** The stored choice, or null when the visitor has not chosen yet (show the banner). */
export function readConsent(cookies: string = document.cookie): Consent | null {
  const value = cookies
    .split(";")
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${CONSENT_COOKIE}=`))
    ?.slice(CONSENT_COOKIE.length + 1);
  const parts = decodeURIComponent(value ?? "").split(".");
  if (parts[0] !== `v${VERSION}` || parts.length !== 3) return null;
  return { analytics: parts[1] === "a1", marketing: parts[2] === "m1" };
}

export function writeConsent(consent: Consent): void {
  const value = `v${VERSION}.a${consent.analytics ? 1 : 0}.m${consent.marketing ? 1 : 0}`;
  const secure = window.location.protocol === "https:" ? "; Secure" : "";
  document.cookie = `${CONSENT_COOKIE}=${value}; Max-Age=${ONE_YEAR_SECONDS}; Path=/; SameSite=Lax${secure}`;
}
