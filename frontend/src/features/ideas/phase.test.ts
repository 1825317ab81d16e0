import { describe, expect, it } from "vitest";
import { ideationPhase } from "@/testing/ideas";
import { ideationConfig, isPhaseOpen, postingDecision, today } from "./phase";

describe("phase rules", () => {
  it("fills the method's defaults for settings a phase left out", () => {
    expect(ideationConfig({ ...ideationPhase, method_config: {} })).toEqual({
      posting_enabled: true,
      commenting_enabled: true,
      reacting_enabled: true,
      dislikes_enabled: false,
      max_likes_per_resident: null,
      presentation: "cards",
    });
  });

  it("is open from the start date through the end date", () => {
    const phase = { ...ideationPhase, start_date: "2026-03-01", end_date: "2026-03-31" };
    expect(isPhaseOpen(phase, "2026-02-28")).toBe(false);
    expect(isPhaseOpen(phase, "2026-03-01")).toBe(true);
    expect(isPhaseOpen(phase, "2026-03-31")).toBe(true);
    expect(isPhaseOpen(phase, "2026-04-01")).toBe(false);
    expect(today(new Date(2026, 0, 5))).toBe("2026-01-05");
  });

  it("gives the policy's reasons in its order: closed, disabled, then signed out", () => {
    const closed = { ...ideationPhase, end_date: "2020-06-01", method_config: { posting_enabled: false } };
    expect(postingDecision(closed, false, "2021-01-01").reason).toBe("phase_closed");
    expect(postingDecision({ ...closed, end_date: null }, false, "2021-01-01").reason).toBe("action_disabled");
    expect(postingDecision(ideationPhase, false, "2021-01-01").reason).toBe("not_signed_in");
    expect(postingDecision(ideationPhase, true, "2021-01-01")).toEqual({ allowed: true, reason: "ok", fields: [] });
  });
});
