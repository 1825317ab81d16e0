import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";
import type { LocalizedText } from "@/lib/api/types";

/** Under ["ideas", …] like the ideas feature's keys, so one invalidation refreshes both. */
export const feedbackKeys = {
  ideas: ["ideas"] as const,
  idea: (ideaId: string) => ["ideas", "idea", ideaId] as const,
  statuses: ["ideas", "statuses"] as const,
  updates: (ideaId: string) => ["ideas", "official-updates", ideaId] as const,
};

export function useStatuses(enabled = true) {
  return useQuery({
    queryKey: feedbackKeys.statuses,
    queryFn: () => unwrap(api.GET("/api/v1/idea-statuses")),
    staleTime: 5 * 60_000,
    enabled,
  });
}

export function useOfficialUpdates(ideaId: string) {
  return useQuery({
    queryKey: feedbackKeys.updates(ideaId),
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/ideas/{idea_id}/official-updates", { params: { path: { idea_id: ideaId } } }),
      ),
  });
}

/** Give an idea a status; every idea query refreshes (the page, lists, pins show the status). */
export function useSetStatus(ideaId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (statusId: string) =>
      unwrap(
        api.PUT("/api/v1/ideas/{idea_id}/status", {
          params: { path: { idea_id: ideaId } },
          body: { status_id: statusId },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: feedbackKeys.ideas }),
  });
}

export interface UpdateBody {
  body: LocalizedText;
  author_name: LocalizedText | null;
}

/** After a change to an idea's updates: its list and the idea itself. */
function useRefreshUpdates(ideaId: string) {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: feedbackKeys.updates(ideaId) }),
      client.invalidateQueries({ queryKey: feedbackKeys.idea(ideaId) }),
    ]);
}

export function usePostUpdate(ideaId: string) {
  const refresh = useRefreshUpdates(ideaId);
  return useMutation({
    mutationFn: (body: UpdateBody) =>
      unwrap(
        api.POST("/api/v1/ideas/{idea_id}/official-updates", {
          params: { path: { idea_id: ideaId } },
          body: { body: body.body, ...(body.author_name ? { author_name: body.author_name } : {}) },
        }),
      ),
    onSuccess: refresh,
  });
}

export function useEditUpdate(ideaId: string) {
  const refresh = useRefreshUpdates(ideaId);
  return useMutation({
    mutationFn: ({ updateId, body }: { updateId: string; body: UpdateBody }) =>
      unwrap(
        api.PATCH("/api/v1/official-updates/{update_id}", {
          params: { path: { update_id: updateId } },
          // A null signature signs with the platform's name again.
          body: { body: body.body, author_name: body.author_name },
        }),
      ),
    onSuccess: refresh,
  });
}

export function useDeleteUpdate(ideaId: string) {
  const refresh = useRefreshUpdates(ideaId);
  return useMutation({
    mutationFn: (updateId: string) =>
      unwrap(api.DELETE("/api/v1/official-updates/{update_id}", { params: { path: { update_id: updateId } } })),
    onSuccess: refresh,
  });
}
