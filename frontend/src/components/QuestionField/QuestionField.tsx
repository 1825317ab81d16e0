import type { ReactNode } from "react";
import { Controller, type FieldValues, type Path, type UseFormReturn } from "react-hook-form";
import { CheckboxField, SelectField, TextAreaField, TextField } from "@/components/Field";
import { fieldId } from "@/lib/forms/fieldId";
import { useLocalized } from "@/lib/i18n";
import type { Question } from "@/lib/forms/questions";

interface Props<T extends FieldValues> {
  field: Question;
  form: UseFormReturn<T>;
  /** Where the answer lives in the form, e.g. `custom_fields.<id>` or `answers.<id>`. */
  name: Path<T>;
  /** The question's label as the form shows it (the caller marks optional ones). */
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
}

/**
 * One question residents answer, as the control its type needs. Groups
 * (several choices, a scale) are fieldsets whose first control carries the
 * field's id, so an error summary can move focus to it.
 */
export function QuestionField<T extends FieldValues>({ field, form, name, label, hint, error }: Props<T>) {
  const localize = useLocalized();
  const id = fieldId(name);
  switch (field.type) {
    case "text":
      return <TextField label={label} hint={hint} error={error} {...form.register(name)} />;
    case "multiline":
      return <TextAreaField label={label} hint={hint} error={error} rows={5} {...form.register(name)} />;
    case "number":
      return <TextField label={label} hint={hint} error={error} inputMode="decimal" {...form.register(name)} />;
    case "date":
      return <TextField label={label} hint={hint} error={error} type="date" {...form.register(name)} />;
    case "checkbox":
      return <CheckboxField label={label} hint={hint} error={error} {...form.register(name)} />;
    case "single_choice":
      return (
        <SelectField label={label} hint={hint} error={error} {...form.register(name)}>
          <option value="">{"—"}</option>
          {field.options.map((option) => (
            <option key={option.id} value={option.id}>
              {localize(option.label)}
            </option>
          ))}
        </SelectField>
      );
    case "multiple_choice":
      return (
        <Controller
          control={form.control}
          name={name}
          render={({ field: control }) => {
            const chosen: string[] = Array.isArray(control.value) ? control.value : [];
            return (
              <fieldset
                className={error ? "fieldset field--error" : "fieldset"}
                aria-describedby={error ? `${id}-error` : undefined}
              >
                <legend>{label}</legend>
                {hint ? <div className="field__hint">{hint}</div> : null}
                {error ? (
                  <p className="field__error" id={`${id}-error`}>
                    {error}
                  </p>
                ) : null}
                {field.options.map((option, index) => (
                  <div className="checkbox" key={option.id}>
                    <input
                      type="checkbox"
                      id={index === 0 ? id : `${id}-${option.id}`}
                      name={name}
                      value={option.id}
                      checked={chosen.includes(option.id)}
                      onChange={(event) =>
                        control.onChange(
                          event.target.checked
                            ? [...chosen, option.id]
                            : chosen.filter((value) => value !== option.id),
                        )
                      }
                    />
                    <label htmlFor={index === 0 ? id : `${id}-${option.id}`}>{localize(option.label)}</label>
                  </div>
                ))}
              </fieldset>
            );
          }}
        />
      );
    case "linear_scale": {
      const low = field.scale_min ?? 0;
      const high = field.scale_max ?? 5;
      const steps = Array.from({ length: high - low + 1 }, (_, index) => low + index);
      return (
        <fieldset
          className={error ? "fieldset field--error scale" : "fieldset scale"}
          aria-describedby={error ? `${id}-error` : undefined}
        >
          <legend>{label}</legend>
          {hint ? <div className="field__hint">{hint}</div> : null}
          {error ? (
            <p className="field__error" id={`${id}-error`}>
              {error}
            </p>
          ) : null}
          <div className="scale__options">
            {localize(field.min_label) ? <span className="scale__end muted">{localize(field.min_label)}</span> : null}
            {steps.map((step, index) => (
              <span className="scale__option" key={step}>
                <input type="radio" id={index === 0 ? id : `${id}-${step}`} value={String(step)} {...form.register(name)} />
                <label htmlFor={index === 0 ? id : `${id}-${step}`}>{step}</label>
              </span>
            ))}
            {localize(field.max_label) ? <span className="scale__end muted">{localize(field.max_label)}</span> : null}
          </div>
        </fieldset>
      );
    }
  }
}
