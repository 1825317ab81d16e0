import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { session } from "@/lib/api/client";
import type { MethodInfo, Phase } from "@/lib/api/types";
import { admin, authSession, phase, project, registrationField, resident } from "@/testing/fixtures";
import { problem } from "@/testing/handlers";
import { renderWithProviders } from "@/testing/render";
import { server } from "@/testing/server";
import { PhasesEditor } from "./PhasesEditor";

const ideation: MethodInfo = {
  id: "ideation",
  actions: ["comment", "post_input", "react"],
  anonymous_actions: [],
  config_schema: { type: "object", properties: {} },
};

const signedIn = { audience: "signed_in" as const, group_ids: [], required_fields: [] };
const ideationPhase: Phase = {
  ...phase,
  method: "ideation",
  actions: ["comment", "post_input", "react"],
  permissions: {
    comment: signedIn,
    post_input: { audience: "verified", group_ids: [], required_fields: ["gender"] },
    react: signedIn,
  },
};

const groups = [
  { id: "g-1", title: { en: "Park neighbours" } },
  { id: "g-2", title: { en: "City staff" } },
];

const fields = [
  registrationField(),
  registrationField({ id: "travel", builtin: false, label: { en: "How do you get around?" } }),
  registrationField({ id: "education", label: { en: "Highest level of education" }, enabled: false }),
];

interface Options {
  method?: MethodInfo;
  groupItems?: typeof groups;
  who?: typeof admin;
  stored?: Phase;
}

/** Sign in, answer the lists the editor reads, and record each PATCH of the phase. */
function api({ method = ideation, groupItems = groups, who = admin }: Options = {}): Record<string, unknown>[] {
  const sent: Record<string, unknown>[] = [];
  server.use(
    http.post("/api/v1/auth/refresh", () => HttpResponse.json(authSession(who))),
    http.get("/api/v1/participation-methods", () => HttpResponse.json({ items: [method] })),
    http.get("/api/v1/groups", () => HttpResponse.json({ items: groupItems.map((g) => ({ ...g })), next_cursor: null })),
    http.get("/api/v1/registration/fields", () => HttpResponse.json({ items: fields })),
    http.get("/api/v1/registration", () => HttpResponse.json({ fields: fields.filter((f) => f.enabled) })),
    http.patch("/api/v1/projects/p-1/phases/ph-1", async ({ request }) => {
      sent.push((await request.json()) as Record<string, unknown>);
      return HttpResponse.json(ideationPhase);
    }),
  );
  session.establish(authSession(who));
  return sent;
}

async function openPhase(stored: Phase = ideationPhase) {
  renderWithProviders(<PhasesEditor project={{ ...project, phases: [stored] }} />);
  await userEvent.click(await screen.findByRole("button", { name: "Edit phase Listen" }));
  const form = await screen.findByRole("form", { name: "Edit phase" });
  await within(form).findByRole("group", { name: "React to ideas" });
  return form;
}

describe("PermissionsFields (who may take each action of a phase)", () => {
  it("shows each action's stored rule with its audiences and the platform's questions", async () => {
    api();
    const form = await openPhase();
    const posting = within(form).getByRole("group", { name: "Post an idea" });
    const audience = within(posting).getByRole("combobox", { name: "Who can do this" });
    expect(audience).toHaveValue("verified");
    // Ideation has no action signed-out visitors may take: "everyone" is not offered.
    expect(within(audience).getAllByRole("option").map((option) => option.textContent)).toEqual([
      "Signed-in residents",
      "Residents with a confirmed email address",
      "Residents who verified their identity",
      "Members of chosen user groups",
      "Admins and the project's managers only",
    ]);
    const questions = within(posting).getByRole("group", { name: "Questions to answer first" });
    expect(within(questions).getByRole("checkbox", { name: "Gender" })).toBeChecked();
    expect(within(questions).getByRole("checkbox", { name: "How do you get around?" })).not.toBeChecked();
    expect(
      within(questions).getByRole("checkbox", { name: "Highest level of education (not asked at the moment)" }),
    ).toBeInTheDocument();
    expect(within(form).getByRole("group", { name: "Comment" })).toBeInTheDocument();
  });

  it("offers everyone for an action the method opens to signed-out visitors", async () => {
    api({ method: { ...ideation, anonymous_actions: ["react"] } });
    const form = await openPhase();
    const reacting = within(form).getByRole("group", { name: "React to ideas" });
    expect(within(reacting).getByRole("option", { name: "Everyone, also visitors who are not signed in" })).toBeInTheDocument();
    const commenting = within(form).getByRole("group", { name: "Comment" });
    expect(within(commenting).queryByRole("option", { name: "Everyone, also visitors who are not signed in" })).toBeNull();
  });

  it("sends every action's rule: groups for the groups audience, and the questions to answer", async () => {
    const sent = api();
    const form = await openPhase();
    const reacting = within(form).getByRole("group", { name: "React to ideas" });
    await userEvent.selectOptions(within(reacting).getByRole("combobox", { name: "Who can do this" }), "Members of chosen user groups");
    const chosen = within(reacting).getByRole("group", { name: "Groups" });
    await userEvent.click(within(chosen).getByRole("checkbox", { name: "City staff" }));
    await userEvent.click(within(reacting).getByRole("checkbox", { name: "How do you get around?" }));
    await userEvent.click(within(form).getByRole("button", { name: "Save phase" }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0].permissions).toEqual({
      comment: signedIn,
      post_input: { audience: "verified", group_ids: [], required_fields: ["gender"] },
      react: { audience: "groups", group_ids: ["g-2"], required_fields: ["travel"] },
    });
  });

  it("asks for a group before sending, and says when there are none yet", async () => {
    const sent = api({ groupItems: [] });
    const form = await openPhase();
    const reacting = within(form).getByRole("group", { name: "React to ideas" });
    await userEvent.selectOptions(within(reacting).getByRole("combobox", { name: "Who can do this" }), "Members of chosen user groups");
    const chosen = within(reacting).getByRole("group", { name: "Groups" });
    expect(within(chosen).getByText(/There are no user groups yet/)).toBeInTheDocument();
    expect(within(chosen).getByRole("link", { name: "User groups" })).toHaveAttribute("href", "/admin/groups");
    await userEvent.click(within(form).getByRole("button", { name: "Save phase" }));
    const summary = await within(form).findByRole("alert");
    expect(summary).toHaveFocus();
    const link = within(summary).getByRole("link", { name: "Choose at least one group." });
    expect(link).toHaveAttribute("href", "#field-phase-permissions-react-group_ids");
    await userEvent.click(link);
    expect(chosen).toHaveFocus();
    expect(sent).toEqual([]);
  });

  it("shows the server's refusal at the control it names", async () => {
    api();
    server.use(
      http.patch("/api/v1/projects/p-1/phases/ph-1", () =>
        problem(422, "validation_error", "These permissions cannot be saved.", [
          { field: "permissions.react.group_ids", code: "unknown_group", message: "There is no group 'g-2'." },
          { field: "permissions.comment.audience", code: "sign_in_needed", message: "This action needs to know who takes it." },
        ]),
      ),
    );
    const form = await openPhase();
    const reacting = within(form).getByRole("group", { name: "React to ideas" });
    await userEvent.selectOptions(within(reacting).getByRole("combobox", { name: "Who can do this" }), "Members of chosen user groups");
    await userEvent.click(within(reacting).getByRole("checkbox", { name: "City staff" }));
    await userEvent.click(within(form).getByRole("button", { name: "Save phase" }));
    const chosen = within(reacting).getByRole("group", { name: "Groups" });
    await waitFor(() =>
      expect(chosen).toHaveAccessibleDescription(
        "Members of any of these groups may do this. This group no longer exists. Untick it or choose another group.",
      ),
    );
    const commenting = within(form).getByRole("group", { name: "Comment" });
    expect(within(commenting).getByRole("combobox", { name: "Who can do this" })).toHaveAccessibleDescription(
      "This needs to know who takes part: choose signed-in residents or a narrower audience.",
    );
    expect(within(form).getByRole("alert")).toHaveFocus();
  });

  it("keeps a required question the platform no longer has, named by its id, and the team reads the asked questions", async () => {
    const manager = { ...resident, id: "u-pm", roles: [{ role: "project_manager" as const, scope: ["p-1"] }] };
    const sent = api({ who: manager });
    const form = await openPhase({
      ...ideationPhase,
      permissions: { ...ideationPhase.permissions, react: { ...signedIn, required_fields: ["old-question"] } },
    });
    const reacting = within(form).getByRole("group", { name: "React to ideas" });
    // A project manager reads the questions residents are asked (switched-off ones are not listed).
    expect(within(reacting).queryByRole("checkbox", { name: /Highest level of education/ })).toBeNull();
    const old = within(reacting).getByRole("checkbox", { name: "unknown field old-question" });
    expect(old).toBeChecked();
    await userEvent.click(old);
    await userEvent.click(within(form).getByRole("button", { name: "Save phase" }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect((sent[0].permissions as Record<string, unknown>).react).toEqual(signedIn);
  });
});
