import type { components } from "@/lib/api/schema";

type Schemas = components["schemas"];

export type RegistrationField = Schemas["RegistrationField"];
export type RegistrationForm = Schemas["RegistrationForm"];
export type Area = Schemas["Area"];
