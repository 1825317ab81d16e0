/**
 * Short names for the generated schema's ideation types the back-office
 * edits (the same shapes `GET` answers and `PUT` accepts in full).
 */
import type { components } from "@/lib/api/schema";

type Schemas = components["schemas"];

export type Topic = Schemas["Topic"];
export type IdeaStatus = Schemas["IdeaStatus"];
export type FieldType = Schemas["FieldType"];
export type ChoiceOption = Schemas["ChoiceOption"];
export type CustomField = Schemas["CustomField-Output"];
export type BuiltinField = Schemas["BuiltinField-Output"];
export type InputForm = Schemas["InputForm-Output"];
