/**
 * The ideation shapes this feature works with, named from the generated
 * schema (`make client`), plus the few the API does not describe as such.
 */
import type { components } from "@/lib/api/schema";

type Schemas = components["schemas"];

export type PublicProfile = Schemas["PublicProfile"];
export type IdeaStatus = Schemas["IdeaStatus"];
export type Topic = Schemas["Topic"];
export type IdeaLocation = Schemas["IdeaLocation"];
export type IdeaImage = Schemas["IdeaImage"];
export type IdeaAttachment = Schemas["IdeaAttachment"];
export type Idea = Schemas["Idea"];
/** One of an idea's permissions: allowed, or the policy's reason why not. */
export type Decision = Idea["permissions"]["edit"];
export type IdeaCard = Schemas["IdeaCard"];
export type IdeaPin = Schemas["IdeaPin"];
export type ReactionKind = Schemas["ReactionKind"];
export type ReactionState = Schemas["IdeaReactionState"];
export type CustomFieldType = Schemas["FieldType"];
export type CustomField = Schemas["CustomField-Output"];
export type InputForm = Schemas["InputForm-Output"];
export type IdeaSort = Schemas["IdeaSort"];

/** An answer to a custom field as the API returns it. */
export type CustomValue = unknown;

/** The ideation method's phase settings (`phase.method_config`). */
export interface IdeationConfig {
  posting_enabled: boolean;
  commenting_enabled: boolean;
  reacting_enabled: boolean;
  dislikes_enabled: boolean;
  max_likes_per_resident: number | null;
  presentation: "cards" | "map";
}

/** Where a proposal stands: signatures against its threshold, its deadline and state. */
export type ProposalProgress = Schemas["ProposalProgress"];
