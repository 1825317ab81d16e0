import type { IntlShape } from "react-intl";

/** What `personName` reads of a `PublicProfile` (mention picks have no `former`). */
export interface NamedPerson {
  display_name: string;
  former?: boolean;
}

/**
 * The name to show for a person from the API: their display name, or "Former
 * resident" in the viewer's language when the account no longer exists
 * (`former`: `display_name` is then the server's English placeholder) or the
 * answer names nobody.
 */
export function personName(profile: NamedPerson | null | undefined, intl: IntlShape): string {
  if (!profile || profile.former) return intl.formatMessage({ id: "people.formerResident" });
  return profile.display_name;
}
