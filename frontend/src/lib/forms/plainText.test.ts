import { describe, expect, it } from "vitest";
import { isPlainText } from "./plainText";

describe("isPlainText", () => {
  it.each(["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "a &lt;b&gt;", "javascript:alert(1)", "&#60;b"])(
    "refuses markup: %s",
    (text) => expect(isPlainText(text)).toBe(false),
  );
  it.each(["3 < 4 and 5 > 2", "Tom & Jerry", "<3", "email me: a@b.org"])("keeps punctuation: %s", (text) =>
    expect(isPlainText(text)).toBe(true),
  );
});
