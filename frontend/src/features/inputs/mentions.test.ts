import { describe, expect, it } from "vitest";
import { matchPeople, mentionQueryAt } from "@/features/comments/mentions";
import { mentionedIds } from "./mentions";

const ann = { id: "u-ann", display_name: "Ann", avatar_url: null };
const annLee = { id: "u-ann-lee", display_name: "Ann Lee", avatar_url: null };
const alan = { id: "u-alan", display_name: "Alan Turing", avatar_url: null };

describe("note mentions", () => {
  it("finds the name typed after @ at the caret", () => {
    expect(mentionQueryAt("Ask @Al", 7)).toEqual({ start: 4, query: "Al" });
    expect(mentionQueryAt("@", 1)).toEqual({ start: 0, query: "" });
    // An e-mail address is not a mention
    expect(mentionQueryAt("mail ann@example.org", 20)).toBeNull();
  });

  it("suggests colleagues by the start of any of their names", () => {
    expect(matchPeople([ann, annLee, alan], "tur")).toEqual([alan]);
    expect(matchPeople([ann, annLee, alan], "an")).toEqual([ann, annLee]);
  });

  it("sends only the picked people the text still names, longest names first", () => {
    // GIVEN Ann and Ann Lee were both picked, but only Ann Lee is still in the text
    expect(mentionedIds("Thanks @Ann Lee", [ann, annLee])).toEqual(["u-ann-lee"]);
    // AND a picked name that was edited away is not sent
    expect(mentionedIds("Thanks @Alan", [alan, ann])).toEqual([]);
    expect(mentionedIds("@Ann and @Ann Lee, @Ann again", [annLee, ann])).toEqual(["u-ann-lee", "u-ann"]);
  });
});
