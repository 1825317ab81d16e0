import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { fieldId } from "@/lib/forms/fieldId";

interface FieldFrameProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  children: ReactNode;
}

/** Label, hint and inline error around one control, wired with aria-describedby. */
function FieldFrame({ id, label, hint, error, children }: FieldFrameProps) {
  return (
    <div className={error ? "field field--error" : "field"}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <div className="field__hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {children}
    </div>
  );
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

type Common = { name: string; label: ReactNode; hint?: ReactNode; error?: string; id?: string };

export function TextField({
  name,
  label,
  hint,
  error,
  id,
  ...input
}: Common & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id"> & {
  ref?: React.Ref<HTMLInputElement>;
}) {
  const controlId = id ?? fieldId(name);
  return (
    <FieldFrame id={controlId} label={label} hint={hint} error={error}>
      <input
        id={controlId}
        name={name}
        className="field__input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(controlId, hint, error)}
        {...input}
      />
    </FieldFrame>
  );
}

export function TextAreaField({
  name,
  label,
  hint,
  error,
  id,
  ...input
}: Common & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "id"> & {
  ref?: React.Ref<HTMLTextAreaElement>;
}) {
  const controlId = id ?? fieldId(name);
  return (
    <FieldFrame id={controlId} label={label} hint={hint} error={error}>
      <textarea
        id={controlId}
        name={name}
        className="field__input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(controlId, hint, error)}
        {...input}
      />
    </FieldFrame>
  );
}

export function SelectField({
  name,
  label,
  hint,
  error,
  id,
  children,
  ...input
}: Common & Omit<SelectHTMLAttributes<HTMLSelectElement>, "name" | "id"> & {
  ref?: React.Ref<HTMLSelectElement>;
}) {
  const controlId = id ?? fieldId(name);
  return (
    <FieldFrame id={controlId} label={label} hint={hint} error={error}>
      <select
        id={controlId}
        name={name}
        className="field__input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(controlId, hint, error)}
        {...input}
      >
        {children}
      </select>
    </FieldFrame>
  );
}

export function CheckboxField({
  name,
  label,
  hint,
  error,
  id,
  ...input
}: Common & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id" | "type"> & {
  ref?: React.Ref<HTMLInputElement>;
}) {
  const controlId = id ?? fieldId(name);
  return (
    <div className={error ? "checkbox field--error" : "checkbox"}>
      <input
        id={controlId}
        name={name}
        type="checkbox"
        aria-describedby={describedBy(controlId, hint, error)}
        {...input}
      />
      <label htmlFor={controlId}>{label}</label>
      {hint ? (
        <div className="field__hint" id={`${controlId}-hint`}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <p className="field__error" id={`${controlId}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
