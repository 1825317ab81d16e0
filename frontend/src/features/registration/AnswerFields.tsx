import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import { FormattedMessage } from "react-intl";
import { QuestionField } from "@/components/QuestionField";
import { useLocalized } from "@/lib/i18n";
import type { RegistrationField } from "./types";

interface Props<T extends FieldValues> {
  fields: RegistrationField[];
  form: UseFormReturn<T>;
  /** The form's object holding the answers by field id (e.g. `answers`). */
  prefix: string;
}

/**
 * The platform's registration questions: optional ones say so, and each
 * shows its help and why the platform asks it.
 */
export function AnswerFields<T extends FieldValues>({ fields, form, prefix }: Props<T>) {
  const localize = useLocalized();
  const errors = form.formState.errors as Record<string, Record<string, { message?: string } | undefined> | undefined>;
  return (
    <>
      {fields.map((field) => {
        const text = localize(field.label);
        const help = localize(field.help);
        const purpose = localize(field.purpose);
        const hint =
          help || purpose ? (
            <>
              {help ? <span className="hint-line">{help}</span> : null}
              {help && purpose ? " " : null}
              {purpose ? (
                <span className="hint-line">
                  <FormattedMessage id="registration.purpose" values={{ purpose }} />
                </span>
              ) : null}
            </>
          ) : undefined;
        return (
          <QuestionField
            key={field.id}
            field={field}
            form={form}
            name={`${prefix}.${field.id}` as Path<T>}
            label={
              field.required ? text : <FormattedMessage id="registration.optional" values={{ label: text }} />
            }
            hint={hint}
            error={errors[prefix]?.[field.id]?.message}
          />
        );
      })}
    </>
  );
}
