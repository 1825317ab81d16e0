import type { SupportedLocale } from "@/config/locales";
import { SUPPORTED_LOCALES } from "@/config/locales";

export type Messages = Record<string, string>;

// The app's own words live in src/locales/; each feature may keep its words
// beside it in features/<feature>/locales/, so features never edit one file.
const files = import.meta.glob<Messages>(["../../locales/*.json", "../../features/*/locales/*.json"], {
  import: "default",
  eager: true,
});

function merged(locale: SupportedLocale): Messages {
  const messages: Messages = {};
  for (const [path, catalog] of Object.entries(files)) {
    if (path.endsWith(`/${locale}.json`)) Object.assign(messages, catalog);
  }
  return messages;
}

/**
 * Every catalog is bundled: together they are a few tens of kilobytes, which
 * costs less than a second round trip before the first paint in a new language.
 */
export const catalogs = Object.fromEntries(SUPPORTED_LOCALES.map((locale) => [locale, merged(locale)])) as Record<
  SupportedLocale,
  Messages
>;
