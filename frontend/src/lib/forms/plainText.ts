/**
 * The server's plain-text rule (shared/html.py `PlainText`), checked in the
 * browser first so a resident reads why in their own language: tags,
 * entities and script links are refused, ordinary "<" and "&" are fine.
 */
const MARKUP = /<\s*\/?\s*[a-zA-Z!?]|&#?[a-zA-Z0-9]+;|javascript:/i;

export function isPlainText(text: string): boolean {
  return !MARKUP.test(text);
}
