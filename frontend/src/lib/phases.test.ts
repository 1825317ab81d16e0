import { describe, expect, it } from "vitest";
import { collectsInputs } from "./phases";

describe("collectsInputs", () => {
  it.each([
    ["ideation", true],
    ["proposals", true],
    ["information", false],
    ["survey", false],
  ])("%s → %s", (method, expected) => {
    expect(collectsInputs({ method })).toBe(expected);
  });
});
