/**
 * Smart-group rules as the rule builder edits them: one flat draft per rule
 * holding every input any rule type has, turned into the API's rule (and
 * back) here. The checks mirror the server's, so a rule is refused before
 * it is sent.
 */
import type { components } from "@/lib/api/schema";
import { checkedValues } from "./checkedValues";
import type { Rule, RuleType } from "./types";

type FieldType = components["schemas"]["FieldType"];

/** The type of each registration field a rule may name, by id (an id not listed: compared as text). */
export type FieldTypes = Record<string, FieldType>;

const NUMBER_TYPES: readonly FieldType[] = ["number", "linear_scale"];

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
  area_ids: string[];
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
    area_ids: [],
    scope: "project",
    ids: [],
    on: "",
  };
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
      return { ...draft, operator: rule.operator ?? "in", area_ids: [...rule.area_ids] };
    case "participated":
      return { ...draft, operator: rule.operator ?? "in", scope: rule.scope, ids: [...rule.ids] };
    case "registered":
      return { ...draft, operator: rule.operator, on: rule.on };
  }
}

/** The value to compare a field's answers with, as its type stores them: yes/no, numbers, or text. */
function fieldValue(value: string, type: FieldType | undefined): string | number | boolean {
  if (type === "checkbox") return value === "true";
  if (type && NUMBER_TYPES.includes(type)) return Number(value);
  return value.trim();
}

export function ruleOf(draft: RuleDraft, types: FieldTypes = {}): Rule {
  switch (draft.type) {
    case "field": {
      const id = draft.field_id.trim();
      return {
        type: "field",
        field_id: id,
        operator: draft.operator as Extract<Rule, { type: "field" }>["operator"],
        ...(NO_VALUE_OPERATORS.has(draft.operator) ? {} : { value: fieldValue(draft.value, types[id]) }),
      };
    }
    case "email_domain":
      return { type: "email_domain", operator: draft.operator as "is" | "is_not", domain: draft.domain.trim().replace(/^@/, "") };
    case "role":
      return { type: "role", operator: draft.operator as "is" | "is_not", role: draft.role };
    case "verified":
      return { type: "verified", verified: draft.verified === "true" };
    case "area":
      return { type: "area", operator: draft.operator as "in" | "not_in", area_ids: checkedValues(draft.area_ids) };
    case "participated":
      return { type: "participated", scope: draft.scope, operator: draft.operator as "in" | "not_in", ids: checkedValues(draft.ids) };
    case "registered":
      return { type: "registered", operator: draft.operator as "before" | "after", on: draft.on };
  }
}

export type DraftProblem = "required" | "refId" | "domain" | "chooseOne" | "tooMany" | "date" | "number";

/** What is wrong with a draft, by the name of its input (none: it can be sent). */
export function draftProblems(draft: RuleDraft, types: FieldTypes = {}): Partial<Record<keyof RuleDraft, DraftProblem>> {
  switch (draft.type) {
    case "field": {
      const problems: Partial<Record<keyof RuleDraft, DraftProblem>> = {};
      const id = draft.field_id.trim();
      if (!id) problems.field_id = "required";
      else if (!REF_ID.test(id)) problems.field_id = "refId";
      const type = types[id];
      if (NO_VALUE_OPERATORS.has(draft.operator)) return problems;
      if (!draft.value.trim()) problems.value = "required";
      else if (type && NUMBER_TYPES.includes(type) && !Number.isFinite(Number(draft.value))) problems.value = "number";
      return problems;
    }
    case "email_domain": {
      const domain = draft.domain.trim().replace(/^@/, "");
      if (!domain) return { domain: "required" };
      return DOMAIN.test(domain) && domain.includes(".") ? {} : { domain: "domain" };
    }
    case "area": {
      const ids = checkedValues(draft.area_ids);
      if (ids.length === 0) return { area_ids: "chooseOne" };
      return ids.length > MAX_IDS ? { area_ids: "tooMany" } : {};
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
