import { FormattedDate, FormattedList, FormattedMessage, useIntl } from "react-intl";
import { useLocalized } from "@/lib/i18n";
import type { RegistrationChoices, ScopeChoices } from "./RuleBuilder";
import type { Rule } from "./types";

interface Props {
  rule: Rule;
  choices: ScopeChoices;
  registration: RegistrationChoices;
}

/** One smart-group rule in words ("Email address ends in @example.org"). */
export function RuleText({ rule, choices, registration }: Props) {
  const intl = useIntl();
  const localize = useLocalized();
  switch (rule.type) {
    case "field": {
      const field = registration.fields.find((item) => item.id === rule.field_id);
      const option = field?.options.find((item) => item.id === rule.value);
      let value = rule.value == null ? "" : String(rule.value);
      if (option) value = localize(option.label);
      else if (field?.type === "checkbox") value = intl.formatMessage({ id: `people.rules.value.${value === "true" ? "yes" : "no"}` });
      return (
        <FormattedMessage
          id="people.rule.field"
          values={{
            field: field
              ? localize(field.label)
              : intl.formatMessage({ id: "people.rules.unknownField" }, { id: rule.field_id }),
            operator: rule.operator,
            value,
          }}
        />
      );
    }
    case "email_domain":
      return <FormattedMessage id="people.rule.email_domain" values={{ operator: rule.operator ?? "is", domain: rule.domain }} />;
    case "role":
      return (
        <FormattedMessage
          id="people.rule.role"
          values={{ operator: rule.operator ?? "is", role: intl.formatMessage({ id: `people.role.${rule.role}` }) }}
        />
      );
    case "verified":
      return <FormattedMessage id="people.rule.verified" values={{ verified: String(rule.verified ?? true) }} />;
    case "area": {
      const names = rule.area_ids.map((id) => {
        const area = registration.areas.find((item) => item.id === id);
        return area ? localize(area.name) : intl.formatMessage({ id: "people.rules.unknownArea" }, { id });
      });
      return (
        <FormattedMessage
          id="people.rule.area"
          values={{ operator: rule.operator ?? "in", areas: <FormattedList type="disjunction" value={names} /> }}
        />
      );
    }
    case "participated": {
      const titles = new Map(choices[rule.scope].map((choice) => [choice.id, choice.title]));
      const names = rule.ids.map((id) => {
        const title = titles.get(id);
        return title ? localize(title) : id;
      });
      return (
        <FormattedMessage
          id="people.rule.participated"
          values={{
            operator: rule.operator ?? "in",
            scope: rule.scope,
            names: <FormattedList type="disjunction" value={names} />,
          }}
        />
      );
    }
    case "registered":
      return (
        <FormattedMessage
          id="people.rule.registered"
          values={{ operator: rule.operator, date: <FormattedDate value={`${rule.on}T00:00:00`} dateStyle="long" /> }}
        />
      );
  }
}
