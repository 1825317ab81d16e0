import type { ReactNode } from "react";
import {
  Controller,
  useWatch,
  type Control,
  type FieldErrors,
  type FieldValues,
  type Path,
  type UseFormRegister,
} from "react-hook-form";
import { FormattedMessage, useIntl } from "react-intl";
import { Link } from "react-router";
import { SelectField } from "@/components/Field";
import { LoadError, Loading } from "@/components/Loading";
import { isAdmin, useSession } from "@/features/auth/useSession";
import { useFieldChoices } from "@/features/registration";
import type { components } from "@/lib/api/schema";
import type { MethodInfo } from "@/lib/api/types";
import { fieldId } from "@/lib/forms/fieldId";
import { useLocalized } from "@/lib/i18n";
import { useGroupChoices } from "./api";

type Audience = components["schemas"]["Audience"];
type ActionPermission = components["schemas"]["ActionPermission-Output"];

/** Who a rule admits, from the widest to the narrowest (`everyone` only where the method allows it). */
export const AUDIENCES: Audience[] = ["everyone", "signed_in", "confirmed_email", "verified", "groups", "team"];
export const DEFAULT_AUDIENCE: Audience = "signed_in";

/** One action's rule as the phase form holds it. */
export interface PermissionValues {
  audience?: string;
  group_ids?: string[];
  required_fields?: string[];
}

/**
 * The `permissions` to send for `method`: one rule per action of the method
 * (an action the form never showed admits signed-in residents), groups only
 * for the groups audience.
 */
export function permissionsBody(
  method: MethodInfo | undefined,
  values: Record<string, PermissionValues | undefined> | undefined,
): Record<string, { audience: Audience; group_ids: string[]; required_fields: string[] }> {
  return Object.fromEntries(
    (method?.actions ?? []).map((action) => {
      const rule = values?.[action];
      const audience = (rule?.audience || DEFAULT_AUDIENCE) as Audience;
      return [
        action,
        {
          audience,
          group_ids: audience === "groups" ? (rule?.group_ids ?? []) : [],
          required_fields: rule?.required_fields ?? [],
        },
      ];
    }),
  );
}

/** Which actions choose groups without ticking one (the API refuses such a rule). */
export function actionsWithoutGroups(
  method: MethodInfo | undefined,
  values: Record<string, PermissionValues | undefined> | undefined,
): string[] {
  return (method?.actions ?? []).filter(
    (action) => values?.[action]?.audience === "groups" && (values[action]?.group_ids ?? []).length === 0,
  );
}

/** The form's values of a phase's stored permissions. */
export function permissionValues(stored: Record<string, ActionPermission> | undefined): Record<string, PermissionValues> {
  return Object.fromEntries(
    Object.entries(stored ?? {}).map(([action, rule]) => [
      action,
      { audience: rule.audience, group_ids: [...rule.group_ids], required_fields: [...rule.required_fields] },
    ]),
  );
}

function messageAt(errors: FieldErrors | undefined, ...path: string[]): string | undefined {
  let node: unknown = errors;
  for (const part of path) node = node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined;
  const message = (node as { message?: unknown } | undefined)?.message;
  return typeof message === "string" ? message : undefined;
}

interface Choice {
  id: string;
  label: string;
}

/**
 * Checkboxes for a list of ids, in a fieldset carrying the list's id (the
 * error summary links to it); an empty list shows `empty` instead.
 */
function ChoiceList<T extends FieldValues>({
  control,
  name,
  legend,
  hint,
  empty,
  choices,
  error,
}: {
  control: Control<T>;
  name: string;
  legend: ReactNode;
  hint: ReactNode;
  empty: ReactNode;
  choices: Choice[];
  error?: string;
}) {
  const id = fieldId(name);
  const described = [`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <Controller
      control={control}
      name={name as Path<T>}
      render={({ field }) => {
        const value: string[] = Array.isArray(field.value) ? field.value : [];
        return (
          <fieldset
            className={error ? "fieldset field--error" : "fieldset"}
            id={id}
            tabIndex={-1}
            aria-describedby={described}
          >
            <legend>{legend}</legend>
            <p className="field__hint" id={`${id}-hint`}>
              {choices.length ? hint : empty}
            </p>
            {error ? (
              <p className="field__error" id={`${id}-error`}>
                {error}
              </p>
            ) : null}
            {choices.length ? (
              <div className="checkbox-grid">
                {choices.map((choice) => (
                  <div className="checkbox" key={choice.id}>
                    <input
                      type="checkbox"
                      id={`${id}-${choice.id}`}
                      name={name}
                      value={choice.id}
                      checked={value.includes(choice.id)}
                      onChange={(event) =>
                        field.onChange(
                          event.target.checked ? [...value, choice.id] : value.filter((item) => item !== choice.id),
                        )
                      }
                    />
                    <label htmlFor={`${id}-${choice.id}`}>{choice.label}</label>
                  </div>
                ))}
              </div>
            ) : null}
          </fieldset>
        );
      }}
    />
  );
}

interface Props<T extends FieldValues> {
  method: MethodInfo | undefined;
  /** Where the rules live in the form, e.g. `phase.permissions`. */
  prefix: string;
  control: Control<T>;
  register: UseFormRegister<T>;
  /** The errors under `prefix`, by action. */
  errors?: FieldErrors;
  /** The phase's stored rules (new phases: none), for the audience selects' first value. */
  stored?: Record<string, PermissionValues>;
}

function ActionRules<T extends FieldValues>({
  action,
  method,
  prefix,
  control,
  register,
  errors,
  stored,
  groups,
  fields,
}: Omit<Props<T>, "method"> & {
  action: string;
  method: MethodInfo;
  groups: Choice[];
  fields: Choice[];
}) {
  const intl = useIntl();
  const base = `${prefix}.${action}`;
  const watched = useWatch({ control, name: `${base}.audience` as Path<T> }) as string | undefined;
  const storedRule = stored?.[action];
  const audience = watched ?? storedRule?.audience ?? DEFAULT_AUDIENCE;
  const anonymous = method.anonymous_actions.includes(action as never);
  const offered = AUDIENCES.filter((value) => value !== "everyone" || anonymous || storedRule?.audience === "everyone");
  // A method may name an action in its own words (in a proposals phase, reacting is signing).
  const own = `admin.permissions.action.${method.id}.${action}`;
  const name = intl.formatMessage({
    id: typeof intl.messages[own] === "string" ? own : `admin.permissions.action.${action}`,
    defaultMessage: action,
  });
  const whole = messageAt(errors, action);
  // A stored field the platform no longer lists stays ticked, named by its id, until unticked.
  const kept = (storedRule?.required_fields ?? []).filter((id) => !fields.some((field) => field.id === id));
  const fieldChoices = [
    ...fields,
    ...kept.map((id) => ({ id, label: intl.formatMessage({ id: "admin.permissions.unknownField" }, { id }) })),
  ];
  return (
    <fieldset
      className="fieldset"
      id={fieldId(base)}
      tabIndex={-1}
      aria-describedby={whole ? `${fieldId(base)}-error` : undefined}
    >
      <legend>{name}</legend>
      {typeof intl.messages[`admin.permissions.hint.${method.id}.${action}`] === "string" ? (
        // What else decides this action, beyond this phase (e.g. the platform's rule for proposals).
        <p className="field__hint">
          <FormattedMessage id={`admin.permissions.hint.${method.id}.${action}`} />
        </p>
      ) : null}
      {whole ? (
        <p className="field__error" id={`${fieldId(base)}-error`}>
          {whole}
        </p>
      ) : null}
      <SelectField
        label={<FormattedMessage id="admin.permissions.audience" />}
        error={messageAt(errors, action, "audience")}
        defaultValue={storedRule?.audience ?? DEFAULT_AUDIENCE}
        {...register(`${base}.audience` as Path<T>)}
      >
        {offered.map((value) => (
          <option key={value} value={value}>
            {intl.formatMessage({ id: `admin.permissions.audience.${value}` })}
          </option>
        ))}
      </SelectField>
      {audience === "groups" ? (
        <ChoiceList
          control={control}
          name={`${base}.group_ids`}
          legend={<FormattedMessage id="admin.permissions.groups" />}
          hint={<FormattedMessage id="admin.permissions.groupsHint" />}
          empty={
            <FormattedMessage
              id="admin.permissions.noGroups"
              values={{ link: (text) => <Link to="/admin/groups">{text}</Link> }}
            />
          }
          choices={groups}
          error={messageAt(errors, action, "group_ids")}
        />
      ) : null}
      <ChoiceList
        control={control}
        name={`${base}.required_fields`}
        legend={<FormattedMessage id="admin.permissions.fields" />}
        hint={<FormattedMessage id="admin.permissions.fieldsHint" />}
        empty={<FormattedMessage id="admin.permissions.noFields" />}
        choices={fieldChoices}
        error={messageAt(errors, action, "required_fields")}
      />
    </fieldset>
  );
}

/**
 * Who may take each action of the phase's method: an audience (everyone
 * only where the method allows signed-out visitors), the groups when the
 * audience is groups, and the registration questions to answer first.
 */
export function PermissionsFields<T extends FieldValues>(props: Props<T>) {
  const { method } = props;
  // A method without actions (information) has nothing to permit: nothing is read either.
  if (!method || method.actions.length === 0) return null;
  return <Permissions {...props} method={method} />;
}

function Permissions<T extends FieldValues>(props: Props<T> & { method: MethodInfo }) {
  const intl = useIntl();
  const localize = useLocalized();
  const admin = isAdmin(useSession());
  const groups = useGroupChoices();
  const registration = useFieldChoices(admin);
  const { method } = props;
  const error = groups.error ?? registration.error;
  const groupChoices = (groups.data?.items ?? []).map((group) => ({ id: group.id, label: localize(group.title) }));
  const fieldChoices = registration.fields.map((field) => {
    const label = localize(field.label);
    return {
      id: field.id,
      label: field.enabled ? label : intl.formatMessage({ id: "admin.permissions.fieldOff" }, { label }),
    };
  });
  return (
    <section className="permissions" aria-labelledby="permissions-title">
      <h4 id="permissions-title">
        <FormattedMessage id="admin.permissions.title" />
      </h4>
      <p>
        <FormattedMessage id="admin.permissions.intro" />
      </p>
      {error ? <LoadError error={error} /> : null}
      {!error && (groups.isPending || registration.isPending) ? <Loading /> : null}
      {!error && !groups.isPending && !registration.isPending
        ? method.actions.map((action) => (
            <ActionRules
              key={action}
              {...props}
              action={action}
              method={method}
              groups={groupChoices}
              fields={fieldChoices}
            />
          ))
        : null}
    </section>
  );
}
