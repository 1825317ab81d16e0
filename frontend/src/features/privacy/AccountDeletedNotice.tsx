import { FormattedMessage } from "react-intl";
import { useSearchParams } from "react-router";

/** Shown on the home page right after an account was deleted (`/?account=deleted`). */
export function AccountDeletedNotice() {
  const [params] = useSearchParams();
  if (params.get("account") !== "deleted") return null;
  return (
    <p role="status" className="notice notice--success">
      <FormattedMessage id="privacy.delete.done" />
    </p>
  );
}
