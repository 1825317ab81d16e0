import { FormattedDate, FormattedMessage } from "react-intl";
import { useSession } from "@/features/auth/useSession";
import type { BlockedState } from "./types";

/**
 * The signed-in resident's block, from `/me` (`blocked: {until, reason}`),
 * or null when they may take part or the block has run out.
 */
export function useBlockedState(now: Date = new Date()): BlockedState | null {
  const { user } = useSession();
  const blocked = user?.blocked ?? null;
  if (!blocked || new Date(blocked.until) <= now) return null;
  return blocked;
}

/**
 * Shown where a blocked resident would post or comment: until when, and why.
 * A page that caught a `blocked` problem passes its `until` and `reason`.
 */
export function BlockedNotice({ until, reason }: { until?: string; reason?: string | null }) {
  const fromSession = useBlockedState();
  const block = until ? { until, reason: reason ?? null } : fromSession;
  if (!block) {
    return (
      <p className="notice" role="status">
        <FormattedMessage id="moderation.blocked.unknown" />
      </p>
    );
  }
  return (
    <div className="notice notice--error blocked-notice" role="status">
      <p>
        <strong>
          <FormattedMessage
            id="moderation.blocked.title"
            values={{ until: <FormattedDate value={block.until} dateStyle="long" timeStyle="short" /> }}
          />
        </strong>
      </p>
      {block.reason ? (
        <p>
          <FormattedMessage id="moderation.blocked.reason" values={{ reason: block.reason }} />
        </p>
      ) : null}
      <p>
        <FormattedMessage id="moderation.blocked.meanwhile" />
      </p>
    </div>
  );
}
