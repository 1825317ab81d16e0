import { FormattedMessage } from "react-intl";
import { isSupportedLocale, nativeLanguageName } from "@/config/locales";
import { useLocale } from "@/lib/i18n";

/** A labelled native select of the platform's enabled languages. */
export function LocaleSwitcher() {
  const { locale, available, setLocale } = useLocale();
  if (available.length < 2) return null;
  return (
    <div className="locale-switcher">
      <label htmlFor="locale-switcher">
        <FormattedMessage id="locale.label" />
      </label>
      <select
        id="locale-switcher"
        name="locale"
        value={locale}
        onChange={(event) => {
          if (isSupportedLocale(event.target.value)) setLocale(event.target.value);
        }}
      >
        {available.map((code) => (
          <option key={code} value={code} lang={code}>
            {nativeLanguageName(code)}
          </option>
        ))}
      </select>
    </div>
  );
}
