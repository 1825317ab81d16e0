import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { beforeAll, describe, expect, it } from "vitest";
import { problem } from "@/testing/handlers";
import { renderApp } from "@/testing/render";
import { server } from "@/testing/server";
import { preloadAdmin, signInAdmin } from "./adminTesting";
import type { Topic } from "./ideationTypes";

const mobility: Topic = { id: "t-1", title: { en: "Mobility", fr: "Mobilité" }, description: { en: "Buses and bikes" }, position: 0 };
const parks: Topic = { id: "t-2", title: { en: "Parks" }, description: null, position: 1 };

/** A topics API backed by a list, recording what was sent. */
function topicsApi(initial: Topic[]) {
  let topics = [...initial];
  const sent: { method: string; id?: string; body?: unknown }[] = [];
  server.use(
    http.get("/api/v1/topics", () => HttpResponse.json({ items: topics })),
    http.post("/api/v1/topics", async ({ request }) => {
      const body = (await request.json()) as Omit<Topic, "id" | "position">;
      sent.push({ method: "POST", body });
      const created = { ...body, id: "t-new", description: body.description ?? null, position: topics.length };
      topics = [...topics, created];
      return HttpResponse.json(created, { status: 201 });
    }),
    http.patch("/api/v1/topics/:id", async ({ request, params }) => {
      const body = (await request.json()) as Partial<Topic>;
      sent.push({ method: "PATCH", id: String(params.id), body });
      topics = topics.map((topic) => (topic.id === params.id ? { ...topic, ...body } : topic));
      return HttpResponse.json(topics.find((topic) => topic.id === params.id));
    }),
    http.delete("/api/v1/topics/:id", ({ params }) => {
      sent.push({ method: "DELETE", id: String(params.id) });
      topics = topics.filter((topic) => topic.id !== params.id);
      return new HttpResponse(null, { status: 204 });
    }),
  );
  return sent;
}

beforeAll(preloadAdmin);

describe("TopicsPage", () => {
  it("lists the topics in order, with their descriptions", async () => {
    // GIVEN two topics
    signInAdmin();
    topicsApi([parks, mobility]);
    // WHEN the admin opens the page
    renderApp("/admin/topics");
    // THEN they are listed by position
    expect(await screen.findByRole("heading", { name: "Topics", level: 1 })).toBeInTheDocument();
    const headings = await screen.findAllByRole("heading", { level: 2 });
    expect(headings.map((heading) => heading.textContent)).toEqual(["Mobility", "Parks"]);
    expect(screen.getByText("Buses and bikes")).toBeInTheDocument();
  });

  it("creates a topic with a name in every language", async () => {
    // GIVEN no topics
    signInAdmin();
    const sent = topicsApi([]);
    renderApp("/admin/topics");
    expect(await screen.findByText("There are no topics yet.")).toBeInTheDocument();
    // WHEN the admin adds one in English and French
    await userEvent.click(screen.getByRole("button", { name: "Add a topic" }));
    const form = screen.getByRole("form", { name: "New topic" });
    await userEvent.type(within(form).getByRole("textbox", { name: "Topic name (English, required)" }), "Housing");
    await userEvent.type(within(form).getByRole("textbox", { name: "Topic name (Français)" }), "Logement");
    await userEvent.click(within(form).getByRole("button", { name: "Create topic" }));
    // THEN it is sent without an empty description and shows in the list
    expect(await screen.findByRole("heading", { name: "Housing" })).toBeInTheDocument();
    expect(sent).toEqual([{ method: "POST", body: { title: { en: "Housing", fr: "Logement" } } }]);
  });

  it("asks for the default language's name before sending", async () => {
    signInAdmin();
    const sent = topicsApi([]);
    renderApp("/admin/topics");
    await userEvent.click(await screen.findByRole("button", { name: "Add a topic" }));
    // WHEN the form is sent empty
    await userEvent.click(screen.getByRole("button", { name: "Create topic" }));
    // THEN the summary links to the English name and nothing was sent
    expect(await screen.findByRole("link", { name: "Enter a value." })).toBeInTheDocument();
    expect(screen.getByRole("alert")).toHaveFocus();
    expect(sent).toEqual([]);
  });

  it("edits a topic and clears its description", async () => {
    signInAdmin();
    const sent = topicsApi([mobility]);
    renderApp("/admin/topics");
    await userEvent.click(await screen.findByRole("button", { name: "Edit topic Mobility" }));
    const form = screen.getByRole("form", { name: "Edit topic" });
    const name = within(form).getByRole("textbox", { name: "Topic name (English, required)" });
    expect(name).toHaveValue("Mobility");
    await userEvent.clear(name);
    await userEvent.type(name, "Transport");
    await userEvent.clear(within(form).getByRole("textbox", { name: "Topic description (English)" }));
    await userEvent.click(within(form).getByRole("button", { name: "Save topic" }));
    expect(await screen.findByRole("heading", { name: "Transport" })).toBeInTheDocument();
    expect(sent).toEqual([
      { method: "PATCH", id: "t-1", body: { title: { en: "Transport", fr: "Mobilité" }, description: null } },
    ]);
  });

  it("deletes a topic only after confirming", async () => {
    signInAdmin();
    const sent = topicsApi([mobility, parks]);
    renderApp("/admin/topics");
    await userEvent.click(await screen.findByRole("button", { name: "Delete topic Parks" }));
    // WHEN the admin first cancels, then confirms
    const group = screen.getByRole("group", { name: "Parks" });
    await userEvent.click(within(group).getByRole("button", { name: "Cancel" }));
    expect(sent).toEqual([]);
    await userEvent.click(screen.getByRole("button", { name: "Delete topic Parks" }));
    await userEvent.click(within(screen.getByRole("group", { name: "Parks" })).getByRole("button", { name: "Yes, delete" }));
    // THEN only the confirmed delete was sent
    await waitFor(() => expect(screen.queryByRole("heading", { name: "Parks" })).toBeNull());
    expect(sent).toEqual([{ method: "DELETE", id: "t-2" }]);
  });

  it("shows why the server refused a delete", async () => {
    signInAdmin();
    topicsApi([mobility]);
    server.use(
      http.delete("/api/v1/topics/t-1", () =>
        problem(409, "topic_in_use", "Ideas still use this topic. Remove it from their project's form first."),
      ),
    );
    renderApp("/admin/topics");
    await userEvent.click(await screen.findByRole("button", { name: "Delete topic Mobility" }));
    await userEvent.click(screen.getByRole("button", { name: "Yes, delete" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Ideas still use this topic.");
  });
});
