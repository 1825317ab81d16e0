import { configure, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { resident } from "@/testing/fixtures";
import { renderApp } from "@/testing/render";
import { server } from "@/testing/server";
import { signInAs } from "@/testing/signIn";

configure({ asyncUtilTimeout: 3000 });

const privacyV2 = {
  document: "privacy",
  version: 2,
  published_at: "2026-11-30T10:00:00Z",
  content: { en: "<p>We keep <strong>little</strong>.</p>", fr: "<p>Nous gardons peu.</p>" },
};

describe("legal pages", () => {
  it("shows the current privacy policy with its version and date, linked from the footer", async () => {
    server.use(http.get("/api/v1/legal", () => HttpResponse.json({ privacy: privacyV2, terms: null })));
    renderApp("/privacy");
    expect(await screen.findByRole("heading", { level: 1, name: "Privacy policy" })).toBeInTheDocument();
    expect(await screen.findByText("Version 2, published on November 30, 2026")).toBeInTheDocument();
    expect(screen.getByText("little").tagName).toBe("STRONG");
    const footer = screen.getByRole("navigation", { name: "Site information" });
    expect(within(footer).getByRole("link", { name: "Privacy policy" })).toHaveAttribute("href", "/privacy");
    expect(within(footer).getByRole("link", { name: "Terms of use" })).toHaveAttribute("href", "/terms");
  });

  it("says when a page is not published yet", async () => {
    renderApp("/terms");
    expect(await screen.findByRole("heading", { level: 1, name: "Terms of use" })).toBeInTheDocument();
    expect(await screen.findByText("This page has not been published yet.")).toBeInTheDocument();
  });

  it("asks a signed-in resident to accept a newer version, and records the acceptance", async () => {
    let accepted: unknown = null;
    server.use(
      http.get("/api/v1/legal", () => HttpResponse.json({ privacy: privacyV2, terms: null })),
      http.post("/api/v1/me/policies", async ({ request }) => {
        accepted = await request.json();
        return HttpResponse.json({ privacy: 2, terms: null });
      }),
      http.get("/api/v1/me", () => HttpResponse.json({ ...resident, accepted_policies: { privacy: 2 } })),
    );
    signInAs({ ...resident, accepted_policies: { privacy: 1 } });
    renderApp("/");
    const notice = await screen.findByRole("region", { name: /We have updated the following/ });
    expect(within(notice).getByRole("link", { name: "Privacy policy" })).toHaveAttribute("href", "/privacy");
    await userEvent.click(within(notice).getByRole("button", { name: "I accept" }));
    await waitFor(() => expect(accepted).toEqual({ privacy: 2 }));
    await waitFor(() =>
      expect(screen.queryByRole("region", { name: /We have updated the following/ })).not.toBeInTheDocument(),
    );
  });

  it("requires accepting the current versions at sign-up and sends them", async () => {
    let sent: Record<string, unknown> | null = null;
    server.use(
      http.get("/api/v1/legal", () =>
        HttpResponse.json({ privacy: privacyV2, terms: { ...privacyV2, document: "terms", version: 1 } }),
      ),
      http.get("/api/v1/registration", () => HttpResponse.json({ fields: [], areas: [] })),
      http.post("/api/v1/auth/sign-up", async ({ request }) => {
        sent = (await request.json()) as Record<string, unknown>;
        return HttpResponse.json(resident, { status: 201 });
      }),
    );
    renderApp("/sign-up");
    await userEvent.type(await screen.findByLabelText("First name"), "Ada");
    await userEvent.type(screen.getByLabelText("Last name"), "Lovelace");
    await userEvent.type(screen.getByLabelText("Email address"), "ada@example.org");
    await userEvent.type(screen.getByLabelText("Password"), "correct horse battery");
    const consent = screen.getByRole("checkbox", { name: "I accept the privacy policy and the terms of use" });
    expect(within(consent.parentElement as HTMLElement).getByRole("link", { name: "privacy policy" })).toHaveAttribute(
      "href",
      "/privacy",
    );
    await userEvent.click(screen.getByRole("button", { name: "Create account" }));
    // THEN without the box ticked the summary says so and nothing is sent
    const summary = await screen.findByRole("alert");
    expect(
      within(summary).getByRole("link", {
        name: "Accept the privacy policy and terms of use to create your account.",
      }),
    ).toHaveAttribute("href", "#field-accept_policies");
    expect(sent).toBeNull();
    await userEvent.click(consent);
    await userEvent.click(screen.getByRole("button", { name: "Create account" }));
    await waitFor(() => expect(sent).not.toBeNull());
    expect(sent!.accepted_policies).toEqual({ privacy: 2, terms: 1 });
  });
});
