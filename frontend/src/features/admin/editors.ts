/**
 * The back-office's multilingual form fields, for other features to load
 * lazily (`import("@/features/admin/editors")`): they carry the TipTap
 * editor, which must stay out of the residents' main bundle.
 */
export { LocalizedRichTextFields, LocalizedTextFields } from "./LocalizedFields";
export { compact, emptyLocalized, localizedText } from "./localizedSchema";
export { usePlatformLocales } from "./usePlatformLocales";
