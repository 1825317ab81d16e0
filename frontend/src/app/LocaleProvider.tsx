import { useCallback, useEffect, useMemo, useState, type ReactNode } from "react";
import { IntlProvider } from "react-intl";
import {
  FALLBACK_LOCALE,
  LOCALE_STORAGE_KEY,
  SUPPORTED_LOCALES,
  isSupportedLocale,
  type SupportedLocale,
} from "@/config/locales";
import { useSession } from "@/features/auth/useSession";
import { usePlatform } from "@/features/platform";
import { api, session } from "@/lib/api/client";
import { LocaleContext, catalogs } from "@/lib/i18n";

function storedLocale(): string | null {
  try {
    return window.localStorage.getItem(LOCALE_STORAGE_KEY);
  } catch {
    return null;
  }
}

function firstAvailable(candidates: (string | null | undefined)[], available: SupportedLocale[]) {
  for (const candidate of candidates) {
    const short = candidate?.slice(0, 2).toLowerCase();
    if (isSupportedLocale(short) && available.includes(short)) return short;
  }
  return available[0] ?? FALLBACK_LOCALE;
}

/**
 * Chooses the interface language: the person's explicit choice (stored
 * locally and on their profile), else their profile, else the browser's,
 * else the platform default, always within the platform's enabled locales.
 */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const platform = usePlatform().data;
  const { user } = useSession();
  const [chosen, setChosen] = useState<string | null>(storedLocale);

  const available = useMemo<SupportedLocale[]>(() => {
    const enabled = (platform?.enabled_locales ?? []).filter(isSupportedLocale);
    return enabled.length ? enabled : [...SUPPORTED_LOCALES];
  }, [platform]);

  const locale = firstAvailable(
    [chosen, user?.locale, ...(navigator.languages ?? []), platform?.default_locale],
    available,
  );

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback(
    (next: SupportedLocale) => {
      setChosen(next);
      try {
        window.localStorage.setItem(LOCALE_STORAGE_KEY, next);
      } catch {
        // Storage may be unavailable (private mode); the choice still applies now.
      }
      if (user && user.locale !== next) {
        void api.PATCH("/api/v1/me", { body: { locale: next } }).then(({ data }) => {
          if (data) session.updateUser(data);
        });
      }
    },
    [user],
  );

  const value = useMemo(
    () => ({
      locale,
      available,
      contentFallback: platform?.default_locale ?? FALLBACK_LOCALE,
      setLocale,
    }),
    [locale, available, platform, setLocale],
  );

  return (
    <LocaleContext.Provider value={value}>
      <IntlProvider
        locale={locale}
        messages={catalogs[locale]}
        defaultLocale={FALLBACK_LOCALE}
        onError={(error) => {
          if (import.meta.env.DEV) console.warn(error.message);
        }}
      >
        {children}
      </IntlProvider>
    </LocaleContext.Provider>
  );
}
