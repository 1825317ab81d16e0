import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";
import type { GroupCreate, GroupUpdate, RoleGrant } from "./types";

export const peopleKeys = {
  all: ["people"] as const,
  users: (q: string) => ["people", "users", q] as const,
  groups: ["people", "groups"] as const,
  group: (id: string) => ["people", "group", id] as const,
  members: (id: string) => ["people", "members", id] as const,
  folders: ["people", "folders"] as const,
  projects: ["people", "projects"] as const,
};

const USERS_PAGE = 25;
/** A search page may list fewer people than entries read (one person, several words), so it reads more. */
const SEARCH_PAGE = 100;
const MEMBERS_PAGE = 50;
/** Pickers read whole lists page by page; beyond this many pages a list is cut short. */
const MAX_PICKER_PAGES = 20;

interface CursorPage<T> {
  items: T[];
  next_cursor?: string | null;
}

/** Every page of a cursor-paged list (the role and rule pickers offer all of it). */
async function everyPage<T>(load: (cursor: string | null) => Promise<CursorPage<T>>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < MAX_PICKER_PAGES; page += 1) {
    const answer: CursorPage<T> = await load(cursor);
    items.push(...answer.items);
    cursor = answer.next_cursor ?? null;
    if (!cursor) break;
  }
  return items;
}

/** The platform's users, optionally matching part of a name or email, a page at a time. */
export function useUsers(q: string, enabled = true) {
  return useInfiniteQuery({
    queryKey: peopleKeys.users(q),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET("/api/v1/admin/users", {
          params: {
            query: { limit: q ? SEARCH_PAGE : USERS_PAGE, ...(q ? { q } : {}), ...(pageParam ? { cursor: pageParam } : {}) },
          },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next_cursor ?? null,
    enabled,
  });
}

export function useSetRoles() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, roles }: { userId: string; roles: RoleGrant[] }) =>
      unwrap(api.PUT("/api/v1/admin/users/{user_id}/roles", { params: { path: { user_id: userId } }, body: { roles } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ["people", "users"] }),
  });
}

/** Every folder the viewer may manage (admins: all), for the folder manager's picker. */
export function usePickerFolders(enabled = true) {
  return useQuery({
    queryKey: peopleKeys.folders,
    queryFn: () =>
      everyPage((cursor) =>
        unwrap(api.GET("/api/v1/admin/folders", { params: { query: { limit: 100, ...(cursor ? { cursor } : {}) } } })),
      ),
    enabled,
  });
}

/** Every project the viewer may manage (admins: all), for role and rule pickers. */
export function usePickerProjects(enabled = true) {
  return useQuery({
    queryKey: peopleKeys.projects,
    queryFn: () =>
      everyPage((cursor) =>
        unwrap(api.GET("/api/v1/admin/projects", { params: { query: { limit: 100, ...(cursor ? { cursor } : {}) } } })),
      ),
    enabled,
  });
}

export function useGroups() {
  return useInfiniteQuery({
    queryKey: peopleKeys.groups,
    queryFn: ({ pageParam }) =>
      unwrap(api.GET("/api/v1/groups", { params: { query: { ...(pageParam ? { cursor: pageParam } : {}) } } })),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next_cursor ?? null,
  });
}

export function useGroup(id: string) {
  return useQuery({
    queryKey: peopleKeys.group(id),
    queryFn: () => unwrap(api.GET("/api/v1/groups/{group_id}", { params: { path: { group_id: id } } })),
  });
}

/** A group's members, a page at a time (a smart group's as the worker last evaluated them). */
export function useMembers(id: string, enabled = true) {
  return useInfiniteQuery({
    queryKey: peopleKeys.members(id),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET("/api/v1/groups/{group_id}/members", {
          params: {
            path: { group_id: id },
            query: { limit: MEMBERS_PAGE, ...(pageParam ? { cursor: pageParam } : {}) },
          },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next_cursor ?? null,
    enabled,
  });
}

export function useCreateGroup() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: GroupCreate) => unwrap(api.POST("/api/v1/groups", { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: peopleKeys.groups }),
  });
}

export function useUpdateGroup(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: GroupUpdate) =>
      unwrap(api.PATCH("/api/v1/groups/{group_id}", { params: { path: { group_id: id } }, body })),
    onSuccess: (group) => {
      client.setQueryData(peopleKeys.group(id), group);
      return client.invalidateQueries({ queryKey: peopleKeys.groups });
    },
  });
}

export function useDeleteGroup(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.DELETE("/api/v1/groups/{group_id}", { params: { path: { group_id: id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: peopleKeys.groups }),
  });
}

/** Membership changes refresh the group (its count), its members and the list. */
function useInvalidateGroup(id: string) {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: peopleKeys.group(id) }),
      client.invalidateQueries({ queryKey: peopleKeys.members(id) }),
      client.invalidateQueries({ queryKey: peopleKeys.groups }),
    ]);
}

export function useAddMembers(id: string) {
  const invalidate = useInvalidateGroup(id);
  return useMutation({
    mutationFn: (body: { user_ids?: string[]; emails?: string[] }) =>
      unwrap(api.POST("/api/v1/groups/{group_id}/members", { params: { path: { group_id: id } }, body })),
    onSuccess: invalidate,
  });
}

export function useRemoveMember(id: string) {
  const invalidate = useInvalidateGroup(id);
  return useMutation({
    mutationFn: (userId: string) =>
      unwrap(
        api.DELETE("/api/v1/groups/{group_id}/members/{user_id}", {
          params: { path: { group_id: id, user_id: userId } },
        }),
      ),
    onSuccess: invalidate,
  });
}
