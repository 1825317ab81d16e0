import { useEffect, useRef } from "react";
import { FormattedMessage, useIntl } from "react-intl";

const KNOWN = new Set([
  "invalid_state",
  "provider_refused",
  "invalid_id_token",
  "provider_unavailable",
  "identity_in_use",
  "email_in_use",
  "email_missing",
  "already_verified",
  "oidc_disabled",
]);

/** What went wrong on the way back from the provider (`?oidc_error=`), focused so it is heard. */
export function OidcErrorNotice({ code }: { code: string | null }) {
  const intl = useIntl();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [code]);
  if (!code) return null;
  const id = KNOWN.has(code) ? `verification.oidcError.${code}` : "verification.oidcError.other";
  return (
    <div ref={ref} tabIndex={-1} role="alert" className="notice notice--error">
      <h2>
        <FormattedMessage id="verification.oidcError.title" />
      </h2>
      <p>{intl.formatMessage({ id })}</p>
    </div>
  );
}
