import { useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { ParticipationReason, useProfileGate } from "@/features/participation";
import { isApiProblem } from "@/lib/api/problem";
import { useProblemTranslator } from "@/lib/forms/messages";
import { useReaction } from "./api";
import type { Idea, ReactionKind } from "./types";

/**
 * Like and dislike toggles (aria-pressed). When reacting is not allowed the
 * buttons are disabled and the reason is said next to them, with the way to
 * qualify where there is one; the like limit is explained too. When only
 * answers about the resident are missing the buttons stay usable: pressing
 * one asks for them in place, then sends the reaction.
 */
export function ReactionButtons({ idea, dislikesEnabled }: { idea: Idea; dislikesEnabled: boolean }) {
  const intl = useIntl();
  const translate = useProblemTranslator();
  const reaction = useReaction(idea);
  const gate = useProfileGate();
  const [announcement, setAnnouncement] = useState("");
  const [failure, setFailure] = useState<string | null>(null);
  const decision = idea.permissions.react;
  const answerFirst = decision.reason === "missing_profile_fields";
  const allowed = decision.allowed || answerFirst;
  const outOfLikes = idea.likes_left === 0 && idea.my_reaction !== "like";
  const noteId = `idea-${idea.id}-reaction-note`;

  const press = (kind: ReactionKind) => {
    const next = idea.my_reaction === kind ? null : kind;
    setFailure(null);
    const send = async () => {
      await reaction.mutateAsync(next);
      setAnnouncement(
        intl.formatMessage({ id: next ? `ideas.react.done.${next}` : "ideas.react.done.removed" }),
      );
    };
    gate.attempt(send, answerFirst ? decision.fields : undefined).catch((error: unknown) => {
      const fallback = intl.formatMessage({ id: "error.action" });
      setFailure(isApiProblem(error) ? translate(error.code, error.detail || fallback) : fallback);
    });
  };

  const note = !decision.allowed ? (
    <ParticipationReason reason={decision.reason} action="react" inline />
  ) : outOfLikes ? (
    <FormattedMessage id="ideas.react.limitReached" />
  ) : idea.likes_left !== null ? (
    <FormattedMessage id="ideas.react.likesLeft" values={{ count: idea.likes_left }} />
  ) : null;

  return (
    <div className="reactions" role="group" aria-label={intl.formatMessage({ id: "ideas.react.group" })}>
      <button
        type="button"
        className="reaction-button"
        aria-pressed={idea.my_reaction === "like"}
        aria-describedby={note ? noteId : undefined}
        disabled={!allowed || outOfLikes || reaction.isPending}
        onClick={() => press("like")}
      >
        <FormattedMessage id="ideas.react.like" />
      </button>
      <span className="reactions__count">
        <FormattedMessage id="ideas.count.likes" values={{ count: idea.likes }} />
      </span>
      {dislikesEnabled ? (
        <button
          type="button"
          className="reaction-button"
          aria-pressed={idea.my_reaction === "dislike"}
          aria-describedby={note ? noteId : undefined}
          disabled={!allowed || reaction.isPending}
          onClick={() => press("dislike")}
        >
          <FormattedMessage id="ideas.react.dislike" />
        </button>
      ) : null}
      {dislikesEnabled ? (
        <span className="reactions__count">
          <FormattedMessage id="ideas.count.dislikes" values={{ count: idea.dislikes }} />
        </span>
      ) : null}
      {note ? (
        <p className="reactions__note muted" id={noteId}>
          {note}
        </p>
      ) : null}
      {failure ? (
        <p className="field__error" role="alert">
          {failure}
        </p>
      ) : null}
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
      {gate.panel}
    </div>
  );
}
