import { FormattedDate, FormattedList, FormattedMessage, useIntl } from "react-intl";
import { useLocalized } from "@/lib/i18n";
import type { ScopeChoices } from "./RuleBuilder";
import type { Rule } from "./types";

/** One smart-group rule in words ("Email address ends in @example.org"). */
export function RuleText({ rule, choices }: { rule: Rule; choices: ScopeChoices }) {
  const intl = useIntl();
  const localize = useLocalized();
  switch (rule.type) {
    case "field":
      return (
        <FormattedMessage
          id="people.rule.field"
          values={{ field: rule.field_id, operator: rule.operator, value: rule.value == null ? "" : String(rule.value) }}
        />
      );
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
    case "area":
      return (
        <FormattedMessage
          id="people.rule.area"
          values={{ operator: rule.operator ?? "in", areas: <FormattedList type="disjunction" value={rule.area_ids} /> }}
        />
      );
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
