import { useEffect, useState, type ReactNode } from "react";
import { useIntl } from "react-intl";
import { TextField } from "@/components/Field";

interface Props {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  currentUrl: string | null | undefined;
  file: File | null;
  onChange: (file: File | null) => void;
  error?: string;
}

/** A file input for an image with a preview of the chosen or current image. */
export function ImageField({ name, label, hint, currentUrl, file, onChange, error }: Props) {
  const intl = useIntl();
  const [preview, setPreview] = useState<string | null>(null);
  useEffect(() => {
    if (!file) {
      setPreview(null);
      return;
    }
    const url = URL.createObjectURL(file);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [file]);
  const shown = preview ?? currentUrl;
  return (
    <div className="image-field">
      {shown ? (
        <img
          src={shown}
          className="image-field__preview"
          alt={intl.formatMessage({ id: "admin.image.preview" })}
        />
      ) : null}
      <TextField
        name={name}
        label={label}
        hint={hint}
        error={error}
        type="file"
        accept="image/png,image/jpeg,image/webp"
        onChange={(event) => onChange(event.target.files?.[0] ?? null)}
      />
    </div>
  );
}
