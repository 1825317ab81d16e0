/**
 * Mentions travel as tokens `@[<user_id>]` in a comment's body; people see and
 * type "@Display Name". These helpers convert between the two forms and find
 * the "@name" being typed at the caret for the autocomplete.
 */

export interface MentionPick {
  id: string;
  display_name: string;
  avatar_url?: string | null;
}

const TOKEN = /@\[([^\]\s]+)\]/g;

export type BodyPart = { kind: "text"; text: string } | { kind: "mention"; userId: string };

/** Split a stored body into text and mention parts, in order. */
export function splitBody(body: string): BodyPart[] {
  const parts: BodyPart[] = [];
  let last = 0;
  for (const match of body.matchAll(TOKEN)) {
    const start = match.index ?? 0;
    if (start > last) parts.push({ kind: "text", text: body.slice(last, start) });
    parts.push({ kind: "mention", userId: match[1] });
    last = start + match[0].length;
  }
  if (last < body.length) parts.push({ kind: "text", text: body.slice(last) });
  return parts;
}

/** A stored body as the person edits it: tokens become "@Name" for the people it names. */
export function toDisplay(body: string, mentions: MentionPick[], unknownName: string): string {
  const names = new Map(mentions.map((person) => [person.id, person.display_name]));
  return body.replace(TOKEN, (_, id: string) => `@${names.get(id) ?? unknownName}`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * The body to send: each "@Name" of a person picked from the suggestions becomes
 * their token. Longer names go first so "@Ann Lee" is not taken for "@Ann".
 * A name the person edited afterwards no longer matches and stays plain text.
 */
export function toTokens(text: string, picks: MentionPick[]): string {
  const byLength = [...picks].sort((a, b) => b.display_name.length - a.display_name.length);
  let result = text;
  for (const person of byLength) {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}_])@${escapeRegExp(person.display_name)}(?![\\p{L}\\p{N}_])`, "gu");
    result = result.replace(pattern, `@[${person.id}]`);
  }
  return result;
}

/** Only a few characters after "@" are needed to search; longer runs are not a mention. */
const QUERY_MAX = 40;

/**
 * The mention being typed just before the caret: "@" at the start or after a
 * space, then up to two words. Returns where the "@" is and the text after it.
 */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const match = /(^|\s)@([\p{L}\p{N}_.'-]*(?: [\p{L}\p{N}_.'-]*)?)$/u.exec(before);
  if (!match) return null;
  const query = match[2];
  if (query.length > QUERY_MAX) return null;
  return { start: before.length - query.length - 1, query };
}

/** People whose first or any later name starts with `query` (all of them for an empty query). */
export function matchPeople<T extends MentionPick>(people: T[], query: string, limit = 8): T[] {
  const wanted = query.trim().toLocaleLowerCase();
  return people
    .filter((person) => {
      const name = person.display_name.toLocaleLowerCase();
      return !wanted || name.split(/\s+/).some((part) => part.startsWith(wanted)) || name.startsWith(wanted);
    })
    .slice(0, limit);
}
