import type { ReactNode } from "react";
import { FormattedNumber } from "react-intl";

export interface ListedFile {
  key: string;
  name: string;
  size: number;
  url: string;
}

/** A titled list of downloadable files with their sizes (project files, idea files). */
export function FileList({ id, title, files }: { id: string; title: ReactNode; files: ListedFile[] }) {
  if (files.length === 0) return null;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <ul className="attachments">
        {files.map((file) => (
          <li key={file.key}>
            <a href={file.url} download={file.name}>
              {file.name}
            </a>{" "}
            <span className="muted">
              (<FormattedNumber value={file.size / 1024} maximumFractionDigits={0} /> KB)
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
