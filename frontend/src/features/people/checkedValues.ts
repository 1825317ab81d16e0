/**
 * The values of a group of checkboxes sharing a name, as react-hook-form
 * reports them: an array, or, when the group has a single checkbox, that
 * checkbox's value (checked) or false (not checked).
 */
export function checkedValues(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return typeof value === "string" && value ? [value] : [];
}
