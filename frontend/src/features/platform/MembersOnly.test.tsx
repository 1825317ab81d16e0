import { screen, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { platform, projectSummary } from "@/testing/fixtures";
import { renderApp } from "@/testing/render";
import { server } from "@/testing/server";
import { signInAs } from "@/testing/signIn";

function closedPlatform() {
  server.use(
    http.get("/api/v1/platform", () => HttpResponse.json({ ...platform, access: { visit: "signed_in", follow: "signed_in" } })),
    http.get("/api/v1/projects", () => HttpResponse.json({ items: [projectSummary], next_cursor: null })),
    http.get("/api/v1/folders", () => HttpResponse.json({ items: [], next_cursor: null })),
  );
}

describe("MembersOnly", () => {
  it("shows visitors of a platform for signed-in residents the way in, and back here", async () => {
    closedPlatform();
    renderApp("/projects/new-park");
    const notice = (await screen.findByRole("heading", { name: "City of Alpha is for its residents", level: 1 })).closest("section");
    expect(notice).not.toBeNull();
    const way = within(notice as HTMLElement);
    expect(way.getByRole("link", { name: "Sign in" })).toHaveAttribute("href", "/sign-in?next=%2Fprojects%2Fnew-park");
    expect(way.getByRole("link", { name: "Create an account" })).toHaveAttribute("href", "/sign-up");
  });

  it("shows signed-in residents the content", async () => {
    closedPlatform();
    signInAs();
    renderApp("/");
    expect(await screen.findByRole("link", { name: "A new park" })).toBeInTheDocument();
    expect(screen.queryByRole("heading", { name: /is for its residents/ })).toBeNull();
  });
});
