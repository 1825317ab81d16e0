import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { SUPPORTED_LOCALES } from "@/config/locales";
import { catalogs } from "@/lib/i18n/catalogs";

const en = catalogs.en;

/** The argument names a message uses, so translations cannot drop or rename one. */
function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.argument || element.type === TYPE.number || element.type === TYPE.date) {
      into.add(element.value);
    } else if (element.type === TYPE.plural || element.type === TYPE.select) {
      into.add(element.value);
      Object.values(element.options).forEach((option) => argumentsOf(option.value, into));
    } else if (element.type === TYPE.tag) {
      into.add(`<${element.value}>`);
      argumentsOf(element.children, into);
    }
  }
  return into;
}

// Every module of the app as text, to find the message ids it uses.
const sources = import.meta.glob(["../**/*.{ts,tsx}", "!../**/*.test.{ts,tsx}", "!../lib/api/schema.d.ts"], {
  query: "?raw",
  import: "default",
  eager: true,
}) as Record<string, string>;

describe("message catalogs", () => {
  it.each(SUPPORTED_LOCALES.filter((locale) => locale !== "en"))(
    "%s has every key en has, and no other",
    (locale) => {
      const missing = Object.keys(en).filter((key) => !(key in catalogs[locale]));
      const extra = Object.keys(catalogs[locale]).filter((key) => !(key in en));
      expect({ missing, extra }).toEqual({ missing: [], extra: [] });
    },
  );

  it.each(SUPPORTED_LOCALES.filter((locale) => locale !== "en"))(
    "%s is translated and keeps each message's arguments",
    (locale) => {
      const catalog = catalogs[locale];
      const untranslated = Object.keys(en).filter(
        (key) => catalog[key] === en[key] && /[a-z]{4,}/.test(en[key].replace(/\{[^}]*\}/g, "")),
      );
      // A handful of words are the same in several languages ("Dashboard", "Logo").
      expect(untranslated.length).toBeLessThan(Object.keys(en).length * 0.05);
      for (const key of Object.keys(en)) {
        expect([key, argumentsOf(parse(catalog[key]))]).toEqual([key, argumentsOf(parse(en[key]))]);
      }
    },
  );

  it("en has every message id the code uses", () => {
    const ids = new Set<string>();
    expect(Object.keys(sources).length).toBeGreaterThan(20);
    for (const text of Object.values(sources)) {
      for (const match of text.matchAll(/id(?:=|: )"([a-zA-Z]+\.[a-zA-Z0-9_.]+)"/g)) ids.add(match[1]);
      for (const match of text.matchAll(/"((?:admin|validation|status|error|nav|field)\.[a-zA-Z0-9_.]+)"/g)) {
        ids.add(match[1]);
      }
    }
    const missing = [...ids].filter((id) => !(id in en));
    expect(missing).toEqual([]);
  });
});
