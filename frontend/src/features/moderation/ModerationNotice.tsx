import { FormattedMessage } from "react-intl";
import type { IdeaModeration } from "./types";

/**
 * On an idea the moderators hid, for its author and the team (residents
 * never get the idea): that it is hidden, and the moderator's reason.
 */
export function ModerationNotice({ moderation }: { moderation: IdeaModeration | null | undefined }) {
  if (!moderation || moderation.state !== "hidden") return null;
  return (
    <div className="notice notice--error" role="note">
      <p>
        <strong>
          <FormattedMessage id="moderation.hidden.idea" />
        </strong>
      </p>
      {moderation.reason ? (
        <p>
          <FormattedMessage id="moderation.hidden.reason" values={{ reason: moderation.reason }} />
        </p>
      ) : null}
    </div>
  );
}

/** The place of a comment the moderators hid; its author and the team also read why. */
export function HiddenCommentNotice({ reason }: { reason: string | null | undefined }) {
  return (
    <>
      <p className="comment__body">
        <FormattedMessage id="moderation.hidden.comment" />
      </p>
      {reason ? (
        <p className="comment__hidden-reason">
          <FormattedMessage id="moderation.hidden.reason" values={{ reason }} />
        </p>
      ) : null}
    </>
  );
}
