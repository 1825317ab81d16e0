import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { afterEach, describe, expect, it } from "vitest";
import { CommentsSection } from "@/features/comments";
import { ReactionButtons } from "@/features/ideas/ReactionButtons";
import { session } from "@/lib/api/client";
import type { RegistrationField } from "@/features/registration";
import { resident } from "@/testing/fixtures";
import { idea } from "@/testing/ideas";
import { renderWithProviders } from "@/testing/render";
import { server } from "@/testing/server";
import { signInAs } from "@/testing/signIn";

const area: RegistrationField = {
  id: "area",
  builtin: true,
  type: "single_choice",
  label: { en: "Area where you live" },
  help: null,
  purpose: { en: "To invite you to projects near you." },
  required: false,
  enabled: true,
  options: [
    { id: "north", label: { en: "North" } },
    { id: "south", label: { en: "South" } },
  ],
  scale_min: null,
  scale_max: null,
  min_label: null,
  max_label: null,
};

/** The registration form, and a PATCH /me that records what it was sent. */
function serveRegistration(sent: unknown[]) {
  server.use(
    http.get("/api/v1/registration", () => HttpResponse.json({ fields: [area] })),
    http.patch("/api/v1/me", async ({ request }) => {
      const body = (await request.json()) as { answers: Record<string, unknown> };
      sent.push(body);
      return HttpResponse.json({ ...resident, answers: body.answers });
    }),
  );
}

afterEach(() => session.clear(false));

describe("completing the profile in place", () => {
  it("asks the missing answer when a like needs it, saves it, then sends the like", async () => {
    // GIVEN a resident whose reaction needs their area
    signInAs(resident);
    const saved: unknown[] = [];
    const reactions: unknown[] = [];
    serveRegistration(saved);
    server.use(
      http.put("/api/v1/ideas/i-1/reaction", async ({ request }) => {
        reactions.push(await request.json());
        return HttpResponse.json({ my_reaction: "like", likes: 1, dislikes: 0, likes_left: null });
      }),
    );
    const needsArea = { allowed: false, reason: "missing_profile_fields", fields: ["area"] };
    renderWithProviders(
      <ReactionButtons idea={{ ...idea, permissions: { ...idea.permissions, react: needsArea } }} dislikesEnabled={false} />,
    );
    const like = await screen.findByRole("button", { name: "Like" });
    expect(like).toHaveAccessibleDescription("To react, answer a few questions about yourself first.");
    // WHEN they press Like
    await userEvent.click(like);
    // THEN the question opens next to it, its heading focused, with why it is asked
    const heading = await screen.findByRole("heading", { name: "A few questions first" });
    await waitFor(() => expect(heading).toHaveFocus());
    const select = await screen.findByRole("combobox", { name: "Area where you live" });
    expect(select).toHaveAccessibleDescription("Why we ask: To invite you to projects near you.");
    expect(reactions).toEqual([]);
    // WHEN they save without answering, the error summary says what is missing
    await userEvent.click(screen.getByRole("button", { name: "Save and continue" }));
    const summary = await screen.findByRole("alert");
    expect(within(summary).getByRole("link", { name: "Please answer “Area where you live”." })).toBeInTheDocument();
    // WHEN they answer and save
    await userEvent.selectOptions(select, "south");
    await userEvent.click(screen.getByRole("button", { name: "Save and continue" }));
    // THEN the answer is saved and the like is sent, and the questions close
    await waitFor(() => expect(reactions).toEqual([{ kind: "like" }]));
    expect(saved).toEqual([{ answers: { area: "south" } }]);
    expect(screen.queryByRole("heading", { name: "A few questions first" })).not.toBeInTheDocument();
  });

  it("posts the comment after the answers a refusal named", async () => {
    // GIVEN a comment the API refuses until the resident has given their area
    signInAs(resident);
    const saved: unknown[] = [];
    const posted: unknown[] = [];
    serveRegistration(saved);
    server.use(
      http.get("/api/v1/ideas/i-1/comments", () => HttpResponse.json({ items: [], next_cursor: null })),
      http.post("/api/v1/ideas/i-1/comments", async ({ request }) => {
        if (saved.length === 0) {
          return HttpResponse.json(
            {
              type: "urn:townhall:problem:missing_profile_fields",
              title: "Answer first",
              status: 403,
              detail: "Answer first",
              code: "missing_profile_fields",
              errors: [],
              fields: ["area"],
            },
            { status: 403, headers: { "Content-Type": "application/problem+json" } },
          );
        }
        posted.push(await request.json());
        return HttpResponse.json({ id: "c-9" }, { status: 201 });
      }),
    );
    renderWithProviders(<CommentsSection ideaId="i-1" permission={{ allowed: true, reason: "ok" }} />);
    // WHEN they write and post
    await userEvent.type(await screen.findByRole("textbox", { name: "Add a comment" }), "Benches please");
    await userEvent.click(screen.getByRole("button", { name: "Post comment" }));
    // THEN they are asked for their area; once saved, the same comment is posted
    await userEvent.selectOptions(await screen.findByRole("combobox", { name: "Area where you live" }), "north");
    await userEvent.click(screen.getByRole("button", { name: "Save and continue" }));
    await waitFor(() => expect(posted).toEqual([{ body: "Benches please" }]));
    expect(saved).toEqual([{ answers: { area: "north" } }]);
  });

  it("lets the resident step back: nothing is sent and the text stays", async () => {
    signInAs(resident);
    serveRegistration([]);
    server.use(
      http.get("/api/v1/ideas/i-1/comments", () => HttpResponse.json({ items: [], next_cursor: null })),
    );
    const needsArea = { allowed: false, reason: "missing_profile_fields", fields: ["area"] };
    renderWithProviders(<CommentsSection ideaId="i-1" permission={needsArea} />);
    const box = await screen.findByRole("textbox", { name: "Add a comment" });
    await userEvent.type(box, "Later");
    await userEvent.click(screen.getByRole("button", { name: "Post comment" }));
    await userEvent.click(await screen.findByRole("button", { name: "Not now" }));
    expect(screen.queryByRole("heading", { name: "A few questions first" })).not.toBeInTheDocument();
    expect(box).toHaveValue("Later");
  });
});
