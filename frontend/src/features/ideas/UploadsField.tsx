import { useEffect, useRef, useState, type ReactNode } from "react";
import { FormattedMessage, FormattedNumber, useIntl } from "react-intl";
import { fieldId } from "@/lib/forms/fieldId";
import { isApiProblem } from "@/lib/api/problem";
import { uploadFile } from "@/lib/api/upload";
import { useProblemTranslator } from "@/lib/forms/messages";
import type { ProblemTranslator } from "@/lib/forms/problem";
import type { AttachmentValue, ImageValue } from "./ideaForm";

function uploadError(
  error: unknown,
  translate: ProblemTranslator,
  fallback: string,
  tooLarge: (mb: number) => string,
): string {
  if (!isApiProblem(error)) return fallback;
  if (error.code === "file_too_large" && typeof error.extra.max_bytes === "number") {
    return tooLarge(Math.floor(error.extra.max_bytes / (1024 * 1024)));
  }
  // A refused ticket says why in its field issue (size, content_type); the problem's own code
  // is then only "validation_failed".
  const issue = error.errors[0];
  if (issue) return translate(issue.code, issue.message);
  return translate(error.code, error.detail || fallback);
}

function FileInput({
  name,
  label,
  hint,
  error,
  accept,
  disabled,
  onFiles,
}: {
  name: string;
  label: ReactNode;
  hint: ReactNode;
  error?: string;
  accept: string;
  disabled: boolean;
  onFiles: (files: File[]) => void;
}) {
  const id = fieldId(name);
  const [inputKey, setInputKey] = useState(0);
  return (
    <div className={error ? "field field--error" : "field"}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <div className="field__hint" id={`${id}-hint`}>
        {hint}
      </div>
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <input
        key={inputKey}
        id={id}
        name={name}
        type="file"
        multiple
        accept={accept}
        className="field__input"
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={[`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(" ")}
        onChange={(event) => {
          onFiles(Array.from(event.target.files ?? []));
          setInputKey((value) => value + 1);
        }}
      />
    </div>
  );
}

/** Why an upload failed, in the viewer's language when the catalogs know the problem's code. */
function useUploadError(): (error: unknown) => string {
  const intl = useIntl();
  const translate = useProblemTranslator();
  const failed = intl.formatMessage({ id: "ideas.upload.failed" });
  return (error) =>
    uploadError(error, translate, failed, (mb) => intl.formatMessage({ id: "ideas.upload.tooLarge" }, { mb }));
}

/** Images uploaded as soon as they are chosen, with previews, removal and the form's limit. */
export function ImagesField({
  value,
  onChange,
  max,
  required,
  error,
}: {
  value: ImageValue[];
  onChange: (images: ImageValue[]) => void;
  max: number;
  required: boolean;
  error?: string;
}) {
  const intl = useIntl();
  const describe = useUploadError();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const latest = useRef(value);
  latest.current = value;
  const created = useRef<string[]>([]);
  useEffect(() => () => created.current.forEach((url) => URL.revokeObjectURL(url)), []);

  const add = async (files: File[]) => {
    setProblem(null);
    const room = max - latest.current.length;
    if (files.length > room) setProblem(intl.formatMessage({ id: "ideas.upload.tooManyImages" }, { max }));
    setBusy(true);
    try {
      for (const file of files.slice(0, Math.max(room, 0))) {
        const key = await uploadFile("idea_image", file);
        const url = URL.createObjectURL(file);
        created.current.push(url);
        latest.current = [...latest.current, { key, url, name: file.name }];
        onChange(latest.current);
      }
    } catch (caught) {
      setProblem(describe(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <fieldset className="fieldset uploads">
      <legend>
        <FormattedMessage id={required ? "ideas.form.images" : "ideas.form.imagesOptional"} />
      </legend>
      {value.length > 0 ? (
        <ul className="uploads__images">
          {value.map((image, index) => (
            <li key={image.key}>
              {image.url ? (
                <img src={image.url} alt={intl.formatMessage({ id: "ideas.form.imagePreview" }, { index: index + 1 })} />
              ) : (
                <span className="uploads__placeholder">
                  <FormattedMessage id="ideas.form.imagePreview" values={{ index: index + 1 }} />
                </span>
              )}
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => onChange(value.filter((item) => item.key !== image.key))}
              >
                <FormattedMessage id="ideas.form.removeImage" values={{ index: index + 1 }} />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <FileInput
        name="images"
        label={<FormattedMessage id="ideas.form.addImages" />}
        hint={<FormattedMessage id="ideas.form.imagesHint" values={{ max, left: Math.max(max - value.length, 0) }} />}
        error={problem ?? error}
        accept="image/png,image/jpeg,image/webp"
        disabled={busy || value.length >= max}
        onFiles={(files) => void add(files)}
      />
      <p role="status" className="muted">
        {busy ? <FormattedMessage id="ideas.upload.uploading" /> : null}
      </p>
    </fieldset>
  );
}

/** Documents uploaded as soon as they are chosen, listed with their size, each removable. */
export function AttachmentsField({
  value,
  onChange,
  required,
  error,
}: {
  value: AttachmentValue[];
  onChange: (files: AttachmentValue[]) => void;
  required: boolean;
  error?: string;
}) {
  const describe = useUploadError();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const latest = useRef(value);
  latest.current = value;

  const add = async (files: File[]) => {
    setProblem(null);
    setBusy(true);
    try {
      for (const file of files) {
        const key = await uploadFile("idea_attachment", file);
        latest.current = [...latest.current, { key, name: file.name, size: file.size }];
        onChange(latest.current);
      }
    } catch (caught) {
      setProblem(describe(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <fieldset className="fieldset uploads">
      <legend>
        <FormattedMessage id={required ? "ideas.form.attachments" : "ideas.form.attachmentsOptional"} />
      </legend>
      {value.length > 0 ? (
        <ul className="attachments">
          {value.map((file) => (
            <li key={file.key}>
              {file.name}{" "}
              <span className="muted">
                (<FormattedNumber value={file.size / 1024} maximumFractionDigits={0} /> KB)
              </span>{" "}
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => onChange(value.filter((item) => item.key !== file.key))}
              >
                <FormattedMessage id="ideas.form.removeFile" values={{ name: file.name }} />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <FileInput
        name="attachments"
        label={<FormattedMessage id="ideas.form.addFiles" />}
        hint={<FormattedMessage id="ideas.form.filesHint" />}
        error={problem ?? error}
        accept=".pdf,.jpg,.jpeg,.png,.txt,.csv,.docx,.xlsx,.pptx,.odt"
        disabled={busy}
        onFiles={(files) => void add(files)}
      />
      <p role="status" className="muted">
        {busy ? <FormattedMessage id="ideas.upload.uploading" /> : null}
      </p>
    </fieldset>
  );
}
