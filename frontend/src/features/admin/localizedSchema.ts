import { z } from "zod";

/**
 * A {locale: text} field edited per enabled locale: the default locale is
 * required (it is the fallback every viewer may see), the others optional.
 */
export function localizedText(locales: string[], required: string | null, message: string, max: number, tooLong: string) {
  return z
    .record(z.string(), z.string())
    .superRefine((value, ctx) => {
      for (const locale of locales) {
        const text = value[locale] ?? "";
        if (text.length > max) ctx.addIssue({ code: "custom", path: [locale], message: tooLong });
      }
      if (required && !(value[required] ?? "").trim()) {
        ctx.addIssue({ code: "custom", path: [required], message });
      }
    });
}

/** Keep only the locales that have text, so empty translations are not stored. */
export function compact(value: Record<string, string> | undefined): Record<string, string> {
  return Object.fromEntries(
    Object.entries(value ?? {})
      .map(([locale, text]) => [locale, text.trim()] as const)
      .filter(([, text]) => text && text !== "<p></p>"),
  );
}

export function emptyLocalized(locales: string[], value?: Record<string, string>) {
  return Object.fromEntries(locales.map((locale) => [locale, value?.[locale] ?? ""]));
}
