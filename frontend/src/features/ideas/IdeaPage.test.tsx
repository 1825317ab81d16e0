import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { describe, expect, it, vi } from "vitest";
import { problem } from "@/testing/handlers";
import { dayFromToday, idea, ideationHandlers, proposal, proposalsProject, signInAs } from "@/testing/ideas";
import { renderApp } from "@/testing/render";
import { server } from "@/testing/server";

function serveIdea(value = idea) {
  server.use(http.get("/api/v1/ideas/i-1", () => HttpResponse.json(value)), ...ideationHandlers);
}

describe("IdeaPage", () => {
  it("shows the idea: title, status, author, body, answers, images, place and files", async () => {
    serveIdea();
    renderApp("/ideas/i-1");
    expect(await screen.findByRole("heading", { level: 1, name: "More benches" })).toBeInTheDocument();
    expect(screen.getByText(/Posted by Ada L\./)).toBeInTheDocument();
    expect(screen.getByText("Accepted")).toBeInTheDocument();
    expect(screen.getByText("in the shade")).toBeInTheDocument();
    expect(await screen.findByText("Your age group")).toBeInTheDocument();
    expect(screen.getByText("30 or over")).toBeInTheDocument();
    expect(screen.getByText("4 out of 5")).toBeInTheDocument();
    expect(screen.getByText("I live nearby").nextElementSibling).toHaveTextContent("Yes");
    expect(screen.getByRole("img", { name: "Image 1 of 1 for “More benches”" })).toHaveAttribute(
      "src",
      "http://localhost:3000/_storage/a-480.webp",
    );
    expect(screen.getByText("Park Street 1")).toBeInTheDocument();
    expect(await screen.findByRole("region", { name: "Map showing where “More benches” is" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "plan.pdf" })).toHaveAttribute("download", "plan.pdf");
    expect(await screen.findByRole("link", { name: "Back to A new park" })).toHaveAttribute("href", "/projects/new-park");
    expect(within(screen.getByRole("list", { name: "Topics" })).getByText("Greenery")).toBeInTheDocument();
  });

  it("shows an address given without a pin, and no map", async () => {
    serveIdea({ ...idea, location: { lat: null, lng: null, address: "Market Square 3" } });
    renderApp("/ideas/i-1");
    const place = await screen.findByRole("region", { name: "Location" });
    expect(place).toHaveTextContent("Market Square 3");
    expect(screen.queryByRole("region", { name: "Map showing where “More benches” is" })).not.toBeInTheDocument();
  });

  it("toggles a like and says so", async () => {
    signInAs();
    serveIdea();
    const bodies: unknown[] = [];
    server.use(
      http.put("/api/v1/ideas/i-1/reaction", async ({ request }) => {
        bodies.push(await request.json());
        return HttpResponse.json({ likes: 4, dislikes: 1, my_reaction: "like", likes_left: null });
      }),
      http.delete("/api/v1/ideas/i-1/reaction", () =>
        HttpResponse.json({ likes: 3, dislikes: 1, my_reaction: null, likes_left: null }),
      ),
    );
    renderApp("/ideas/i-1");
    const like = await screen.findByRole("button", { name: "Like" });
    expect(like).toHaveAttribute("aria-pressed", "false");
    expect(screen.getByText("3 likes")).toBeInTheDocument();
    await userEvent.click(like);
    await waitFor(() => expect(like).toHaveAttribute("aria-pressed", "true"));
    expect(bodies).toEqual([{ kind: "like" }]);
    expect(screen.getByText("4 likes")).toBeInTheDocument();
    expect(screen.getByText("You like this idea.")).toBeInTheDocument();
    await userEvent.click(like);
    await waitFor(() => expect(like).toHaveAttribute("aria-pressed", "false"));
    expect(screen.getByText("Your reaction was removed.")).toBeInTheDocument();
  });

  it("explains why a visitor cannot react and how to qualify", async () => {
    serveIdea({ ...idea, permissions: { ...idea.permissions, react: { allowed: false, reason: "not_signed_in", fields: [] } } });
    renderApp("/ideas/i-1");
    const like = await screen.findByRole("button", { name: "Like" });
    expect(like).toBeDisabled();
    expect(like).toHaveAccessibleDescription("Sign in to react to this idea.");
    const reactions = screen.getByRole("group", { name: "Reactions" });
    expect(within(reactions).getByRole("link", { name: "Sign in" })).toHaveAttribute("href", "/sign-in?next=%2Fideas%2Fi-1");
  });

  it("tells a blocked resident that the block is why they cannot react", async () => {
    signInAs();
    serveIdea({ ...idea, permissions: { ...idea.permissions, react: { allowed: false, reason: "blocked", fields: [] } } });
    renderApp("/ideas/i-1");
    const like = await screen.findByRole("button", { name: "Like" });
    expect(like).toBeDisabled();
    expect(like).toHaveAccessibleDescription("Your account is blocked for now, so you cannot react.");
  });

  it("shows the likes left and refuses a like over the limit", async () => {
    signInAs();
    serveIdea({ ...idea, likes_left: 0 });
    renderApp("/ideas/i-1");
    const like = await screen.findByRole("button", { name: "Like" });
    expect(like).toBeDisabled();
    expect(like).toHaveAccessibleDescription(/You have used all your likes in this phase/);
  });

  it("says how many likes are left, and what the server refused", async () => {
    signInAs();
    serveIdea({ ...idea, likes_left: 2 });
    server.use(http.put("/api/v1/ideas/i-1/reaction", () => problem(409, "like_limit_reached", "You reached the limit.")));
    renderApp("/ideas/i-1");
    expect(await screen.findByText("You have 2 likes left in this phase.")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Like" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(/You have used all your likes/);
  });

  it("copies the link with a visible confirmation and offers plain share links", async () => {
    serveIdea();
    const user = userEvent.setup();
    const writeText = vi.spyOn(navigator.clipboard, "writeText").mockResolvedValue();
    renderApp("/ideas/i-1");
    await user.click(await screen.findByRole("button", { name: "Copy link" }));
    expect(writeText).toHaveBeenCalledWith("http://localhost:3000/ideas/i-1");
    expect(await screen.findByText("Link copied. You can paste it anywhere.")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Share by email" }).getAttribute("href")).toMatch(/^mailto:\?subject=More%20benches/);
    expect(screen.getByRole("link", { name: /Share on WhatsApp/ }).getAttribute("href")).toMatch(/^https:\/\/wa\.me\/\?text=/);
    expect(screen.getByRole("link", { name: /Share on X/ })).toHaveAttribute("rel", "noopener noreferrer");
  });

  it("lets the author delete after confirming, and cancelling gives focus back", async () => {
    signInAs();
    serveIdea();
    let deleted = false;
    server.use(
      http.delete("/api/v1/ideas/i-1", () => {
        deleted = true;
        return new HttpResponse(null, { status: 204 });
      }),
      http.get("/api/v1/projects/:projectId/phases/:phaseId/ideas", () => HttpResponse.json({ items: [], next_cursor: null })),
    );
    const { router } = renderApp("/ideas/i-1");
    expect(await screen.findByRole("link", { name: "Edit idea" })).toHaveAttribute("href", "/ideas/i-1/edit");
    await userEvent.click(screen.getByRole("button", { name: "Delete idea" }));
    const dialog = screen.getByRole("alertdialog", { name: "Delete this idea?" });
    expect(within(dialog).getByRole("button", { name: "Cancel" })).toHaveFocus();
    await userEvent.keyboard("{Escape}");
    expect(screen.getByRole("button", { name: "Delete idea" })).toHaveFocus();
    await userEvent.click(screen.getByRole("button", { name: "Delete idea" }));
    await userEvent.click(screen.getByRole("button", { name: "Yes, delete idea" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/projects/p-1"));
    expect(deleted).toBe(true);
    // AND the project page says it was done
    expect(await screen.findByText("Your idea has been deleted.")).toHaveAttribute("role", "status");
  });

  it("hides edit and delete from others", async () => {
    const denied = { allowed: false, reason: "not_owner", fields: [] };
    serveIdea({ ...idea, permissions: { ...idea.permissions, edit: denied, delete: denied } });
    renderApp("/ideas/i-1");
    await screen.findByRole("heading", { level: 1, name: "More benches" });
    expect(screen.queryByRole("link", { name: "Edit idea" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Delete idea" })).not.toBeInTheDocument();
  });

  it("embeds following, official updates, feedback for moderators and the comments", async () => {
    signInAs();
    serveIdea({ ...idea, permissions: { ...idea.permissions, feedback: { allowed: true, reason: "ok", fields: [] } } });
    renderApp("/ideas/i-1");
    expect(await screen.findByRole("button", { name: "Follow" })).toHaveAttribute("aria-pressed", "false");
    expect(await screen.findByRole("region", { name: "Feedback" })).toBeInTheDocument();
    expect(await screen.findByRole("region", { name: "Comments" })).toBeInTheDocument();
  });

  it("says 'not found' for an idea that does not exist", async () => {
    server.use(http.get("/api/v1/ideas/nope", () => problem(404, "not_found", "Not found.")), ...ideationHandlers);
    renderApp("/ideas/nope");
    expect(await screen.findByRole("heading", { name: "Page not found" })).toBeInTheDocument();
  });

  describe("a proposal", () => {
    function serveProposal(value = proposal) {
      server.use(
        http.get("/api/v1/ideas/i-1", () => HttpResponse.json(value)),
        // Before the shared handlers: the first that matches answers.
        http.get("/api/v1/projects/:projectId", () => HttpResponse.json(proposalsProject)),
        ...ideationHandlers,
      );
    }

    it("shows its signatures, deadline and the city's commitment instead of likes", async () => {
      // GIVEN a proposal with 37 of 100 signatures, collecting for ten more days
      serveProposal();
      // WHEN its page is opened
      renderApp("/ideas/i-1");
      // THEN its progress, its last day and what the city commits to are said
      const section = await screen.findByRole("region", { name: "Signatures" });
      expect(within(section).getByRole("progressbar", { name: "37 of 100 signatures" })).toBeInTheDocument();
      expect(within(section).getByText("10 days left to sign")).toBeInTheDocument();
      const last = new Date(`${proposal.proposal?.deadline}T12:00:00Z`).toLocaleDateString("en-US", {
        dateStyle: "long",
        timeZone: "UTC",
      });
      expect(within(section).getByText(`Last day to sign: ${last}`)).toBeInTheDocument();
      expect(
        await within(section).findByText(
          `If it reaches 100 signatures by ${last}: The city council debates it within three months.`,
        ),
      ).toBeInTheDocument();
      // AND there is no like or dislike, but a Sign button
      expect(within(section).getByRole("button", { name: "Sign this proposal" })).toBeEnabled();
      expect(screen.queryByRole("button", { name: "Like" })).not.toBeInTheDocument();
      expect(screen.queryByRole("button", { name: "Dislike" })).not.toBeInTheDocument();
    });

    it("says a proposal reached its goal", async () => {
      serveProposal({ ...proposal, likes: 100, proposal: { signatures: 100, threshold: 100, deadline: dayFromToday(3), state: "reached" } });
      renderApp("/ideas/i-1");
      const section = await screen.findByRole("region", { name: "Signatures" });
      expect(within(section).getByRole("progressbar", { name: "100 of 100 signatures" })).toBeInTheDocument();
      expect(within(section).getByText("Reached its goal")).toBeInTheDocument();
      expect(await within(section).findByText("It reached 100 signatures: The city council debates it within three months.")).toBeInTheDocument();
    });

    it("signs with a like, then withdraws the signature", async () => {
      // GIVEN a signed-in resident on a proposal they have not signed
      signInAs();
      serveProposal();
      const sent: string[] = [];
      server.use(
        http.put("/api/v1/ideas/i-1/reaction", async ({ request }) => {
          sent.push(`PUT ${JSON.stringify(await request.json())}`);
          return HttpResponse.json({ likes: 38, dislikes: 0, my_reaction: "like", likes_left: null });
        }),
        http.delete("/api/v1/ideas/i-1/reaction", () => {
          sent.push("DELETE");
          return HttpResponse.json({ likes: 37, dislikes: 0, my_reaction: null, likes_left: null });
        }),
      );
      renderApp("/ideas/i-1");
      // WHEN they sign
      await userEvent.click(await screen.findByRole("button", { name: "Sign this proposal" }));
      // THEN a like is sent, the page says so, focus is on the way back, and the count moves
      const withdraw = await screen.findByRole("button", { name: "Withdraw my signature" });
      expect(withdraw).toHaveFocus();
      expect(document.querySelector(".reactions__signed")).toHaveTextContent("You signed this proposal");
      expect(sent).toEqual(['PUT {"kind":"like"}']);
      expect(screen.getByRole("progressbar", { name: "38 of 100 signatures" })).toBeInTheDocument();
      expect(screen.getByText("38 signatures")).toBeInTheDocument();
      expect(screen.getByText("You signed this proposal.")).toBeInTheDocument();
      // WHEN they withdraw it
      await userEvent.click(withdraw);
      // THEN the signature is withdrawn and focus is back on signing
      expect(await screen.findByRole("button", { name: "Sign this proposal" })).toHaveFocus();
      expect(sent).toEqual(['PUT {"kind":"like"}', "DELETE"]);
      expect(screen.getByText("Your signature was withdrawn.")).toBeInTheDocument();
      expect(screen.getByRole("progressbar", { name: "37 of 100 signatures" })).toBeInTheDocument();
    });

    it("explains that an expired proposal takes no more signatures", async () => {
      signInAs();
      serveProposal({
        ...proposal,
        proposal: { signatures: 12, threshold: 100, deadline: "2020-01-31", state: "expired" },
        permissions: { ...proposal.permissions, react: { allowed: false, reason: "deadline_passed", fields: [] } },
      });
      renderApp("/ideas/i-1");
      const sign = await screen.findByRole("button", { name: "Sign this proposal" });
      expect(sign).toBeDisabled();
      expect(sign).toHaveAccessibleDescription("This proposal no longer collects signatures: its deadline has passed.");
      expect(screen.getByText("Closed: did not reach its goal")).toBeInTheDocument();
      expect(screen.getByText("Signatures were collected until January 31, 2020.")).toBeInTheDocument();
    });

    it("offers its author to edit or delete the proposal, in proposal words", async () => {
      signInAs();
      const allowed = { allowed: true, reason: "ok", fields: [] };
      serveProposal({ ...proposal, permissions: { ...proposal.permissions, edit: allowed, delete: allowed } });
      renderApp("/ideas/i-1");
      expect(await screen.findByRole("link", { name: "Edit proposal" })).toHaveAttribute("href", "/ideas/i-1/edit");
      await userEvent.click(screen.getByRole("button", { name: "Delete proposal" }));
      expect(screen.getByRole("alertdialog", { name: "Delete this proposal?" })).toBeInTheDocument();
      expect(screen.getByRole("button", { name: "Yes, delete proposal" })).toBeInTheDocument();
    });

    it("explains a refusal to sign in signing words", async () => {
      serveProposal({ ...proposal, permissions: { ...proposal.permissions, react: { allowed: false, reason: "not_signed_in", fields: [] } } });
      renderApp("/ideas/i-1");
      const sign = await screen.findByRole("button", { name: "Sign this proposal" });
      expect(sign).toHaveAccessibleDescription("Sign in to sign this proposal.");
    });
  });
});
