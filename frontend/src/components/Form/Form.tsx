import { useState, type ReactNode } from "react";
import type { FieldErrors, FieldValues, UseFormReturn } from "react-hook-form";
import { useIntl } from "react-intl";
import { ErrorSummary, type ErrorSummaryItem } from "@/components/ErrorSummary";
import { fieldId } from "@/lib/forms/fieldId";
import { useProblemTranslator } from "@/lib/forms/messages";
import { applyProblem, type FieldMapper } from "@/lib/forms/problem";

interface Props<T extends FieldValues> {
  form: UseFormReturn<T>;
  onSubmit: (values: T) => Promise<void>;
  /** Maps an API field name onto a form field; defaults to fields the form has. */
  mapField?: FieldMapper<T>;
  submitLabel: ReactNode;
  children: ReactNode;
  /** Extra controls shown beside the submit button. */
  actions?: ReactNode;
  "aria-label"?: string;
}

/** Flatten react-hook-form's nested errors to ("title.en", message) pairs. */
export function flattenErrors(errors: FieldErrors, prefix = ""): ErrorSummaryItem[] {
  const items: ErrorSummaryItem[] = [];
  for (const [key, value] of Object.entries(errors)) {
    if (!value) continue;
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value.message === "string" && value.message) {
      // A list's own error (react-hook-form's `root` of an array) links to the list; the form's own to nothing.
      const target = key === "root" ? prefix : name;
      items.push({ fieldId: target ? fieldId(target) : null, message: value.message });
    } else if (typeof value === "object") {
      items.push(...flattenErrors(value as FieldErrors, name));
    }
  }
  return items;
}

/**
 * A form with the behaviour every form here needs: browser validation off
 * (ours is translated and accessible), an error summary that takes focus on
 * a failed submit, and problem+json field errors placed on their fields.
 */
export function Form<T extends FieldValues>({
  form,
  onSubmit,
  mapField,
  submitLabel,
  children,
  actions,
  ...rest
}: Props<T>) {
  const intl = useIntl();
  const translate = useProblemTranslator();
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [focusSignal, setFocusSignal] = useState(0);
  const fields = Object.keys(form.getValues() ?? {});
  const mapper: FieldMapper<T> =
    mapField ??
    ((apiField) => {
      const root = apiField.split(".")[0];
      return fields.includes(root) ? (apiField as never) : null;
    });

  const submit = form.handleSubmit(
    async (values) => {
      setFormErrors([]);
      try {
        await onSubmit(values);
      } catch (error) {
        setFormErrors(
          applyProblem(error, form.setError, mapper, intl.formatMessage({ id: "error.network" }), translate),
        );
        setFocusSignal((signal) => signal + 1);
      }
    },
    () => {
      setFormErrors([]);
      setFocusSignal((signal) => signal + 1);
    },
  );

  const items = [
    ...formErrors.map((message) => ({ fieldId: null, message })),
    ...flattenErrors(form.formState.errors),
  ];

  return (
    <form noValidate onSubmit={submit} className="form" aria-label={rest["aria-label"]}>
      <ErrorSummary items={items} focusSignal={focusSignal} />
      {children}
      <div className="form__actions">
        <button type="submit" className="button" disabled={form.formState.isSubmitting}>
          {submitLabel}
        </button>
        {actions}
      </div>
    </form>
  );
}
