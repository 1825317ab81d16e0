import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { problem } from "@/testing/handlers";
import { renderApp } from "@/testing/render";
import { server } from "@/testing/server";
import { signInAs } from "@/testing/signIn";

function verificationApi(methods = [{ id: "code", kind: "form", name: null }, { id: "oidc", kind: "redirect", name: "Itsme" }]) {
  let status = { verified_at: null as string | null, method: null as string | null };
  const sent: string[] = [];
  server.use(
    http.get("/api/v1/verification/methods", () => HttpResponse.json({ methods, sign_in: [] })),
    http.get("/api/v1/verification/me", () => HttpResponse.json(status)),
    http.post("/api/v1/verification/code", async ({ request }) => {
      const { code } = (await request.json()) as { code: string };
      sent.push(code);
      if (code !== "LIND-0001-DEMO") return problem(400, "code_used", "This code has been used already.");
      status = { verified_at: "2026-12-04T10:00:00Z", method: "code" };
      return HttpResponse.json(status);
    }),
  );
  return sent;
}

describe("VerifyPage", () => {
  it("verifies with a code, and says why a code is refused", async () => {
    signInAs();
    const sent = verificationApi();
    renderApp("/verify");
    expect(await screen.findByRole("heading", { name: "Verify your identity", level: 1 })).toBeInTheDocument();
    expect(await screen.findByRole("button", { name: "Verify with Itsme" })).toBeInTheDocument();
    const field = screen.getByRole("textbox", { name: "Your verification code" });
    await userEvent.click(screen.getByRole("button", { name: "Verify" }));
    expect(await screen.findByRole("alert")).toHaveFocus();
    await userEvent.type(field, "LIND-0002-DEMO");
    await userEvent.click(screen.getByRole("button", { name: "Verify" }));
    expect(await screen.findByText("This code has been used already.", { selector: "a, li, p" })).toBeInTheDocument();
    await userEvent.clear(field);
    await userEvent.type(field, "LIND-0001-DEMO");
    await userEvent.click(screen.getByRole("button", { name: "Verify" }));
    expect(await screen.findByText(/your identity is verified with your code/)).toBeInTheDocument();
    expect(sent).toEqual(["LIND-0002-DEMO", "LIND-0001-DEMO"]);
  });

  it("shows the provider's refusal and the success of the round trip", async () => {
    signInAs();
    verificationApi();
    const { unmount } = renderApp("/verify?oidc_error=identity_in_use");
    expect(await screen.findByRole("alert")).toHaveTextContent("This identity already verifies another account");
    unmount();
    server.use(
      http.get("/api/v1/verification/me", () => HttpResponse.json({ verified_at: "2026-12-04T10:00:00Z", method: "oidc" })),
    );
    renderApp("/verify?verified=oidc&next=%2Fprojects%2Fpark");
    expect(await screen.findByText(/verified with your provider/)).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Continue where you were" })).toHaveAttribute("href", "/projects/park");
  });

  it("offers sign-in with the provider on the sign-in page", async () => {
    server.use(
      http.get("/api/v1/verification/methods", () => HttpResponse.json({ methods: [], sign_in: [{ id: "oidc", name: "Itsme" }] })),
    );
    renderApp("/sign-in?oidc_error=invalid_state");
    expect(await screen.findByRole("button", { name: "Sign in with Itsme" })).toBeInTheDocument();
    expect(screen.getByRole("alert")).toHaveTextContent("expired or was opened in another browser");
  });

  it("shows the profile's verification", async () => {
    signInAs();
    server.use(
      http.get("/api/v1/verification/me", () => HttpResponse.json({ verified_at: "2026-12-04T10:00:00Z", method: "code" })),
      http.get("/api/v1/me/notification-preferences", () => HttpResponse.json({ email: {} })),
    );
    renderApp("/profile");
    const section = await screen.findByRole("region", { name: "Identity verification" });
    expect(section).toHaveTextContent("Verified on December 4, 2026 with: Verification code.");
  });
});
