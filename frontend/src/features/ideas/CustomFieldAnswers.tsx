import { FormattedDate, FormattedMessage, FormattedNumber } from "react-intl";
import { useLocalized } from "@/lib/i18n";
import type { CustomField, CustomValue } from "./types";

function Answer({ field, value }: { field: CustomField; value: CustomValue }) {
  const localize = useLocalized();
  const option = (id: string) => localize(field.options.find((item) => item.id === id)?.label) || id;
  switch (field.type) {
    case "checkbox":
      return <FormattedMessage id={value ? "ideas.answer.yes" : "ideas.answer.no"} />;
    case "number":
      return typeof value === "number" ? <FormattedNumber value={value} /> : <>{String(value)}</>;
    case "date":
      return typeof value === "string" ? <FormattedDate value={`${value}T00:00:00`} dateStyle="long" /> : null;
    case "single_choice":
      return <>{option(String(value))}</>;
    case "multiple_choice":
      return <>{(Array.isArray(value) ? value : []).map(option).join(", ")}</>;
    case "linear_scale":
      return (
        <FormattedMessage
          id="ideas.answer.scale"
          values={{ value: Number(value), max: field.scale_max ?? 5 }}
        />
      );
    default:
      return <span className="pre-line">{String(value)}</span>;
  }
}

/** The answers an idea gave to the project's own questions, each under its label. */
export function CustomFieldAnswers({ fields, values }: { fields: CustomField[]; values: Record<string, CustomValue> }) {
  const localize = useLocalized();
  const answered = fields.filter((field) => {
    const value = values[field.id];
    return value !== undefined && value !== null && value !== "" && !(Array.isArray(value) && value.length === 0);
  });
  if (answered.length === 0) return null;
  return (
    <dl className="idea-answers">
      {answered.map((field) => (
        <div key={field.id} className="idea-answers__item">
          <dt>{localize(field.label)}</dt>
          <dd>
            <Answer field={field} value={values[field.id]} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
