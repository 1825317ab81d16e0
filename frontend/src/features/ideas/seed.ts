const SEED_KEY = "townhall.ideas.randomSeed";

/**
 * The visitor's seed for the "random" order: kept in localStorage so the
 * order stays the same across visits and pages of the list.
 */
export function randomSeed(storage: Storage = window.localStorage): string {
  const existing = storage.getItem(SEED_KEY);
  if (existing) return existing;
  const seed = Array.from(crypto.getRandomValues(new Uint8Array(8)), (byte) =>
    byte.toString(16).padStart(2, "0"),
  ).join("");
  storage.setItem(SEED_KEY, seed);
  return seed;
}
