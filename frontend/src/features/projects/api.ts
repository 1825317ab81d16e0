import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";

export const projectKeys = {
  folders: ["folders"] as const,
  folder: (ref: string) => ["folders", ref] as const,
  projects: (folderId?: string) => ["projects", { folderId }] as const,
  project: (ref: string) => ["project", ref] as const,
  methods: ["participation-methods"] as const,
};

export function usePublishedFolders() {
  return useQuery({
    queryKey: projectKeys.folders,
    queryFn: () => unwrap(api.GET("/api/v1/folders", { params: { query: { limit: 50 } } })),
  });
}

export function usePublishedProjects(folderId?: string) {
  return useQuery({
    queryKey: projectKeys.projects(folderId),
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/projects", {
          params: { query: { limit: 50, ...(folderId ? { folder_id: folderId } : {}) } },
        }),
      ),
  });
}

export function useFolder(ref: string) {
  return useQuery({
    queryKey: projectKeys.folder(ref),
    queryFn: () =>
      unwrap(api.GET("/api/v1/folders/{folder_id}", { params: { path: { folder_id: ref } } })),
  });
}

export function useProject(ref: string) {
  return useQuery({
    queryKey: projectKeys.project(ref),
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/projects/{project_id}", { params: { path: { project_id: ref } } }),
      ),
  });
}
