import { api, unwrap } from "@/lib/api/client";
import type { StatusAction } from "./StatusActions";

export async function projectAction(projectId: string, action: StatusAction): Promise<void> {
  const params = { params: { path: { project_id: projectId } } };
  if (action === "delete") await unwrap(api.DELETE("/api/v1/projects/{project_id}", params));
  else if (action === "publish") await unwrap(api.POST("/api/v1/projects/{project_id}/publish", params));
  else if (action === "unpublish")
    await unwrap(api.POST("/api/v1/projects/{project_id}/unpublish", params));
  else await unwrap(api.POST("/api/v1/projects/{project_id}/archive", params));
}
