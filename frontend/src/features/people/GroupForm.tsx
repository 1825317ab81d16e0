import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, type FieldErrors, type Resolver } from "react-hook-form";
import { FormattedMessage, useIntl } from "react-intl";
import { z } from "zod";
import { Form } from "@/components/Form";
import { LocalizedTextFields } from "@/features/admin/LocalizedFields";
import { compact, emptyLocalized, localizedText } from "@/features/admin/localizedSchema";
import { usePlatformLocales } from "@/features/admin/usePlatformLocales";
import { useAdminIdeaStatuses, useAdminTopics } from "@/features/admin/ideationApi";
import { fieldId } from "@/lib/forms/fieldId";
import { useValidationMessages } from "@/lib/forms/messages";
import { useCreateGroup, usePickerProjects, useUpdateGroup } from "./api";
import { builderField, draftOf, draftProblems, emptyDraft, ruleOf, type DraftProblem, type RuleDraft } from "./ruleDrafts";
import { fieldTypes, RuleBuilder, useRegistrationChoices, type RulesValues, type ScopeChoices } from "./RuleBuilder";
import type { Group, Match } from "./types";

const TEXT_MAX = 300;

type Membership = "manual" | "smart";

interface GroupValues extends RulesValues {
  title: Record<string, string>;
  description: Record<string, string>;
  membership: Membership;
}

/** The projects, topics and idea statuses participation rules can name. */
function useScopeChoices(): ScopeChoices {
  const projects = usePickerProjects();
  const topics = useAdminTopics();
  const statuses = useAdminIdeaStatuses();
  return {
    project: projects.data ?? [],
    topic: [...(topics.data?.items ?? [])].sort((a, b) => a.position - b.position),
    status: [...(statuses.data?.items ?? [])].sort((a, b) => a.position - b.position),
  };
}

interface Props {
  group?: Group;
  onDone: (group: Group | null) => void;
}

/**
 * Create a group, or change one: its name and description, and for a smart
 * group the rules its members follow. Whether a group is manual or smart is
 * chosen once, when it is created.
 */
export function GroupForm({ group, onDone }: Props) {
  const intl = useIntl();
  const messages = useValidationMessages();
  const { locales, defaultLocale } = usePlatformLocales();
  const choices = useScopeChoices();
  const registration = useRegistrationChoices();
  const types = fieldTypes(registration);
  const create = useCreateGroup();
  const update = useUpdateGroup(group?.id ?? "");
  const problemText: Record<DraftProblem, string> = {
    required: messages.required,
    refId: intl.formatMessage({ id: "people.rules.problem.refId" }),
    domain: intl.formatMessage({ id: "people.rules.problem.domain" }),
    chooseOne: intl.formatMessage({ id: "people.rules.problem.chooseOne" }),
    tooMany: intl.formatMessage({ id: "people.rules.problem.tooMany" }),
    date: messages.date,
    number: intl.formatMessage({ id: "people.rules.problem.number" }),
  };
  const schema = z.object({
    title: localizedText(locales, defaultLocale, messages.required, TEXT_MAX, messages.maxLength(TEXT_MAX)),
    description: localizedText(locales, null, messages.required, TEXT_MAX, messages.maxLength(TEXT_MAX)),
    membership: z.enum(["manual", "smart"]),
    rules: z.object({ match: z.enum(["all", "any"]), rules: z.array(z.custom<RuleDraft>()) }),
  });
  const checkTexts = zodResolver(schema) as unknown as Resolver<GroupValues>;
  // The rules are checked apart from the texts, and only for smart groups.
  const resolver: Resolver<GroupValues> = async (values, context, options) => {
    const result = await checkTexts(values, context, options);
    if (values.membership !== "smart") return result;
    const ruleErrors = values.rules.rules.map((draft) => {
      const found = Object.entries(draftProblems(draft, types)).map(([name, problem]) => [
        name,
        { type: "rule", message: problemText[problem] },
      ]);
      return found.length ? Object.fromEntries(found) : undefined;
    });
    if (!ruleErrors.some(Boolean)) return result;
    const errors = { ...result.errors, rules: { rules: ruleErrors } } as FieldErrors<GroupValues>;
    return { values: {}, errors };
  };
  const form = useForm<GroupValues>({
    resolver,
    shouldFocusError: false,
    defaultValues: {
      title: emptyLocalized(locales, group?.title),
      description: emptyLocalized(locales, group?.description),
      membership: group?.membership ?? "manual",
      rules: {
        match: (group?.match ?? "all") as Match,
        rules: group?.rules.length ? group.rules.map(draftOf) : [emptyDraft()],
      },
    },
  });
  const { errors } = form.formState;
  const membership = form.watch("membership");
  const label = group ? "people.groups.editTitle" : "people.groups.newTitle";

  return (
    <Form
      form={form}
      aria-label={intl.formatMessage({ id: label })}
      submitLabel={<FormattedMessage id={group ? "people.groups.save" : "people.groups.create"} />}
      mapField={(apiField) => {
        const field = builderField(apiField);
        const root = field.split(".")[0];
        return ["title", "description", "rules"].includes(root) ? (field as never) : null;
      }}
      actions={
        <button type="button" className="button button--secondary" onClick={() => onDone(null)}>
          <FormattedMessage id="people.cancel" />
        </button>
      }
      onSubmit={async (values) => {
        // An empty description ({}) clears the one the group had.
        const texts = { title: compact(values.title), description: compact(values.description) };
        const rules = { match: values.rules.match, rules: values.rules.rules.map((draft) => ruleOf(draft, types)) };
        const smart = values.membership === "smart";
        const saved = group
          ? await update.mutateAsync({ ...texts, ...(smart ? { rules } : {}) })
          : await create.mutateAsync({ ...texts, membership: values.membership, ...(smart ? { rules } : {}) });
        onDone(saved);
      }}
    >
      <LocalizedTextFields
        name="title"
        label={intl.formatMessage({ id: "people.groups.field.title" })}
        locales={locales}
        defaultLocale={defaultLocale}
        errors={errors}
        register={form.register}
        required
      />
      <LocalizedTextFields
        name="description"
        label={intl.formatMessage({ id: "people.groups.field.description" })}
        locales={locales}
        defaultLocale={defaultLocale}
        errors={errors}
        register={form.register}
      />
      {group ? null : (
        <fieldset className="fieldset">
          <legend>
            <FormattedMessage id="people.groups.field.membership" />
          </legend>
          {(["manual", "smart"] as const).map((value) => (
            <div className="checkbox" key={value}>
              <input
                type="radio"
                id={fieldId(`membership-${value}`)}
                value={value}
                aria-describedby={`${fieldId(`membership-${value}`)}-hint`}
                {...form.register("membership")}
              />
              <label htmlFor={fieldId(`membership-${value}`)}>
                <FormattedMessage id={`people.groups.membership.${value}`} />
              </label>
              <div className="field__hint" id={`${fieldId(`membership-${value}`)}-hint`}>
                <FormattedMessage id={`people.groups.membership.${value}.hint`} />
              </div>
            </div>
          ))}
        </fieldset>
      )}
      {membership === "smart" ? <RuleBuilder form={form} choices={choices} registration={registration} /> : null}
    </Form>
  );
}
