import { api, unwrap } from "./client";
import { ApiProblem } from "./problem";
import type { UploadPurpose } from "./types";

/**
 * Upload a file straight to storage with a presigned POST and return the key
 * the feature then attaches (avatar, logo, header image, attachment).
 */
export async function uploadFile(purpose: UploadPurpose, file: File): Promise<string> {
  const ticket = await unwrap(
    api.POST("/api/v1/uploads", {
      body: {
        purpose,
        filename: file.name,
        content_type: file.type || "application/octet-stream",
        size: file.size,
      },
    }),
  );
  if (file.size > ticket.max_bytes) {
    throw new ApiProblem(413, { code: "file_too_large", detail: "", max_bytes: ticket.max_bytes });
  }
  const form = new FormData();
  Object.entries(ticket.fields).forEach(([name, value]) => form.append(name, value));
  form.append("file", file);
  const response = await fetch(ticket.url, { method: "POST", body: form });
  if (!response.ok) {
    throw new ApiProblem(response.status, { code: "upload_failed", detail: "" });
  }
  return ticket.key;
}
