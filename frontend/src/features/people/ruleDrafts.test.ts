import { describe, expect, it } from "vitest";
import { builderField, draftOf, draftProblems, emptyDraft, ruleOf } from "./ruleDrafts";
import type { Rule } from "./types";

describe("rule drafts", () => {
  it.each<Rule>([
    { type: "field", field_id: "gender", operator: "equals", value: "female" },
    { type: "field", field_id: "gender", operator: "is_empty" },
    { type: "email_domain", operator: "is_not", domain: "example.org" },
    { type: "role", operator: "is", role: "resident" },
    { type: "verified", verified: false },
    { type: "area", operator: "not_in", area_ids: ["north", "south"] },
    { type: "field", field_id: "birthyear", operator: "before", value: 1990 },
    { type: "field", field_id: "volunteer", operator: "equals", value: false },
    { type: "participated", scope: "status", operator: "in", ids: ["s-1", "s-2"] },
    { type: "registered", operator: "before", on: "2026-01-01" },
  ])("turns a stored %o rule into a draft and back unchanged", (rule) => {
    expect(ruleOf(draftOf(rule), { birthyear: "number", volunteer: "checkbox" })).toEqual(rule);
  });

  it("sends a field's value as the field stores its answers: numbers, yes or no, text", () => {
    const draft = (field_id: string, value: string) => ({ ...emptyDraft("field"), operator: "equals", field_id, value });
    const types = { birthyear: "number", volunteer: "checkbox", moved: "date" } as const;
    expect(ruleOf(draft("birthyear", "1985"), types)).toMatchObject({ value: 1985 });
    expect(ruleOf(draft("volunteer", "true"), types)).toMatchObject({ value: true });
    expect(ruleOf(draft("moved", "2020-05-01"), types)).toMatchObject({ value: "2020-05-01" });
    // A field the platform no longer has is compared as text.
    expect(ruleOf(draft("gone", " 12 "), types)).toMatchObject({ value: "12" });
    expect(draftProblems(draft("birthyear", "nineteen"), types)).toEqual({ value: "number" });
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
    expect(draftProblems({ ...emptyDraft("area"), area_ids: [] })).toEqual({ area_ids: "chooseOne" });
    expect(draftProblems({ ...emptyDraft("area"), area_ids: "a-1" as unknown as string[] })).toEqual({});
    expect(draftProblems({ ...emptyDraft("registered"), on: "" })).toEqual({ on: "required" });
    expect(draftProblems(emptyDraft("verified"))).toEqual({});
  });

  it("places the server's rule errors on the builder's inputs", () => {
    expect(builderField("rules.rules.0.email_domain.domain")).toBe("rules.rules.0.domain");
    expect(builderField("rules.rules.2.field")).toBe("rules.rules.2");
    expect(builderField("title.en")).toBe("title.en");
  });
});
