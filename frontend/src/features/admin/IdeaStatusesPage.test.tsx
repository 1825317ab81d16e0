import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { beforeAll, describe, expect, it } from "vitest";
import { problem } from "@/testing/handlers";
import { renderApp } from "@/testing/render";
import { server } from "@/testing/server";
import { preloadAdmin, signInAdmin } from "./adminTesting";
import type { IdeaStatus } from "./ideationTypes";

const proposed: IdeaStatus = {
  id: "s-1",
  code: "proposed",
  title: { en: "Proposed" },
  description: { en: "Waiting for review" },
  color: "#505a5f",
  position: 0,
};
const accepted: IdeaStatus = { id: "s-2", code: "accepted", title: { en: "Accepted" }, description: null, color: "#00703c", position: 1 };
const rejected: IdeaStatus = { id: "s-3", code: "rejected", title: { en: "Rejected" }, description: null, color: "#d4351c", position: 2 };

function statusesApi(initial: IdeaStatus[]) {
  let statuses = [...initial];
  const sent: { method: string; path: string; body?: unknown }[] = [];
  server.use(
    http.get("/api/v1/idea-statuses", () => HttpResponse.json({ items: statuses })),
    http.post("/api/v1/idea-statuses", async ({ request }) => {
      const body = (await request.json()) as IdeaStatus;
      sent.push({ method: "POST", path: "/idea-statuses", body });
      const created = { ...body, description: body.description ?? null, id: "s-new", position: statuses.length };
      statuses = [...statuses, created];
      return HttpResponse.json(created, { status: 201 });
    }),
    http.put("/api/v1/idea-statuses/order", async ({ request }) => {
      const body = (await request.json()) as { ids: string[] };
      sent.push({ method: "PUT", path: "/idea-statuses/order", body });
      statuses = body.ids.map((id, position) => ({ ...statuses.find((status) => status.id === id)!, position }));
      return HttpResponse.json({ items: statuses });
    }),
    http.patch("/api/v1/idea-statuses/:id", async ({ request, params }) => {
      const body = (await request.json()) as Partial<IdeaStatus>;
      sent.push({ method: "PATCH", path: `/idea-statuses/${params.id}`, body });
      statuses = statuses.map((status) => (status.id === params.id ? { ...status, ...body } : status));
      return HttpResponse.json(statuses.find((status) => status.id === params.id));
    }),
  );
  return sent;
}

beforeAll(preloadAdmin);

describe("IdeaStatusesPage", () => {
  it("lists the statuses in order with their colours and codes", async () => {
    signInAdmin();
    statusesApi([accepted, proposed]);
    renderApp("/admin/idea-statuses");
    expect(await screen.findByRole("heading", { name: "Idea statuses", level: 1 })).toBeInTheDocument();
    const headings = await screen.findAllByRole("heading", { level: 2 });
    expect(headings.map((heading) => heading.textContent)).toEqual(["Proposed proposed", "Accepted accepted"]);
    expect(within(headings[0]).getByText("Proposed")).toHaveStyle({ background: "#505a5f", color: "#ffffff" });
  });

  it("creates a status with a code, a name and a colour, warning about a low contrast", async () => {
    // GIVEN the statuses page
    signInAdmin();
    const sent = statusesApi([proposed]);
    renderApp("/admin/idea-statuses");
    await userEvent.click(await screen.findByRole("button", { name: "Add a status" }));
    const form = screen.getByRole("form", { name: "New idea status" });
    await userEvent.type(within(form).getByRole("textbox", { name: "Code" }), "in_progress");
    await userEvent.type(within(form).getByRole("textbox", { name: "Status name (English, required)" }), "In progress");
    // WHEN a mid-grey colour is picked, the badge text is hard to read
    const colour = within(form).getByLabelText("Colour");
    fireEvent.input(colour, { target: { value: "#777777" } });
    expect(await within(form).findByText(/below the 4.5:1 that WCAG AA requires/)).toBeInTheDocument();
    // AND a darker one fixes it
    fireEvent.input(colour, { target: { value: "#1d70b8" } });
    expect(await within(form).findByText(/meets WCAG AA/)).toBeInTheDocument();
    await userEvent.click(within(form).getByRole("button", { name: "Create status" }));
    // THEN the status is created
    expect(await screen.findByRole("heading", { name: "In progress in_progress" })).toBeInTheDocument();
    expect(sent).toEqual([
      {
        method: "POST",
        path: "/idea-statuses",
        body: { title: { en: "In progress" }, color: "#1d70b8", code: "in_progress" },
      },
    ]);
  });

  it("refuses a code the server would refuse", async () => {
    signInAdmin();
    const sent = statusesApi([]);
    renderApp("/admin/idea-statuses");
    await userEvent.click(await screen.findByRole("button", { name: "Add a status" }));
    await userEvent.type(screen.getByRole("textbox", { name: "Code" }), "In Progress");
    await userEvent.type(screen.getByRole("textbox", { name: "Status name (English, required)" }), "In progress");
    await userEvent.click(screen.getByRole("button", { name: "Create status" }));
    expect(
      await screen.findByRole("link", { name: /Enter a code of 2 to 40 lowercase letters/ }),
    ).toBeInTheDocument();
    expect(sent).toEqual([]);
  });

  it("edits a status without changing its code", async () => {
    signInAdmin();
    const sent = statusesApi([proposed]);
    renderApp("/admin/idea-statuses");
    await userEvent.click(await screen.findByRole("button", { name: "Edit status Proposed" }));
    const form = screen.getByRole("form", { name: "Edit idea status" });
    expect(within(form).queryByRole("textbox", { name: "Code" })).toBeNull();
    expect(within(form).getByText("Code: proposed (cannot be changed)")).toBeInTheDocument();
    await userEvent.type(within(form).getByRole("textbox", { name: "Status name (Français)" }), "Proposée");
    await userEvent.click(within(form).getByRole("button", { name: "Save status" }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({
      method: "PATCH",
      path: "/idea-statuses/s-1",
      body: {
        title: { en: "Proposed", fr: "Proposée" },
        color: "#505a5f",
        description: { en: "Waiting for review" },
      },
    });
  });

  it("reorders statuses with the move buttons", async () => {
    signInAdmin();
    const sent = statusesApi([proposed, accepted, rejected]);
    renderApp("/admin/idea-statuses");
    await userEvent.click(await screen.findByRole("button", { name: "Move Rejected up" }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({ method: "PUT", path: "/idea-statuses/order", body: { ids: ["s-1", "s-3", "s-2"] } });
    expect(screen.getByRole("status", { name: "" })).toHaveTextContent("Rejected moved to position 2 of 3.");
  });

  it("shows the server's message when a status in use cannot be deleted", async () => {
    signInAdmin();
    statusesApi([proposed]);
    server.use(
      http.delete("/api/v1/idea-statuses/s-1", () =>
        problem(409, "status_in_use", "3 ideas have this status. Give them another status first."),
      ),
    );
    renderApp("/admin/idea-statuses");
    await userEvent.click(await screen.findByRole("button", { name: "Delete status Proposed" }));
    await userEvent.click(screen.getByRole("button", { name: "Yes, delete" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("3 ideas have this status. Give them another status first.");
    expect(screen.getByRole("heading", { name: "Proposed proposed" })).toBeInTheDocument();
  });
});
