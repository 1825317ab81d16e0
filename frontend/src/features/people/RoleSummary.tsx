import { FormattedList, FormattedMessage } from "react-intl";
import { useLocalized } from "@/lib/i18n";
import { choicesOf, SCOPED_ROLES } from "./roles";
import type { RoleGrant } from "./types";

interface Props {
  grants: RoleGrant[];
  /** Titles of folders and projects by id, to name what each role applies to. */
  titles: Map<string, Record<string, string>>;
}

/** A user's roles in words: "Administrator", "Project manager: A new park, Trees". */
export function RoleSummary({ grants, titles }: Props) {
  const localize = useLocalized();
  const choices = choicesOf(grants);
  const name = (id: string) => {
    const title = titles.get(id);
    return title ? localize(title) : id;
  };
  const lines = SCOPED_ROLES.filter((role) => choices[role].length > 0);
  if (!choices.admin && lines.length === 0) {
    return (
      <p className="muted">
        <FormattedMessage id="people.roles.none" />
      </p>
    );
  }
  return (
    <ul className="people-roles">
      {choices.admin ? (
        <li>
          <FormattedMessage id="people.roles.admin" />
        </li>
      ) : null}
      {lines.map((role) => (
        <li key={role}>
          <FormattedMessage
            id={`people.roles.${role}.summary`}
            values={{ names: <FormattedList type="conjunction" value={choices[role].map(name)} /> }}
          />
        </li>
      ))}
    </ul>
  );
}
