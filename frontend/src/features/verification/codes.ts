/**
 * Codes from a pasted list or a CSV file: one per line, the first cell of each
 * row (comma, semicolon or tab separated), quotes removed, blanks and repeats
 * dropped; the header row is skipped when asked.
 */
export function parseCodes(text: string, skipHeader = false): string[] {
  const rows = text.split(/\r?\n/);
  const cells = rows
    .slice(skipHeader ? 1 : 0)
    .map((row) => row.split(/[,;\t]/)[0].trim().replace(/^"(.*)"$/, "$1").trim())
    .filter(Boolean);
  return [...new Set(cells)];
}

/** A CSV file of generated codes, one per line under a header. */
export function codesCsv(codes: string[]): string {
  return ["code", ...codes].join("\r\n") + "\r\n";
}
