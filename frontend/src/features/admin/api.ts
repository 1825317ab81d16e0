import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { api, unwrap } from "@/lib/api/client";
import type { ProjectStatus } from "@/lib/api/types";

export const adminKeys = {
  all: ["admin"] as const,
  folders: ["admin", "folders"] as const,
  projects: (status?: string, folderId?: string) =>
    ["admin", "projects", { status, folderId }] as const,
  project: (id: string) => ["admin", "project", id] as const,
  folder: (id: string) => ["admin", "folder", id] as const,
  methods: ["admin", "participation-methods"] as const,
  mails: ["admin", "mails"] as const,
  groupChoices: ["admin", "group-choices"] as const,
};

/** The platform's user groups, for pickers (project visibility, phase permissions). */
export function useGroupChoices() {
  return useQuery({
    queryKey: adminKeys.groupChoices,
    queryFn: () => unwrap(api.GET("/api/v1/groups", { params: { query: { limit: 100 } } })),
  });
}

/** The folders the viewer may list: pass `enabled` false for those who may not (project managers). */
export function useAdminFolders(enabled = true) {
  return useQuery({
    queryKey: adminKeys.folders,
    queryFn: () => unwrap(api.GET("/api/v1/admin/folders", { params: { query: { limit: 100 } } })),
    enabled,
  });
}

export function useAdminProjects(status?: ProjectStatus | "", folderId?: string) {
  return useQuery({
    queryKey: adminKeys.projects(status || undefined, folderId || undefined),
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/admin/projects", {
          params: {
            query: {
              limit: 100,
              ...(status ? { status } : {}),
              ...(folderId ? { folder_id: folderId } : {}),
            },
          },
        }),
      ),
  });
}

/** Admins read drafts through the same by-ref route residents use (it honours their role). */
export function useAdminProject(id: string) {
  return useQuery({
    queryKey: adminKeys.project(id),
    queryFn: () =>
      unwrap(api.GET("/api/v1/projects/{project_id}", { params: { path: { project_id: id } } })),
  });
}

export function useAdminFolder(id: string) {
  return useQuery({
    queryKey: adminKeys.folder(id),
    queryFn: () =>
      unwrap(api.GET("/api/v1/folders/{folder_id}", { params: { path: { folder_id: id } } })),
  });
}

export function useParticipationMethods() {
  return useQuery({
    queryKey: adminKeys.methods,
    queryFn: () => unwrap(api.GET("/api/v1/participation-methods")),
    staleTime: Infinity,
  });
}

/** The local mail viewer answers only on the local stage; elsewhere the query fails quietly. */
export function useDevMails(enabled = true) {
  return useQuery({
    queryKey: adminKeys.mails,
    queryFn: () => unwrap(api.GET("/api/v1/dev/mails")),
    retry: false,
    enabled,
  });
}

/** Drop every cached admin and public list after a change, so no page shows stale data. */
export function useInvalidateProjects() {
  const queryClient = useQueryClient();
  return useCallback(async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: adminKeys.all }),
      queryClient.invalidateQueries({ queryKey: ["folders"] }),
      queryClient.invalidateQueries({ queryKey: ["projects"] }),
      queryClient.invalidateQueries({ queryKey: ["project"] }),
    ]);
  }, [queryClient]);
}
