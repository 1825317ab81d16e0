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
 *
 * The `sign` variant is a proposal's one toggle: a signature is a like, so
 * the same calls and refusals apply, in signing words ("Sign this proposal",
 * pressed "You signed", pressed again to withdraw).
 */
export function ReactionButtons({
  idea,
  dislikesEnabled,
  variant = "react",
}: {
  idea: Idea;
  dislikesEnabled: boolean;
  variant?: "react" | "sign";
}) {
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
  const signing = variant === "sign";
  const signed = idea.my_reaction === "like";

  const press = (kind: ReactionKind) => {
    const next = idea.my_reaction === kind ? null : kind;
    setFailure(null);
    const send = async () => {
      await reaction.mutateAsync(next);
      const done = signing
        ? next
          ? "ideas.sign.done.signed"
          : "ideas.sign.done.withdrawn"
        : next
          ? `ideas.react.done.${next}`
          : "ideas.react.done.removed";
      setAnnouncement(intl.formatMessage({ id: done }));
    };
    gate.attempt(send, answerFirst ? decision.fields : undefined).catch((error: unknown) => {
      const fallback = intl.formatMessage({ id: "error.action" });
      setFailure(isApiProblem(error) ? translate(error.code, error.detail || fallback) : fallback);
    });
  };

  const note = !decision.allowed ? (
    <ParticipationReason reason={decision.reason} action={signing ? "sign" : "react"} inline />
  ) : signing && signed ? (
    <FormattedMessage id="ideas.sign.withdrawHint" />
  ) : outOfLikes ? (
    <FormattedMessage id="ideas.react.limitReached" />
  ) : idea.likes_left !== null ? (
    <FormattedMessage id="ideas.react.likesLeft" values={{ count: idea.likes_left }} />
  ) : null;

  const describedBy = note ? noteId : undefined;
  return (
    <div
      className="reactions"
      role="group"
      aria-label={intl.formatMessage({ id: signing ? "ideas.sign.group" : "ideas.react.group" })}
    >
      {signing ? (
        <>
          <button
            type="button"
            className="reaction-button"
            aria-pressed={signed}
            aria-describedby={describedBy}
            disabled={!allowed || reaction.isPending}
            onClick={() => press("like")}
          >
            <FormattedMessage id={signed ? "ideas.sign.signed" : "ideas.sign.button"} />
          </button>
          <span className="reactions__count">
            <FormattedMessage id="ideas.count.signatures" values={{ count: idea.likes }} />
          </span>
        </>
      ) : (
        <>
          <button
            type="button"
            className="reaction-button"
            aria-pressed={idea.my_reaction === "like"}
            aria-describedby={describedBy}
            disabled={!allowed || outOfLikes || reaction.isPending}
            onClick={() => press("like")}
          >
            <FormattedMessage id="ideas.react.like" />
          </button>
          <span className="reactions__count">
            <FormattedMessage id="ideas.count.likes" values={{ count: idea.likes }} />
          </span>
          {dislikesEnabled ? (
            <>
              <button
                type="button"
                className="reaction-button"
                aria-pressed={idea.my_reaction === "dislike"}
                aria-describedby={describedBy}
                disabled={!allowed || reaction.isPending}
                onClick={() => press("dislike")}
              >
                <FormattedMessage id="ideas.react.dislike" />
              </button>
              <span className="reactions__count">
                <FormattedMessage id="ideas.count.dislikes" values={{ count: idea.dislikes }} />
              </span>
            </>
          ) : null}
        </>
      )}
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
