import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { problem } from "@/testing/handlers";
import { idea, ideationHandlers, inputForm, proposalsProject, signInAs } from "@/testing/ideas";
import { renderApp } from "@/testing/render";
import { server } from "@/testing/server";

// ProseMirror measures the page; jsdom does not lay out, so it gets empty rectangles.
beforeAll(() => {
  const empty = () => ({ length: 0, item: () => null, [Symbol.iterator]: [][Symbol.iterator] }) as unknown as DOMRectList;
  const rect = () => new DOMRect(0, 0, 0, 0);
  Range.prototype.getClientRects = empty;
  Range.prototype.getBoundingClientRect = rect;
  (Text.prototype as unknown as { getClientRects: () => DOMRectList }).getClientRects = empty;
  document.elementFromPoint = () => null;
});

const NEW_PATH = "/projects/p-1/phases/ph-ideas/ideas/new";
const simpleForm = { ...inputForm, custom_fields: inputForm.custom_fields.filter((field) => field.id !== "age") };

/** The form is a lazily loaded chunk: the first render may take a while on a busy machine. */
function titleBox() {
  return screen.findByRole("textbox", { name: "Title" }, { timeout: 5000 });
}

async function typeBody(text: string) {
  const body = await screen.findByRole("textbox", { name: "Description" });
  await userEvent.click(body);
  await userEvent.type(body, text);
}

// These tests type into a whole form; on a shared, busy machine that takes longer than Vitest's default.
const SLOW = 30_000;

describe("IdeaFormPage", () => {
  it("sends a visitor to sign in first", async () => {
    server.use(...ideationHandlers);
    const { router } = renderApp(NEW_PATH);
    await waitFor(() => expect(router.state.location.pathname).toBe("/sign-in"));
    expect(router.state.location.search).toBe(`?next=${encodeURIComponent(NEW_PATH)}`);
  }, SLOW);

  it("shows what is missing in an error summary that takes focus", async () => {
    signInAs();
    server.use(...ideationHandlers);
    renderApp(NEW_PATH);
    await titleBox();
    await userEvent.click(screen.getByRole("button", { name: "Publish idea" }));
    const summary = await screen.findByRole("alert");
    await waitFor(() => expect(summary).toHaveFocus());
    expect(within(summary).getByRole("link", { name: "Give your idea a title." })).toHaveAttribute("href", "#field-title");
    expect(within(summary).getByRole("link", { name: "Please answer “Your age group”." })).toHaveAttribute(
      "href",
      "#field-custom_fields-age",
    );
    expect(screen.getByRole("textbox", { name: "Title" })).toHaveAttribute("aria-invalid", "true");
  }, SLOW);

  it("posts an idea with topics, a typed pin and answers, then opens it", async () => {
    signInAs();
    let sent: unknown = null;
    server.use(
      http.get("/api/v1/projects/:projectId/input-form", () => HttpResponse.json(simpleForm)),
      ...ideationHandlers,
      http.post("/api/v1/projects/p-1/phases/ph-ideas/ideas", async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json(idea, { status: 201 });
      }),
      http.get("/api/v1/ideas/i-1", () => HttpResponse.json(idea)),
    );
    const { router } = renderApp(NEW_PATH);
    await userEvent.type(await titleBox(), "More benches");
    await typeBody("In the shade");
    await userEvent.click(screen.getByRole("checkbox", { name: "Greenery" }));
    expect(screen.queryByRole("checkbox", { name: "Not in this project" })).not.toBeInTheDocument();
    await userEvent.type(screen.getByRole("textbox", { name: "Latitude" }), "50.85");
    await userEvent.type(screen.getByRole("textbox", { name: "Longitude" }), "4.35");
    await userEvent.type(screen.getByRole("textbox", { name: "Address or place" }), "Park Street 1");
    await userEvent.click(screen.getByRole("radio", { name: "4" }));
    await userEvent.click(screen.getByRole("checkbox", { name: "I live nearby (optional)" }));
    await userEvent.click(screen.getByRole("button", { name: "Publish idea" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/ideas/i-1"));
    expect(sent).toEqual({
      title: { en: "More benches" },
      // (jsdom's click into the editor may leave an empty paragraph after the text)
      body: { en: expect.stringMatching(/^<p>In the shade<\/p>/) },
      topic_ids: ["t-green"],
      location: { lat: 50.85, lng: 4.35, address: "Park Street 1" },
      image_keys: [],
      attachment_keys: [],
      custom_fields: { urgency: 4, neighbour: true },
    });
    expect(window.localStorage.getItem("townhall.ideas.draft.phase.ph-ideas")).toBeNull();
  }, SLOW);

  it("sends a typed address without a pin", async () => {
    signInAs();
    let sent: { location?: unknown } = {};
    server.use(
      http.get("/api/v1/projects/:projectId/input-form", () => HttpResponse.json(simpleForm)),
      ...ideationHandlers,
      http.post("/api/v1/projects/p-1/phases/ph-ideas/ideas", async ({ request }) => {
        sent = (await request.json()) as typeof sent;
        return HttpResponse.json(idea, { status: 201 });
      }),
      http.get("/api/v1/ideas/i-1", () => HttpResponse.json(idea)),
    );
    const { router } = renderApp(NEW_PATH);
    await userEvent.type(await titleBox(), "More benches");
    await typeBody("In the shade");
    await userEvent.type(screen.getByRole("textbox", { name: "Address or place" }), "Market Square 3");
    await userEvent.click(screen.getByRole("button", { name: "Publish idea" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/ideas/i-1"));
    expect(sent.location).toEqual({ lat: null, lng: null, address: "Market Square 3" });
  }, SLOW);

  it("puts the server's field errors on their fields", async () => {
    signInAs();
    server.use(
      http.get("/api/v1/projects/:projectId/input-form", () => HttpResponse.json(simpleForm)),
      ...ideationHandlers,
      http.post("/api/v1/projects/p-1/phases/ph-ideas/ideas", () =>
        problem(422, "validation_error", "Some fields need attention.", [
          { field: "title.en", code: "title_taken", message: "Another idea in this phase has this title." },
        ]),
      ),
    );
    renderApp(NEW_PATH);
    await userEvent.type(await titleBox(), "Benches");
    await typeBody("Body");
    await userEvent.click(screen.getByRole("button", { name: "Publish idea" }));
    const summary = await screen.findByRole("alert");
    expect(within(summary).getByRole("link", { name: "Another idea in this phase has this title." })).toBeInTheDocument();
    expect(screen.getByRole("textbox", { name: "Title" })).toHaveAccessibleDescription(
      "A short sentence that sums up your idea. Another idea in this phase has this title.",
    );
  }, SLOW);

  it("refuses markup in the title before sending, in the resident's language", async () => {
    signInAs();
    server.use(
      http.get("/api/v1/projects/:projectId/input-form", () => HttpResponse.json(simpleForm)),
      ...ideationHandlers,
    );
    renderApp(NEW_PATH);
    await userEvent.type(await titleBox(), "<b>Hi</b>");
    await typeBody("Body");
    await userEvent.click(screen.getByRole("button", { name: "Publish idea" }));
    const summary = await screen.findByRole("alert");
    expect(within(summary).getByRole("link", { name: /Write plain text here/ })).toBeInTheDocument();
  }, SLOW);

  it("uploads images, previews them, removes them and stops at the limit", async () => {
    signInAs();
    let uploads = 0;
    server.use(
      ...ideationHandlers,
      http.post("/api/v1/uploads", async ({ request }) => {
        const body = (await request.json()) as { purpose: string };
        expect(body.purpose).toBe("idea_image");
        uploads += 1;
        return HttpResponse.json({
          key: `uploads/alpha/idea_image/${uploads}.png`,
          url: "http://localhost:3000/_storage",
          fields: { key: `uploads/alpha/idea_image/${uploads}.png` },
          max_bytes: 10485760,
          expires_in: 600,
        });
      }),
      http.post("http://localhost:3000/_storage", () => new HttpResponse(null, { status: 204 })),
    );
    renderApp(NEW_PATH);
    await titleBox();
    const input = screen.getByLabelText("Add images");
    const file = (name: string) => new File(["png"], name, { type: "image/png" });
    await userEvent.upload(input, [file("a.png"), file("b.png"), file("c.png")]);
    expect(await screen.findByText("You can add at most 2 images.")).toBeInTheDocument();
    expect(await screen.findByRole("img", { name: "Image 2" })).toBeInTheDocument();
    expect(uploads).toBe(2);
    expect(screen.getByLabelText("Add images")).toBeDisabled();
    await userEvent.click(screen.getByRole("button", { name: "Remove image 1" }));
    expect(screen.queryByRole("img", { name: "Image 2" })).not.toBeInTheDocument();
    expect(screen.getByLabelText("Add images")).toBeEnabled();
  }, SLOW);

  it("keeps a draft and offers it back when the form is reopened", async () => {
    signInAs();
    server.use(...ideationHandlers);
    const first = renderApp(NEW_PATH);
    await userEvent.type(await titleBox(), "Half an idea");
    await waitFor(() =>
      expect(window.localStorage.getItem("townhall.ideas.draft.phase.ph-ideas")).toContain("Half an idea"),
    );
    first.unmount();
    renderApp(NEW_PATH);
    expect(await screen.findByRole("heading", { name: "You have an unsent draft" })).toBeInTheDocument();
    expect(screen.getByRole("textbox", { name: "Title" })).toHaveValue("");
    await userEvent.click(screen.getByRole("button", { name: "Restore draft" }));
    expect(screen.getByRole("textbox", { name: "Title" })).toHaveValue("Half an idea");
    expect(screen.getByRole("textbox", { name: "Title" })).toHaveFocus();
  }, SLOW);

  it("writes the draft at once when the page is hidden or left, without waiting for the pause", async () => {
    signInAs();
    server.use(...ideationHandlers);
    const page = renderApp(NEW_PATH);
    const title = await titleBox();
    const draft = () => window.localStorage.getItem("townhall.ideas.draft.phase.ph-ideas");
    // Time stands still, so the autosave pause never ends by itself in this test.
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      fireEvent.change(title, { target: { value: "Half" } });
      expect(draft()).toBeNull();
      // WHEN the tab is hidden (closed, reloaded, another site) THEN the draft is written
      fireEvent(window, new Event("pagehide"));
      expect(draft()).toContain("Half");
      // AND WHEN the resident types on and leaves for another page THEN the last keystrokes are kept
      fireEvent.change(title, { target: { value: "Half an idea" } });
      page.unmount();
      expect(draft()).toContain("Half an idea");
    } finally {
      vi.useRealTimers();
      window.localStorage.clear();
    }
  }, SLOW);

  it("edits an idea in the language it was written in and saves the changes", async () => {
    signInAs();
    let sent: { title?: unknown; custom_fields?: unknown } = {};
    server.use(
      ...ideationHandlers,
      http.get("/api/v1/ideas/i-1", () => HttpResponse.json(idea)),
      http.patch("/api/v1/ideas/i-1", async ({ request }) => {
        sent = (await request.json()) as typeof sent;
        return HttpResponse.json({ ...idea, title: { en: "Many benches" } });
      }),
    );
    const { router } = renderApp("/ideas/i-1/edit");
    const title = await titleBox();
    expect(title).toHaveValue("More benches");
    expect(screen.getByRole("combobox", { name: "Your age group" })).toHaveValue("older");
    expect(screen.getByRole("img", { name: "Image 1" })).toBeInTheDocument();
    expect(screen.getByText("plan.pdf")).toBeInTheDocument();
    await userEvent.clear(title);
    await userEvent.type(title, "Many benches");
    await userEvent.click(screen.getByRole("button", { name: "Save changes" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/ideas/i-1"));
    expect(sent.title).toEqual({ en: "Many benches" });
    expect(sent.custom_fields).toEqual({ age: "older", urgency: 4, neighbour: true });
    expect(await screen.findByRole("heading", { level: 1, name: "Many benches" })).toBeInTheDocument();
  }, SLOW);

  it("takes a proposal in a proposals phase, in proposal words", async () => {
    // GIVEN a signed-in resident in a proposals phase
    signInAs();
    server.use(http.get("/api/v1/projects/:projectId", () => HttpResponse.json(proposalsProject)), ...ideationHandlers);
    // WHEN they open its form
    renderApp("/projects/p-1/phases/ph-proposals/ideas/new");
    // THEN the form is there, to submit a proposal
    await titleBox();
    expect(screen.getByRole("heading", { level: 1, name: "Submit a proposal" })).toBeInTheDocument();
    expect(screen.getByRole("form", { name: "Your proposal" })).toBeInTheDocument();
    // AND what is missing is said in proposal words
    await userEvent.click(screen.getByRole("button", { name: "Publish proposal" }));
    const summary = await screen.findByRole("alert");
    expect(within(summary).getByRole("link", { name: "Give your proposal a title." })).toBeInTheDocument();
  }, SLOW);
});
