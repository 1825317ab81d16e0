import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { env } from "@/config/env";
import { useSession } from "@/features/auth/useSession";
import { api, session, unwrap } from "@/lib/api/client";
import { ApiProblem } from "@/lib/api/problem";
import type {
  ActionInput,
  ActionResult,
  ActivityFilters,
  ActivityItem,
  AuditEntry,
  AuditFilters,
  Block,
  BlockInput,
  Page,
  ProfanitySettings,
  ProfanityWordsInput,
  Report,
  ReportInput,
  ReportView,
  TargetKind,
} from "./types";

export const moderationKeys = {
  all: ["moderation"] as const,
  activity: (filters: ActivityFilters) => ["moderation", "activity", filters] as const,
  reports: (kind: TargetKind, id: string) => ["moderation", "reports", kind, id] as const,
  audit: (filters: AuditFilters) => ["moderation", "audit", filters] as const,
  blocks: ["moderation", "blocks"] as const,
  profanity: ["moderation", "profanity"] as const,
  projects: ["moderation", "projects"] as const,
};

type Query = Record<string, string | undefined>;

/**
 * One call to the moderation API through the session (bearer token, one
 * retry after a refresh), answering the data or throwing an ApiProblem.
 */
async function call<T>(method: string, path: string, options: { query?: Query; body?: unknown } = {}): Promise<T> {
  const url = new URL(`/api/v1${path}`, env.apiOrigin);
  for (const [name, value] of Object.entries(options.query ?? {})) {
    if (value) url.searchParams.set(name, value);
  }
  const init: RequestInit = { method };
  if (options.body !== undefined) {
    init.body = JSON.stringify(options.body);
    init.headers = { "Content-Type": "application/json" };
  }
  const response = await session.send(new Request(url, init));
  const text = response.status === 204 ? "" : await response.text();
  const data: unknown = text ? JSON.parse(text) : undefined;
  if (!response.ok) throw ApiProblem.from(response.status, data);
  return data as T;
}

/** The viewer's id, so cached answers never cross from one person to another. */
function useViewerKey(): string {
  const { user } = useSession();
  return user?.id ?? "";
}

export function useActivity(filters: ActivityFilters) {
  const viewer = useViewerKey();
  return useInfiniteQuery({
    queryKey: [...moderationKeys.activity(filters), viewer],
    queryFn: ({ pageParam }) =>
      call<Page<ActivityItem>>("GET", "/moderation/activity", {
        query: { ...filters, cursor: pageParam ?? undefined, limit: "50" },
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next_cursor ?? null,
  });
}

export function useTargetReports(kind: TargetKind, id: string, enabled: boolean) {
  return useQuery({
    queryKey: moderationKeys.reports(kind, id),
    queryFn: () =>
      call<ReportView[]>("GET", `/moderation/activity/${kind}/${encodeURIComponent(id)}/reports`),
    enabled,
  });
}

export function useModerationAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ActionInput) =>
      call<{ results: ActionResult[] }>("POST", "/moderation/actions", { body: input }),
    onSettled: () => client.invalidateQueries({ queryKey: moderationKeys.all }),
  });
}

export function useAudit(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: moderationKeys.audit(filters),
    queryFn: ({ pageParam }) =>
      call<Page<AuditEntry>>("GET", "/moderation/audit", {
        query: { ...filters, cursor: pageParam ?? undefined, limit: "50" },
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next_cursor ?? null,
  });
}

export function useBlocks() {
  return useQuery({
    queryKey: moderationKeys.blocks,
    queryFn: () => call<Block[] | Page<Block>>("GET", "/moderation/blocks"),
    select: (data) => (Array.isArray(data) ? data : data.items),
  });
}

export function useBlockUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: BlockInput) => call<Block>("POST", "/moderation/blocks", { body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: moderationKeys.blocks }),
  });
}

export function useUnblockUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => call<undefined>("DELETE", `/moderation/blocks/${encodeURIComponent(userId)}`),
    onSuccess: () => client.invalidateQueries({ queryKey: moderationKeys.blocks }),
  });
}

export function useProfanity() {
  return useQuery({
    queryKey: moderationKeys.profanity,
    queryFn: () => call<ProfanitySettings>("GET", "/moderation/profanity"),
  });
}

export function useSetProfanityEnabled() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (enabled: boolean) => call<ProfanitySettings>("PUT", "/moderation/profanity", { body: { enabled } }),
    onSuccess: (data) => client.setQueryData(moderationKeys.profanity, data),
  });
}

export function useEditProfanityWords() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ProfanityWordsInput) =>
      call<ProfanitySettings>("POST", "/moderation/profanity/words", { body: input }),
    onSuccess: (data) => client.setQueryData(moderationKeys.profanity, data),
  });
}

export function useFileReport() {
  return useMutation({
    mutationFn: (input: ReportInput) => call<Report>("POST", "/reports", { body: input }),
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
