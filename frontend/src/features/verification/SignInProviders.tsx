import { useState } from "react";
import { FormattedMessage } from "react-intl";
import { useSearchParams } from "react-router";
import { useVerificationMethods, goToProvider } from "./api";
import { OidcErrorNotice } from "./OidcErrorNotice";

/** "Sign in with <provider>" on the sign-in page, when the platform offers it. */
export function SignInProviders({ next }: { next: string }) {
  const [params] = useSearchParams();
  const methods = useVerificationMethods();
  const [failed, setFailed] = useState(false);
  const providers = methods.data?.sign_in ?? [];
  return (
    <>
      <OidcErrorNotice code={params.get("oidc_error")} />
      {providers.length ? (
        <div className="sign-in-providers">
          {providers.map((provider) => (
            <button
              key={provider.id}
              type="button"
              className="button button--secondary"
              onClick={() => {
                setFailed(false);
                goToProvider("sign_in", next).catch(() => setFailed(true));
              }}
            >
              <FormattedMessage id="verification.signInWith" values={{ name: provider.name }} />
            </button>
          ))}
          {failed ? (
            <p role="alert" className="field__error">
              <FormattedMessage id="verification.oidcError.provider_unavailable" />
            </p>
          ) : null}
          <p>
            <FormattedMessage id="verification.orWithPassword" />
          </p>
        </div>
      ) : null}
    </>
  );
}
