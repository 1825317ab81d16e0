import { usePlatform } from "@/features/platform";

/** The locales admin forms edit: the platform's enabled ones, default first. */
export function usePlatformLocales(): { locales: string[]; defaultLocale: string } {
  const platform = usePlatform().data;
  const defaultLocale = platform?.default_locale ?? "en";
  const enabled = platform?.enabled_locales ?? [defaultLocale];
  return {
    defaultLocale,
    locales: [defaultLocale, ...enabled.filter((locale) => locale !== defaultLocale)],
  };
}
