/**
 * The moderation API's shapes (issue 6 contract). Where the generated
 * schema has a type, the alias points at it; see `api.ts` for the calls.
 */
import type { LocalizedText } from "@/lib/api/types";

export type TargetKind = "idea" | "comment";
export type ReportReason = "spam" | "inappropriate" | "other";
export type ContentState = "visible" | "hidden" | "deleted";
export type ModerationAction = "review" | "unreview" | "hide" | "restore" | "delete";

export interface Person {
  id: string;
  display_name: string;
  avatar_url: string | null;
}

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

export interface ReportInput {
  target_kind: TargetKind;
  target_id: string;
  reason: ReportReason;
  note?: string;
}

export interface Report {
  target_kind: TargetKind;
  target_id: string;
  reason: ReportReason;
  note: string | null;
  created_at: string;
}

export interface ActivityItem {
  target_kind: TargetKind;
  target_id: string;
  project_id: string;
  project_title: LocalizedText;
  title: LocalizedText | null;
  excerpt: string;
  author: Person | null;
  created_at: string;
  reports: number;
  report_reasons: Record<ReportReason, number>;
  reviewed: boolean;
  state: ContentState;
  hidden_reason: string | null;
  path: string;
}

export interface ActivityFilters {
  project: string;
  kind: "" | TargetKind;
  reported: "" | "true" | "false";
  reviewed: "" | "true" | "false";
  state: "" | "visible" | "hidden";
}

export interface ReportView {
  reason: ReportReason;
  note: string | null;
  reporter: Person | null;
  created_at: string;
}

export interface TargetRef {
  target_kind: TargetKind;
  target_id: string;
}

export interface ActionInput {
  action: ModerationAction;
  reason?: string;
  targets: TargetRef[];
}

export interface ActionResult extends TargetRef {
  ok: boolean;
  code: string | null;
  state: ContentState;
  reviewed: boolean;
}

export interface AuditEntry {
  id: string;
  at: string;
  actor: Person | null;
  action: string;
  target_kind: string | null;
  target_id: string | null;
  subject_user_id: string | null;
  reason: string | null;
  details: Record<string, unknown>;
}

export interface AuditFilters {
  target_kind: string;
  target_id: string;
  actor: string;
}

export interface BlockInput {
  user_id: string;
  until: string;
  reason: string;
}

export interface Block {
  user: Person;
  until: string;
  reason: string;
  blocked_by: Person | null;
  created_at: string;
}

export interface LocaleWords {
  builtin: number;
  added: string[];
  removed: string[];
}

export interface ProfanitySettings {
  enabled: boolean;
  locales: Record<string, LocaleWords>;
}

export interface ProfanityWordsInput {
  locale: string;
  add: string[];
  remove: string[];
}

/** What `/me` says of a blocked resident (null when they may take part). */
export interface BlockedState {
  until: string;
  reason: string | null;
}
