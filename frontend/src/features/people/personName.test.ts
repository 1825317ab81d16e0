import { createIntl } from "react-intl";
import { describe, expect, it } from "vitest";
import type { PublicProfile } from "@/lib/api/types";
import { catalogs } from "@/lib/i18n/catalogs";
import { personName } from "./personName";

const intlIn = (locale: "en" | "fr" | "pl") => createIntl({ locale, messages: catalogs[locale] });

const ada: PublicProfile = { id: "u-1", display_name: "Ada L.", avatar_url: null, former: false };
// What the API answers for an author whose account was deleted.
const former: PublicProfile = { id: "former-resident", display_name: "Former resident", avatar_url: null, former: true };

describe("personName", () => {
  it("shows a person's display name", () => {
    expect(personName(ada, intlIn("fr"))).toBe("Ada L.");
  });

  it("shows a former resident in the viewer's language, not the server's English placeholder", () => {
    expect(personName(former, intlIn("fr"))).toBe("Ancien habitant");
    expect(personName(former, intlIn("pl"))).toBe("Były mieszkaniec");
    expect(personName(former, intlIn("en"))).toBe("Former resident");
  });

  it("shows a former resident when there is no profile at all", () => {
    expect(personName(null, intlIn("fr"))).toBe("Ancien habitant");
    expect(personName(undefined, intlIn("fr"))).toBe("Ancien habitant");
  });
});
