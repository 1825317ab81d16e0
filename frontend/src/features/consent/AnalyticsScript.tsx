import { useEffect } from "react";
import { useConsent } from "./ConsentProvider";

export const ANALYTICS_SCRIPT_ID = "townhall-analytics";

/**
 * Loads the platform's analytics script (e.g. a self-hosted Matomo), and only
 * after the visitor accepted analytics cookies; withdrawing consent removes it
 * (a reload then runs no analytics at all).
 */
export function AnalyticsScript({ src }: { src: string | null | undefined }) {
  const { consent } = useConsent();
  const allowed = Boolean(src) && consent?.analytics === true;
  useEffect(() => {
    if (!allowed || !src) return;
    const script = document.createElement("script");
    script.id = ANALYTICS_SCRIPT_ID;
    script.src = src;
    script.async = true;
    document.head.appendChild(script);
    return () => script.remove();
  }, [allowed, src]);
  return null;
}
