export { catalogs } from "./catalogs";
export { LocaleContext, useLocale } from "./LocaleContext";
export type { LocaleContextValue } from "./LocaleContext";
export { pickLocalized, useLocalized } from "./localized";
