import { describe, expect, it } from "vitest";
import { codesCsv, parseCodes } from "./codes";

describe("parseCodes", () => {
  it("takes the first cell of each row, without blanks, quotes or repeats", () => {
    const csv = 'national_id;name\r\n"85.07.30-033.28";Ada\n90.01.01-111.22,Grace\n\n85.07.30-033.28\tAda\n';
    expect(parseCodes(csv, true)).toEqual(["85.07.30-033.28", "90.01.01-111.22"]);
    expect(parseCodes("ABCD\nEFGH")).toEqual(["ABCD", "EFGH"]);
  });

  it("writes generated codes as CSV", () => {
    expect(codesCsv(["A-1", "B-2"])).toBe("code\r\nA-1\r\nB-2\r\n");
  });
});
