import { describe, expect, it } from "vitest";
import { daysLeft, withSignatures } from "./proposal";

describe("daysLeft", () => {
  it("counts today and the deadline, and nothing once it passed", () => {
    expect(daysLeft("2027-03-12", "2027-03-03")).toBe(10);
    expect(daysLeft("2027-03-12", "2027-03-12")).toBe(1);
    expect(daysLeft("2027-03-12", "2027-03-13")).toBe(0);
    // Across a daylight-saving change (last Sunday of March in Europe).
    expect(daysLeft("2027-04-01", "2027-03-25")).toBe(8);
  });
});

describe("withSignatures", () => {
  const deadline = "2999-01-01";
  it("reaches the goal at the threshold, and a withdrawn signature does not take it back", () => {
    const collecting = { signatures: 98, threshold: 100, deadline, state: "collecting" as const };
    expect(withSignatures(collecting, 99)).toEqual({ ...collecting, signatures: 99 });
    const reached = withSignatures(collecting, 100);
    expect(reached).toEqual({ ...collecting, signatures: 100, state: "reached" });
    expect(withSignatures(reached, 99)).toEqual({ ...reached, signatures: 99 });
  });
});
