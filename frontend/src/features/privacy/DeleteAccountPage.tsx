import { useState } from "react";
import { FormattedMessage } from "react-intl";
import { Link, useSearchParams } from "react-router";
import { ApiProblem } from "@/lib/api/problem";
import { confirmAccountDeletion } from "./api";

/** `/delete-account?token=…`: the emailed link that finishes deleting an account without a password. */
export function DeleteAccountPage() {
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const [state, setState] = useState<"idle" | "busy" | "done" | "invalid">(token ? "idle" : "invalid");
  return (
    <div>
      <h1>
        <FormattedMessage id="privacy.delete.title" />
      </h1>
      <div role="status" aria-live="polite">
        {state === "done" ? (
          <p className="notice notice--success">
            <FormattedMessage id="privacy.delete.done" />
          </p>
        ) : null}
        {state === "invalid" ? (
          <p className="notice notice--error">
            <FormattedMessage id="privacy.delete.invalidLink" />
          </p>
        ) : null}
      </div>
      {state === "idle" || state === "busy" ? (
        <>
          <p>
            <FormattedMessage id="privacy.delete.intro" />
          </p>
          <button
            type="button"
            className="button button--danger"
            disabled={state === "busy"}
            onClick={() => {
              setState("busy");
              confirmAccountDeletion(token)
                .then(() => setState("done"))
                .catch((error: unknown) => setState(error instanceof ApiProblem ? "invalid" : "idle"));
            }}
          >
            <FormattedMessage id="privacy.delete.submit" />
          </button>
        </>
      ) : (
        <p>
          <Link to="/">
            <FormattedMessage id="privacy.delete.home" />
          </Link>
        </p>
      )}
    </div>
  );
}
