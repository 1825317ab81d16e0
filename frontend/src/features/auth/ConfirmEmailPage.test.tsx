import { screen } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { session } from "@/lib/api/client";
import { authSession } from "@/testing/fixtures";
import { problem } from "@/testing/handlers";
import { renderApp } from "@/testing/render";
import { server } from "@/testing/server";

describe("ConfirmEmailPage", () => {
  it("confirms the token from the link once and signs the person in", async () => {
    // GIVEN the link from the confirmation email
    const tokens: string[] = [];
    server.use(
      http.post("/api/v1/auth/confirm-email", async ({ request }) => {
        tokens.push(((await request.json()) as { token: string }).token);
        return HttpResponse.json(authSession());
      }),
    );
    // WHEN the person opens it
    renderApp("/confirm-email?token=abc123");
    // THEN the token was sent once and they are signed in
    expect(await screen.findByText(/Your email address is confirmed/)).toBeInTheDocument();
    expect(tokens).toEqual(["abc123"]);
    expect(session.getSnapshot().status).toBe("authenticated");
    expect(screen.getByRole("link", { name: "Your profile" })).toBeInTheDocument();
  });

  it("explains a used or expired link", async () => {
    server.use(
      http.post("/api/v1/auth/confirm-email", () =>
        problem(400, "invalid_token", "This link has expired or was already used."),
      ),
    );
    renderApp("/confirm-email?token=old");
    expect(await screen.findByRole("alert")).toHaveTextContent("This link has expired or was already used.");
  });
});
