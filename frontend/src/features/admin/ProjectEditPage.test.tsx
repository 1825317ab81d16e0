import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { beforeAll, describe, expect, it } from "vitest";
import { project } from "@/testing/fixtures";
import { renderApp } from "@/testing/render";
import { server } from "@/testing/server";
import { preloadAdmin, signInAdmin } from "./adminTesting";

beforeAll(preloadAdmin);

const groups = [
  { id: "g-jury", title: { en: "Jury" }, description: {}, membership: "manual", match: null, rules: [], member_count: 3, created_at: "2026-01-01T00:00:00Z", updated_at: "2026-01-01T00:00:00Z" },
  { id: "g-elders", title: { en: "Elders" }, description: {}, membership: "manual", match: null, rules: [], member_count: 9, created_at: "2026-01-01T00:00:00Z", updated_at: "2026-01-01T00:00:00Z" },
];

function serveProject() {
  const sent: unknown[] = [];
  server.use(
    http.get("/api/v1/projects/p-1", () => HttpResponse.json(project)),
    http.get("/api/v1/groups", () => HttpResponse.json({ items: groups, next_cursor: null })),
    http.get("/api/v1/participation-methods", () => HttpResponse.json({ items: [] })),
    http.patch("/api/v1/projects/p-1", async ({ request }) => {
      const body = (await request.json()) as Record<string, unknown>;
      sent.push(body);
      return HttpResponse.json({ ...project, visibility: body.visibility, visible_group_ids: body.visible_group_ids ?? [] });
    }),
  );
  return sent;
}

describe("project visibility", () => {
  it("offers the user groups when only some groups may see the project, and sends the chosen ones", async () => {
    signInAdmin();
    const sent = serveProject();
    renderApp("/admin/projects/p-1");
    const visibility = await screen.findByRole("combobox", { name: "Who can see it" });
    expect(screen.queryByRole("group", { name: "Groups that can see it" })).not.toBeInTheDocument();
    await userEvent.selectOptions(visibility, "Members of chosen user groups");
    await userEvent.click(await screen.findByRole("checkbox", { name: "Elders" }));
    await userEvent.click(screen.getAllByRole("button", { name: "Save changes" })[0]);
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({ visibility: "groups", visible_group_ids: ["g-elders"] });
  });

  it("asks for a group before saving a project visible to groups", async () => {
    signInAdmin();
    const sent = serveProject();
    renderApp("/admin/projects/p-1");
    await userEvent.selectOptions(await screen.findByRole("combobox", { name: "Who can see it" }), "groups");
    await screen.findByRole("checkbox", { name: "Jury" });
    await userEvent.click(screen.getAllByRole("button", { name: "Save changes" })[0]);
    expect(await screen.findAllByText("Choose at least one group.")).not.toHaveLength(0);
    expect(sent).toHaveLength(0);
  });
});
