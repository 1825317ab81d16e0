export { NotificationBell } from "./NotificationBell";
export { NotificationPreferences } from "./NotificationPreferences";
export { NotificationsPage } from "./NotificationsPage";
export { TimeAgo } from "./TimeAgo";
export { UnsubscribePage } from "./UnsubscribePage";
