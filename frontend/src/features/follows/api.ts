import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useSession } from "@/features/auth/useSession";
import { api, unwrap } from "@/lib/api/client";

export const followKeys = {
  all: ["follows"] as const,
  follow: (viewer: string, kind: string, id: string) => ["follows", viewer, kind, id] as const,
};

function pathFor(kind: string, id: string) {
  return { params: { path: { kind, target_id: id } } };
}

/** Whether the signed-in person follows this target; nothing is asked for visitors. */
export function useFollow(kind: string, id: string) {
  const { status, user } = useSession();
  const viewer = status === "authenticated" && user ? user.id : null;
  return useQuery({
    queryKey: followKeys.follow(viewer ?? "", kind, id),
    queryFn: () => unwrap(api.GET("/api/v1/follows/{kind}/{target_id}", pathFor(kind, id))),
    enabled: viewer !== null,
  });
}

export function useSetFollow(kind: string, id: string) {
  const client = useQueryClient();
  const { user } = useSession();
  return useMutation({
    mutationFn: (follow: boolean) =>
      unwrap(
        follow
          ? api.PUT("/api/v1/follows/{kind}/{target_id}", pathFor(kind, id))
          : api.DELETE("/api/v1/follows/{kind}/{target_id}", pathFor(kind, id)),
      ),
    onSuccess: (state) => client.setQueryData(followKeys.follow(user?.id ?? "", kind, id), state),
  });
}
