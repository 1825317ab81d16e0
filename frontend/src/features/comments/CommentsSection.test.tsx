import { configure, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { problem } from "@/testing/handlers";
import type { PublicProfile } from "@/lib/api/types";
import { renderWithProviders } from "@/testing/render";
import { server } from "@/testing/server";
import { ada, alan, comment, formerResident, grace, ownPermissions, thread } from "@/testing/social";
import { signInAs } from "@/testing/signIn";
import { CommentsSection } from "./CommentsSection";

// Rendering inside the app's providers is slow on a loaded machine: allow more than the default second.
configure({ asyncUtilTimeout: 3000 });

function ideaAllowsComments(allowed: boolean, reason = "ok") {
  server.use(
    http.get("/api/v1/ideas/i-1", () =>
      HttpResponse.json({ id: "i-1", permissions: { comment: { allowed, reason } } }),
    ),
  );
}

function threads(items: unknown[], nextCursor: string | null = null) {
  server.use(
    http.get("/api/v1/ideas/i-1/comments", () => HttpResponse.json({ items, next_cursor: nextCursor })),
  );
}

/** Record the JSON bodies posted to `path`, answering with `answer`. */
function recordPosts(path: string, answer: object = comment()) {
  const bodies: unknown[] = [];
  server.use(
    http.post(path, async ({ request }) => {
      bodies.push(await request.json());
      return HttpResponse.json(answer, { status: 201 });
    }),
  );
  return bodies;
}

describe("CommentsSection", () => {
  it("shows threads of two levels, mentions by name and deleted comments with their replies", async () => {
    // GIVEN a deleted root with a reply, and a root whose reply answers another reply
    ideaAllowsComments(false, "not_signed_in");
    threads([
      thread({ id: "c-1", deleted: true, body: "", author: null }, [comment({ id: "c-2", parent_id: "c-1", body: "Still here." })]),
      thread({ id: "c-3", author: alan, body: "Ask @[u-1] about it.", mentions: [ada], likes: 2 }, [
        comment({ id: "c-4", parent_id: "c-3", author: ada, body: "Sure." }),
        comment({ id: "c-5", parent_id: "c-4", author: grace, body: "Thanks both.", edited_at: "2026-01-11T00:00:00Z" }),
      ]),
    ]);
    // WHEN a visitor reads the discussion
    renderWithProviders(<CommentsSection ideaId="i-1" />);
    // THEN mentions read as names, replies say whom they answer and a deleted comment keeps its replies
    const section = await screen.findByRole("region", { name: "Comments" });
    expect(await within(section).findByText("This comment was deleted")).toBeInTheDocument();
    expect(within(section).getByText("Still here.")).toBeInTheDocument();
    expect(within(section).getByText("In reply to a deleted comment")).toBeInTheDocument();
    const alanComment = within(section).getByRole("article", { name: "Comment by Alan Turing" });
    expect(alanComment).toHaveTextContent("Ask @Ada Lovelace about it.");
    expect(alanComment).toHaveTextContent("2 likes");
    expect(within(section).getByRole("article", { name: "Comment by Ada Lovelace" })).toHaveTextContent("In reply to Alan Turing");
    const graceReply = within(section).getAllByRole("article", { name: "Comment by Grace Hopper" })[1];
    expect(graceReply).toHaveTextContent("In reply to Ada Lovelace");
    expect(graceReply).toHaveTextContent("(edited)");
    // AND the visitor is invited to sign in rather than given a comment box
    expect(within(section).getByRole("link", { name: "Sign in" })).toHaveAttribute(
      "href",
      `/sign-in?next=${encodeURIComponent("/")}`,
    );
    expect(within(section).queryByRole("textbox", { name: "Add a comment" })).toBeNull();
  });

  it("names a former resident in the viewer's language, as author, in a reply and in a mention", async () => {
    // GIVEN a French resident, and a comment whose author deleted their account, mentioning another one gone
    window.localStorage.setItem("townhall.locale", "fr");
    ideaAllowsComments(false, "not_signed_in");
    const gone = { ...formerResident, id: "u-gone" };
    threads([
      thread({ id: "c-1", author: formerResident, body: "Ask @[u-gone] about it.", mentions: [gone] }, [
        comment({ id: "c-2", parent_id: "c-1", author: ada, body: "Sure." }),
      ]),
    ]);
    // WHEN they read the discussion
    renderWithProviders(<CommentsSection ideaId="i-1" />);
    // THEN the API's English placeholder reads "Ancien habitant" everywhere
    const former = await screen.findByRole("article", { name: "Commentaire de Ancien habitant" });
    expect(former).toHaveTextContent("Ask @Ancien habitant about it.");
    expect(screen.getByRole("article", { name: "Commentaire de Ada Lovelace" })).toHaveTextContent(
      "En réponse à Ancien habitant",
    );
    expect(screen.queryByText(/Former resident/)).toBeNull();
  });

  it.each([
    ["phase_closed", "Commenting is closed because this phase has ended."],
    ["action_disabled", "Comments are not open in this phase."],
    ["not_published", "You cannot comment on this idea."],
  ])("explains the policy's reason %s", async (reason, text) => {
    ideaAllowsComments(false, reason);
    signInAs();
    renderWithProviders(<CommentsSection ideaId="i-1" />);
    expect(await screen.findByText(text)).toBeInTheDocument();
    expect(screen.queryByRole("textbox", { name: "Add a comment" })).toBeNull();
  });

  it("posts a comment with a mention picked from the suggestions by keyboard", async () => {
    // GIVEN a resident who may comment, and two people matching "Al"
    ideaAllowsComments(true);
    const searched: (string | null)[] = [];
    server.use(
      http.get("/api/v1/mentions", ({ request }) => {
        searched.push(new URL(request.url).searchParams.get("q"));
        return HttpResponse.json({ items: [{ ...ada, display_name: "Alice Ng", id: "u-9" }, alan] });
      }),
    );
    const posted = recordPosts("/api/v1/ideas/i-1/comments");
    signInAs();
    renderWithProviders(<CommentsSection ideaId="i-1" />);
    const box = await screen.findByRole("textbox", { name: "Add a comment" });
    // WHEN they type "@Al", move down to the second suggestion and press Enter
    await userEvent.type(box, "Thanks @Al");
    const listbox = await screen.findByRole("listbox", { name: "People to mention" });
    expect(box).toHaveAttribute("aria-controls", listbox.id);
    expect(within(listbox).getAllByRole("option")).toHaveLength(2);
    expect(within(listbox).getByRole("option", { name: "Alice Ng" })).toHaveAttribute("aria-selected", "true");
    await userEvent.keyboard("{ArrowDown}");
    const second = within(listbox).getByRole("option", { name: "Alan Turing" });
    expect(second).toHaveAttribute("aria-selected", "true");
    expect(box).toHaveAttribute("aria-activedescendant", second.id);
    await userEvent.keyboard("{Enter}");
    // THEN the name is shown in the box and the suggestions close
    expect(box).toHaveValue("Thanks @Alan Turing ");
    expect(screen.queryByRole("listbox")).toBeNull();
    expect(searched).toContain("Al");
    // WHEN they finish and post
    await userEvent.type(box, "for the data.");
    await userEvent.click(screen.getByRole("button", { name: "Post comment" }));
    // THEN the body carries the mention token and the box is emptied
    await waitFor(() => expect(posted).toEqual([{ body: "Thanks @[u-3] for the data." }]));
    await waitFor(() => expect(box).toHaveValue(""));
  });

  it("closes the suggestions with Escape and keeps the typed text", async () => {
    ideaAllowsComments(true);
    server.use(http.get("/api/v1/mentions", () => HttpResponse.json({ items: [alan] })));
    signInAs();
    renderWithProviders(<CommentsSection ideaId="i-1" />);
    const box = await screen.findByRole("textbox", { name: "Add a comment" });
    await userEvent.type(box, "@Ala");
    expect(await screen.findByRole("listbox")).toBeInTheDocument();
    await userEvent.keyboard("{Escape}");
    expect(screen.queryByRole("listbox")).toBeNull();
    expect(box).toHaveValue("@Ala");
    expect(box).not.toHaveAttribute("aria-activedescendant");
  });

  it("refuses an empty comment and shows the server's reason on the field", async () => {
    ideaAllowsComments(true);
    server.use(
      http.post("/api/v1/ideas/i-1/comments", () =>
        problem(422, "validation_error", "Invalid input.", [
          { field: "body", code: "unknown_mention", message: "Pick the person you mention again." },
        ]),
      ),
    );
    signInAs();
    renderWithProviders(<CommentsSection ideaId="i-1" />);
    const box = await screen.findByRole("textbox", { name: "Add a comment" });
    await userEvent.click(screen.getByRole("button", { name: "Post comment" }));
    expect(await screen.findByText("Enter a value.")).toBeInTheDocument();
    expect(box).toHaveFocus();
    expect(box).toHaveAttribute("aria-invalid", "true");
    // Markup is refused in the browser first, in the resident's language.
    await userEvent.type(box, "<b>bold</b>");
    await userEvent.click(screen.getByRole("button", { name: "Post comment" }));
    expect(await screen.findByText(/Write plain text here/)).toBeInTheDocument();
    await userEvent.clear(box);
    await userEvent.type(box, "bold words");
    await userEvent.click(screen.getByRole("button", { name: "Post comment" }));
    expect(await screen.findByText("Pick the person you mention from the list again.")).toBeInTheDocument();
    expect(box).toHaveValue("bold words");
  });

  it("replies to a comment", async () => {
    ideaAllowsComments(true);
    threads([thread({ id: "c-1" })]);
    const posted = recordPosts("/api/v1/ideas/i-1/comments");
    signInAs();
    renderWithProviders(<CommentsSection ideaId="i-1" />);
    // WHEN the resident opens the reply box of Grace's comment and posts
    const replyButton = await screen.findByRole("button", { name: "Reply to Grace Hopper" });
    await userEvent.click(replyButton);
    const box = screen.getByRole("textbox", { name: "Your reply to Grace Hopper" });
    expect(box).toHaveFocus();
    await userEvent.type(box, "Me too.");
    await userEvent.click(screen.getByRole("button", { name: "Post reply" }));
    // THEN the reply names its parent, the box closes and focus returns to the button
    await waitFor(() => expect(posted).toEqual([{ body: "Me too.", parent_id: "c-1" }]));
    await waitFor(() => expect(screen.queryByRole("textbox", { name: "Your reply to Grace Hopper" })).toBeNull());
    expect(screen.getByRole("button", { name: "Reply to Grace Hopper" })).toHaveFocus();
  });

  /** A signed-in resident's own comment c-7 with `body` and `mentions`; returns the edits sent. */
  function serveOwnComment(body: string, mentions: PublicProfile[]): unknown[] {
    ideaAllowsComments(true);
    threads([thread({ id: "c-7", author: ada, body, mentions, permissions: ownPermissions })]);
    const patched: unknown[] = [];
    server.use(
      http.patch("/api/v1/comments/c-7", async ({ request }) => {
        patched.push(await request.json());
        return HttpResponse.json(comment({ id: "c-7" }));
      }),
    );
    signInAs();
    return patched;
  }

  it("edits an own comment with its mentions kept", async () => {
    const patched = serveOwnComment("Ask @[u-3].", [alan]);
    renderWithProviders(<CommentsSection ideaId="i-1" />);
    await userEvent.click(await screen.findByRole("button", { name: "Edit comment" }));
    const box = screen.getByRole("textbox", { name: "Edit your comment" });
    expect(box).toHaveValue("Ask @Alan Turing.");
    await userEvent.clear(box);
    await userEvent.type(box, "Ask @Alan Turing today.");
    await userEvent.click(screen.getByRole("button", { name: "Save changes" }));
    await waitFor(() => expect(patched).toEqual([{ body: "Ask @[u-3] today." }]));
    await waitFor(() => expect(screen.getByRole("button", { name: "Edit comment" })).toHaveFocus());
  });

  it("edits a comment that mentions a former resident: the box shows them in the viewer's words, the token stays", async () => {
    // GIVEN a French resident's own comment mentioning someone whose account is gone
    window.localStorage.setItem("townhall.locale", "fr");
    const patched = serveOwnComment("Ask @[u-gone].", [{ ...formerResident, id: "u-gone" }]);
    renderWithProviders(<CommentsSection ideaId="i-1" />);
    // WHEN they edit it
    await userEvent.click(await screen.findByRole("button", { name: "Modifier le commentaire" }));
    const box = screen.getByRole("textbox", { name: "Modifier votre commentaire" });
    // THEN the mention reads "@Ancien habitant" and goes back as its token
    expect(box).toHaveValue("Ask @Ancien habitant.");
    await userEvent.type(box, " Merci.");
    await userEvent.click(screen.getByRole("button", { name: "Enregistrer les modifications" }));
    await waitFor(() => expect(patched).toEqual([{ body: "Ask @[u-gone]. Merci." }]));
  });

  it("deletes an own comment only after confirming", async () => {
    ideaAllowsComments(true);
    let deleted = false;
    server.use(
      http.get("/api/v1/ideas/i-1/comments", () =>
        HttpResponse.json({
          items: [thread({ id: "c-7", author: ada, deleted, permissions: ownPermissions })],
          next_cursor: null,
        }),
      ),
      http.delete("/api/v1/comments/c-7", () => {
        deleted = true;
        return new HttpResponse(null, { status: 204 });
      }),
    );
    signInAs();
    renderWithProviders(<CommentsSection ideaId="i-1" />);
    await userEvent.click(await screen.findByRole("button", { name: "Delete comment" }));
    // THEN a confirmation takes focus; cancelling keeps the comment
    expect(screen.getByText(/Delete this comment\?/)).toHaveFocus();
    await userEvent.click(screen.getByRole("button", { name: "Cancel" }));
    expect(deleted).toBe(false);
    expect(screen.getByRole("button", { name: "Delete comment" })).toHaveFocus();
    // WHEN confirmed, it is deleted and shown as such
    await userEvent.click(screen.getByRole("button", { name: "Delete comment" }));
    await userEvent.click(screen.getByRole("button", { name: "Yes, delete comment" }));
    expect(await screen.findByText("This comment was deleted")).toBeInTheDocument();
    expect(deleted).toBe(true);
  });

  it("likes and unlikes a comment with a toggle button, showing the answer's count at once", async () => {
    ideaAllowsComments(true);
    server.use(
      // The list's count is derived by a worker later: it stays at 0 here on purpose.
      http.get("/api/v1/ideas/i-1/comments", () =>
        HttpResponse.json({ items: [thread({ id: "c-1", liked_by_me: false, likes: 0 })], next_cursor: null }),
      ),
      http.put("/api/v1/comments/c-1/like", () => HttpResponse.json({ liked: true, likes: 1 })),
      http.delete("/api/v1/comments/c-1/like", () => HttpResponse.json({ liked: false, likes: 0 })),
    );
    signInAs();
    renderWithProviders(<CommentsSection ideaId="i-1" />);
    const like = await screen.findByRole("button", { name: "Like comment by Grace Hopper", pressed: false });
    await userEvent.click(like);
    expect(await screen.findByRole("button", { name: "Like comment by Grace Hopper", pressed: true })).toBeInTheDocument();
    expect(screen.getByText("1 like")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Like comment by Grace Hopper" }));
    expect(await screen.findByRole("button", { name: "Like comment by Grace Hopper", pressed: false })).toBeInTheDocument();
    expect(screen.getByText("0 likes")).toBeInTheDocument();
  });

  it("sorts by most liked and loads more with the cursor", async () => {
    ideaAllowsComments(true);
    const requests: string[] = [];
    server.use(
      http.get("/api/v1/ideas/i-1/comments", ({ request }) => {
        const params = new URL(request.url).searchParams;
        requests.push(params.toString());
        if (params.get("cursor") === "next") {
          return HttpResponse.json({ items: [thread({ id: "c-9", body: "From page two." })], next_cursor: null });
        }
        const body = params.get("sort") === "most_liked" ? "The most liked." : "The newest.";
        return HttpResponse.json({ items: [thread({ id: "c-1", body })], next_cursor: "next" });
      }),
    );
    signInAs();
    renderWithProviders(<CommentsSection ideaId="i-1" />);
    expect(await screen.findByText("The newest.")).toBeInTheDocument();
    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Sort comments" }), "Most liked");
    expect(await screen.findByText("The most liked.")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Load more comments" }));
    expect(await screen.findByText("From page two.")).toBeInTheDocument();
    expect(screen.getByText("The most liked.")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Load more comments" })).toBeNull();
    expect(requests).toEqual(["sort=newest", "sort=most_liked", "sort=most_liked&cursor=next"]);
  });

  it("uses the permission the idea page already has instead of fetching the idea again", async () => {
    const fetched: string[] = [];
    server.use(
      http.get("/api/v1/ideas/i-1", ({ request }) => {
        fetched.push(request.url);
        return HttpResponse.json({});
      }),
    );
    signInAs();
    renderWithProviders(<CommentsSection ideaId="i-1" permission={{ allowed: false, reason: "phase_closed" }} />);
    expect(await screen.findByText("Commenting is closed because this phase has ended.")).toBeInTheDocument();
    expect(screen.queryByRole("textbox", { name: "Add a comment" })).toBeNull();
    expect(fetched).toEqual([]);
  });
});
