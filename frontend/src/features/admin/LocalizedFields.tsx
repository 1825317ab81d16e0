import type { ReactNode } from "react";
import { Controller, type Control, type FieldErrors, type FieldValues, type Path, type UseFormRegister } from "react-hook-form";
import { FormattedMessage } from "react-intl";
import { TextField } from "@/components/Field";
import { nativeLanguageName } from "@/config/locales";
import { fieldId } from "@/lib/forms/fieldId";
import { RichTextEditor } from "@/components/RichTextEditor";

/** The message of the error at `name.locale` in react-hook-form's nested errors. */
function errorAt(errors: FieldErrors, name: string, locale?: string): string | undefined {
  let node: unknown = errors;
  for (const part of [...name.split("."), ...(locale ? [locale] : [])]) {
    node = node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined;
  }
  const message = (node as { message?: unknown } | undefined)?.message;
  return typeof message === "string" ? message : undefined;
}

interface Props<T extends FieldValues> {
  name: string;
  label: string;
  locales: string[];
  defaultLocale: string;
  errors: FieldErrors<T>;
  /** Whether the default locale's text is required. */
  required?: boolean;
  /** What the field is for, under its legend (text inputs only). */
  hint?: ReactNode;
}

/** An error about the field as a whole (e.g. "enter a text in at least one language"). */
function GroupError({ errors, name }: { errors: FieldErrors; name: string }) {
  const message = errorAt(errors, name);
  return message ? (
    <p className="field__error" id={`${fieldId(name)}-error`}>
      {message}
    </p>
  ) : null;
}

/** One text input per enabled locale, grouped in a fieldset named for the field. */
export function LocalizedTextFields<T extends FieldValues>({
  name,
  label,
  locales,
  defaultLocale,
  errors,
  register,
  required = false,
  hint,
}: Props<T> & { register: UseFormRegister<T> }) {
  const described = [hint ? `${fieldId(name)}-hint` : null, errorAt(errors, name) ? `${fieldId(name)}-error` : null]
    .filter(Boolean)
    .join(" ");
  return (
    <fieldset className="fieldset" id={fieldId(name)} tabIndex={-1} aria-describedby={described || undefined}>
      <legend>{label}</legend>
      {hint ? (
        <p className="field__hint" id={`${fieldId(name)}-hint`}>
          {hint}
        </p>
      ) : null}
      <GroupError errors={errors} name={name} />
      {locales.map((locale) => (
        <TextField
          key={locale}
          lang={locale}
          label={
            <FormattedMessage
              id={required && locale === defaultLocale ? "admin.localized.required" : "admin.localized.label"}
              values={{ field: label, language: nativeLanguageName(locale) }}
            />
          }
          error={errorAt(errors, name, locale)}
          {...register(`${name}.${locale}` as Path<T>)}
        />
      ))}
    </fieldset>
  );
}

/** One rich-text editor per enabled locale. */
export function LocalizedRichTextFields<T extends FieldValues>({
  name,
  label,
  locales,
  defaultLocale,
  errors,
  control,
  required = false,
}: Props<T> & { control: Control<T> }) {
  return (
    <fieldset
      className="fieldset"
      id={fieldId(name)}
      tabIndex={-1}
      aria-describedby={errorAt(errors, name) ? `${fieldId(name)}-error` : undefined}
    >
      <legend>{label}</legend>
      <GroupError errors={errors} name={name} />
      {locales.map((locale) => (
        <Controller
          key={locale}
          control={control}
          name={`${name}.${locale}` as Path<T>}
          render={({ field }) => (
            <RichTextEditor
              name={field.name}
              lang={locale}
              label={
                <FormattedMessage
                  id={required && locale === defaultLocale ? "admin.localized.required" : "admin.localized.label"}
                  values={{ field: label, language: nativeLanguageName(locale) }}
                />
              }
              value={(field.value as string | undefined) ?? ""}
              onChange={field.onChange}
              error={errorAt(errors, name, locale)}
            />
          )}
        />
      ))}
    </fieldset>
  );
}
