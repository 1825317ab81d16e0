/**
 * Names for the generated schema's types, so the app never spells out
 * `components["schemas"][...]`. Everything here comes from `schema.d.ts`,
 * which `make client` regenerates from the API's OpenAPI document.
 */
import type { components, paths } from "./schema";

type Schemas = components["schemas"];

export type ApiPaths = paths;
export type LocalizedText = { [locale: string]: string };
export type ProjectStatus = Schemas["Status"];
export type Visibility = Schemas["Visibility"];
export type RoleName = Schemas["Role"];
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
export type PublicProfile = Schemas["PublicProfile"];
export type Comment = Schemas["Comment"];
export type CommentThread = Schemas["CommentThread"];
export type Notification = Schemas["Notification"];
export type NotificationType = Schemas["NotificationType"];
export type NotificationPreferences = Schemas["NotificationPreferences-Output"];
