import { configure, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { CommentsSection } from "@/features/comments";
import type { Me } from "@/lib/api/types";
import { resident } from "@/testing/fixtures";
import { problem } from "@/testing/handlers";
import { idea, ideationHandlers, signInAs } from "@/testing/ideas";
import { renderApp, renderWithProviders } from "@/testing/render";
import { server } from "@/testing/server";
import { grace, thread } from "@/testing/social";

configure({ asyncUtilTimeout: 3000 });

const bea: Me = { ...resident, id: "u-5", first_name: "Bea" };

function serveIdea(value: object = idea) {
  server.use(http.get("/api/v1/ideas/i-1", () => HttpResponse.json(value)), ...ideationHandlers);
}

function reportsApi(answer: () => Response = () => HttpResponse.json({}, { status: 201 })) {
  const bodies: unknown[] = [];
  server.use(
    http.post("/api/v1/reports", async ({ request }) => {
      bodies.push(await request.json());
      return answer();
    }),
  );
  return bodies;
}

describe("ReportButton", () => {
  it("reports an idea with a reason, then thanks the resident", async () => {
    // GIVEN a resident who did not write the idea
    signInAs(bea);
    serveIdea();
    const bodies = reportsApi();
    renderApp("/ideas/i-1");
    // WHEN they open the report dialog
    const open = await screen.findByRole("button", { name: "Report the idea More benches" });
    await userEvent.click(open);
    const dialog = screen.getByRole("dialog", { name: "Report the idea “More benches”" });
    expect(within(dialog).getByRole("heading", { name: "Report the idea “More benches”" })).toHaveFocus();
    // AND send it without a reason
    await userEvent.click(within(dialog).getByRole("button", { name: "Send report" }));
    expect(within(dialog).getByRole("group", { name: "Why are you reporting this?" })).toHaveAccessibleDescription(
      "Choose a reason.",
    );
    expect(bodies).toEqual([]);
    // WHEN they choose spam and send
    await userEvent.click(within(dialog).getByRole("radio", { name: "Spam or advertising" }));
    await userEvent.click(within(dialog).getByRole("button", { name: "Send report" }));
    // THEN the report goes out without an empty note, and they are thanked
    await waitFor(() => expect(bodies).toEqual([{ target_kind: "idea", target_id: "i-1", reason: "spam" }]));
    expect(await screen.findByText("Thank you. A moderator will look at it.")).toHaveAttribute("role", "status");
  });

  it("asks for a note when the reason is something else", async () => {
    signInAs(bea);
    serveIdea();
    const bodies = reportsApi();
    renderApp("/ideas/i-1");
    await userEvent.click(await screen.findByRole("button", { name: "Report the idea More benches" }));
    const dialog = screen.getByRole("dialog");
    await userEvent.click(within(dialog).getByRole("radio", { name: "Something else" }));
    await userEvent.click(within(dialog).getByRole("button", { name: "Send report" }));
    const note = within(dialog).getByRole("textbox", { name: "What is wrong (required)" });
    expect(note).toHaveFocus();
    expect(note).toHaveAccessibleDescription(expect.stringContaining("Say what is wrong, in a few words."));
    await userEvent.type(note, "  Copied from a newspaper  ");
    await userEvent.click(within(dialog).getByRole("button", { name: "Send report" }));
    await waitFor(() =>
      expect(bodies).toEqual([{ target_kind: "idea", target_id: "i-1", reason: "other", note: "Copied from a newspaper" }]),
    );
  });

  it("tells a resident who reported before that it is already with the moderators", async () => {
    signInAs(bea);
    serveIdea();
    reportsApi(() => problem(409, "already_reported", "You already reported this."));
    renderApp("/ideas/i-1");
    await userEvent.click(await screen.findByRole("button", { name: "Report the idea More benches" }));
    await userEvent.click(screen.getByRole("radio", { name: "Inappropriate or offensive" }));
    await userEvent.click(screen.getByRole("button", { name: "Send report" }));
    expect(await screen.findByText(/You have already reported this\./)).toHaveAttribute("role", "status");
  });

  it("closes on Escape and gives focus back to the button", async () => {
    signInAs(bea);
    serveIdea();
    renderApp("/ideas/i-1");
    await userEvent.click(await screen.findByRole("button", { name: "Report the idea More benches" }));
    await userEvent.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(screen.getByRole("button", { name: "Report the idea More benches" })).toHaveFocus();
  });

  it("is not offered to visitors nor to the idea's author", async () => {
    serveIdea();
    renderApp("/ideas/i-1");
    expect(await screen.findByRole("heading", { level: 1, name: "More benches" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /^Report/ })).toBeNull();
  });

  it("reports a comment by someone else, not one's own", async () => {
    // GIVEN Grace's comment and one by the viewer
    signInAs(bea);
    server.use(
      http.get("/api/v1/ideas/i-1", () => HttpResponse.json({ id: "i-1", permissions: { comment: { allowed: true, reason: "ok" } } })),
      http.get("/api/v1/ideas/i-1/comments", () =>
        HttpResponse.json({
          items: [thread({ id: "c-1", author: grace }), thread({ id: "c-2", author: { id: "u-5", display_name: "Bea B.", avatar_url: null, former: false } })],
          next_cursor: null,
        }),
      ),
    );
    const bodies = reportsApi();
    renderWithProviders(<CommentsSection ideaId="i-1" />);
    await userEvent.click(await screen.findByRole("button", { name: "Report the comment by Grace Hopper" }));
    expect(screen.queryByRole("button", { name: "Report the comment by Bea B." })).toBeNull();
    await userEvent.click(screen.getByRole("radio", { name: "Spam or advertising" }));
    await userEvent.click(screen.getByRole("button", { name: "Send report" }));
    await waitFor(() => expect(bodies).toEqual([{ target_kind: "comment", target_id: "c-1", reason: "spam" }]));
  });
});
