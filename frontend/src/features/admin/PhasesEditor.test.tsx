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
});
