import { describe, expect, it } from "vitest";
import { builderField, draftOf, draftProblems, emptyDraft, ruleOf, splitIds } from "./ruleDrafts";
import type { Rule } from "./types";

describe("rule drafts", () => {
  it.each<Rule>([
    { type: "field", field_id: "gender", operator: "equals", value: "female" },
    { type: "field", field_id: "gender", operator: "is_empty" },
    { type: "email_domain", operator: "is_not", domain: "example.org" },
    { type: "role", operator: "is", role: "resident" },
    { type: "verified", verified: false },
    { type: "area", operator: "not_in", area_ids: ["north", "south"] },
    { type: "participated", scope: "status", operator: "in", ids: ["s-1", "s-2"] },
    { type: "registered", operator: "before", on: "2026-01-01" },
  ])("turns a stored %o rule into a draft and back unchanged", (rule) => {
    expect(ruleOf(draftOf(rule))).toEqual(rule);
  });

  it("accepts a single checked checkbox's value as one id", () => {
    const draft = { ...emptyDraft("participated"), ids: "p-1" as unknown as string[] };
    expect(draftProblems(draft)).toEqual({});
    expect(ruleOf(draft)).toMatchObject({ ids: ["p-1"] });
  });

  it("names what is missing or malformed in each kind of rule", () => {
    expect(draftProblems({ ...emptyDraft("field"), field_id: "a b" })).toEqual({ field_id: "refId", value: "required" });
    expect(draftProblems({ ...emptyDraft("field"), field_id: "x", operator: "not_empty" })).toEqual({});
    expect(draftProblems({ ...emptyDraft("email_domain"), domain: "@example.org" })).toEqual({});
    expect(draftProblems({ ...emptyDraft("email_domain"), domain: "nodot" })).toEqual({ domain: "domain" });
    expect(draftProblems({ ...emptyDraft("area"), area_ids: "north, süd" })).toEqual({ area_ids: "refId" });
    expect(draftProblems({ ...emptyDraft("registered"), on: "" })).toEqual({ on: "required" });
    expect(draftProblems(emptyDraft("verified"))).toEqual({});
  });

  it("splits typed id lists on commas, semicolons and spaces, once each", () => {
    expect(splitIds(" north,south;north  east ")).toEqual(["north", "south", "east"]);
  });

  it("places the server's rule errors on the builder's inputs", () => {
    expect(builderField("rules.rules.0.email_domain.domain")).toBe("rules.rules.0.domain");
    expect(builderField("rules.rules.2.field")).toBe("rules.rules.2");
    expect(builderField("title.en")).toBe("title.en");
  });
});
