/**
 * Smart-group rules as the rule builder edits them: one flat draft per rule
 * holding every input any rule type has, turned into the API's rule (and
 * back) here. The checks mirror the server's, so a rule is refused before
 * it is sent.
 */
import { checkedValues } from "./checkedValues";
import type { Rule, RuleType } from "./types";

export const RULE_TYPES: RuleType[] = ["field", "email_domain", "role", "verified", "area", "participated", "registered"];
export const ROLES = ["admin", "folder_manager", "project_manager", "moderator", "resident"] as const;
export const SCOPES = ["project", "topic", "status"] as const;
export type Scope = (typeof SCOPES)[number];

/** The operators each rule type offers, the first being the default. */
export const OPERATORS: Record<RuleType, string[]> = {
  field: ["equals", "not_equals", "contains", "not_contains", "is_empty", "not_empty", "before", "after"],
  email_domain: ["is", "is_not"],
  role: ["is", "is_not"],
  verified: [],
  area: ["in", "not_in"],
  participated: ["in", "not_in"],
  registered: ["before", "after"],
};

export const NO_VALUE_OPERATORS = new Set(["is_empty", "not_empty"]);
const REF_ID = /^[A-Za-z0-9_-]{1,64}$/;
const DOMAIN = /^[A-Za-z0-9.-]{3,253}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_IDS = 50;

export interface RuleDraft {
  type: RuleType;
  operator: string;
  field_id: string;
  value: string;
  domain: string;
  role: (typeof ROLES)[number];
  verified: "true" | "false";
  area_ids: string;
  scope: Scope;
  ids: string[];
  on: string;
}

export function emptyDraft(type: RuleType = "email_domain"): RuleDraft {
  return {
    type,
    operator: OPERATORS[type][0] ?? "",
    field_id: "",
    value: "",
    domain: "",
    role: "resident",
    verified: "true",
    area_ids: "",
    scope: "project",
    ids: [],
    on: "",
  };
}

/** Ids typed as a list ("north, centre south") as the distinct ids. */
export function splitIds(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).filter(Boolean))];
}

export function draftOf(rule: Rule): RuleDraft {
  const draft = emptyDraft(rule.type);
  switch (rule.type) {
    case "field":
      return { ...draft, operator: rule.operator, field_id: rule.field_id, value: rule.value == null ? "" : String(rule.value) };
    case "email_domain":
      return { ...draft, operator: rule.operator ?? "is", domain: rule.domain };
    case "role":
      return { ...draft, operator: rule.operator ?? "is", role: rule.role };
    case "verified":
      return { ...draft, verified: rule.verified === false ? "false" : "true" };
    case "area":
      return { ...draft, operator: rule.operator ?? "in", area_ids: rule.area_ids.join(", ") };
    case "participated":
      return { ...draft, operator: rule.operator ?? "in", scope: rule.scope, ids: [...rule.ids] };
    case "registered":
      return { ...draft, operator: rule.operator, on: rule.on };
  }
}

export function ruleOf(draft: RuleDraft): Rule {
  switch (draft.type) {
    case "field":
      return {
        type: "field",
        field_id: draft.field_id.trim(),
        operator: draft.operator as Extract<Rule, { type: "field" }>["operator"],
        ...(NO_VALUE_OPERATORS.has(draft.operator) ? {} : { value: draft.value.trim() }),
      };
    case "email_domain":
      return { type: "email_domain", operator: draft.operator as "is" | "is_not", domain: draft.domain.trim().replace(/^@/, "") };
    case "role":
      return { type: "role", operator: draft.operator as "is" | "is_not", role: draft.role };
    case "verified":
      return { type: "verified", verified: draft.verified === "true" };
    case "area":
      return { type: "area", operator: draft.operator as "in" | "not_in", area_ids: splitIds(draft.area_ids) };
    case "participated":
      return { type: "participated", scope: draft.scope, operator: draft.operator as "in" | "not_in", ids: checkedValues(draft.ids) };
    case "registered":
      return { type: "registered", operator: draft.operator as "before" | "after", on: draft.on };
  }
}

export type DraftProblem = "required" | "refId" | "domain" | "chooseOne" | "tooMany" | "date";

/** What is wrong with a draft, by the name of its input (none: it can be sent). */
export function draftProblems(draft: RuleDraft): Partial<Record<keyof RuleDraft, DraftProblem>> {
  switch (draft.type) {
    case "field": {
      const problems: Partial<Record<keyof RuleDraft, DraftProblem>> = {};
      const id = draft.field_id.trim();
      if (!id) problems.field_id = "required";
      else if (!REF_ID.test(id)) problems.field_id = "refId";
      if (!NO_VALUE_OPERATORS.has(draft.operator) && !draft.value.trim()) problems.value = "required";
      return problems;
    }
    case "email_domain": {
      const domain = draft.domain.trim().replace(/^@/, "");
      if (!domain) return { domain: "required" };
      return DOMAIN.test(domain) && domain.includes(".") ? {} : { domain: "domain" };
    }
    case "area": {
      const ids = splitIds(draft.area_ids);
      if (ids.length === 0) return { area_ids: "required" };
      if (ids.length > MAX_IDS) return { area_ids: "tooMany" };
      return ids.every((id) => REF_ID.test(id)) ? {} : { area_ids: "refId" };
    }
    case "participated": {
      const ids = checkedValues(draft.ids);
      if (ids.length === 0) return { ids: "chooseOne" };
      return ids.length > MAX_IDS ? { ids: "tooMany" } : {};
    }
    case "registered":
      return DATE.test(draft.on) ? {} : { on: draft.on ? "date" : "required" };
    default:
      return {};
  }
}

/**
 * An API error's field as the builder's input: the server names the rule
 * type after the index ("rules.rules.0.email_domain.domain"); a rule-wide
 * error ("rules.rules.1.field") goes to the rule itself.
 */
export function builderField(apiField: string): string {
  const parts = apiField.split(".");
  if (parts[0] !== "rules" || parts[1] !== "rules" || parts.length < 4) return apiField;
  if (!(RULE_TYPES as string[]).includes(parts[3])) return apiField;
  const rest = parts.slice(4);
  return [...parts.slice(0, 3), ...rest.slice(0, 1)].join(".");
}
