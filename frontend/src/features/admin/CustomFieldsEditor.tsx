import { useEffect, useRef } from "react";
import { useFieldArray, useWatch, type Control, type FieldErrors, type UseFormReturn } from "react-hook-form";
import { FormattedMessage, useIntl } from "react-intl";
import { CheckboxField, SelectField } from "@/components/Field";
import { fieldId } from "@/lib/forms/fieldId";
import {
  FIELD_TYPES,
  SCALE_MAXIMUMS,
  SCALE_MINIMUMS,
  isChoice,
  newOption,
  newQuestion,
  type InputFormValues,
} from "./inputFormValues";
import { LocalizedTextFields } from "./LocalizedFields";

interface Common {
  form: UseFormReturn<InputFormValues>;
  locales: string[];
  defaultLocale: string;
}

/** The message of an array's own error, which react-hook-form keeps in `root` or on the array. */
function arrayError(errors: unknown): string | undefined {
  const node = errors as { message?: string; root?: { message?: string } } | undefined;
  return node?.root?.message ?? node?.message;
}

function OptionsEditor({ form, locales, defaultLocale, index }: Common & { index: number }) {
  const intl = useIntl();
  const name = `custom_fields.${index}.options` as const;
  const { fields, append, remove } = useFieldArray({ control: form.control, name });
  const errors = form.formState.errors;
  const error = arrayError(errors.custom_fields?.[index]?.options);
  const number = index + 1;
  return (
    <fieldset className="fieldset" id={fieldId(name)} tabIndex={-1} aria-describedby={error ? `${fieldId(name)}-error` : undefined}>
      <legend>
        <FormattedMessage id="admin.inputForm.options" />
      </legend>
      {error ? (
        <p className="field__error" id={`${fieldId(name)}-error`}>
          {error}
        </p>
      ) : null}
      <ol className="question-options">
        {fields.map((option, optionIndex) => (
          <li key={option.id}>
            <LocalizedTextFields
              name={`${name}.${optionIndex}.label`}
              label={intl.formatMessage({ id: "admin.inputForm.option" }, { number: optionIndex + 1 })}
              locales={locales}
              defaultLocale={defaultLocale}
              errors={errors as FieldErrors<InputFormValues>}
              register={form.register}
              required
            />
            <button
              type="button"
              className="button button--small button--secondary"
              onClick={() => remove(optionIndex)}
            >
              <FormattedMessage
                id="admin.inputForm.removeOption"
                values={{ option: optionIndex + 1, number }}
              />
            </button>
          </li>
        ))}
      </ol>
      <button type="button" className="button button--small" onClick={() => append(newOption(locales))}>
        <FormattedMessage id="admin.inputForm.addOption" values={{ number }} />
      </button>
    </fieldset>
  );
}

function ScaleEditor({ form, locales, defaultLocale, index }: Common & { index: number }) {
  const intl = useIntl();
  const errors = form.formState.errors;
  const question = errors.custom_fields?.[index];
  return (
    <div className="question-scale">
      <SelectField
        label={<FormattedMessage id="admin.inputForm.scaleMin" />}
        error={question?.scale_min?.message}
        {...form.register(`custom_fields.${index}.scale_min`)}
      >
        {SCALE_MINIMUMS.map((value) => (
          <option key={value} value={value}>
            {value}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={<FormattedMessage id="admin.inputForm.scaleMax" />}
        error={question?.scale_max?.message}
        {...form.register(`custom_fields.${index}.scale_max`)}
      >
        {SCALE_MAXIMUMS.map((value) => (
          <option key={value} value={value}>
            {value}
          </option>
        ))}
      </SelectField>
      <LocalizedTextFields
        name={`custom_fields.${index}.min_label`}
        label={intl.formatMessage({ id: "admin.inputForm.minLabel" })}
        locales={locales}
        defaultLocale={defaultLocale}
        errors={errors as FieldErrors<InputFormValues>}
        register={form.register}
      />
      <LocalizedTextFields
        name={`custom_fields.${index}.max_label`}
        label={intl.formatMessage({ id: "admin.inputForm.maxLabel" })}
        locales={locales}
        defaultLocale={defaultLocale}
        errors={errors as FieldErrors<InputFormValues>}
        register={form.register}
      />
    </div>
  );
}

function QuestionTypeFields({ form, locales, defaultLocale, index }: Common & { index: number }) {
  const type = useWatch({ control: form.control as Control<InputFormValues>, name: `custom_fields.${index}.type` });
  if (isChoice(type)) return <OptionsEditor form={form} locales={locales} defaultLocale={defaultLocale} index={index} />;
  if (type === "linear_scale") {
    return <ScaleEditor form={form} locales={locales} defaultLocale={defaultLocale} index={index} />;
  }
  return null;
}

/**
 * The project's own questions: add one of every type, edit its label and help
 * in each language, its options or scale, whether it is required or shown,
 * move it up or down, remove it. Nothing is saved until the form is.
 */
export function CustomFieldsEditor({ form, locales, defaultLocale }: Common) {
  const intl = useIntl();
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
                <SelectField
                  label={<FormattedMessage id="admin.inputForm.type" />}
                  error={errors.custom_fields?.[index]?.type?.message}
                  {...form.register(`${name}.type`, {
                    onChange: (event: { target: { value: string } }) => {
                      // A new choice question starts with the two options it needs.
                      const options = form.getValues(`${name}.options`);
                      if ((event.target.value === "single_choice" || event.target.value === "multiple_choice") && options.length === 0) {
                        form.setValue(`${name}.options`, [newOption(locales), newOption(locales)]);
                      }
                    },
                  })}
                >
                  {FIELD_TYPES.map((type) => (
                    <option key={type} value={type}>
                      {intl.formatMessage({ id: `admin.inputForm.type.${type}` })}
                    </option>
                  ))}
                </SelectField>
                <LocalizedTextFields
                  name={`${name}.label`}
                  label={intl.formatMessage({ id: "admin.inputForm.label" })}
                  locales={locales}
                  defaultLocale={defaultLocale}
                  errors={errors as FieldErrors<InputFormValues>}
                  register={form.register}
                  required
                />
                <LocalizedTextFields
                  name={`${name}.help`}
                  label={intl.formatMessage({ id: "admin.inputForm.help" })}
                  locales={locales}
                  defaultLocale={defaultLocale}
                  errors={errors as FieldErrors<InputFormValues>}
                  register={form.register}
                />
                <QuestionTypeFields form={form} locales={locales} defaultLocale={defaultLocale} index={index} />
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
