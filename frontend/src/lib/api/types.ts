/**
 * The types the app uses, taken from the generated schema wherever it has
 * them and from `pending.ts` only for what has not landed yet.
 */
import type { PendingPaths, PendingSchemas } from "./pending";
import type { components, paths as GeneratedPaths } from "./schema";

type Generated = components["schemas"];

export type Schemas = Omit<PendingSchemas, keyof Generated> & Generated;
export type ApiPaths = Omit<PendingPaths, keyof GeneratedPaths> & GeneratedPaths;

export type { LocalizedText, ProjectStatus, RoleName, Visibility } from "./pending";
export type Platform = Schemas["Platform"];
export type PlatformUpdate = Schemas["PlatformUpdate"];
export type UploadPurpose = Schemas["UploadPurpose"];
export type UploadTicket = Schemas["UploadTicket"];
export type Me = Schemas["Me"];
export type AuthSession = Schemas["AuthSession"];
export type FolderSummary = Schemas["FolderSummary"];
export type Folder = Schemas["Folder"];
export type ProjectSummary = Schemas["ProjectSummary"];
export type Project = Schemas["Project"];
export type Phase = Schemas["Phase"];
export type Attachment = Schemas["Attachment"];
export type MethodInfo = Schemas["MethodInfo"];
export type SentMail = Schemas["SentMail"];
