import { useRef, type ReactNode } from "react";
import { useFieldArray, type FieldErrors, type UseFormReturn } from "react-hook-form";
import { FormattedMessage, useIntl } from "react-intl";
import { CheckboxField, SelectField, TextField } from "@/components/Field";
import { isAdmin, useSession } from "@/features/auth/useSession";
import { useAreas, useFieldChoices, type Area, type RegistrationField } from "@/features/registration";
import { fieldId } from "@/lib/forms/fieldId";
import { useLocalized } from "@/lib/i18n";
import {
  emptyDraft,
  NO_VALUE_OPERATORS,
  OPERATORS,
  ROLES,
  RULE_TYPES,
  SCOPES,
  type FieldTypes,
  type RuleDraft,
  type Scope,
} from "./ruleDrafts";
import type { Match } from "./types";

export const MAX_RULES = 20;

/** What the group form holds of a smart group's rules. */
export interface RulesValues {
  rules: { match: Match; rules: RuleDraft[] };
}

export interface Choice {
  id: string;
  title: Record<string, string>;
}

/** The projects, topics and idea statuses a participation rule can name. */
export type ScopeChoices = Record<Scope, Choice[]>;

/** The registration fields a field rule compares, and the areas an area rule names. */
export interface RegistrationChoices {
  fields: RegistrationField[];
  areas: Area[];
}

/** The platform's registration fields (admins: switched-off ones too; the team: those asked) and areas. */
export function useRegistrationChoices(): RegistrationChoices {
  const admin = isAdmin(useSession());
  const fields = useFieldChoices(admin);
  const areas = useAreas();
  return { fields: fields.fields, areas: areas.data?.items ?? [] };
}

/** Each field's type by id, so values are checked and sent as the field stores its answers. */
export function fieldTypes(registration: RegistrationChoices): FieldTypes {
  return Object.fromEntries(registration.fields.map((field) => [field.id, field.type]));
}

type RuleErrors = FieldErrors<RuleDraft> | undefined;

function message(errors: RuleErrors, name: keyof RuleDraft): string | undefined {
  const found = errors?.[name] as { message?: unknown } | undefined;
  return typeof found?.message === "string" ? found.message : undefined;
}

interface RuleProps<T extends RulesValues> {
  form: UseFormReturn<T>;
  index: number;
  choices: ScopeChoices;
  registration: RegistrationChoices;
  onRemove: (() => void) | null;
}

/** The value a field rule compares answers with, as an input fitting the field's type. */
function FieldValue({
  form,
  base,
  field,
  error,
}: {
  form: UseFormReturn<RulesValues>;
  base: `rules.rules.${number}`;
  field: RegistrationField | undefined;
  error?: string;
}) {
  const intl = useIntl();
  const localize = useLocalized();
  const label = <FormattedMessage id="people.rules.value" />;
  const register = form.register(`${base}.value`);
  const select = (options: ReactNode) => (
    <SelectField label={label} error={error} {...register}>
      <option value="">{intl.formatMessage({ id: "people.rules.chooseValue" })}</option>
      {options}
    </SelectField>
  );
  switch (field?.type) {
    case "single_choice":
    case "multiple_choice":
      return select(
        field.options.map((option) => (
          <option key={option.id} value={option.id}>
            {localize(option.label)}
          </option>
        )),
      );
    case "checkbox":
      return select(
        <>
          <option value="true">{intl.formatMessage({ id: "people.rules.value.yes" })}</option>
          <option value="false">{intl.formatMessage({ id: "people.rules.value.no" })}</option>
        </>,
      );
    case "number":
    case "linear_scale":
      return <TextField label={label} error={error} type="number" step="any" inputMode="decimal" {...register} />;
    case "date":
      return <TextField label={label} error={error} type="date" {...register} />;
    default:
      return <TextField label={label} error={error} maxLength={200} {...register} />;
  }
}

/** One rule: what it looks at, how it compares, and the value fitting that kind of rule. */
function RuleFields<T extends RulesValues>({ form: typed, index, choices, registration, onRemove }: RuleProps<T>) {
  const intl = useIntl();
  const localize = useLocalized();
  // The rules are at the same place in every form that uses the builder.
  const form = typed as unknown as UseFormReturn<RulesValues>;
  const base = `rules.rules.${index}` as const;
  const draft = form.watch(base);
  const errors = (form.formState.errors.rules?.rules as RuleErrors[] | undefined)?.[index];
  // A rule-wide error (a rule that cannot hold as a whole) sits on the rule itself.
  const whole = (errors as { message?: unknown } | undefined)?.message;
  const ruleError = typeof whole === "string" ? whole : undefined;
  const number = index + 1;
  const operators = OPERATORS[draft.type];

  const typeField = form.register(`${base}.type`);
  const scopeField = form.register(`${base}.scope`);
  const fieldSelect = form.register(`${base}.field_id`);
  const field = registration.fields.find((item) => item.id === draft.field_id);
  // An older rule may name a field or areas the platform no longer has: they stay, named by their ids.
  const lostField = draft.field_id && !field ? draft.field_id : null;
  const areaIds = Array.isArray(draft.area_ids) ? draft.area_ids : [];
  const lostAreas = areaIds.filter((id) => !registration.areas.some((area) => area.id === id));
  const operator =
    operators.length > 0 ? (
      <SelectField
        label={<FormattedMessage id="people.rules.operator" />}
        error={message(errors, "operator")}
        {...form.register(`${base}.operator`)}
      >
        {operators.map((value) => (
          <option key={value} value={value}>
            {intl.formatMessage({ id: `people.rules.op.${draft.type}.${value}` })}
          </option>
        ))}
      </SelectField>
    ) : null;

  return (
    <fieldset
      className="fieldset people-rule"
      id={fieldId(base)}
      tabIndex={-1}
      aria-describedby={ruleError ? `${fieldId(base)}-error` : undefined}
    >
      <legend>
        <FormattedMessage id="people.rules.legend" values={{ number }} />
      </legend>
      {ruleError ? (
        <p className="field__error" id={`${fieldId(base)}-error`}>
          {ruleError}
        </p>
      ) : null}
      <SelectField
        label={<FormattedMessage id="people.rules.type" />}
        {...typeField}
        onChange={(event) => {
          void typeField.onChange(event);
          const type = event.target.value as RuleDraft["type"];
          form.setValue(`${base}.operator`, OPERATORS[type][0] ?? "");
          form.clearErrors(base);
        }}
      >
        {RULE_TYPES.map((type) => (
          <option key={type} value={type}>
            {intl.formatMessage({ id: `people.rules.type.${type}` })}
          </option>
        ))}
      </SelectField>
      {draft.type === "field" ? (
        <>
          <SelectField
            label={<FormattedMessage id="people.rules.fieldId" />}
            error={message(errors, "field_id")}
            {...fieldSelect}
            onChange={(event) => {
              void fieldSelect.onChange(event);
              // A value of another field (an option id, a number) would not fit the new one.
              form.setValue(`${base}.value`, "");
              form.clearErrors(`${base}.value`);
            }}
          >
            <option value="">{intl.formatMessage({ id: "people.rules.chooseField" })}</option>
            {registration.fields.map((item) => (
              <option key={item.id} value={item.id}>
                {localize(item.label)}
              </option>
            ))}
            {lostField ? (
              <option value={lostField}>{intl.formatMessage({ id: "people.rules.unknownField" }, { id: lostField })}</option>
            ) : null}
          </SelectField>
          {operator}
          {NO_VALUE_OPERATORS.has(draft.operator) ? null : (
            <FieldValue form={form} base={base} field={field} error={message(errors, "value")} />
          )}
        </>
      ) : null}
      {draft.type === "email_domain" ? (
        <>
          {operator}
          <TextField
            label={<FormattedMessage id="people.rules.domain" />}
            hint={<FormattedMessage id="people.rules.domainHint" />}
            error={message(errors, "domain")}
            maxLength={253}
            {...form.register(`${base}.domain`)}
          />
        </>
      ) : null}
      {draft.type === "role" ? (
        <>
          {operator}
          <SelectField label={<FormattedMessage id="people.rules.role" />} error={message(errors, "role")} {...form.register(`${base}.role`)}>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {intl.formatMessage({ id: `people.role.${role}` })}
              </option>
            ))}
          </SelectField>
        </>
      ) : null}
      {draft.type === "verified" ? (
        <SelectField label={<FormattedMessage id="people.rules.verified" />} {...form.register(`${base}.verified`)}>
          <option value="true">{intl.formatMessage({ id: "people.rules.verified.true" })}</option>
          <option value="false">{intl.formatMessage({ id: "people.rules.verified.false" })}</option>
        </SelectField>
      ) : null}
      {draft.type === "area" ? (
        <>
          {operator}
          <fieldset
            className="fieldset"
            id={fieldId(`${base}.area_ids`)}
            tabIndex={-1}
            aria-describedby={message(errors, "area_ids") ? `${fieldId(`${base}.area_ids`)}-error` : undefined}
          >
            <legend>
              <FormattedMessage id="people.rules.areaIds" />
            </legend>
            {message(errors, "area_ids") ? (
              <p className="field__error" id={`${fieldId(`${base}.area_ids`)}-error`}>
                {message(errors, "area_ids")}
              </p>
            ) : null}
            {registration.areas.length + lostAreas.length === 0 ? (
              <p className="muted">
                <FormattedMessage id="people.rules.none.area" />
              </p>
            ) : (
              <div className="people-picker">
                {[
                  ...registration.areas.map((area) => ({ id: area.id, label: localize(area.name) })),
                  ...lostAreas.map((id) => ({ id, label: intl.formatMessage({ id: "people.rules.unknownArea" }, { id }) })),
                ].map((choice) => (
                  <CheckboxField
                    key={choice.id}
                    id={fieldId(`${base}.area_ids-${choice.id}`)}
                    value={choice.id}
                    label={choice.label}
                    {...form.register(`${base}.area_ids`)}
                  />
                ))}
              </div>
            )}
          </fieldset>
        </>
      ) : null}
      {draft.type === "participated" ? (
        <>
          <SelectField
            label={<FormattedMessage id="people.rules.scope" />}
            {...scopeField}
            onChange={(event) => {
              void scopeField.onChange(event);
              form.setValue(`${base}.ids`, []);
            }}
          >
            {SCOPES.map((scope) => (
              <option key={scope} value={scope}>
                {intl.formatMessage({ id: `people.rules.scope.${scope}` })}
              </option>
            ))}
          </SelectField>
          {operator}
          <fieldset
            className="fieldset"
            id={fieldId(`${base}.ids`)}
            tabIndex={-1}
            aria-describedby={message(errors, "ids") ? `${fieldId(`${base}.ids`)}-error` : undefined}
          >
            <legend>
              <FormattedMessage id={`people.rules.ids.${draft.scope}`} />
            </legend>
            {message(errors, "ids") ? (
              <p className="field__error" id={`${fieldId(`${base}.ids`)}-error`}>
                {message(errors, "ids")}
              </p>
            ) : null}
            {choices[draft.scope].length === 0 ? (
              <p className="muted">
                <FormattedMessage id={`people.rules.none.${draft.scope}`} />
              </p>
            ) : (
              <div className="people-picker">
                {choices[draft.scope].map((choice) => (
                  <CheckboxField
                    key={choice.id}
                    id={fieldId(`${base}.ids-${choice.id}`)}
                    value={choice.id}
                    label={localize(choice.title)}
                    {...form.register(`${base}.ids`)}
                  />
                ))}
              </div>
            )}
          </fieldset>
        </>
      ) : null}
      {draft.type === "registered" ? (
        <>
          {operator}
          <TextField
            type="date"
            label={<FormattedMessage id="people.rules.on" />}
            error={message(errors, "on")}
            {...form.register(`${base}.on`)}
          />
        </>
      ) : null}
      {onRemove ? (
        <button type="button" className="button button--small button--secondary" onClick={onRemove}>
          <FormattedMessage id="people.rules.remove" values={{ number }} />
        </button>
      ) : null}
    </fieldset>
  );
}

/**
 * A smart group's rules: each looks at one kind of fact about a person,
 * with the operator and value inputs that kind of fact takes; members match
 * all of the rules or any of them.
 */
export function RuleBuilder<T extends RulesValues>({
  form: typed,
  choices,
  registration,
}: {
  form: UseFormReturn<T>;
  choices: ScopeChoices;
  registration: RegistrationChoices;
}) {
  const form = typed as unknown as UseFormReturn<RulesValues>;
  const rules = useFieldArray({ control: form.control, name: "rules.rules" });
  const add = useRef<HTMLButtonElement>(null);
  return (
    <section aria-labelledby="rules-title" className="people-rules">
      <h2 id="rules-title">
        <FormattedMessage id="people.rules.title" />
      </h2>
      <p>
        <FormattedMessage id="people.rules.intro" />
      </p>
      <fieldset className="fieldset">
        <legend>
          <FormattedMessage id="people.rules.match" />
        </legend>
        {(["all", "any"] as const).map((value) => (
          <div className="checkbox" key={value}>
            <input type="radio" id={fieldId(`rules.match-${value}`)} value={value} {...form.register("rules.match")} />
            <label htmlFor={fieldId(`rules.match-${value}`)}>
              <FormattedMessage id={`people.rules.match.${value}`} />
            </label>
          </div>
        ))}
      </fieldset>
      {rules.fields.map((field, index) => (
        <RuleFields
          key={field.id}
          form={form}
          index={index}
          choices={choices}
          registration={registration}
          onRemove={
            rules.fields.length > 1
              ? () => {
                  rules.remove(index);
                  add.current?.focus();
                }
              : null
          }
        />
      ))}
      {rules.fields.length < MAX_RULES ? (
        <button ref={add} type="button" className="button button--secondary" onClick={() => rules.append(emptyDraft())}>
          <FormattedMessage id="people.rules.add" />
        </button>
      ) : (
        <p className="muted">
          <FormattedMessage id="people.rules.max" values={{ max: MAX_RULES }} />
        </p>
      )}
    </section>
  );
}
