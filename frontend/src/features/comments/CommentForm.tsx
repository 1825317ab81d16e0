import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { Controller, useForm } from "react-hook-form";
import { FormattedMessage, useIntl } from "react-intl";
import { z } from "zod";
import { isApiProblem } from "@/lib/api/problem";
import { isPlainText } from "@/lib/forms/plainText";
import { useProblemTranslator, useValidationMessages } from "@/lib/forms/messages";
import { problemValues } from "@/lib/forms/problem";
import { toTokens, type MentionPick } from "./mentions";
import { MentionTextarea } from "./MentionTextarea";

interface Props {
  /** DOM id of the textarea; each form on the page has its own. */
  id: string;
  label: string;
  submitLabel: ReactNode;
  initialText?: string;
  initialPicks?: MentionPick[];
  /**
   * Sends the body with mention tokens; a thrown ApiProblem is shown on the
   * field. Resolving `false` means it was not sent (the resident stopped to
   * answer questions and cancelled): the text stays.
   */
  onSubmit: (body: string) => Promise<unknown>;
  onCancel?: () => void;
  autoFocus?: boolean;
}

/**
 * One comment box (new comment, reply or edit). It has a single field, so its
 * error sits on the field, which takes focus on a failed submit, instead of an
 * error summary above a form of one input.
 */
export function CommentForm({
  id,
  label,
  submitLabel,
  initialText = "",
  initialPicks = [],
  onSubmit,
  onCancel,
  autoFocus = false,
}: Props) {
  const intl = useIntl();
  const messages = useValidationMessages();
  const translate = useProblemTranslator();
  const picks = useRef<MentionPick[]>(initialPicks);
  const textarea = useRef<HTMLTextAreaElement | null>(null);
  const [posted, setPosted] = useState(false);
  const schema = z.object({ body: z.string().trim().min(1, messages.required).refine(isPlainText, messages.plainText) });
  const form = useForm<z.infer<typeof schema>>({
    resolver: zodResolver(schema),
    shouldFocusError: false,
    defaultValues: { body: initialText },
  });
  const error = form.formState.errors.body?.message;

  // A reply or edit box opens on request: the caret goes straight into it.
  useEffect(() => {
    if (autoFocus) textarea.current?.focus();
  }, [autoFocus]);

  const submit = form.handleSubmit(
    async (values) => {
      setPosted(false);
      try {
        const sent = await onSubmit(toTokens(values.body.trim(), picks.current));
        if (sent === false) return;
        form.reset({ body: "" });
        picks.current = [];
        setPosted(true);
      } catch (problem) {
        const issue = isApiProblem(problem)
          ? problem.errors.find((item) => /(^|\.)body$/.test(item.field))
          : undefined;
        const message = isApiProblem(problem)
          ? issue
            ? translate(issue.code, issue.message, problemValues(problem, issue.field))
            : translate(
                problem.code,
                problem.detail || intl.formatMessage({ id: "error.network" }),
                problemValues(problem),
              )
          : intl.formatMessage({ id: "error.network" });
        form.setError("body", { type: "server", message });
        textarea.current?.focus();
      }
    },
    () => textarea.current?.focus(),
  );

  return (
    <form noValidate className="comment-form" onSubmit={submit}>
      <Controller
        control={form.control}
        name="body"
        render={({ field }) => (
          <MentionTextarea
            id={id}
            label={label}
            value={field.value}
            onChange={(text) => {
              setPosted(false);
              field.onChange(text);
            }}
            onBlur={field.onBlur}
            onPick={(person) => {
              if (!picks.current.some((known) => known.id === person.id)) {
                picks.current = [...picks.current, person];
              }
            }}
            error={error}
            textareaRef={(node) => {
              textarea.current = node;
              field.ref(node);
            }}
          />
        )}
      />
      <div className="form__actions">
        <button type="submit" className="button" disabled={form.formState.isSubmitting}>
          {submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="button button--secondary" onClick={onCancel}>
            <FormattedMessage id="comments.cancel" />
          </button>
        ) : null}
      </div>
      <p role="status" className="visually-hidden">
        {posted ? <FormattedMessage id="comments.posted" /> : null}
      </p>
    </form>
  );
}
