import type { FieldValues, Path, UseFormRegister } from "react-hook-form";
import { CheckboxField, TextField } from "@/components/Field";
import type { MethodInfo } from "@/lib/api/types";

interface SchemaProperty {
  type?: string | string[];
  title?: string;
  description?: string;
  anyOf?: SchemaProperty[];
}

function propertyType(property: SchemaProperty): string {
  const types = [
    ...(Array.isArray(property.type) ? property.type : property.type ? [property.type] : []),
    ...(property.anyOf ?? []).flatMap((option) =>
      Array.isArray(option.type) ? option.type : option.type ? [option.type] : [],
    ),
  ].filter((type) => type !== "null");
  return types[0] ?? "string";
}

/** Inputs for a participation method's settings, built from its JSON schema. */
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
  const entries = Object.entries(properties);
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
        if (type === "object" || type === "array") return null;
        return <TextField key={key} label={label} hint={property.description} {...register(name)} />;
      })}
    </>
  );
}
