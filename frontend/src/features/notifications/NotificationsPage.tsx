import type { ReactNode } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { Link } from "react-router";
import { LoadError, Loading } from "@/components/Loading";
import { RequireAuth } from "@/features/auth/RequireAuth";
import { personName } from "@/features/people";
import type { Notification } from "@/lib/api/types";
import { useLocalized } from "@/lib/i18n";
import { useMarkAllRead, useMarkRead, useNotifications } from "./api";
import { TimeAgo } from "./TimeAgo";

interface TextParts {
  actor: string;
  title: string;
  link: (chunks: ReactNode[]) => ReactNode;
}

/** One sentence per notification type; a type this version does not know reads as "news". */
function NotificationText({ type, parts }: { type: string; parts: TextParts }) {
  switch (type) {
    case "mention":
      return <FormattedMessage id="notifications.type.mention" values={{ ...parts }} />;
    case "comment_reply":
      return <FormattedMessage id="notifications.type.commentReply" values={{ ...parts }} />;
    case "comment_on_my_idea":
      return <FormattedMessage id="notifications.type.commentOnMyIdea" values={{ ...parts }} />;
    case "idea_status_changed":
      return <FormattedMessage id="notifications.type.ideaStatusChanged" values={{ ...parts }} />;
    case "official_update":
      return <FormattedMessage id="notifications.type.officialUpdate" values={{ ...parts }} />;
    case "proposal_reached":
      return <FormattedMessage id="notifications.type.proposalReached" values={{ ...parts }} />;
    case "new_input":
      return <FormattedMessage id="notifications.type.newInput" values={{ ...parts }} />;
    case "new_report":
      return <FormattedMessage id="notifications.type.newReport" values={{ ...parts }} />;
    case "input_assigned":
      return <FormattedMessage id="notifications.type.inputAssigned" values={{ ...parts }} />;
    case "note_mention":
      return <FormattedMessage id="notifications.type.noteMention" values={{ ...parts }} />;
    default:
      return <FormattedMessage id="notifications.type.other" values={{ ...parts }} />;
  }
}

function NotificationItem({ notification }: { notification: Notification }) {
  const intl = useIntl();
  const localize = useLocalized();
  const markRead = useMarkRead();
  const { actor, target } = notification;
  const title = localize(target.title);
  const parts: TextParts = {
    actor: actor ? personName(actor, intl) : intl.formatMessage({ id: "notifications.someone" }),
    title,
    link: (chunks) => (
      <Link
        to={target.path}
        className="notification__target"
        onClick={() => {
          // Opening a notification reads it; the page it leads to does not wait for this.
          if (!notification.read) markRead.mutate(notification.id);
        }}
      >
        {chunks}
      </Link>
    ),
  };
  return (
    <li className={notification.read ? "notification" : "notification notification--unread"}>
      {actor?.avatar_url ? (
        <img className="notification__avatar" src={actor.avatar_url} alt="" width={40} height={40} />
      ) : (
        <span className="notification__avatar notification__avatar--empty" aria-hidden="true" />
      )}
      <div className="notification__body">
        <p className="notification__text">
          {notification.read ? null : (
            <span className="notification__unread">
              <FormattedMessage id="notifications.unread" />
            </span>
          )}{" "}
          <NotificationText type={notification.type} parts={parts} />
        </p>
        {notification.excerpt ? <p className="notification__excerpt">{notification.excerpt}</p> : null}
        <TimeAgo iso={notification.created_at} />
      </div>
    </li>
  );
}

function NotificationList() {
  const query = useNotifications();
  const markAll = useMarkAllRead();
  if (query.isPending) return <Loading />;
  if (query.isError) return <LoadError error={query.error} />;
  const items = query.data.pages.flatMap((page) => page.items);
  const anyUnread = items.some((item) => !item.read);
  return (
    <>
      <div className="notifications__actions">
        <button
          type="button"
          className="button button--secondary"
          disabled={!anyUnread || markAll.isPending}
          onClick={() => markAll.mutate()}
        >
          <FormattedMessage id="notifications.markAllRead" />
        </button>
        <p role="status" className="status">
          {markAll.isSuccess ? <FormattedMessage id="notifications.allRead" /> : null}
        </p>
        {markAll.isError ? (
          <p role="alert" className="notice notice--error">
            <FormattedMessage id="notifications.markAllFailed" />
          </p>
        ) : null}
      </div>
      {items.length === 0 ? (
        <p>
          <FormattedMessage id="notifications.empty" />
        </p>
      ) : (
        <ul className="notification-list">
          {items.map((notification) => (
            <NotificationItem key={notification.id} notification={notification} />
          ))}
        </ul>
      )}
      {query.hasNextPage ? (
        <button
          type="button"
          className="button button--secondary"
          disabled={query.isFetchingNextPage}
          onClick={() => void query.fetchNextPage()}
        >
          <FormattedMessage id="notifications.loadMore" />
        </button>
      ) : null}
    </>
  );
}

/** /notifications: what happened around the ideas and comments the person follows. */
export function NotificationsPage() {
  return (
    <RequireAuth>
      <div className="narrow notifications">
        <h1>
          <FormattedMessage id="notifications.title" />
        </h1>
        <NotificationList />
      </div>
    </RequireAuth>
  );
}
