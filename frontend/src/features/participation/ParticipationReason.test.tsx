import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { afterEach, describe, expect, it } from "vitest";
import { session } from "@/lib/api/client";
import { resident } from "@/testing/fixtures";
import { renderWithProviders } from "@/testing/render";
import { server } from "@/testing/server";
import { signInAs } from "@/testing/signIn";
import { ParticipationReason } from "./ParticipationReason";

afterEach(() => session.clear(false));

describe("ParticipationReason", () => {
  it("sends a resident who must verify to the verification page, and from there back here", async () => {
    renderWithProviders(<ParticipationReason reason="not_verified" action="comment" />);
    expect(await screen.findByText(/Commenting here is open to residents who verified/)).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Verify your identity" })).toHaveAttribute("href", "/verify?next=%2F");
  });

  it("sends the confirmation link again to a resident who has not confirmed their email", async () => {
    signInAs({ ...resident, email_confirmed: false });
    const asked: unknown[] = [];
    server.use(
      http.post("/api/v1/auth/resend-confirmation", async ({ request }) => {
        asked.push(await request.json());
        return new HttpResponse(null, { status: 202 });
      }),
    );
    renderWithProviders(<ParticipationReason reason="email_not_confirmed" action="post_input" />);
    await userEvent.click(await screen.findByRole("button", { name: "Send the link again" }));
    expect(await screen.findByText("We sent a new link to ada@example.org.")).toBeInTheDocument();
    expect(asked).toEqual([{ email: "ada@example.org" }]);
  });

  it.each([
    ["not_in_group", "Reacting here is open to certain groups of residents, and you are not in them."],
    ["manager_only", "Only the project's team can react here."],
    ["phase_closed", "This phase is closed: reactions are no longer possible."],
    ["action_disabled", "Reactions are turned off in this phase."],
    ["blocked", "Your account is blocked for now, so you cannot react."],
  ])("explains %s", async (reason, text) => {
    renderWithProviders(<ParticipationReason reason={reason} action="react" inline />);
    expect(await screen.findByText(text)).toBeInTheDocument();
  });

  it.each([
    ["not_signed_in", "Sign in to sign this proposal."],
    ["not_in_group", "Signing proposals here is open to certain groups of residents, and you are not in them."],
    ["phase_closed", "This phase is closed: proposals can no longer be signed."],
    ["action_disabled", "Signing proposals is turned off in this phase."],
    ["deadline_passed", "This proposal no longer collects signatures: its deadline has passed."],
  ])("explains %s to a resident who would sign", async (reason, text) => {
    renderWithProviders(<p data-testid="reason"><ParticipationReason reason={reason} action="sign" inline /></p>);
    expect(await screen.findByTestId("reason")).toHaveTextContent(text);
  });
});
