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
        🔔
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
