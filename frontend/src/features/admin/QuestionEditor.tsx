import {
  get,
  useFieldArray,
  useWatch,
  type ArrayPath,
  type FieldArray,
  type FieldValues,
  type Path,
  type PathValue,
  type UseFormReturn,
} from "react-hook-form";
import { FormattedMessage, useIntl } from "react-intl";
import { SelectField } from "@/components/Field";
import { fieldId } from "@/lib/forms/fieldId";
import type { FieldType } from "./ideationTypes";
import { FIELD_TYPES, SCALE_MAXIMUMS, SCALE_MINIMUMS, isChoice, newOption } from "./inputFormValues";
import { LocalizedTextFields } from "./LocalizedFields";

interface Common<T extends FieldValues> {
  form: UseFormReturn<T>;
  locales: string[];
  defaultLocale: string;
  /** Where the question lives in the form, e.g. `custom_fields.2` or `field`. */
  name: string;
  /** The question's number in a list of questions (buttons then say which question), if any. */
  number?: number;
}

/** The message of an error at `name`, or of an array's own error, which react-hook-form keeps in `root`. */
function messageAt(errors: unknown, name: string): string | undefined {
  const node = get(errors, name) as { message?: string; root?: { message?: string } } | undefined;
  return node?.root?.message ?? node?.message;
}

function OptionsEditor<T extends FieldValues>({ form, locales, defaultLocale, name: question, number }: Common<T>) {
  const intl = useIntl();
  const name = `${question}.options`;
  const { fields, append, remove } = useFieldArray({ control: form.control, name: name as ArrayPath<T> });
  const errors = form.formState.errors;
  const error = messageAt(errors, name);
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
              errors={errors}
              register={form.register}
              required
            />
            <button
              type="button"
              className="button button--small button--secondary"
              onClick={() => remove(optionIndex)}
            >
              {number === undefined ? (
                <FormattedMessage id="admin.question.removeOption" values={{ option: optionIndex + 1 }} />
              ) : (
                <FormattedMessage id="admin.inputForm.removeOption" values={{ option: optionIndex + 1, number }} />
              )}
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button button--small"
        onClick={() => append(newOption(locales) as FieldArray<T, ArrayPath<T>>)}
      >
        {number === undefined ? (
          <FormattedMessage id="admin.question.addOption" />
        ) : (
          <FormattedMessage id="admin.inputForm.addOption" values={{ number }} />
        )}
      </button>
    </fieldset>
  );
}

function ScaleEditor<T extends FieldValues>({ form, locales, defaultLocale, name }: Common<T>) {
  const intl = useIntl();
  const errors = form.formState.errors;
  return (
    <div className="question-scale">
      <SelectField
        label={<FormattedMessage id="admin.inputForm.scaleMin" />}
        error={messageAt(errors, `${name}.scale_min`)}
        {...form.register(`${name}.scale_min` as Path<T>)}
      >
        {SCALE_MINIMUMS.map((value) => (
          <option key={value} value={value}>
            {value}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={<FormattedMessage id="admin.inputForm.scaleMax" />}
        error={messageAt(errors, `${name}.scale_max`)}
        {...form.register(`${name}.scale_max` as Path<T>)}
      >
        {SCALE_MAXIMUMS.map((value) => (
          <option key={value} value={value}>
            {value}
          </option>
        ))}
      </SelectField>
      <LocalizedTextFields
        name={`${name}.min_label`}
        label={intl.formatMessage({ id: "admin.inputForm.minLabel" })}
        locales={locales}
        defaultLocale={defaultLocale}
        errors={errors}
        register={form.register}
      />
      <LocalizedTextFields
        name={`${name}.max_label`}
        label={intl.formatMessage({ id: "admin.inputForm.maxLabel" })}
        locales={locales}
        defaultLocale={defaultLocale}
        errors={errors}
        register={form.register}
      />
    </div>
  );
}

function QuestionTypeFields<T extends FieldValues>(props: Common<T>) {
  const type = useWatch({ control: props.form.control, name: `${props.name}.type` as Path<T> }) as FieldType;
  if (isChoice(type)) return <OptionsEditor {...props} />;
  if (type === "linear_scale") return <ScaleEditor {...props} />;
  return null;
}

/**
 * What a question is: its type (fixed once stored where answers depend on
 * it), its label and help in each language, and the options of a choice or
 * the ends of a scale. Shared by the idea form's questions and the
 * platform's registration questions.
 */
export function QuestionDefinitionFields<T extends FieldValues>({
  typeFixed = false,
  ...props
}: Common<T> & { typeFixed?: boolean }) {
  const intl = useIntl();
  const { form, locales, defaultLocale, name } = props;
  const errors = form.formState.errors;
  const type = useWatch({ control: form.control, name: `${name}.type` as Path<T> }) as FieldType;
  const typeName = (value: string) => intl.formatMessage({ id: `admin.inputForm.type.${value}` });
  return (
    <>
      {typeFixed ? (
        <p>
          <FormattedMessage id="admin.question.typeFixed" values={{ type: typeName(type) }} />
        </p>
      ) : (
        <SelectField
          label={<FormattedMessage id="admin.inputForm.type" />}
          error={messageAt(errors, `${name}.type`)}
          {...form.register(`${name}.type` as Path<T>, {
            onChange: (event: { target: { value: string } }) => {
              // A new choice question starts with the two options it needs.
              const options = form.getValues(`${name}.options` as Path<T>) as unknown[];
              if (isChoice(event.target.value as FieldType) && options.length === 0) {
                form.setValue(
                  `${name}.options` as Path<T>,
                  [newOption(locales), newOption(locales)] as PathValue<T, Path<T>>,
                );
              }
            },
          })}
        >
          {FIELD_TYPES.map((value) => (
            <option key={value} value={value}>
              {typeName(value)}
            </option>
          ))}
        </SelectField>
      )}
      <LocalizedTextFields
        name={`${name}.label`}
        label={intl.formatMessage({ id: "admin.inputForm.label" })}
        locales={locales}
        defaultLocale={defaultLocale}
        errors={errors}
        register={form.register}
        required
      />
      <LocalizedTextFields
        name={`${name}.help`}
        label={intl.formatMessage({ id: "admin.inputForm.help" })}
        locales={locales}
        defaultLocale={defaultLocale}
        errors={errors}
        register={form.register}
      />
      <QuestionTypeFields {...props} />
    </>
  );
}
