import type { components } from "@/lib/api/schema";

export type OfficialUpdate = components["schemas"]["OfficialUpdate"];
export type IdeaStatus = components["schemas"]["IdeaStatus"];

/**
 * What the feedback panel needs of an idea: any idea shape with these
 * fields fits (the generated `Idea`, or the ideas feature's own type).
 */
export interface FeedbackIdea {
  id: string;
  status: { id: string } | null;
  permissions: { feedback: { allowed: boolean } };
}
