import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { api, unwrap } from "@/lib/api/client";

/**
 * The back-office's ideation queries. Their keys live under ["ideas", …],
 * beside the residents' ideas feature, so a change here refreshes what the
 * site shows (topic filters, status badges, the idea form).
 */
export const ideationKeys = {
  all: ["ideas"] as const,
  topics: ["ideas", "topics"] as const,
  statuses: ["ideas", "statuses"] as const,
  inputForm: (projectId: string) => ["ideas", "input-form", projectId] as const,
};

export function useAdminTopics() {
  return useQuery({
    queryKey: ideationKeys.topics,
    queryFn: () => unwrap(api.GET("/api/v1/topics")),
  });
}

export function useAdminIdeaStatuses() {
  return useQuery({
    queryKey: ideationKeys.statuses,
    queryFn: () => unwrap(api.GET("/api/v1/idea-statuses")),
  });
}

export function useAdminInputForm(projectId: string) {
  return useQuery({
    queryKey: ideationKeys.inputForm(projectId),
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/projects/{project_id}/input-form", {
          params: { path: { project_id: projectId } },
        }),
      ),
  });
}

/** Refresh every ideation query (admin and residents' site) after a change. */
export function useInvalidateIdeation() {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries({ queryKey: ideationKeys.all }), [queryClient]);
}
