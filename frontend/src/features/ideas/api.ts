import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";
import { withSignatures } from "./proposal";
import type { Idea, IdeaSort, ReactionKind, ReactionState } from "./types";

export interface IdeaFilters {
  sort: IdeaSort;
  seed?: string;
  topic?: string;
  status?: string;
  q?: string;
}

/** What the map shows: the list's filters without its order. */
export type PinFilters = Pick<IdeaFilters, "topic" | "status" | "q">;

export const ideaKeys = {
  all: ["ideas"] as const,
  list: (phaseId: string, filters: IdeaFilters) => ["ideas", "list", phaseId, filters] as const,
  /** Without filters: every pins query of the phase (to invalidate them all). */
  pins: (phaseId: string, filters?: PinFilters) =>
    filters ? (["ideas", "pins", phaseId, filters] as const) : (["ideas", "pins", phaseId] as const),
  idea: (ideaId: string) => ["ideas", "idea", ideaId] as const,
  inputForm: (projectId: string) => ["ideas", "input-form", projectId] as const,
  topics: ["ideas", "topics"] as const,
  statuses: ["ideas", "statuses"] as const,
  project: (ref: string) => ["project", ref] as const,
};

const PAGE_SIZE = 12;

export function useIdeaList(projectId: string, phaseId: string, filters: IdeaFilters) {
  return useInfiniteQuery({
    queryKey: ideaKeys.list(phaseId, filters),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET("/api/v1/projects/{project_id}/phases/{phase_id}/ideas", {
          params: {
            path: { project_id: projectId, phase_id: phaseId },
            query: {
              sort: filters.sort,
              limit: PAGE_SIZE,
              ...(filters.sort === "random" && filters.seed ? { seed: filters.seed } : {}),
              ...(filters.topic ? { topic: filters.topic } : {}),
              ...(filters.status ? { status: filters.status } : {}),
              ...(filters.q ? { q: filters.q } : {}),
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
        }),
      ),
    getNextPageParam: (page) => page.next_cursor ?? null,
  });
}

export function useIdeaPins(projectId: string, phaseId: string, filters: PinFilters) {
  return useQuery({
    queryKey: ideaKeys.pins(phaseId, filters),
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/projects/{project_id}/phases/{phase_id}/idea-pins", {
          params: {
            path: { project_id: projectId, phase_id: phaseId },
            query: {
              ...(filters.topic ? { topic: filters.topic } : {}),
              ...(filters.status ? { status: filters.status } : {}),
              ...(filters.q ? { q: filters.q } : {}),
            },
          },
        }),
      ),
  });
}

export function useIdea(ideaId: string) {
  return useQuery({
    queryKey: ideaKeys.idea(ideaId),
    queryFn: () =>
      unwrap(api.GET("/api/v1/ideas/{idea_id}", { params: { path: { idea_id: ideaId } } })),
  });
}

export function useProjectForIdeas(ref: string | undefined) {
  return useQuery({
    queryKey: ideaKeys.project(ref ?? ""),
    enabled: Boolean(ref),
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/projects/{project_id}", {
          params: { path: { project_id: ref ?? "" } },
        }),
      ),
  });
}

export function useInputForm(projectId: string | undefined) {
  return useQuery({
    queryKey: ideaKeys.inputForm(projectId ?? ""),
    enabled: Boolean(projectId),
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/projects/{project_id}/input-form", {
          params: { path: { project_id: projectId ?? "" } },
        }),
      ),
  });
}

export function useTopics() {
  return useQuery({
    queryKey: ideaKeys.topics,
    queryFn: () => unwrap(api.GET("/api/v1/topics")),
    staleTime: 5 * 60_000,
  });
}

export function useIdeaStatuses() {
  return useQuery({
    queryKey: ideaKeys.statuses,
    queryFn: () => unwrap(api.GET("/api/v1/idea-statuses")),
    staleTime: 5 * 60_000,
  });
}

/**
 * Like, dislike or take back a reaction (a proposal's signature is a like);
 * the idea on screen, and a proposal's progress, update from the answer.
 */
export function useReaction(idea: Idea) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (kind: ReactionKind | null): Promise<ReactionState> =>
      kind
        ? unwrap(
            api.PUT("/api/v1/ideas/{idea_id}/reaction", {
              params: { path: { idea_id: idea.id } },
              body: { kind },
            }),
          )
        : unwrap(
            api.DELETE("/api/v1/ideas/{idea_id}/reaction", {
              params: { path: { idea_id: idea.id } },
            }),
          ),
    onSuccess: (state) => {
      client.setQueryData<Idea>(ideaKeys.idea(idea.id), (current) =>
        current
          ? {
              ...current,
              ...state,
              proposal: current.proposal ? withSignatures(current.proposal, state.likes) : current.proposal,
            }
          : current,
      );
      void client.invalidateQueries({ queryKey: ["ideas", "list", idea.phase_id] });
    },
  });
}

export function useDeleteIdea() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (ideaId: string) =>
      unwrap(api.DELETE("/api/v1/ideas/{idea_id}", { params: { path: { idea_id: ideaId } } })),
    onSuccess: (_data, ideaId) => {
      client.removeQueries({ queryKey: ideaKeys.idea(ideaId) });
      void client.invalidateQueries({ queryKey: ideaKeys.all });
    },
  });
}
