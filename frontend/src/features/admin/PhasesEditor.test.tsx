import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { phase, project } from "@/testing/fixtures";
import { problem } from "@/testing/handlers";
import { renderWithProviders } from "@/testing/render";
import { server } from "@/testing/server";
import { PhasesEditor } from "./PhasesEditor";

const methods = {
  items: [{ id: "information", actions: [], anonymous_actions: [], config_schema: { type: "object", properties: {} } }],
};

const decide = {
  ...phase,
  id: "ph-2",
  title: { en: "Decide" },
  description: { en: "<p>Vote on the plan.</p>" },
  start_date: "2026-03-01",
  end_date: null,
};
const twoPhases = { ...project, phases: [phase, decide] };

/** Open the second phase ("Decide", from 1 March) for editing. */
async function editSecondPhase() {
  renderWithProviders(<PhasesEditor project={twoPhases} />);
  await userEvent.click(await screen.findByRole("button", { name: "Edit phase Decide" }));
  const form = await screen.findByRole("form", { name: "Edit phase" });
  await screen.findByRole("option", { name: "Information" });
  return form;
}

async function setDate(field: HTMLElement, value: string) {
  await userEvent.clear(field);
  await userEvent.type(field, value);
}

describe("PhasesEditor", () => {
  it("shows the API's overlap error next to the start date", async () => {
    // GIVEN a project whose first phase runs until 28 February
    server.use(
      http.get("/api/v1/participation-methods", () => HttpResponse.json(methods)),
      http.patch("/api/v1/projects/p-1/phases/ph-2", () =>
        problem(422, "phase_overlap", "These dates overlap the phase “Listen” (2026-01-01 to 2026-02-28).", [
          { field: "start_date", code: "phase_overlap", message: "Choose dates that do not overlap the phase “Listen”." },
        ]),
      ),
    );
    const form = await editSecondPhase();
    // WHEN the admin moves the second phase's start inside the first
    const start = within(form).getByLabelText("Start date");
    await setDate(start, "2026-02-01");
    await userEvent.click(within(form).getByRole("button", { name: "Save phase" }));
    // THEN the message is on the start date field and in the focused summary
    await waitFor(() =>
      expect(start).toHaveAccessibleDescription("Choose dates that do not overlap the phase “Listen”."),
    );
    expect(start).toHaveAttribute("aria-invalid", "true");
    expect(within(form).getByRole("alert")).toHaveFocus();
  });

  it("puts an overlap that names no field on the start date", async () => {
    // GIVEN an API answering with the detail only
    server.use(
      http.get("/api/v1/participation-methods", () => HttpResponse.json(methods)),
      http.patch("/api/v1/projects/p-1/phases/ph-2", () =>
        problem(422, "phase_overlap", "These dates overlap the phase “Listen”."),
      ),
    );
    const form = await editSecondPhase();
    const start = within(form).getByLabelText("Start date");
    await setDate(start, "2026-02-01");
    // WHEN it is sent
    await userEvent.click(within(form).getByRole("button", { name: "Save phase" }));
    // THEN the detail shows on the start date
    await waitFor(() => expect(start).toHaveAccessibleDescription("These dates overlap the phase “Listen”."));
  });

  it("places field errors the API names on the matching phase field", async () => {
    // GIVEN an API that names the end date
    server.use(
      http.get("/api/v1/participation-methods", () => HttpResponse.json(methods)),
      http.patch("/api/v1/projects/p-1/phases/ph-2", () =>
        problem(422, "phase_overlap", "Overlap.", [
          { field: "end_date", code: "phase_overlap", message: "Ends inside the phase “Listen”." },
        ]),
      ),
    );
    const form = await editSecondPhase();
    await setDate(within(form).getByLabelText("Start date"), "2025-12-01");
    await setDate(within(form).getByLabelText("End date"), "2026-01-15");
    // WHEN it is sent
    await userEvent.click(within(form).getByRole("button", { name: "Save phase" }));
    // THEN the end date carries the message
    await waitFor(() =>
      expect(within(form).getByLabelText("End date")).toHaveAccessibleDescription(
        "Leave empty if the last phase has no end. Ends inside the phase “Listen”.",
      ),
    );
  });

  it("checks the dates before sending anything", async () => {
    // GIVEN no API call is expected
    let posted = false;
    server.use(
      http.get("/api/v1/participation-methods", () => HttpResponse.json(methods)),
      http.patch("/api/v1/projects/p-1/phases/ph-2", () => {
        posted = true;
        return HttpResponse.json({});
      }),
    );
    const form = await editSecondPhase();
    await setDate(within(form).getByLabelText("Start date"), "2026-05-01");
    await setDate(within(form).getByLabelText("End date"), "2026-04-01");
    // WHEN the end is before the start
    await userEvent.click(within(form).getByRole("button", { name: "Save phase" }));
    // THEN the form says so and nothing was sent
    expect(
      await within(form).findByRole("link", { name: "The end date must be on or after the start date." }),
    ).toBeInTheDocument();
    expect(posted).toBe(false);
  });

  describe("a proposals phase", () => {
    /** The proposals method as the API lists it (pydantic's JSON schema of ProposalsConfig). */
    const proposals = {
      id: "proposals",
      actions: ["comment", "post_input", "react"],
      anonymous_actions: [],
      config_schema: {
        type: "object",
        additionalProperties: false,
        properties: {
          posting_enabled: { default: true, title: "Posting Enabled", type: "boolean" },
          commenting_enabled: { default: true, title: "Commenting Enabled", type: "boolean" },
          signing_enabled: { default: true, title: "Signing Enabled", type: "boolean" },
          signature_threshold: { default: 100, minimum: 1, maximum: 1000000, title: "Signature Threshold", type: "integer" },
          signing_days: { default: 90, minimum: 1, maximum: 730, title: "Signing Days", type: "integer" },
          commitment: { additionalProperties: { maxLength: 300, type: "string" }, title: "Commitment", type: "object" },
        },
      },
    };

    function serveMethods() {
      server.use(
        http.get("/api/v1/participation-methods", () => HttpResponse.json({ items: [methods.items[0], proposals] })),
        http.get("/api/v1/groups", () => HttpResponse.json({ items: [], next_cursor: null })),
        http.get("/api/v1/registration", () => HttpResponse.json({ fields: [] })),
      );
    }

    it("turns a phase into proposals with a threshold, signing days and a commitment", async () => {
      // GIVEN an information phase
      serveMethods();
      let sent: Record<string, unknown> | undefined;
      server.use(
        http.patch("/api/v1/projects/p-1/phases/ph-2", async ({ request }) => {
          sent = (await request.json()) as Record<string, unknown>;
          return HttpResponse.json({ ...decide, ...sent });
        }),
      );
      renderWithProviders(<PhasesEditor project={twoPhases} />);
      await userEvent.click(await screen.findByRole("button", { name: "Edit phase Decide" }));
      const form = await screen.findByRole("form", { name: "Edit phase" });
      // WHEN the admin picks citizen proposals
      await within(form).findByRole("option", { name: "Citizen proposals" });
      await userEvent.selectOptions(within(form).getByRole("combobox", { name: "Participation method" }), "Citizen proposals");
      // THEN the proposal settings are there, in words, at their defaults
      expect(within(form).getByRole("checkbox", { name: "Residents can submit proposals" })).toBeChecked();
      expect(within(form).getByRole("checkbox", { name: "Residents can sign proposals" })).toBeChecked();
      const threshold = within(form).getByRole("spinbutton", { name: "Signatures needed" });
      expect(threshold).toHaveValue(100);
      expect(threshold).toHaveAccessibleDescription("A proposal reaches its goal with this many signatures (1 to 1,000,000).");
      const days = within(form).getByRole("spinbutton", { name: "Days to collect signatures" });
      expect(days).toHaveValue(90);
      // AND the signing rule is named for signing
      expect(await within(form).findByRole("group", { name: "Sign proposals" })).toBeInTheDocument();
      // AND the comment rule says the platform's rule for proposals applies on top
      expect(
        within(within(form).getByRole("group", { name: "Comment" })).getByText(
          "The platform's setting “Who can comment on proposals” (Platform settings) applies too.",
        ),
      ).toBeInTheDocument();
      // WHEN they set 250 signatures in 30 days and the commitment in English only
      await userEvent.clear(threshold);
      await userEvent.type(threshold, "250");
      await userEvent.clear(days);
      await userEvent.type(days, "30");
      const commitment = within(form).getByRole("group", { name: "What the city does with a proposal that reaches its goal" });
      await userEvent.type(
        within(commitment).getByRole("textbox", { name: "What the city does with a proposal that reaches its goal (English)" }),
        "The city council debates it within three months.",
      );
      await userEvent.click(within(form).getByRole("button", { name: "Save phase" }));
      // THEN the method's settings are sent, the commitment without the empty languages
      await waitFor(() => expect(sent).toBeDefined());
      expect(sent?.method).toBe("proposals");
      expect(sent?.method_config).toEqual({
        posting_enabled: true,
        commenting_enabled: true,
        signing_enabled: true,
        signature_threshold: 250,
        signing_days: 30,
        commitment: { en: "The city council debates it within three months." },
      });
      expect(Object.keys(sent?.permissions as object).sort()).toEqual(["comment", "post_input", "react"]);
    });

    it("shows a stored commitment and refuses markup in it before sending", async () => {
      // GIVEN a proposals phase whose commitment is stored in English
      serveMethods();
      let posted = false;
      server.use(
        http.patch("/api/v1/projects/p-1/phases/ph-2", () => {
          posted = true;
          return HttpResponse.json({});
        }),
      );
      const stored = {
        ...decide,
        method: "proposals",
        method_config: { posting_enabled: true, commenting_enabled: true, signing_enabled: true, signature_threshold: 40, signing_days: 60, commitment: { en: "The mayor answers it." } },
      };
      renderWithProviders(<PhasesEditor project={{ ...project, phases: [phase, stored] }} />);
      await userEvent.click(await screen.findByRole("button", { name: "Edit phase Decide" }));
      const form = await screen.findByRole("form", { name: "Edit phase" });
      const english = await within(form).findByRole("textbox", {
        name: "What the city does with a proposal that reaches its goal (English)",
      });
      expect(english).toHaveValue("The mayor answers it.");
      expect(within(form).getByRole("spinbutton", { name: "Signatures needed" })).toHaveValue(40);
      // WHEN the admin adds markup and saves
      await userEvent.type(english, " <b>Promise</b>");
      await userEvent.click(within(form).getByRole("button", { name: "Save phase" }));
      // THEN the field says why, and nothing was sent
      await waitFor(() => expect(english).toHaveAttribute("aria-invalid", "true"));
      expect(english).toHaveAccessibleDescription(/Write plain text here/);
      expect(posted).toBe(false);
    });
  });
});
