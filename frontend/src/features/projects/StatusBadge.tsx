import { FormattedMessage } from "react-intl";
import type { ProjectStatus } from "@/lib/api/types";

export function StatusBadge({ status }: { status: ProjectStatus }) {
  return (
    <span className={`badge badge--${status}`}>
      <FormattedMessage id={`status.${status}`} />
    </span>
  );
}
