/**
 * The moderation API's shapes, named from the generated schema (`make client`),
 * plus the filter state the pages keep.
 */
import type { components } from "@/lib/api/schema";

type Schemas = components["schemas"];

export type TargetKind = Schemas["TargetKind"];
export type ReportReason = Schemas["ReportReason"];
export type ContentState = Schemas["ContentState"];
export type ModerationAction = Schemas["ModerationAction"];
export type Person = Schemas["PublicProfile"];
export type ReportInput = Schemas["ReportCreate"];
export type Report = Schemas["Report"];
export type ActivityItem = Schemas["ActivityItem"];
export type ReportView = Schemas["ReportView"];
export type TargetRef = Schemas["TargetRef"];
export type ActionInput = Schemas["ActionRequest"];
export type ActionResult = Schemas["ActionResult"];
export type AuditEntry = Schemas["AuditEntry"];
export type BlockInput = Schemas["BlockCreate"];
export type Block = Schemas["Block"];
export type LocaleWords = Schemas["LocaleWords"];
export type ProfanitySettings = Schemas["ProfanityFilter"];
export type ProfanityWordsInput = Schemas["ProfanityWordsChange"];
/** What `/me` says of a blocked resident (null when they may take part). */
export type BlockedState = Schemas["BlockNotice"];
export type IdeaModeration = Schemas["IdeaModeration"];

/** The activity queue's filters as the address keeps them ("" = any). */
export interface ActivityFilters {
  project: string;
  kind: "" | TargetKind;
  reported: "" | "true" | "false";
  reviewed: "" | "true" | "false";
  state: "" | "visible" | "hidden";
}

export interface AuditFilters {
  target_kind: "" | TargetKind;
  target_id: string;
  actor: string;
}
