import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { phase, project } from "@/testing/fixtures";
import { problem } from "@/testing/handlers";
import { renderWithProviders } from "@/testing/render";
import { server } from "@/testing/server";
import { PhasesEditor } from "./PhasesEditor";

/** The ideation method's settings as pydantic writes their JSON schema (an Enum lands in $defs). */
const ideation = {
  id: "ideation",
  actions: ["comment", "post_input", "react"],
  anonymous_actions: [],
  config_schema: {
    type: "object",
    additionalProperties: false,
    $defs: { Presentation: { enum: ["cards", "map"], title: "Presentation", type: "string" } },
    properties: {
      posting_enabled: { default: true, title: "Posting Enabled", type: "boolean" },
      commenting_enabled: { default: true, title: "Commenting Enabled", type: "boolean" },
      reacting_enabled: { default: true, title: "Reacting Enabled", type: "boolean" },
      dislikes_enabled: { default: false, title: "Dislikes Enabled", type: "boolean" },
      max_likes_per_resident: {
        anyOf: [{ minimum: 1, type: "integer" }, { type: "null" }],
        default: null,
        title: "Max Likes Per Resident",
      },
      presentation: { $ref: "#/$defs/Presentation", default: "cards" },
    },
  },
};
const information = { id: "information", actions: [], anonymous_actions: [], config_schema: { type: "object", properties: {} } };

const ideationPhase = {
  ...phase,
  method: "ideation",
  method_config: {
    posting_enabled: true,
    commenting_enabled: false,
    reacting_enabled: true,
    dislikes_enabled: false,
    max_likes_per_resident: 3,
    presentation: "cards",
  },
};

function withMethods() {
  server.use(
    http.get("/api/v1/participation-methods", () => HttpResponse.json({ items: [information, ideation] })),
    // The phase's permissions offer the platform's groups and registration questions.
    http.get("/api/v1/groups", () => HttpResponse.json({ items: [], next_cursor: null })),
    http.get("/api/v1/registration", () => HttpResponse.json({ fields: [] })),
  );
}

async function openForm(phases = [ideationPhase]) {
  renderWithProviders(<PhasesEditor project={{ ...project, phases }} />);
  await userEvent.click(await screen.findByRole("button", { name: "Edit phase Listen" }));
  const form = await screen.findByRole("form", { name: "Edit phase" });
  await within(form).findByRole("checkbox", { name: "Residents can post ideas" });
  return form;
}

describe("MethodConfigFields (ideation settings in the phase editor)", () => {
  it("shows the phase's ideation settings with translated labels", async () => {
    // GIVEN an ideation phase with comments off, 3 likes each, shown as cards
    withMethods();
    const form = await openForm();
    // THEN each setting has its control and value
    expect(within(form).getByRole("checkbox", { name: "Residents can post ideas" })).toBeChecked();
    expect(within(form).getByRole("checkbox", { name: "Residents can comment" })).not.toBeChecked();
    expect(within(form).getByRole("checkbox", { name: "Residents can also dislike ideas" })).not.toBeChecked();
    expect(within(form).getByRole("spinbutton", { name: "Likes per resident" })).toHaveValue(3);
    const presentation = within(form).getByRole("combobox", { name: "Show ideas as" });
    expect(presentation).toHaveValue("cards");
    expect(within(presentation).getAllByRole("option").map((option) => option.textContent)).toEqual(["Cards", "Map"]);
  });

  it("saves booleans, the presentation and an empty like limit as null", async () => {
    // GIVEN an ideation phase
    withMethods();
    let sent: Record<string, unknown> | undefined;
    server.use(
      http.patch("/api/v1/projects/p-1/phases/ph-1", async ({ request }) => {
        sent = (await request.json()) as Record<string, unknown>;
        return HttpResponse.json({ ...ideationPhase, ...sent });
      }),
    );
    const form = await openForm();
    // WHEN the admin enables dislikes, removes the like limit and picks the map
    await userEvent.click(within(form).getByRole("checkbox", { name: "Residents can also dislike ideas" }));
    await userEvent.clear(within(form).getByRole("spinbutton", { name: "Likes per resident" }));
    await userEvent.selectOptions(within(form).getByRole("combobox", { name: "Show ideas as" }), "Map");
    await userEvent.click(within(form).getByRole("button", { name: "Save phase" }));
    // THEN exactly the method's settings are sent
    await waitFor(() => expect(sent).toBeDefined());
    expect(sent?.method_config).toEqual({
      posting_enabled: true,
      commenting_enabled: false,
      reacting_enabled: true,
      dislikes_enabled: true,
      max_likes_per_resident: null,
      presentation: "map",
    });
  });

  it("starts a phase switched to ideation at the method's defaults, dropping the old method's settings", async () => {
    // GIVEN an information phase with a leftover setting
    withMethods();
    let sent: Record<string, unknown> | undefined;
    server.use(
      http.patch("/api/v1/projects/p-1/phases/ph-1", async ({ request }) => {
        sent = (await request.json()) as Record<string, unknown>;
        return HttpResponse.json(phase);
      }),
    );
    renderWithProviders(<PhasesEditor project={{ ...project, phases: [{ ...phase, method_config: { event: null } }] }} />);
    await userEvent.click(await screen.findByRole("button", { name: "Edit phase Listen" }));
    const form = await screen.findByRole("form", { name: "Edit phase" });
    await within(form).findByRole("option", { name: "Ideation" });
    // WHEN the admin switches it to ideation and saves with a like limit of 5
    await userEvent.selectOptions(within(form).getByRole("combobox", { name: "Participation method" }), "Ideation");
    expect(within(form).getByRole("checkbox", { name: "Residents can post ideas" })).toBeChecked();
    expect(within(form).getByRole("checkbox", { name: "Residents can also dislike ideas" })).not.toBeChecked();
    expect(within(form).getByRole("combobox", { name: "Show ideas as" })).toHaveValue("cards");
    await userEvent.type(within(form).getByRole("spinbutton", { name: "Likes per resident" }), "5");
    await userEvent.click(within(form).getByRole("button", { name: "Save phase" }));
    // THEN the defaults are sent, and nothing of the information method
    await waitFor(() => expect(sent).toBeDefined());
    expect(sent?.method).toBe("ideation");
    expect(sent?.method_config).toEqual({
      posting_enabled: true,
      commenting_enabled: true,
      reacting_enabled: true,
      dislikes_enabled: false,
      max_likes_per_resident: 5,
      presentation: "cards",
    });
  });

  it("shows the server's message on the setting it names", async () => {
    // GIVEN an API refusing the like limit
    withMethods();
    server.use(
      http.patch("/api/v1/projects/p-1/phases/ph-1", () =>
        problem(422, "validation_error", "The settings do not fit the 'ideation' method.", [
          {
            field: "method_config.max_likes_per_resident",
            code: "greater_than_equal",
            message: "Input should be greater than or equal to 1",
          },
        ]),
      ),
    );
    const form = await openForm();
    // WHEN the form is saved
    await userEvent.click(within(form).getByRole("button", { name: "Save phase" }));
    // THEN the like limit carries the message
    await waitFor(() =>
      expect(within(form).getByRole("spinbutton", { name: "Likes per resident" })).toHaveAccessibleDescription(
        "Leave empty for no limit. Input should be greater than or equal to 1",
      ),
    );
  });
});
