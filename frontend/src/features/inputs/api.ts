import { useInfiniteQuery, useMutation, useQueries, useQuery, useQueryClient } from "@tanstack/react-query";
import { useSession } from "@/features/auth/useSession";
import { api, unwrap } from "@/lib/api/client";
import { isApiProblem } from "@/lib/api/problem";
import type { ProjectSummary } from "@/lib/api/types";
import type {
  AssignBody,
  BulkResult,
  ExportBody,
  ExportJob,
  InputQueryParams,
  MoveBody,
  NoteBody,
  Person,
  StatusBody,
} from "./types";

export const PAGE_SIZE = 50;
/** How often a running export is asked for its progress. */
export const EXPORT_POLL_MS = 1500;

export const inputKeys = {
  all: ["inputs"] as const,
  // Under ["ideas", …] with the ideas and feedback features' keys: a status saved in the
  // feedback panel (which refreshes ["ideas"]) refreshes the table too.
  list: (query: Omit<InputQueryParams, "cursor" | "limit">) => ["ideas", "manage", query] as const,
  projects: (viewer: string) => ["inputs", "projects", viewer] as const,
  project: (id: string) => ["inputs", "project", id] as const,
  collaborators: (projectId: string) => ["inputs", "collaborators", projectId] as const,
  notes: (ideaId: string) => ["inputs", "notes", ideaId] as const,
  exportJob: (id: string) => ["inputs", "export", id] as const,
  topics: ["ideas", "topics"] as const,
  statuses: ["ideas", "statuses"] as const,
};

export function useInputs(query: Omit<InputQueryParams, "cursor" | "limit">) {
  return useInfiniteQuery({
    queryKey: inputKeys.list(query),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET("/api/v1/manage/inputs", {
          params: { query: { ...query, limit: PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next_cursor ?? null,
  });
}

/**
 * The projects the viewer works on, for the project filter: admins and
 * managers get the back-office list (the server keeps managers to theirs);
 * a moderator's projects are the ones their grants name.
 */
export function useTeamProjects() {
  const state = useSession();
  const roles = state.user?.roles ?? [];
  const lists = roles.some((grant) => ["admin", "folder_manager", "project_manager"].includes(grant.role));
  const moderated = [...new Set(roles.filter((grant) => grant.role === "moderator").flatMap((grant) => grant.scope))];
  const listed = useQuery({
    queryKey: inputKeys.projects(state.user?.id ?? ""),
    queryFn: () => unwrap(api.GET("/api/v1/admin/projects", { params: { query: { limit: 100 } } })),
    enabled: lists,
  });
  const single = useQueries({
    queries: moderated.map((id) => ({
      queryKey: inputKeys.project(id),
      queryFn: () => unwrap(api.GET("/api/v1/projects/{project_id}", { params: { path: { project_id: id } } })),
    })),
  });
  const byId = new Map<string, Pick<ProjectSummary, "id" | "title">>();
  for (const project of listed.data?.items ?? []) byId.set(project.id, project);
  for (const query of single) if (query.data) byId.set(query.data.id, query.data);
  const projects = [...byId.values()];
  return projects;
}

/** A project with its phases (the phase filter, the move/copy picker). */
export function useProject(projectId: string) {
  return useQuery({
    queryKey: inputKeys.project(projectId),
    queryFn: () =>
      unwrap(api.GET("/api/v1/projects/{project_id}", { params: { path: { project_id: projectId } } })),
    enabled: Boolean(projectId),
  });
}

export function useTopics() {
  return useQuery({ queryKey: inputKeys.topics, queryFn: () => unwrap(api.GET("/api/v1/topics")) });
}

export function useStatuses() {
  return useQuery({
    queryKey: inputKeys.statuses,
    queryFn: () => unwrap(api.GET("/api/v1/idea-statuses")),
    staleTime: 5 * 60_000,
  });
}

function collaboratorsQuery(projectId: string) {
  return {
    queryKey: inputKeys.collaborators(projectId),
    queryFn: () =>
      unwrap(api.GET("/api/v1/manage/collaborators", { params: { query: { project: projectId } } })),
    staleTime: 60_000,
  };
}

/** People who can be assigned an input of the project (its admins and managers). */
export function useCollaborators(projectId: string) {
  return useQuery({ ...collaboratorsQuery(projectId), enabled: Boolean(projectId) });
}

/**
 * People who can be assigned inputs of every one of `projectIds`: a bulk
 * assignment offers only those, so no selected input refuses the person.
 */
export function useCommonCollaborators(projectIds: string[]): { people: Person[]; isPending: boolean } {
  const queries = useQueries({ queries: projectIds.map(collaboratorsQuery) });
  const isPending = queries.some((query) => query.isPending);
  if (isPending || queries.length === 0) return { people: [], isPending };
  const [first, ...rest] = queries.map((query) => query.data?.items ?? []);
  const people = first.filter((person) => rest.every((list) => list.some((other) => other.id === person.id)));
  return { people, isPending };
}

/** After a bulk change: every input list and every idea (pages, cards, status badges). */
function useRefreshInputs() {
  const client = useQueryClient();
  return () =>
    client.invalidateQueries({ queryKey: ["ideas"] });
}

/** The most ids one bulk request takes (the API's limit). */
export const BULK_MAX = 100;

/**
 * Send a bulk action in requests of at most BULK_MAX ids, one after the other,
 * and answer with all their results: "select all" after a few "Load more"
 * pages selects more than one request may carry.
 */
async function inBatches<T extends { idea_ids: string[] }>(
  body: T,
  send: (part: T) => Promise<{ results: BulkResult[] }>,
): Promise<{ results: BulkResult[] }> {
  const results: BulkResult[] = [];
  for (let start = 0; start < body.idea_ids.length; start += BULK_MAX) {
    const ids = body.idea_ids.slice(start, start + BULK_MAX);
    try {
      results.push(...(await send({ ...body, idea_ids: ids })).results);
    } catch (error) {
      // The first request refused: nothing changed, say why as a whole. A later one
      // refused: the earlier batches did change, so list the rest as not changed.
      if (start === 0) throw error;
      const code = isApiProblem(error) ? error.code : "error";
      results.push(...body.idea_ids.slice(start).map((id) => ({ idea_id: id, ok: false, code })));
      break;
    }
  }
  return { results };
}

export function useAssign() {
  const refresh = useRefreshInputs();
  return useMutation({
    mutationFn: (body: AssignBody) =>
      inBatches(body, (part) => unwrap(api.POST("/api/v1/manage/inputs/assign", { body: part }))),
    onSuccess: refresh,
  });
}

export function useBulkStatus() {
  const refresh = useRefreshInputs();
  return useMutation({
    mutationFn: (body: StatusBody) =>
      inBatches(body, (part) => unwrap(api.POST("/api/v1/manage/inputs/status", { body: part }))),
    onSuccess: refresh,
  });
}

export function useMove() {
  const refresh = useRefreshInputs();
  return useMutation({
    mutationFn: (body: MoveBody) =>
      inBatches(body, (part) => unwrap(api.POST("/api/v1/manage/inputs/move", { body: part }))),
    onSuccess: refresh,
  });
}

export function useNotes(ideaId: string) {
  return useQuery({
    queryKey: inputKeys.notes(ideaId),
    queryFn: () =>
      unwrap(api.GET("/api/v1/ideas/{idea_id}/notes", { params: { path: { idea_id: ideaId } } })),
  });
}

function useRefreshNotes(ideaId: string) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: inputKeys.notes(ideaId) });
}

export function usePostNote(ideaId: string) {
  const refresh = useRefreshNotes(ideaId);
  return useMutation({
    mutationFn: (body: NoteBody) =>
      unwrap(api.POST("/api/v1/ideas/{idea_id}/notes", { params: { path: { idea_id: ideaId } }, body })),
    onSuccess: refresh,
  });
}

export function useEditNote(ideaId: string) {
  const refresh = useRefreshNotes(ideaId);
  return useMutation({
    mutationFn: ({ noteId, body }: { noteId: string; body: NoteBody }) =>
      unwrap(
        api.PATCH("/api/v1/ideas/{idea_id}/notes/{note_id}", {
          params: { path: { idea_id: ideaId, note_id: noteId } },
          body,
        }),
      ),
    onSuccess: refresh,
  });
}

export function useDeleteNote(ideaId: string) {
  const refresh = useRefreshNotes(ideaId);
  return useMutation({
    mutationFn: (noteId: string) =>
      unwrap(
        api.DELETE("/api/v1/ideas/{idea_id}/notes/{note_id}", {
          params: { path: { idea_id: ideaId, note_id: noteId } },
        }),
      ),
    onSuccess: refresh,
  });
}

export function useStartExport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ExportBody) => unwrap(api.POST("/api/v1/manage/exports", { body })),
    onSuccess: (job) => client.setQueryData(inputKeys.exportJob(job.id), job),
  });
}

function finished(job: ExportJob | undefined): boolean {
  return job?.status === "done" || job?.status === "failed";
}

/** An export job, asked again every EXPORT_POLL_MS until it is done or failed. */
export function useExportJob(exportId: string | null) {
  return useQuery({
    queryKey: inputKeys.exportJob(exportId ?? ""),
    queryFn: () =>
      unwrap(api.GET("/api/v1/manage/exports/{export_id}", { params: { path: { export_id: exportId ?? "" } } })),
    enabled: exportId !== null,
    refetchInterval: (query) => (finished(query.state.data) ? false : EXPORT_POLL_MS),
  });
}
