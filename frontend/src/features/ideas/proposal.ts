import type { Phase } from "@/lib/api/types";
import { today } from "./phase";
import type { ProposalProgress } from "./types";

/** The proposals settings residents see: what the city commits to ({locale: text}, may be empty). */
export function proposalCommitment(phase: Phase | undefined): Record<string, string> {
  const commitment = (phase?.method_config as { commitment?: unknown } | undefined)?.commitment;
  return commitment && typeof commitment === "object" ? (commitment as Record<string, string>) : {};
}

function dayNumber(day: string): number {
  const [year, month, date] = day.split("-").map(Number);
  return Date.UTC(year, month - 1, date) / 86_400_000;
}

/** A calendar date (YYYY-MM-DD) as a Date at noon UTC: formatted in UTC, no time zone moves it to another day. */
export function calendarDate(day: string): Date {
  return new Date(`${day}T12:00:00Z`);
}

/** Days one can still sign, today included (1 on the last day, 0 once it has passed). */
export function daysLeft(deadline: string, day: string = today()): number {
  return Math.max(0, dayNumber(deadline) - dayNumber(day) + 1);
}

/**
 * The progress after a signature was given or withdrawn (the reaction
 * answer has the new count only), decided as the server does: the goal is
 * reached at the threshold (and stays reached), otherwise it collects until its deadline.
 */
export function withSignatures(progress: ProposalProgress, signatures: number): ProposalProgress {
  // Reached stays reached (the server keeps it once the goal was met), even if a signature goes.
  const reached = progress.state === "reached" || signatures >= progress.threshold;
  const state = reached ? "reached" : daysLeft(progress.deadline) > 0 ? "collecting" : "expired";
  return { ...progress, signatures, state };
}

/** What a proposals phase asks of each proposal: its signatures and days (null for other phases). */
export function proposalRules(phase: Phase): { threshold: number; days: number } | null {
  if (phase.method !== "proposals") return null;
  const config = phase.method_config as { signature_threshold?: unknown; signing_days?: unknown };
  const threshold = typeof config.signature_threshold === "number" ? config.signature_threshold : 100;
  const days = typeof config.signing_days === "number" ? config.signing_days : 90;
  return { threshold, days };
}
