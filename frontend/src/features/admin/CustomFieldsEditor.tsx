import { useEffect, useRef } from "react";
import { useFieldArray, type UseFormReturn } from "react-hook-form";
import { FormattedMessage } from "react-intl";
import { CheckboxField } from "@/components/Field";
import { fieldId } from "@/lib/forms/fieldId";
import { newQuestion, type InputFormValues } from "./inputFormValues";
import { QuestionDefinitionFields } from "./QuestionEditor";

interface Common {
  form: UseFormReturn<InputFormValues>;
  locales: string[];
  defaultLocale: string;
}

/**
 * The project's own questions: add one of every type, edit its label and help
 * in each language, its options or scale, whether it is required or shown,
 * move it up or down, remove it. Nothing is saved until the form is.
 */
export function CustomFieldsEditor({ form, locales, defaultLocale }: Common) {
  const { fields, append, remove, move } = useFieldArray({ control: form.control, name: "custom_fields" });
  const errors = form.formState.errors;
  const focusAfter = useRef<string | null>(null);

  useEffect(() => {
    if (focusAfter.current) {
      document.getElementById(focusAfter.current)?.focus();
      focusAfter.current = null;
    }
  });

  const moveQuestion = (index: number, delta: -1 | 1) => {
    const target = index + delta;
    const moved = fields[index];
    // Keep focus on the moved question's button, or its other one at an edge.
    const direction =
      delta < 0 ? (target === 0 ? "down" : "up") : target === fields.length - 1 ? "up" : "down";
    focusAfter.current = `question-${direction}-${moved.id}`;
    move(index, target);
  };

  return (
    <section className="panel" aria-labelledby="custom-fields-title">
      <h2 id="custom-fields-title">
        <FormattedMessage id="admin.inputForm.customFields" />
      </h2>
      {fields.length === 0 ? (
        <p>
          <FormattedMessage id="admin.inputForm.noQuestions" />
        </p>
      ) : null}
      <ol className="questions">
        {fields.map((question, index) => {
          const number = index + 1;
          const name = `custom_fields.${index}` as const;
          const error = (errors.custom_fields?.[index] as { message?: string } | undefined)?.message;
          return (
            <li key={question.id} className="question">
              <fieldset className="fieldset" id={fieldId(name)} tabIndex={-1}>
                <legend>
                  <FormattedMessage id="admin.inputForm.question" values={{ number }} />
                </legend>
                {error ? (
                  <p className="field__error" role="alert">
                    {error}
                  </p>
                ) : null}
                <QuestionDefinitionFields
                  form={form}
                  locales={locales}
                  defaultLocale={defaultLocale}
                  name={name}
                  number={number}
                />
                <CheckboxField
                  label={<FormattedMessage id="admin.inputForm.questionRequired" />}
                  {...form.register(`${name}.required`)}
                />
                <CheckboxField
                  label={<FormattedMessage id="admin.inputForm.questionEnabled" />}
                  hint={<FormattedMessage id="admin.inputForm.questionEnabledHint" />}
                  {...form.register(`${name}.enabled`)}
                />
                <div className="status-actions">
                  {index > 0 ? (
                    <button
                      id={`question-up-${question.id}`}
                      type="button"
                      className="button button--small button--secondary"
                      onClick={() => moveQuestion(index, -1)}
                    >
                      <FormattedMessage id="admin.inputForm.moveUp" values={{ number }} />
                    </button>
                  ) : null}
                  {index < fields.length - 1 ? (
                    <button
                      id={`question-down-${question.id}`}
                      type="button"
                      className="button button--small button--secondary"
                      onClick={() => moveQuestion(index, 1)}
                    >
                      <FormattedMessage id="admin.inputForm.moveDown" values={{ number }} />
                    </button>
                  ) : null}
                  <button
                    type="button"
                    className="button button--small button--warning"
                    onClick={() => remove(index)}
                  >
                    <FormattedMessage id="admin.inputForm.removeQuestion" values={{ number }} />
                  </button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button type="button" className="button" onClick={() => append(newQuestion(locales), { shouldFocus: false })}>
        <FormattedMessage id="admin.inputForm.addQuestion" />
      </button>
    </section>
  );
}
