import type { FieldValues, Path, UseFormRegister } from "react-hook-form";
import { CheckboxField, TextField } from "@/components/Field";
import type { MethodInfo } from "@/lib/api/types";

interface SchemaProperty {
  $ref?: string;
  type?: string | string[];
  title?: string;
  description?: string;
  anyOf?: SchemaProperty[];
}

/** The scalar type of a property, or "object" for anything this simple form cannot edit. */
function propertyType(property: SchemaProperty): string {
  if (property.$ref || property.anyOf?.some((option) => option.$ref)) return "object";
  const types = [
    ...(Array.isArray(property.type) ? property.type : property.type ? [property.type] : []),
    ...(property.anyOf ?? []).flatMap((option) =>
      Array.isArray(option.type) ? option.type : option.type ? [option.type] : [],
    ),
  ].filter((type) => type !== "null");
  return types[0] ?? "string";
}

/**
 * Inputs for a participation method's scalar settings, built from its JSON
 * schema. Nested settings (such as an information phase's event) are kept
 * as they are; a method that needs them brings its own editor.
 */
export function MethodConfigFields<T extends FieldValues>({
  method,
  prefix,
  register,
}: {
  method: MethodInfo | undefined;
  prefix: string;
  register: UseFormRegister<T>;
}) {
  const properties = (method?.config_schema?.properties ?? {}) as Record<string, SchemaProperty>;
  const entries = Object.entries(properties).filter(([, property]) => propertyType(property) !== "object" && propertyType(property) !== "array");
  if (entries.length === 0) return null;
  return (
    <>
      {entries.map(([key, property]) => {
        const name = `${prefix}.${key}` as Path<T>;
        const label = property.title ?? key;
        const type = propertyType(property);
        if (type === "boolean") {
          return <CheckboxField key={key} label={label} hint={property.description} {...register(name)} />;
        }
        if (type === "integer" || type === "number") {
          return (
            <TextField
              key={key}
              label={label}
              hint={property.description}
              type="number"
              {...register(name, { setValueAs: (value: string) => (value === "" ? null : Number(value)) })}
            />
          );
        }
        return <TextField key={key} label={label} hint={property.description} {...register(name)} />;
      })}
    </>
  );
}
