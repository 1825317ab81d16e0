import { screen, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { session } from "@/lib/api/client";
import { admin, authSession, platform, resident } from "@/testing/fixtures";
import { renderApp } from "@/testing/render";
import { server } from "@/testing/server";

describe("Layout", () => {
  it("has a skip link, the landmarks and the platform's branding", async () => {
    // GIVEN a platform with its own colours
    server.use(
      http.get("/api/v1/platform", () =>
        HttpResponse.json({ ...platform, branding: { ...platform.branding, primary_color: "#0b5394" } }),
      ),
    );
    // WHEN any page is shown
    renderApp("/");
    await screen.findByRole("heading", { level: 1 });
    // THEN it can be skipped to, has its landmarks, and is themed through CSS custom properties
    expect(screen.getByRole("link", { name: "Skip to main content" })).toHaveAttribute("href", "#main-content");
    expect(screen.getByRole("banner")).toBeInTheDocument();
    expect(screen.getByRole("navigation", { name: "Main" })).toBeInTheDocument();
    expect(screen.getByRole("main")).toHaveAttribute("id", "main-content");
    expect(screen.getByRole("contentinfo")).toHaveTextContent("City of Alpha");
    expect(document.documentElement.style.getPropertyValue("--color-primary")).toBe("#0b5394");
    expect(document.documentElement.style.getPropertyValue("--color-on-primary")).toBe("#ffffff");
  });

  it.each([
    ["a moderator", { ...resident, id: "u-mod", roles: [{ role: "moderator" as const, scope: ["p1"] }] }, true],
    ["a resident", resident, false],
  ])("offers the back-office to %s: %s", async (_who, user, offered) => {
    // GIVEN a signed-in person with (or without) a team role
    server.use(http.post("/api/v1/auth/refresh", () => HttpResponse.json(authSession(user))));
    session.establish(authSession(user));
    renderApp("/");
    // THEN the main navigation links to the back-office only for team members
    const nav = await screen.findByRole("navigation", { name: "Main" });
    await within(nav).findByRole("button", { name: "Sign out" });
    expect(within(nav).queryByRole("link", { name: "Back-office" }) !== null).toBe(offered);
  });

  it("offers the back-office to admins", async () => {
    // GIVEN a signed-in admin
    server.use(http.post("/api/v1/auth/refresh", () => HttpResponse.json(authSession(admin))));
    session.establish(authSession(admin));
    renderApp("/");
    // THEN the main navigation links to it
    const nav = await screen.findByRole("navigation", { name: "Main" });
    expect(within(nav).getByRole("link", { name: "Back-office" })).toHaveAttribute("href", "/admin");
    expect(within(nav).getByRole("button", { name: "Sign out" })).toBeInTheDocument();
  });
});
