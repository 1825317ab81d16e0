import { useCallback } from "react";
import type { LocalizedText } from "@/lib/api/types";
import { useLocale } from "./LocaleContext";

/** Pick the text for `locale`, else the fallback locale, else any non-empty one. */
export function pickLocalized(
  text: LocalizedText | null | undefined,
  locale: string,
  fallback: string,
): string {
  if (!text) return "";
  return text[locale] || text[fallback] || Object.values(text).find(Boolean) || "";
}

/** A function that shows a multilingual field in the viewer's language. */
export function useLocalized(): (text: LocalizedText | null | undefined) => string {
  const { locale, contentFallback } = useLocale();
  return useCallback(
    (text: LocalizedText | null | undefined) => pickLocalized(text, locale, contentFallback),
    [locale, contentFallback],
  );
}
