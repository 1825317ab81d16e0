import de from "@/locales/de.json";
import en from "@/locales/en.json";
import es from "@/locales/es.json";
import fr from "@/locales/fr.json";
import nl from "@/locales/nl.json";
import pl from "@/locales/pl.json";
import type { SupportedLocale } from "@/config/locales";

export type Messages = Record<string, string>;

/**
 * Every catalog is bundled: together they are a few tens of kilobytes, which
 * costs less than a second round trip before the first paint in a new language.
 */
export const catalogs: Record<SupportedLocale, Messages> = { en, fr, de, nl, es, pl };
