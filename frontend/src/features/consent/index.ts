export { AnalyticsScript, ANALYTICS_SCRIPT_ID } from "./AnalyticsScript";
export { ConsentProvider, useConsent } from "./ConsentProvider";
export { CookieBanner, CookieSettingsLink } from "./CookieBanner";
export { CONSENT_COOKIE, readConsent } from "./consent";
