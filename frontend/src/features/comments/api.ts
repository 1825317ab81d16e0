import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useSession } from "@/features/auth/useSession";
import { api, unwrap } from "@/lib/api/client";

export type CommentSort = "newest" | "most_liked";

export const commentKeys = {
  all: (ideaId: string) => ["comments", ideaId] as const,
  threads: (ideaId: string, viewer: string, sort: CommentSort) =>
    ["comments", ideaId, viewer, "threads", sort] as const,
  permission: (ideaId: string, viewer: string) => ["comments", ideaId, viewer, "permission"] as const,
  mentions: (query: string) => ["mentions", query] as const,
};

/** The signed-in person's id, or "" for a visitor: answers differ by viewer (likes, permissions). */
function useViewerKey(): string {
  const { status, user } = useSession();
  return status === "authenticated" && user ? user.id : "";
}

/** May the viewer comment on this idea, and if not, why (the policy's reason). */
export function useCommentPermission(ideaId: string) {
  const viewer = useViewerKey();
  const { status } = useSession();
  return useQuery({
    queryKey: commentKeys.permission(ideaId, viewer),
    queryFn: () => unwrap(api.GET("/api/v1/ideas/{idea_id}", { params: { path: { idea_id: ideaId } } })),
    select: (idea) => idea.permissions.comment,
    enabled: status !== "unknown",
  });
}

export function useCommentThreads(ideaId: string, sort: CommentSort) {
  const viewer = useViewerKey();
  const { status } = useSession();
  return useInfiniteQuery({
    queryKey: commentKeys.threads(ideaId, viewer, sort),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET("/api/v1/ideas/{idea_id}/comments", {
          params: {
            path: { idea_id: ideaId },
            query: { sort, ...(pageParam ? { cursor: pageParam } : {}) },
          },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next_cursor ?? null,
    enabled: status !== "unknown",
  });
}

function useRefreshComments(ideaId: string) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: commentKeys.all(ideaId) });
}

export function usePostComment(ideaId: string) {
  const refresh = useRefreshComments(ideaId);
  return useMutation({
    mutationFn: (input: { body: string; parent_id?: string }) =>
      unwrap(
        api.POST("/api/v1/ideas/{idea_id}/comments", {
          params: { path: { idea_id: ideaId } },
          body: input,
        }),
      ),
    onSuccess: refresh,
  });
}

export function useEditComment(ideaId: string) {
  const refresh = useRefreshComments(ideaId);
  return useMutation({
    mutationFn: (input: { commentId: string; body: string }) =>
      unwrap(
        api.PATCH("/api/v1/comments/{comment_id}", {
          params: { path: { comment_id: input.commentId } },
          body: { body: input.body },
        }),
      ),
    onSuccess: refresh,
  });
}

export function useDeleteComment(ideaId: string) {
  const refresh = useRefreshComments(ideaId);
  return useMutation({
    mutationFn: (commentId: string) =>
      unwrap(api.DELETE("/api/v1/comments/{comment_id}", { params: { path: { comment_id: commentId } } })),
    onSuccess: refresh,
  });
}

export function useLikeComment(ideaId: string) {
  const refresh = useRefreshComments(ideaId);
  return useMutation({
    mutationFn: (input: { commentId: string; like: boolean }) => {
      const options = { params: { path: { comment_id: input.commentId } } };
      return unwrap(
        input.like
          ? api.PUT("/api/v1/comments/{comment_id}/like", options)
          : api.DELETE("/api/v1/comments/{comment_id}/like", options),
      );
    },
    onSettled: refresh,
  });
}

/** People whose name starts with `query`, for the @mention suggestions. */
export function useMentionSearch(query: string) {
  return useQuery({
    queryKey: commentKeys.mentions(query),
    queryFn: () => unwrap(api.GET("/api/v1/mentions", { params: { query: { q: query } } })),
    enabled: query.length > 0,
    staleTime: 30_000,
  });
}
