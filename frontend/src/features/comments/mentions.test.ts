import { describe, expect, it } from "vitest";
import { mentionQueryAt, splitBody, toDisplay, toTokens } from "./mentions";

const ann = { id: "u-ann", display_name: "Ann" };
const annLee = { id: "u-lee", display_name: "Ann Lee" };

describe("mentions", () => {
  it("splits a stored body into text and mention parts", () => {
    expect(splitBody("Hi @[u-1], see @[u-2]!")).toEqual([
      { kind: "text", text: "Hi " },
      { kind: "mention", userId: "u-1" },
      { kind: "text", text: ", see " },
      { kind: "mention", userId: "u-2" },
      { kind: "text", text: "!" },
    ]);
    expect(splitBody("no mentions")).toEqual([{ kind: "text", text: "no mentions" }]);
  });

  it("turns picked names into tokens, longest name first, and leaves edited names alone", () => {
    expect(toTokens("@Ann Lee and @Ann agree", [ann, annLee])).toBe("@[u-lee] and @[u-ann] agree");
    expect(toTokens("@Annabel is someone else", [ann])).toBe("@Annabel is someone else");
    expect(toTokens("email@Ann.org", [ann])).toBe("email@Ann.org");
  });

  it("round-trips a stored body through the editable text", () => {
    const body = "Thanks @[u-lee], and @[u-gone].";
    const shown = toDisplay(body, [annLee], "Former resident");
    expect(shown).toBe("Thanks @Ann Lee, and @Former resident.");
    expect(toTokens(shown, [annLee])).toBe("Thanks @[u-lee], and @Former resident.");
  });

  it("finds the name being typed at the caret", () => {
    expect(mentionQueryAt("Hello @Gra", 10)).toEqual({ start: 6, query: "Gra" });
    expect(mentionQueryAt("@Ada Lo", 7)).toEqual({ start: 0, query: "Ada Lo" });
    expect(mentionQueryAt("Hello @Gra and more", 10)).toEqual({ start: 6, query: "Gra" });
    expect(mentionQueryAt("mail me at a@b", 14)).toBeNull();
    expect(mentionQueryAt("@Ada Lovelace is here", 21)).toBeNull();
    expect(mentionQueryAt("no at sign", 10)).toBeNull();
    // "@" alone starts a mention (a known list of people can be offered at once)
    expect(mentionQueryAt("Ask @", 5)).toEqual({ start: 4, query: "" });
  });
});
