import { FormattedMessage } from "react-intl";
import { readableTextOn, isHexColor } from "@/lib/color";
import { useLocalized } from "@/lib/i18n";
import type { IdeaStatus } from "./types";

/**
 * An idea's status in its configured colour. The text colour is whichever of
 * white or near-black contrasts more, and the words say the status, so the
 * colour is never the only cue.
 */
export function IdeaStatusBadge({ status }: { status: IdeaStatus }) {
  const localize = useLocalized();
  const background = isHexColor(status.color) ? status.color : "#505a5f";
  return (
    <span
      className="idea-status"
      style={{ background, color: readableTextOn(background), borderColor: background }}
    >
      <span className="visually-hidden">
        <FormattedMessage id="ideas.status.label" />{" "}
      </span>
      {localize(status.title)}
    </span>
  );
}
