import { useEffect, useRef, useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { useSession } from "@/features/auth/useSession";
import { HiddenCommentNotice, ReportButton } from "@/features/moderation";
import { TimeAgo } from "@/features/notifications";
import { personName } from "@/features/people";
import type { Comment } from "@/lib/api/types";
import { useDeleteComment, useEditComment, useLikeComment, usePostComment } from "./api";
import { CommentBody } from "./CommentBody";
import { CommentForm } from "./CommentForm";
import { toDisplay } from "./mentions";

type Mode = "view" | "reply" | "edit" | "confirm-delete";

interface Props {
  ideaId: string;
  comment: Comment;
  /** The comment this one answers, for "In reply to <name>" (replies only). */
  inReplyTo?: Comment;
}

/** One comment with its actions: like, reply, and edit or delete for its author. */
export function CommentItem({ ideaId, comment, inReplyTo }: Props) {
  const intl = useIntl();
  const [mode, setMode] = useState<Mode>("view");
  const [returnFocus, setReturnFocus] = useState<"reply" | "edit" | "delete" | null>(null);
  const replyButton = useRef<HTMLButtonElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const confirmPrompt = useRef<HTMLParagraphElement>(null);
  const post = usePostComment(ideaId);
  const edit = useEditComment(ideaId);
  const remove = useDeleteComment(ideaId);
  const like = useLikeComment(ideaId);
  const viewer = useSession().user?.id;
  const author = personName(comment.author, intl);
  // In the edit box a former resident's mention reads in the viewer's words too, and maps back to its token.
  const mentions = comment.mentions.map((person) => ({ ...person, display_name: personName(person, intl) }));

  // When a box closes, focus goes back to the button that opened it, not to the page's start.
  useEffect(() => {
    if (mode !== "view" || !returnFocus) return;
    const target = { reply: replyButton, edit: editButton, delete: deleteButton }[returnFocus];
    target.current?.focus();
    setReturnFocus(null);
  }, [mode, returnFocus]);

  useEffect(() => {
    if (mode === "confirm-delete") confirmPrompt.current?.focus();
  }, [mode]);

  const close = (from: "reply" | "edit" | "delete") => {
    setReturnFocus(from);
    setMode("view");
  };

  // A hidden comment keeps its place in the thread; its author and the team also read why.
  if (comment.hidden) {
    return (
      <article className="comment comment--hidden" id={`comment-${comment.id}`}>
        <HiddenCommentNotice reason={comment.hidden_reason} />
      </article>
    );
  }

  if (comment.deleted || !comment.author) {
    return (
      <article className="comment comment--deleted" id={`comment-${comment.id}`}>
        <p className="comment__body">
          <FormattedMessage id="comments.deleted" />
        </p>
      </article>
    );
  }

  return (
    <article
      className="comment"
      id={`comment-${comment.id}`}
      aria-label={intl.formatMessage({ id: "comments.articleLabel" }, { name: author })}
    >
      <header className="comment__header">
        {comment.author.avatar_url ? (
          <img className="comment__avatar" src={comment.author.avatar_url} alt="" width={32} height={32} />
        ) : null}
        <span className="comment__author">{author}</span>
        <TimeAgo iso={comment.created_at} />
        {comment.edited_at ? (
          <span className="comment__edited">
            <FormattedMessage id="comments.edited" />
          </span>
        ) : null}
      </header>
      {inReplyTo ? (
        <p className="comment__reply-to">
          {inReplyTo.deleted || !inReplyTo.author ? (
            <FormattedMessage id="comments.inReplyToDeleted" />
          ) : (
            <FormattedMessage id="comments.inReplyTo" values={{ name: personName(inReplyTo.author, intl) }} />
          )}
        </p>
      ) : null}
      {mode === "edit" ? (
        <CommentForm
          id={`comment-${comment.id}-edit`}
          label={intl.formatMessage({ id: "comments.editLabel" })}
          submitLabel={<FormattedMessage id="comments.saveEdit" />}
          initialText={toDisplay(comment.body, mentions, personName(null, intl))}
          initialPicks={mentions}
          autoFocus
          onSubmit={async (body) => {
            await edit.mutateAsync({ commentId: comment.id, body });
            close("edit");
          }}
          onCancel={() => close("edit")}
        />
      ) : (
        <CommentBody body={comment.body} mentions={comment.mentions} />
      )}
      <div className="comment__actions">
        <button
          type="button"
          className="comment__like"
          aria-pressed={comment.liked_by_me}
          aria-label={intl.formatMessage({ id: "comments.likeLabel" }, { name: author })}
          disabled={like.isPending}
          onClick={() => like.mutate({ commentId: comment.id, like: !comment.liked_by_me })}
        >
          <FormattedMessage id="comments.like" />
        </button>
        <span className="comment__likes">
          <FormattedMessage id="comments.likes" values={{ count: comment.likes }} />
        </span>
        {comment.permissions.reply.allowed ? (
          <button
            ref={replyButton}
            type="button"
            className="link-button"
            aria-expanded={mode === "reply"}
            onClick={() => (mode === "reply" ? close("reply") : setMode("reply"))}
          >
            <FormattedMessage id="comments.replyTo" values={{ name: author }} />
          </button>
        ) : null}
        {comment.permissions.edit.allowed && mode !== "edit" ? (
          <button ref={editButton} type="button" className="link-button" onClick={() => setMode("edit")}>
            <FormattedMessage id="comments.edit" />
          </button>
        ) : null}
        {comment.permissions.delete.allowed ? (
          <button
            ref={deleteButton}
            type="button"
            className="link-button"
            onClick={() => setMode("confirm-delete")}
          >
            <FormattedMessage id="comments.delete" />
          </button>
        ) : null}
        {viewer && viewer !== comment.author.id ? <ReportButton kind="comment" id={comment.id} name={author} /> : null}
      </div>
      {like.isError ? (
        <p role="alert" className="field__error">
          <FormattedMessage id="comments.likeFailed" />
        </p>
      ) : null}
      {mode === "confirm-delete" ? (
        <div className="comment__confirm">
          <p ref={confirmPrompt} tabIndex={-1}>
            <FormattedMessage id="comments.confirmDelete" />
          </p>
          {remove.isError ? (
            <p role="alert" className="field__error">
              <FormattedMessage id="comments.deleteFailed" />
            </p>
          ) : null}
          <div className="form__actions">
            <button
              type="button"
              className="button button--warning"
              disabled={remove.isPending}
              onClick={() => remove.mutate(comment.id, { onSuccess: () => setMode("view") })}
            >
              <FormattedMessage id="comments.confirmDeleteYes" />
            </button>
            <button type="button" className="button button--secondary" onClick={() => close("delete")}>
              <FormattedMessage id="comments.cancel" />
            </button>
          </div>
        </div>
      ) : null}
      {mode === "reply" ? (
        <CommentForm
          id={`comment-${comment.id}-reply`}
          label={intl.formatMessage({ id: "comments.replyLabel" }, { name: author })}
          submitLabel={<FormattedMessage id="comments.postReply" />}
          autoFocus
          onSubmit={async (body) => {
            await post.mutateAsync({ body, parent_id: comment.id });
            close("reply");
          }}
          onCancel={() => close("reply")}
        />
      ) : null}
    </article>
  );
}
