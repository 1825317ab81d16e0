/** The DOM id of a form field from its name ("title.en" -> "field-title-en"). */
export function fieldId(name: string): string {
  return `field-${name.replace(/[^a-zA-Z0-9_-]+/g, "-")}`;
}
