/**
 * The operations the backend engineers are building while this client is
 * written, in openapi-typescript's shape. `types.ts` lets the generated
 * `schema.d.ts` win for every path and schema it already has, so once an
 * operation lands and `make client` runs, its generated definition replaces
 * the one below and the type checker reports any difference.
 */
import type { Problem as GeneratedProblem } from "./problem-shape";

type Headers = { [name: string]: unknown };
type Json<T> = { headers: Headers; content: { "application/json": T } };
type ProblemJson = { headers: Headers; content: { "application/problem+json": GeneratedProblem } };
type ProblemResponses = { 400: ProblemJson; 401: ProblemJson; 403: ProblemJson; 404: ProblemJson; 409: ProblemJson; 422: ProblemJson };
type NoContent = { headers: Headers; content?: never };

type Parameters<Q, P> = {
  query?: [Q] extends [never] ? never : Q;
  header?: never;
  cookie?: never;
} & ([P] extends [never] ? { path?: never } : { path: P });

type Op<Res, Body = never, Q = never, P = never, Status extends number = 200> = {
  parameters: Parameters<Q, P>;
  responses: { [S in Status]: [Res] extends [void] ? NoContent : Json<Res> } & ProblemResponses;
} & ([Body] extends [never]
  ? { requestBody?: never }
  : { requestBody: { content: { "application/json": Body } } });

type PathItemBase = {
  parameters: { query?: never; header?: never; path?: never; cookie?: never };
  get?: never;
  put?: never;
  post?: never;
  delete?: never;
  options?: never;
  head?: never;
  patch?: never;
  trace?: never;
};
type PathItem<Ops> = Omit<PathItemBase, keyof Ops> & Ops;

export type LocalizedText = { [locale: string]: string };
export type RoleName = "admin" | "folder_manager" | "project_manager" | "moderator";
export type ProjectStatus = "draft" | "published" | "archived";
export type Visibility = "public" | "admins";

export interface PendingSchemas {
  Me: {
    id: string;
    email: string;
    first_name: string;
    last_name: string;
    locale: string;
    avatar_url: string | null;
    email_confirmed: boolean;
    roles: { role: RoleName; scope: string[] }[];
    created_at: string;
  };
  AuthSession: {
    access_token: string;
    token_type: string;
    expires_in: number;
    user: PendingSchemas["Me"];
  };
  SignUpRequest: {
    email: string;
    password: string;
    first_name: string;
    last_name: string;
    locale: string;
  };
  SignInRequest: { email: string; password: string };
  MeUpdate: {
    first_name?: string | null;
    last_name?: string | null;
    locale?: string | null;
    avatar_upload_key?: string | null;
    remove_avatar?: boolean;
  };
  FolderSummary: {
    id: string;
    slug: string;
    title: LocalizedText;
    description: LocalizedText;
    status: ProjectStatus;
    position: number;
    header_image_url: string | null;
    project_count: number;
  };
  Folder: PendingSchemas["FolderSummary"] & { projects: PendingSchemas["ProjectSummary"][] };
  ProjectSummary: {
    id: string;
    slug: string;
    title: LocalizedText;
    folder_id: string | null;
    status: ProjectStatus;
    visibility: Visibility;
    position: number;
    header_image_url: string | null;
  };
  Attachment: { id: string; name: string; size: number; content_type: string; url: string };
  Phase: {
    id: string;
    title: LocalizedText;
    description: LocalizedText;
    start_date: string;
    end_date: string | null;
    method: string;
    method_config: { [key: string]: unknown };
  };
  Project: {
    id: string;
    slug: string;
    title: LocalizedText;
    description: LocalizedText;
    folder_id: string | null;
    status: ProjectStatus;
    visibility: Visibility;
    position: number;
    header_image_url: string | null;
    attachments: PendingSchemas["Attachment"][];
    phases: PendingSchemas["Phase"][];
    current_phase_id: string | null;
    created_at: string;
    updated_at: string;
    published_at: string | null;
  };
  ProjectCreate: {
    title: LocalizedText;
    description?: LocalizedText;
    folder_id?: string | null;
    visibility?: Visibility;
    slug?: string | null;
  };
  ProjectUpdate: {
    title?: LocalizedText | null;
    description?: LocalizedText | null;
    folder_id?: string | null;
    visibility?: Visibility | null;
    slug?: string | null;
    header_upload_key?: string | null;
    remove_header?: boolean;
  };
  FolderCreate: { title: LocalizedText; description?: LocalizedText; slug?: string | null };
  FolderUpdate: {
    title?: LocalizedText | null;
    description?: LocalizedText | null;
    slug?: string | null;
    header_upload_key?: string | null;
  };
  PhaseCreate: {
    title: LocalizedText;
    description?: LocalizedText;
    start_date: string;
    end_date?: string | null;
    method: string;
    method_config?: { [key: string]: unknown };
  };
  PhaseUpdate: Partial<PendingSchemas["PhaseCreate"]>;
  AttachmentCreate: { upload_key: string; name?: string | null };
  OrderUpdate: { folder_id?: string | null; ids: string[] };
  MethodInfo: { id: string; actions: string[]; config_schema: { [key: string]: unknown } };
  MethodList: { methods: PendingSchemas["MethodInfo"][] };
  ProjectPage: { items: PendingSchemas["ProjectSummary"][]; next_cursor: string | null };
  FolderPage: { items: PendingSchemas["FolderSummary"][]; next_cursor: string | null };
  SentMail: {
    id?: string | null;
    to: string[];
    subject: string;
    date: string;
    text: string;
    html: string | null;
  };
}

type S = PendingSchemas;
type Id<N extends string> = { [K in N]: string };
type PageQuery = { cursor?: string; limit?: number };

export interface PendingPaths {
  "/api/v1/auth/sign-up": PathItem<{ post: Op<S["Me"], S["SignUpRequest"], never, never, 201> }>;
  "/api/v1/auth/confirm-email": PathItem<{ post: Op<S["AuthSession"], { token: string }> }>;
  "/api/v1/auth/resend-confirmation": PathItem<{
    post: Op<void, { email: string }, never, never, 202>;
  }>;
  "/api/v1/auth/sign-in": PathItem<{ post: Op<S["AuthSession"], S["SignInRequest"]> }>;
  "/api/v1/auth/refresh": PathItem<{ post: Op<S["AuthSession"]> }>;
  "/api/v1/auth/sign-out": PathItem<{ post: Op<void, never, never, never, 204> }>;
  "/api/v1/auth/password-reset": PathItem<{
    post: Op<void, { email: string }, never, never, 202>;
  }>;
  "/api/v1/auth/password-reset/confirm": PathItem<{
    post: Op<void, { token: string; password: string }, never, never, 204>;
  }>;
  "/api/v1/me": PathItem<{ get: Op<S["Me"]>; patch: Op<S["Me"], S["MeUpdate"]> }>;
  "/api/v1/folders": PathItem<{
    get: Op<S["FolderPage"], never, PageQuery>;
    post: Op<S["Folder"], S["FolderCreate"], never, never, 201>;
  }>;
  "/api/v1/folders/order": PathItem<{ put: Op<void, S["OrderUpdate"], never, never, 204> }>;
  "/api/v1/folders/{folder_ref}": PathItem<{ get: Op<S["Folder"], never, never, Id<"folder_ref">> }>;
  "/api/v1/folders/{folder_id}": PathItem<{
    patch: Op<S["Folder"], S["FolderUpdate"], never, Id<"folder_id">>;
    delete: Op<void, never, never, Id<"folder_id">, 204>;
  }>;
  "/api/v1/folders/{folder_id}/publish": PathItem<{ post: Op<S["Folder"], never, never, Id<"folder_id">> }>;
  "/api/v1/folders/{folder_id}/unpublish": PathItem<{ post: Op<S["Folder"], never, never, Id<"folder_id">> }>;
  "/api/v1/folders/{folder_id}/archive": PathItem<{ post: Op<S["Folder"], never, never, Id<"folder_id">> }>;
  "/api/v1/admin/folders": PathItem<{ get: Op<S["FolderPage"], never, PageQuery> }>;
  "/api/v1/admin/projects": PathItem<{
    get: Op<S["ProjectPage"], never, PageQuery & { status?: string; folder_id?: string }>;
  }>;
  "/api/v1/projects": PathItem<{
    get: Op<S["ProjectPage"], never, PageQuery & { folder_id?: string }>;
    post: Op<S["Project"], S["ProjectCreate"], never, never, 201>;
  }>;
  "/api/v1/projects/order": PathItem<{ put: Op<void, S["OrderUpdate"], never, never, 204> }>;
  "/api/v1/projects/{project_ref}": PathItem<{
    get: Op<S["Project"], never, never, Id<"project_ref">>;
  }>;
  "/api/v1/projects/{project_id}": PathItem<{
    patch: Op<S["Project"], S["ProjectUpdate"], never, Id<"project_id">>;
    delete: Op<void, never, never, Id<"project_id">, 204>;
  }>;
  "/api/v1/projects/{project_id}/publish": PathItem<{ post: Op<S["Project"], never, never, Id<"project_id">> }>;
  "/api/v1/projects/{project_id}/unpublish": PathItem<{ post: Op<S["Project"], never, never, Id<"project_id">> }>;
  "/api/v1/projects/{project_id}/archive": PathItem<{ post: Op<S["Project"], never, never, Id<"project_id">> }>;
  "/api/v1/projects/{project_id}/phases": PathItem<{
    post: Op<S["Phase"], S["PhaseCreate"], never, Id<"project_id">, 201>;
  }>;
  "/api/v1/projects/{project_id}/phases/{phase_id}": PathItem<{
    patch: Op<S["Phase"], S["PhaseUpdate"], never, Id<"project_id" | "phase_id">>;
    delete: Op<void, never, never, Id<"project_id" | "phase_id">, 204>;
  }>;
  "/api/v1/projects/{project_id}/attachments": PathItem<{
    post: Op<S["Attachment"], S["AttachmentCreate"], never, Id<"project_id">, 201>;
  }>;
  "/api/v1/projects/{project_id}/attachments/{attachment_id}": PathItem<{
    delete: Op<void, never, never, Id<"project_id" | "attachment_id">, 204>;
  }>;
  "/api/v1/participation-methods": PathItem<{ get: Op<S["MethodList"]> }>;
  "/api/v1/dev/mails": PathItem<{ get: Op<S["SentMail"][]> }>;
}
