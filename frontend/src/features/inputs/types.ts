/**
 * The input manager's shapes, as the contract of issue 6 describes Teams D
 * and E's routes (`/manage/inputs`, `/manage/collaborators`, notes,
 * `/manage/exports`). They move to the generated schema once `make client`
 * picks the routes up; until then `api.ts` calls them through a client typed
 * with `InputPaths` below, so a wrong path or body is still a type error.
 */
import type { LocalizedText } from "@/lib/api/types";

export interface Person {
  id: string;
  display_name: string;
  avatar_url: string | null;
}

export type InputSort = "newest" | "oldest" | "most_liked" | "most_commented";

export interface InputRow {
  id: string;
  kind: "idea";
  title: LocalizedText;
  project: { id: string; slug: string; title: LocalizedText };
  phase: { id: string; title: LocalizedText };
  author: Person;
  status: { id: string; name: LocalizedText; color: string } | null;
  topic_ids: string[];
  assignee: Person | null;
  likes: number;
  dislikes: number;
  comments: number;
  reports: number;
  hidden: boolean;
  created_at: string;
  path: string;
}

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

/** The query parameters of `GET /manage/inputs` (and an export's `query`). */
export interface InputQueryParams {
  project?: string;
  phase?: string;
  topic?: string;
  status?: string;
  assignee?: string;
  reported?: boolean;
  from?: string;
  to?: string;
  q?: string;
  sort?: InputSort;
  cursor?: string;
  limit?: number;
}

export interface BulkResult {
  idea_id: string;
  ok: boolean;
  code: string | null;
  new_idea_id?: string | null;
}

export interface BulkResults {
  results: BulkResult[];
}

export interface AssignBody {
  idea_ids: string[];
  assignee_id: string | null;
}

export interface StatusBody {
  idea_ids: string[];
  status_id: string;
  official_update?: LocalizedText;
}

export type MoveMode = "move" | "copy";
export type VotesMode = "keep" | "reset";

export interface MoveBody {
  idea_ids: string[];
  phase_id: string;
  mode: MoveMode;
  votes: VotesMode;
}

export interface Note {
  id: string;
  idea_id: string;
  body: string;
  author: Person;
  mentioned: Person[];
  created_at: string;
  updated_at: string;
  permissions: { edit: boolean; delete: boolean };
}

export interface NoteBody {
  body: string;
  mentioned_ids: string[];
}

export type ExportFormat = "xlsx" | "csv";
export type ExportStatus = "queued" | "running" | "done" | "failed";

export interface ExportJob {
  id: string;
  format: ExportFormat;
  status: ExportStatus;
  rows_written: number;
  created_at: string;
  finished_at: string | null;
  download_url: string | null;
  expires_at: string | null;
  error: string | null;
}

export interface ExportBody {
  format: ExportFormat;
  query: Omit<InputQueryParams, "cursor" | "limit">;
}

interface Problem {
  content: { "application/problem+json": unknown };
}

type Params<Query, Path> = {
  header?: never;
  cookie?: never;
} & ([Query] extends [never] ? { query?: never } : { query?: Query }) &
  ([Path] extends [never] ? { path?: never } : { path: Path });

type Operation<Query, Path, Body, Ok, Status extends number = 200> = {
  parameters: Params<Query, Path>;
  responses: { [S in Status]: { headers: Record<string, unknown>; content: { "application/json": Ok } } } & {
    default: Problem & { headers: Record<string, unknown> };
  };
} & ([Body] extends [never] ? { requestBody?: never } : { requestBody: { content: { "application/json": Body } } });

type NoPath = never;
type IdeaPath = { idea_id: string };

/** The routes above in openapi-typescript's `paths` shape, for a typed openapi-fetch client. */
export interface InputPaths {
  "/api/v1/manage/inputs": { get: Operation<InputQueryParams, NoPath, never, Page<InputRow>> };
  "/api/v1/manage/inputs/assign": { post: Operation<never, NoPath, AssignBody, BulkResults> };
  "/api/v1/manage/inputs/status": { post: Operation<never, NoPath, StatusBody, BulkResults> };
  "/api/v1/manage/inputs/move": { post: Operation<never, NoPath, MoveBody, BulkResults> };
  "/api/v1/manage/collaborators": { get: Operation<{ project: string }, NoPath, never, { items: Person[] }> };
  "/api/v1/ideas/{idea_id}/notes": {
    get: Operation<never, IdeaPath, never, { items: Note[] }>;
    post: Operation<never, IdeaPath, NoteBody, Note, 201>;
  };
  "/api/v1/ideas/{idea_id}/notes/{note_id}": {
    patch: Operation<never, IdeaPath & { note_id: string }, NoteBody, Note>;
    delete: Operation<never, IdeaPath & { note_id: string }, never, never, 204>;
  };
  "/api/v1/manage/exports": {
    get: Operation<never, NoPath, never, { items: ExportJob[] }>;
    post: Operation<never, NoPath, ExportBody, ExportJob, 202>;
  };
  "/api/v1/manage/exports/{export_id}": { get: Operation<never, { export_id: string }, never, ExportJob> };
}
