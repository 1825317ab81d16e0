import { createContext, useContext } from "react";
import type { SupportedLocale } from "@/config/locales";

export interface LocaleContextValue {
  locale: SupportedLocale;
  available: SupportedLocale[];
  /** The platform's default content locale, used when a text lacks the viewer's. */
  contentFallback: string;
  setLocale: (locale: SupportedLocale) => void;
}

export const LocaleContext = createContext<LocaleContextValue | null>(null);

export function useLocale(): LocaleContextValue {
  const value = useContext(LocaleContext);
  if (!value) throw new Error("useLocale must be used inside <LocaleProvider>");
  return value;
}
