import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useSession } from "@/features/auth/useSession";
import { api, unwrap } from "@/lib/api/client";
import type {
  ActionInput,
  ActivityFilters,
  AuditFilters,
  BlockInput,
  ProfanityWordsInput,
  ReportInput,
  TargetKind,
} from "./types";

export const moderationKeys = {
  all: ["moderation"] as const,
  activity: (filters: ActivityFilters, viewer: string) => ["moderation", "activity", filters, viewer] as const,
  reports: (kind: TargetKind, id: string) => ["moderation", "reports", kind, id] as const,
  audit: (filters: AuditFilters) => ["moderation", "audit", filters] as const,
  blocks: ["moderation", "blocks"] as const,
  profanity: ["moderation", "profanity"] as const,
  projects: ["moderation", "projects"] as const,
};

const PAGE_SIZE = 50;

/** "true"/"false" from a filter select as the boolean the API takes, "" as no filter. */
function flag(value: "" | "true" | "false"): boolean | undefined {
  return value === "" ? undefined : value === "true";
}

/** The viewer's id, so cached answers never cross from one person to another. */
function useViewerKey(): string {
  const { user } = useSession();
  return user?.id ?? "";
}

export function useActivity(filters: ActivityFilters) {
  const viewer = useViewerKey();
  return useInfiniteQuery({
    queryKey: moderationKeys.activity(filters, viewer),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET("/api/v1/moderation/activity", {
          params: {
            query: {
              limit: PAGE_SIZE,
              ...(filters.project ? { project: filters.project } : {}),
              ...(filters.kind ? { kind: filters.kind } : {}),
              ...(filters.state ? { state: filters.state } : {}),
              reported: flag(filters.reported),
              reviewed: flag(filters.reviewed),
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next_cursor ?? null,
  });
}

export function useTargetReports(kind: TargetKind, id: string, enabled: boolean) {
  return useQuery({
    queryKey: moderationKeys.reports(kind, id),
    queryFn: () =>
      unwrap(
        kind === "idea"
          ? api.GET("/api/v1/moderation/activity/idea/{idea_id}/reports", { params: { path: { idea_id: id } } })
          : api.GET("/api/v1/moderation/activity/comment/{comment_id}/reports", {
              params: { path: { comment_id: id } },
            }),
      ),
    select: (list) => list.items,
    enabled,
  });
}

export function useModerationAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ActionInput) => unwrap(api.POST("/api/v1/moderation/actions", { body: input })),
    onSettled: () => client.invalidateQueries({ queryKey: moderationKeys.all }),
  });
}

export function useAudit(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: moderationKeys.audit(filters),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET("/api/v1/moderation/audit", {
          params: {
            query: {
              limit: PAGE_SIZE,
              ...(filters.target_kind ? { target_kind: filters.target_kind } : {}),
              ...(filters.target_id ? { target_id: filters.target_id } : {}),
              ...(filters.actor ? { actor: filters.actor } : {}),
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next_cursor ?? null,
  });
}

export function useBlocks() {
  return useInfiniteQuery({
    queryKey: moderationKeys.blocks,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET("/api/v1/moderation/blocks", {
          params: { query: { limit: PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next_cursor ?? null,
  });
}

export function useBlockUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: BlockInput) => unwrap(api.POST("/api/v1/moderation/blocks", { body: input })),
    onSuccess: () => client.invalidateQueries({ queryKey: moderationKeys.blocks }),
  });
}

export function useUnblockUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) =>
      unwrap(api.DELETE("/api/v1/moderation/blocks/{user_id}", { params: { path: { user_id: userId } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: moderationKeys.blocks }),
  });
}

export function useProfanity() {
  return useQuery({
    queryKey: moderationKeys.profanity,
    queryFn: () => unwrap(api.GET("/api/v1/moderation/profanity")),
  });
}

export function useSetProfanityEnabled() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (enabled: boolean) => unwrap(api.PUT("/api/v1/moderation/profanity", { body: { enabled } })),
    onSuccess: (data) => client.setQueryData(moderationKeys.profanity, data),
  });
}

export function useEditProfanityWords() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ProfanityWordsInput) =>
      unwrap(api.POST("/api/v1/moderation/profanity/words", { body: input })),
    onSuccess: (data) => client.setQueryData(moderationKeys.profanity, data),
  });
}

export function useFileReport() {
  return useMutation({
    mutationFn: (input: ReportInput) => unwrap(api.POST("/api/v1/reports", { body: input })),
  });
}

/** The projects a team member may filter by (admins: all; managers: theirs). */
export function useModerationProjects() {
  return useQuery({
    queryKey: moderationKeys.projects,
    queryFn: () => unwrap(api.GET("/api/v1/admin/projects", { params: { query: { limit: 100 } } })),
    select: (page) => page.items,
  });
}
