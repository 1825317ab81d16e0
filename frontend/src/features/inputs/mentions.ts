/**
 * Internal notes name colleagues as "@Display Name" in plain text and send
 * their ids beside the body (`mentioned_ids`). These helpers find the name
 * being typed at the caret and which picked people the text still names.
 */
import type { Person } from "./types";

const QUERY_MAX = 40;

/** The "@name" typed just before the caret: "@" at the start or after a space, then up to two words. */
export function mentionAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const match = /(^|\s)@([\p{L}\p{N}_.'-]*(?: [\p{L}\p{N}_.'-]*)?)$/u.exec(before);
  if (!match || match[2].length > QUERY_MAX) return null;
  return { start: before.length - match[2].length - 1, query: match[2] };
}

/** People whose first or any later name starts with `query` (all of them for an empty query). */
export function matchPeople(people: Person[], query: string, limit = 8): Person[] {
  const wanted = query.trim().toLocaleLowerCase();
  return people
    .filter((person) => {
      const name = person.display_name.toLocaleLowerCase();
      return !wanted || name.startsWith(wanted) || name.split(/\s+/).some((part) => part.startsWith(wanted));
    })
    .slice(0, limit);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function pattern(person: Person): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}_])@${escapeRegExp(person.display_name)}(?![\\p{L}\\p{N}_])`, "gu");
}

/**
 * The ids of the picked people the text still names as a whole "@Name", each
 * once, in the order picked. Longer names are matched first and taken out, so
 * "@Ann Lee" does not also count as "@Ann".
 */
export function mentionedIds(text: string, picks: Person[]): string[] {
  let rest = text;
  const found = new Set<string>();
  for (const person of [...picks].sort((a, b) => b.display_name.length - a.display_name.length)) {
    const next = rest.replace(pattern(person), "\u0000");
    if (next !== rest) found.add(person.id);
    rest = next;
  }
  return [...new Set(picks.map((person) => person.id))].filter((id) => found.has(id));
}
