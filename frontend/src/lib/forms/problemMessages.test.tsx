import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ApiProblem } from "@/lib/api/problem";
import { renderWithProviders } from "@/testing/render";
import { useProblemTranslator } from "./messages";
import { problemValues } from "./problem";

const refused = new ApiProblem(422, {
  code: "profanity",
  detail: 'Please remove the words that are not allowed here: title (en): "crap".',
  errors: [
    { field: "title.en", code: "profanity", message: 'Please remove "crap": this word is not allowed.' },
    { field: "body.en", code: "profanity", message: 'Please remove "shiiit", "a$$".' },
  ],
  words: { "title.en": ["crap"], "body.en": ["shiiit", "a$$"] },
});

function Messages({ field }: { field?: string }) {
  const translate = useProblemTranslator();
  const issue = refused.errors.find((item) => item.field === field);
  return (
    <>
      <p>{translate("profanity", issue?.message ?? refused.detail, problemValues(refused, field))}</p>
      <p>{translate("profanity", "The server's own words")}</p>
    </>
  );
}

describe("problem messages with specifics", () => {
  it("names the words the filter found in each field, in the viewer's language", async () => {
    // GIVEN a profanity refusal naming words per field WHEN the body's message is shown
    renderWithProviders(<Messages field="body.en" />);
    // THEN the catalog's sentence lists that field's words, joined the viewer's way
    expect(await screen.findByText("Please remove “shiiit” and “a$$”: this platform does not allow these words.")).toBeVisible();
    // AND without values the server's text (which names them) is kept
    expect(screen.getByText("The server's own words")).toBeVisible();
  });

  it("collects every field's words once for a message that belongs to no field", () => {
    expect(problemValues(refused)).toEqual({ words: ["crap", "shiiit", "a$$"] });
    expect(problemValues(new ApiProblem(403, { code: "blocked" }))).toBeUndefined();
  });

  it("fills a named value such as the phase a date overlaps", async () => {
    const overlap = new ApiProblem(422, {
      code: "phase_overlap",
      detail: "These dates overlap the phase “Vote”.",
      errors: [{ field: "start_date", code: "phase_overlap", message: "Choose other dates." }],
      values: { phase: "Vote" },
    });
    function Overlap() {
      const translate = useProblemTranslator();
      return <p>{translate("phase_overlap", "Choose other dates.", problemValues(overlap, "start_date"))}</p>;
    }
    renderWithProviders(<Overlap />);
    expect(
      await screen.findByText("These dates overlap the phase “Vote”. Choose dates that do not overlap it."),
    ).toBeVisible();
  });
});
