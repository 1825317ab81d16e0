import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useSession } from "@/features/auth/useSession";
import { api, unwrap } from "@/lib/api/client";
import type { NotificationPreferences } from "@/lib/api/types";

/** How often the bell asks for the unread count while a page stays open. */
export const UNREAD_POLL_MS = 60_000;

export const notificationKeys = {
  all: ["notifications"] as const,
  list: (viewer: string) => ["notifications", viewer, "list"] as const,
  unread: (viewer: string) => ["notifications", viewer, "unread-count"] as const,
  preferences: (viewer: string) => ["notifications", viewer, "preferences"] as const,
};

function useViewer(): string | null {
  const { status, user } = useSession();
  return status === "authenticated" && user ? user.id : null;
}

/** The signed-in person's unread count, polled and refreshed when the window regains focus. */
export function useUnreadCount() {
  const viewer = useViewer();
  return useQuery({
    queryKey: notificationKeys.unread(viewer ?? ""),
    queryFn: () => unwrap(api.GET("/api/v1/me/notifications/unread-count")),
    enabled: viewer !== null,
    refetchInterval: UNREAD_POLL_MS,
    refetchOnWindowFocus: true,
  });
}

export function useNotifications() {
  const viewer = useViewer();
  return useInfiniteQuery({
    queryKey: notificationKeys.list(viewer ?? ""),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET("/api/v1/me/notifications", {
          params: { query: pageParam ? { cursor: pageParam } : {} },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next_cursor ?? null,
    enabled: viewer !== null,
  });
}

/** After reading, both the list and the bell must show the new state. */
function useRefreshNotifications() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: notificationKeys.all });
}

export function useMarkRead() {
  const refresh = useRefreshNotifications();
  return useMutation({
    mutationFn: (notificationId: string) =>
      unwrap(
        api.POST("/api/v1/me/notifications/{notification_id}/read", {
          params: { path: { notification_id: notificationId } },
        }),
      ),
    onSettled: refresh,
  });
}

export function useMarkAllRead() {
  const refresh = useRefreshNotifications();
  return useMutation({
    mutationFn: () => unwrap(api.POST("/api/v1/me/notifications/read-all")),
    onSettled: refresh,
  });
}

export function useNotificationPreferences() {
  const viewer = useViewer();
  return useQuery({
    queryKey: notificationKeys.preferences(viewer ?? ""),
    queryFn: () => unwrap(api.GET("/api/v1/me/notification-preferences")),
    enabled: viewer !== null,
  });
}

export function useSaveNotificationPreferences() {
  const client = useQueryClient();
  const viewer = useViewer();
  return useMutation({
    mutationFn: (preferences: NotificationPreferences) =>
      unwrap(api.PUT("/api/v1/me/notification-preferences", { body: preferences })),
    onSuccess: (saved) => client.setQueryData(notificationKeys.preferences(viewer ?? ""), saved),
  });
}

export function useUnsubscribe() {
  return useMutation({
    mutationFn: (token: string) =>
      unwrap(api.POST("/api/v1/notifications/unsubscribe", { params: { query: { token } } })),
  });
}
