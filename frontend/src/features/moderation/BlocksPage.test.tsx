import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { beforeAll, describe, expect, it } from "vitest";
import { problem } from "@/testing/handlers";
import { renderApp } from "@/testing/render";
import { server } from "@/testing/server";
import { moderator, preloadAdmin, signInTeam } from "./moderationTesting";
import type { Block } from "./types";

const block: Block = {
  user: { id: "u-9", display_name: "Sam Spammer", avatar_url: null, former: false },
  until: "2027-01-10T12:00:00Z",
  reason: "Repeated advertising",
  blocked_by: { id: "u-mod", display_name: "Mo M.", avatar_url: null, former: false },
  created_at: "2026-12-03T12:00:00Z",
};

function blocksApi(initial: Block[], refuse = false) {
  let blocks = [...initial];
  const deleted: string[] = [];
  server.use(
    http.get("/api/v1/moderation/blocks", () => HttpResponse.json({ items: blocks, next_cursor: null })),
    http.delete("/api/v1/moderation/blocks/:userId", ({ params }) => {
      if (refuse) return problem(403, "forbidden", "You may not unblock this person.");
      deleted.push(String(params.userId));
      blocks = blocks.filter((item) => item.user.id !== params.userId);
      return new HttpResponse(null, { status: 204 });
    }),
  );
  return deleted;
}

beforeAll(preloadAdmin);

describe("BlocksPage", () => {
  it("lists the blocks and unblocks after a confirmation", async () => {
    // GIVEN one blocked resident, seen by a moderator
    signInTeam(moderator);
    const deleted = blocksApi([block]);
    renderApp("/admin/moderation/blocks");
    const table = await screen.findByRole("table", { name: "People blocked now" });
    expect(within(table).getByText("Repeated advertising")).toBeInTheDocument();
    expect(within(table).getByText(/Mo M\./)).toBeInTheDocument();
    // WHEN the moderator asks to unblock, the question takes focus
    const unblock = screen.getByRole("button", { name: "Unblock Sam Spammer" });
    await userEvent.click(unblock);
    const confirm = screen.getByRole("alertdialog", { name: /Unblock Sam Spammer\?/ });
    expect(within(confirm).getByRole("button", { name: "Cancel" })).toHaveFocus();
    // AND Escape closes it without a request, focus back on the button
    await userEvent.keyboard("{Escape}");
    expect(screen.getByRole("button", { name: "Unblock Sam Spammer" })).toHaveFocus();
    expect(deleted).toEqual([]);
    // WHEN confirmed
    await userEvent.click(screen.getByRole("button", { name: "Unblock Sam Spammer" }));
    await userEvent.click(screen.getByRole("button", { name: "Yes, unblock" }));
    // THEN the block is removed and the list is empty
    await waitFor(() => expect(deleted).toEqual(["u-9"]));
    expect(await screen.findByRole("status")).toHaveTextContent("Sam Spammer can take part again.");
    expect(await screen.findByText("Nobody is blocked.")).toBeInTheDocument();
  });

  it("says why an unblock was refused", async () => {
    signInTeam();
    blocksApi([block], true);
    renderApp("/admin/moderation/blocks");
    await userEvent.click(await screen.findByRole("button", { name: "Unblock Sam Spammer" }));
    await userEvent.click(screen.getByRole("button", { name: "Yes, unblock" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("You are not allowed to do this.");
  });
});
