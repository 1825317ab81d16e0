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

export interface CommentPermission {
  allowed: boolean;
  reason: string;
  /** For `missing_profile_fields`: the answers to ask for before posting. */
  fields?: string[];
}

/**
 * May the viewer comment on this idea, and if not, why (the policy's reason).
 * A page that has loaded the idea passes its answer (`known`); otherwise it is fetched.
 */
export function useCommentPermission(ideaId: string, known?: CommentPermission) {
  const viewer = useViewerKey();
  const { status } = useSession();
  const fetched = useQuery({
    queryKey: commentKeys.permission(ideaId, viewer),
    queryFn: () => unwrap(api.GET("/api/v1/ideas/{idea_id}", { params: { path: { idea_id: ideaId } } })),
    select: (idea) => idea.permissions.comment,
    enabled: status !== "unknown" && known === undefined,
  });
  return known === undefined ? fetched : { isPending: false as const, isError: false as const, data: known };
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

interface LikeState {
  liked: boolean;
  likes: number;
}

interface CommentLike {
  id: string;
  likes: number;
  liked_by_me: boolean;
  replies?: CommentLike[];
}

function withLike<T extends CommentLike>(comment: T, commentId: string, state: LikeState): T {
  const replies = comment.replies?.map((reply) => withLike(reply, commentId, state));
  const own = comment.id === commentId ? { likes: state.likes, liked_by_me: state.liked } : {};
  return { ...comment, ...own, ...(replies ? { replies } : {}) };
}

/**
 * Like or unlike a comment. The answer carries the new count at once; the
 * list's own count is derived by a worker a moment later, so the answer is
 * written into the cached threads instead of refetching a stale list.
 */
export function useLikeComment(ideaId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { commentId: string; like: boolean }) => {
      const options = { params: { path: { comment_id: input.commentId } } };
      return unwrap(
        input.like
          ? api.PUT("/api/v1/comments/{comment_id}/like", options)
          : api.DELETE("/api/v1/comments/{comment_id}/like", options),
      );
    },
    onSuccess: (state, input) => {
      queryClient.setQueriesData<{ pages: { items: CommentLike[] }[] }>(
        { queryKey: commentKeys.all(ideaId) },
        (data) =>
          data?.pages
            ? {
                ...data,
                pages: data.pages.map((page) => ({
                  ...page,
                  items: page.items.map((thread) => withLike(thread, input.commentId, state)),
                })),
              }
            : data,
      );
    },
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
