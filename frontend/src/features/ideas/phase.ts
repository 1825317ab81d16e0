import type { Phase } from "@/lib/api/types";
import type { Decision, IdeationConfig } from "./types";

/** The ideation settings of a phase, with the server's defaults for keys it left out. */
export function ideationConfig(phase: Phase): IdeationConfig {
  const config = phase.method_config as Partial<IdeationConfig>;
  return {
    posting_enabled: config.posting_enabled ?? true,
    commenting_enabled: config.commenting_enabled ?? true,
    reacting_enabled: config.reacting_enabled ?? true,
    dislikes_enabled: config.dislikes_enabled ?? false,
    max_likes_per_resident: config.max_likes_per_resident ?? null,
    presentation: config.presentation === "map" ? "map" : "cards",
  };
}

/** Today as YYYY-MM-DD in the visitor's time zone (phase dates are calendar dates). */
export function today(now: Date = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function isPhaseOpen(phase: Phase, day: string = today()): boolean {
  return phase.start_date <= day && (phase.end_date == null || day <= phase.end_date);
}

/**
 * Whether the viewer may post in this phase, with the policy's reason when
 * not: the server decides per viewer (open, enabled, the phase's audience,
 * missing profile fields) and sends it with the phase. Without that answer
 * (a phase read before the viewer was known) the dates and settings decide,
 * in the policy's order. The server decides again on submit.
 */
export function postingDecision(phase: Phase, signedIn: boolean, day: string = today()): Decision {
  const decided = phase.viewer?.post_input;
  if (decided) return decided;
  if (!isPhaseOpen(phase, day)) return refused("phase_closed");
  if (!ideationConfig(phase).posting_enabled) return refused("action_disabled");
  if (!signedIn) return refused("not_signed_in");
  return { allowed: true, reason: "ok", fields: [] };
}

function refused(reason: string): Decision {
  return { allowed: false, reason, fields: [] };
}
