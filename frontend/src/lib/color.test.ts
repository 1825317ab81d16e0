import { describe, expect, it } from "vitest";
import { contrastRatio, isHexColor, readableTextOn } from "./color";

describe("colour contrast", () => {
  it("matches the WCAG figures for known pairs", () => {
    expect(contrastRatio("#ffffff", "#000000")).toBeCloseTo(21, 5);
    expect(contrastRatio("#ffffff", "#ffffff")).toBeCloseTo(1, 5);
    // GOV.UK blue on white is 5.17:1 (AA for normal text).
    expect(contrastRatio("#ffffff", "#1d70b8")).toBeCloseTo(5.17, 1);
  });

  it("picks the text colour that reads better", () => {
    expect(readableTextOn("#1b4f8a")).toBe("#ffffff");
    expect(readableTextOn("#ffdd00")).toBe("#1a1a1a");
  });

  it("accepts only six-digit hex colours", () => {
    expect(isHexColor("#0b5394")).toBe(true);
    expect(isHexColor("#fff")).toBe(false);
    expect(isHexColor("blue")).toBe(false);
  });
});
