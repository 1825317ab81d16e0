import type { UseFormReturn } from "react-hook-form";
import { FormattedMessage } from "react-intl";
import { QuestionField } from "@/components/QuestionField";
import { useLocalized } from "@/lib/i18n";
import type { IdeaFormValues } from "./ideaForm";
import type { CustomField } from "./types";

/** One of the project's own questions on the idea form (optional ones say so). */
export function CustomFieldInput({ field, form }: { field: CustomField; form: UseFormReturn<IdeaFormValues> }) {
  const localize = useLocalized();
  const text = localize(field.label);
  return (
    <QuestionField
      field={field}
      form={form}
      name={`custom_fields.${field.id}`}
      label={field.required ? text : <FormattedMessage id="ideas.form.optional" values={{ label: text }} />}
      hint={localize(field.help) || undefined}
      error={form.formState.errors.custom_fields?.[field.id]?.message}
    />
  );
}
