import { useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { Loading } from "@/components/Loading";
import { ParticipationReason, useProfileGate } from "@/features/participation";
import type { Comment, CommentThread } from "@/lib/api/types";
import {
  useCommentPermission,
  useCommentThreads,
  usePostComment,
  type CommentPermission,
  type CommentSort,
} from "./api";
import { CommentForm } from "./CommentForm";
import { CommentItem } from "./CommentItem";

function LoadFailed() {
  return (
    <p role="alert" className="notice notice--error">
      <FormattedMessage id="comments.loadFailed" />
    </p>
  );
}

function NewComment({ ideaId, permission: known }: { ideaId: string; permission?: CommentPermission }) {
  const intl = useIntl();
  const permission = useCommentPermission(ideaId, known);
  const post = usePostComment(ideaId);
  const gate = useProfileGate();
  if (permission.isPending) return null;
  if (permission.isError) return <LoadFailed />;
  const { allowed, reason } = permission.data;
  // Missing answers do not stop the writing: they are asked for on "Post", then it is posted.
  const answerFirst = reason === "missing_profile_fields";
  if (!allowed && !answerFirst) return <ParticipationReason reason={reason ?? ""} action="comment" />;
  const fields = answerFirst ? permission.data.fields : undefined;
  return (
    <>
      {answerFirst && !gate.asking ? <ParticipationReason reason={reason ?? ""} action="comment" /> : null}
      <CommentForm
        id={`idea-${ideaId}-new-comment`}
        label={intl.formatMessage({ id: "comments.addLabel" })}
        submitLabel={<FormattedMessage id="comments.post" />}
        onSubmit={(body) => gate.attempt(() => post.mutateAsync({ body }), fields)}
      />
      {gate.panel}
    </>
  );
}

function Thread({ ideaId, thread }: { ideaId: string; thread: CommentThread }) {
  const byId = new Map<string, Comment>([[thread.id, thread], ...thread.replies.map((r) => [r.id, r] as const)]);
  return (
    <li className="comment-thread">
      <CommentItem ideaId={ideaId} comment={thread} />
      {thread.replies.length > 0 ? (
        <ol className="comment-replies">
          {thread.replies.map((reply) => (
            <li key={reply.id}>
              <CommentItem
                ideaId={ideaId}
                comment={reply}
                inReplyTo={byId.get(reply.parent_id ?? "") ?? thread}
              />
            </li>
          ))}
        </ol>
      ) : null}
    </li>
  );
}

/**
 * The discussion under an idea: a comment box (or the reason there is none),
 * threads of a comment and its replies, sorted newest or most liked, paged.
 */
/** The idea's discussion; pass `permission` (the idea's `permissions.comment`) if the page has it. */
export function CommentsSection({ ideaId, permission }: { ideaId: string; permission?: CommentPermission }) {
  const intl = useIntl();
  const [sort, setSort] = useState<CommentSort>("newest");
  const threads = useCommentThreads(ideaId, sort);
  const sortId = `idea-${ideaId}-comment-sort`;
  const items = threads.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section className="comments" aria-labelledby={`idea-${ideaId}-comments-title`}>
      <h2 id={`idea-${ideaId}-comments-title`}>
        <FormattedMessage id="comments.title" />
      </h2>
      <NewComment ideaId={ideaId} permission={permission} />
      <div className="comments__sort">
        <label htmlFor={sortId}>
          <FormattedMessage id="comments.sort" />
        </label>
        <select
          id={sortId}
          name="sort"
          value={sort}
          onChange={(event) => setSort(event.target.value as CommentSort)}
        >
          <option value="newest">{intl.formatMessage({ id: "comments.sort.newest" })}</option>
          <option value="most_liked">{intl.formatMessage({ id: "comments.sort.mostLiked" })}</option>
        </select>
      </div>
      {threads.isPending ? <Loading /> : null}
      {threads.isError ? <LoadFailed /> : null}
      {threads.isSuccess && items.length === 0 ? (
        <p>
          <FormattedMessage id="comments.empty" />
        </p>
      ) : null}
      {items.length > 0 ? (
        <ol className="comment-list">
          {items.map((thread) => (
            <Thread key={thread.id} ideaId={ideaId} thread={thread} />
          ))}
        </ol>
      ) : null}
      {threads.hasNextPage ? (
        <button
          type="button"
          className="button button--secondary"
          disabled={threads.isFetchingNextPage}
          onClick={() => void threads.fetchNextPage()}
        >
          <FormattedMessage id="comments.loadMore" />
        </button>
      ) : null}
    </section>
  );
}
