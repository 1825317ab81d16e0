import { useEffect, useRef, useState } from "react";
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
 * The `sign` variant is a proposal's signature: a signature is a like, so
 * the same calls and refusals apply, in signing words. Its buttons are not
 * toggles: "Sign this proposal", then "You signed" with "Withdraw my
 * signature"; focus moves to whichever button replaced the one pressed.
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
  const signButton = useRef<HTMLButtonElement>(null);
  const withdrawButton = useRef<HTMLButtonElement>(null);
  const pressedSign = useRef(false);

  useEffect(() => {
    // After signing or withdrawing, the pressed button is gone: hand focus to its replacement.
    if (!pressedSign.current) return;
    pressedSign.current = false;
    (signed ? withdrawButton : signButton).current?.focus();
  }, [signed]);

  const press = (kind: ReactionKind) => {
    const next = idea.my_reaction === kind ? null : kind;
    pressedSign.current = signing;
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
  ) : outOfLikes && !signing ? (
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
          {signed ? (
            <>
              <p className="reactions__signed">
                <span aria-hidden="true">✓ </span>
                <FormattedMessage id="ideas.sign.signed" />
              </p>
              <button
                ref={withdrawButton}
                type="button"
                className="button button--small button--secondary"
                aria-describedby={describedBy}
                disabled={!allowed || reaction.isPending}
                onClick={() => press("like")}
              >
                <FormattedMessage id="ideas.sign.withdraw" />
              </button>
            </>
          ) : (
            <button
              ref={signButton}
              type="button"
              className="reaction-button"
              aria-describedby={describedBy}
              disabled={!allowed || reaction.isPending}
              onClick={() => press("like")}
            >
              <FormattedMessage id="ideas.sign.button" />
            </button>
          )}
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
