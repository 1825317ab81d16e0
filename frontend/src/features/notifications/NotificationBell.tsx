import { useIntl } from "react-intl";
import { NavLink } from "react-router";
import { useSession } from "@/features/auth/useSession";
import { useUnreadCount } from "./api";

/** The server counts unread notifications up to 100; above this the badge says "99+". */
export const BADGE_MAX = 99;

/** The header link to /notifications, with the unread count (for signed-in people only). */
export function NotificationBell() {
  const intl = useIntl();
  const { status } = useSession();
  const unread = useUnreadCount();
  if (status !== "authenticated") return null;
  const count = unread.data?.count ?? 0;
  const many = count > BADGE_MAX;
  const badge = many ? `${BADGE_MAX}+` : String(count);
  return (
    <NavLink
      to="/notifications"
      className="notification-bell"
      aria-label={
        many
          ? intl.formatMessage({ id: "notifications.bell.labelMany" }, { max: BADGE_MAX })
          : intl.formatMessage({ id: "notifications.bell.label" }, { count })
      }
    >
      <span aria-hidden="true" className="notification-bell__icon">
        {/* An inline icon: an emoji bell needs a colour-emoji font the viewer may lack. */}
        <svg viewBox="0 0 24 24" width="16" height="16" focusable="false" fill="currentColor">
          <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
        </svg>
      </span>
      <span className="notification-bell__text" aria-hidden="true">
        {intl.formatMessage({ id: "notifications.bell.text" })}
      </span>
      {count > 0 ? (
        <span className="notification-bell__badge" aria-hidden="true">
          {badge}
        </span>
      ) : null}
    </NavLink>
  );
}
