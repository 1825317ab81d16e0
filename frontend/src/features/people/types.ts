/**
 * The people API's shapes (users and their roles, user groups and their
 * rules), named from the generated schema (`make client`).
 */
import type { components } from "@/lib/api/schema";

type Schemas = components["schemas"];

export type UserSummary = Schemas["UserSummary"];
export type RoleGrant = Schemas["RoleGrantModel-Input"];
export type Group = Schemas["Group"];
export type GroupCreate = Schemas["GroupCreate"];
export type GroupUpdate = Schemas["GroupUpdate"];
export type Member = Schemas["Member"];
export type MembersAdded = Schemas["MembersAdded"];
export type RuleSet = Schemas["RuleSet"];
export type Rule = RuleSet["rules"][number];
export type RuleType = Rule["type"];
export type Match = Schemas["Match"];
export type FieldOperator = Schemas["FieldOperator"];
