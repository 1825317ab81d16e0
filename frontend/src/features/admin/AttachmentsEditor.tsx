import { useState } from "react";
import { FormattedMessage, FormattedNumber } from "react-intl";
import { TextField } from "@/components/Field";
import { api, unwrap } from "@/lib/api/client";
import { isApiProblem } from "@/lib/api/problem";
import type { Project } from "@/lib/api/types";
import { uploadFile } from "@/lib/api/upload";
import { useInvalidateProjects } from "./api";

/** Upload files to a project and remove them. */
export function AttachmentsEditor({ project }: { project: Project }) {
  const invalidate = useInvalidateProjects();
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [inputKey, setInputKey] = useState(0);

  const add = async () => {
    if (!file) {
      setError("required");
      document.getElementById("field-attachment_file")?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const key = await uploadFile("project_attachment", file);
      await unwrap(
        api.POST("/api/v1/projects/{project_id}/attachments", {
          params: { path: { project_id: project.id } },
          body: { upload_key: key, ...(name.trim() ? { name: name.trim() } : {}) },
        }),
      );
      setFile(null);
      setName("");
      setInputKey((value) => value + 1);
      await invalidate();
    } catch (caught) {
      setError(isApiProblem(caught) && caught.detail ? caught.detail : "failed");
    } finally {
      setBusy(false);
    }
  };

  const remove = async (attachmentId: string) => {
    setError(null);
    try {
      await unwrap(
        api.DELETE("/api/v1/projects/{project_id}/attachments/{attachment_id}", {
          params: { path: { project_id: project.id, attachment_id: attachmentId } },
        }),
      );
      await invalidate();
    } catch (caught) {
      setError(isApiProblem(caught) && caught.detail ? caught.detail : "failed");
    }
  };

  return (
    <section aria-labelledby="attachments-editor-title" className="panel">
      <h2 id="attachments-editor-title">
        <FormattedMessage id="project.attachments" />
      </h2>
      {project.attachments.length === 0 ? (
        <p>
          <FormattedMessage id="admin.attachments.empty" />
        </p>
      ) : (
        <ul className="attachments">
          {project.attachments.map((attachment) => (
            <li key={attachment.id}>
              <a href={attachment.url}>{attachment.name}</a>{" "}
              <span className="muted">
                (<FormattedNumber value={attachment.size / 1024} maximumFractionDigits={0} /> KB)
              </span>{" "}
              <button
                type="button"
                className="button button--small button--warning"
                onClick={() => void remove(attachment.id)}
              >
                <FormattedMessage id="admin.attachments.remove" values={{ name: attachment.name }} />
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="fieldset" role="group" aria-labelledby="attachments-add-title">
        <h3 id="attachments-add-title">
          <FormattedMessage id="admin.attachments.add" />
        </h3>
        <TextField
          key={inputKey}
          name="attachment_file"
          type="file"
          label={<FormattedMessage id="admin.attachments.file" />}
          aria-invalid={error === "required" ? true : undefined}
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
        />
        <TextField
          name="attachment_name"
          label={<FormattedMessage id="admin.attachments.name" />}
          hint={<FormattedMessage id="admin.attachments.nameHint" />}
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
        {error ? (
          <p className="field__error" role="alert">
            {error === "required" ? (
              <FormattedMessage id="admin.attachments.chooseFile" />
            ) : error === "failed" ? (
              <FormattedMessage id="error.action" />
            ) : (
              error
            )}
          </p>
        ) : null}
        <button type="button" className="button" disabled={busy} onClick={() => void add()}>
          <FormattedMessage id="admin.attachments.upload" />
        </button>
      </div>
    </section>
  );
}
