import type { FieldErrors, FieldValues, Path, UseFormRegister } from "react-hook-form";
import { useIntl } from "react-intl";
import { CheckboxField, SelectField, TextField } from "@/components/Field";
import type { MethodInfo } from "@/lib/api/types";

interface SchemaProperty {
  $ref?: string;
  type?: string | string[];
  title?: string;
  description?: string;
  anyOf?: SchemaProperty[];
  enum?: unknown[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
}

type Defs = Record<string, SchemaProperty>;

/** The definition a local `$ref` (`#/$defs/Name`) points to, if it is one. */
function deref(property: SchemaProperty, defs: Defs): SchemaProperty {
  const name = property.$ref?.match(/^#\/\$defs\/(.+)$/)?.[1];
  return name && defs[name] ? { ...defs[name], ...property, $ref: undefined } : property;
}

/** Every option of a property (itself, or each `anyOf` branch), references resolved. */
function branches(property: SchemaProperty, defs: Defs): SchemaProperty[] {
  const own = deref(property, defs);
  return own.anyOf ? own.anyOf.map((option) => deref(option, defs)) : [own];
}

function typesOf(option: SchemaProperty): string[] {
  return Array.isArray(option.type) ? option.type : option.type ? [option.type] : [];
}

/** Whether the property accepts null (then an empty input means "not set"). */
function nullable(property: SchemaProperty, defs: Defs): boolean {
  return branches(property, defs).some((option) => typesOf(option).includes("null"));
}

/** The allowed values of an enumerated property (a Literal or an Enum), else null. */
function enumValues(property: SchemaProperty, defs: Defs): string[] | null {
  const values = branches(property, defs).flatMap((option) => option.enum ?? []);
  return values.length ? values.filter((value): value is string => typeof value === "string") : null;
}

/** The scalar type of a property, or "object" for anything this simple form cannot edit. */
function propertyType(property: SchemaProperty, defs: Defs): string {
  if (enumValues(property, defs)) return "enum";
  const options = branches(property, defs);
  if (options.some((option) => option.$ref)) return "object";
  const types = options.flatMap(typesOf).filter((type) => type !== "null");
  return types[0] ?? "string";
}

/** The numeric bounds a property declares, on whichever branch declares them. */
function bound(property: SchemaProperty, defs: Defs, key: "minimum" | "maximum"): number | undefined {
  return branches(property, defs).find((option) => typeof option[key] === "number")?.[key];
}

/**
 * Inputs for a participation method's scalar settings, built from its JSON
 * schema: booleans as checkboxes, enumerations (inline or `$defs`) as
 * selects, numbers as number inputs (empty is `null` when the setting is
 * optional), the rest as text. Labels come from the catalogs
 * (`admin.method.<method>.<setting>`), falling back to the schema's title.
 * Nested settings (such as an information phase's event) are kept as they
 * are; a method that needs them brings its own editor. A setting the phase
 * does not have yet starts at the schema's default.
 */
export function MethodConfigFields<T extends FieldValues>({
  method,
  prefix,
  register,
  errors,
  current,
}: {
  method: MethodInfo | undefined;
  prefix: string;
  register: UseFormRegister<T>;
  /**
   * The settings the form holds now: a checkbox takes the schema's default
   * only when its setting is absent (react-hook-form prefers a checked
   * default over a stored `false`).
   */
  current?: Record<string, unknown>;
  /** The errors under `prefix`, to show each setting's own message beside it. */
  errors?: FieldErrors;
}) {
  const intl = useIntl();
  const schema = (method?.config_schema ?? {}) as { properties?: Record<string, SchemaProperty>; $defs?: Defs };
  const defs = schema.$defs ?? {};
  const properties = schema.properties ?? {};
  const entries = Object.entries(properties).filter(([, property]) => {
    const type = propertyType(property, defs);
    return type !== "object" && type !== "array";
  });
  if (entries.length === 0) return null;
  const text = (id: string, fallback: string | undefined) =>
    typeof intl.messages[id] === "string" ? intl.formatMessage({ id }) : fallback;
  return (
    <>
      {entries.map(([key, property]) => {
        const name = `${prefix}.${key}` as Path<T>;
        const base = `admin.method.${method?.id}.${key}`;
        const label = text(base, property.title) ?? key;
        const hint = text(`${base}.hint`, property.description);
        const error = (errors?.[key] as { message?: string } | undefined)?.message;
        const type = propertyType(property, defs);
        const fallback = property.default;
        if (type === "boolean") {
          return (
            <CheckboxField
              key={key}
              label={label}
              hint={hint}
              error={error}
              defaultChecked={current?.[key] === undefined ? fallback === true : undefined}
              {...register(name)}
            />
          );
        }
        if (type === "enum") {
          const values = enumValues(property, defs) ?? [];
          return (
            <SelectField
              key={key}
              label={label}
              hint={hint}
              error={error}
              defaultValue={typeof fallback === "string" ? fallback : ""}
              {...register(name, { setValueAs: (value: string) => (value === "" ? null : value) })}
            >
              {nullable(property, defs) || typeof fallback !== "string" ? (
                <option value="">{intl.formatMessage({ id: "admin.method.notSet" })}</option>
              ) : null}
              {values.map((value) => (
                <option key={value} value={value}>
                  {text(`${base}.${value}`, value)}
                </option>
              ))}
            </SelectField>
          );
        }
        if (type === "integer" || type === "number") {
          return (
            <TextField
              key={key}
              label={label}
              hint={hint}
              error={error}
              type="number"
              inputMode={type === "integer" ? "numeric" : "decimal"}
              step={type === "integer" ? 1 : "any"}
              min={bound(property, defs, "minimum")}
              max={bound(property, defs, "maximum")}
              defaultValue={typeof fallback === "number" ? fallback : ""}
              {...register(name, {
                setValueAs: (value: unknown) =>
                  value === "" || value === null || value === undefined ? null : Number(value),
              })}
            />
          );
        }
        return (
          <TextField
            key={key}
            label={label}
            hint={hint}
            error={error}
            defaultValue={typeof fallback === "string" ? fallback : ""}
            {...register(name)}
          />
        );
      })}
    </>
  );
}

/**
 * The settings to send for `method`: only the keys its schema declares (a
 * setting left over from the phase's previous method would be refused),
 * without empty text inputs; `null` stays, it means "not set".
 */
export function methodConfigBody(method: MethodInfo | undefined, values: Record<string, unknown>): Record<string, unknown> {
  const properties = (method?.config_schema as { properties?: Record<string, unknown> } | undefined)?.properties;
  return Object.fromEntries(
    Object.entries(values).filter(
      ([key, value]) => value !== "" && value !== undefined && (!properties || key in properties),
    ),
  );
}
