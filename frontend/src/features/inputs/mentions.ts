/**
 * Internal notes name colleagues as "@Display Name" in plain text and send
 * their ids beside the body (`mentioned_ids`). The field is the comments'
 * `MentionTextarea` fed with the project's team; this finds which picked
 * people the text still names.
 */
import type { MentionPick } from "@/features/comments/mentions";

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function pattern(person: MentionPick): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}_])@${escapeRegExp(person.display_name)}(?![\\p{L}\\p{N}_])`, "gu");
}

/**
 * The ids of the picked people the text still names as a whole "@Name", each
 * once, in the order picked. Longer names are matched first and taken out, so
 * "@Ann Lee" does not also count as "@Ann".
 */
export function mentionedIds(text: string, picks: MentionPick[]): string[] {
  let rest = text;
  const found = new Set<string>();
  for (const person of [...picks].sort((a, b) => b.display_name.length - a.display_name.length)) {
    const next = rest.replace(pattern(person), "\u0000");
    if (next !== rest) found.add(person.id);
    rest = next;
  }
  return [...new Set(picks.map((person) => person.id))].filter((id) => found.has(id));
}
