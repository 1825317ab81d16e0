import { configure, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { problem } from "@/testing/handlers";
import { renderWithProviders } from "@/testing/render";
import { server } from "@/testing/server";
import { signInAs } from "@/testing/signIn";
import { FollowButton } from "./FollowButton";

// Rendering inside the app's providers is slow on a loaded machine: allow more than the default second.
configure({ asyncUtilTimeout: 3000 });

describe("FollowButton", () => {
  it("follows and unfollows with a toggle button", async () => {
    // GIVEN a resident who does not follow the idea yet
    let following = false;
    const calls: string[] = [];
    server.use(
      http.get("/api/v1/follows/idea/i-1", () => HttpResponse.json({ following })),
      http.put("/api/v1/follows/idea/i-1", () => {
        calls.push("PUT");
        following = true;
        return HttpResponse.json({ following });
      }),
      http.delete("/api/v1/follows/idea/i-1", () => {
        calls.push("DELETE");
        following = false;
        return HttpResponse.json({ following });
      }),
    );
    signInAs();
    renderWithProviders(<FollowButton kind="idea" id="i-1" />);
    const button = await screen.findByRole("button", { name: "Follow" });
    await screen.findByRole("button", { name: "Follow", pressed: false });
    expect(button).toBeEnabled();
    // WHEN they follow
    await userEvent.click(button);
    // THEN the button is pressed and the state is said in words
    expect(await screen.findByRole("button", { name: "Follow", pressed: true })).toBeInTheDocument();
    expect(screen.getByRole("status")).toHaveTextContent("Following");
    // WHEN they unfollow
    await userEvent.click(screen.getByRole("button", { name: "Follow" }));
    expect(await screen.findByRole("button", { name: "Follow", pressed: false })).toBeInTheDocument();
    expect(calls).toEqual(["PUT", "DELETE"]);
  });

  it("invites visitors to sign in and come back", async () => {
    renderWithProviders(<FollowButton kind="idea" id="i-1" />);
    const link = await screen.findByRole("link", { name: "Sign in to follow" });
    expect(link).toHaveAttribute("href", `/sign-in?next=${encodeURIComponent("/")}`);
    expect(screen.queryByRole("button", { name: "Follow" })).toBeNull();
  });

  it("tells a resident the platform keeps following for verified residents, and how to qualify", async () => {
    server.use(
      http.get("/api/v1/follows/idea/i-1", () => HttpResponse.json({ following: false })),
      http.put("/api/v1/follows/idea/i-1", () => problem(403, "not_verified", "Verify your identity first.")),
    );
    signInAs();
    renderWithProviders(<FollowButton kind="idea" id="i-1" />);
    await userEvent.click(await screen.findByRole("button", { name: "Follow", pressed: false }));
    expect(await screen.findByRole("alert")).toHaveTextContent("open to residents who verified their identity");
    expect(screen.getByRole("link", { name: "Verify your identity" })).toHaveAttribute("href", "/verify?next=%2F");
  });

  it("says when the choice could not be saved", async () => {
    server.use(http.put("/api/v1/follows/idea/i-1", () => problem(404, "not_found", "Not found.")));
    signInAs();
    renderWithProviders(<FollowButton kind="idea" id="i-1" />);
    await userEvent.click(await screen.findByRole("button", { name: "Follow", pressed: false }));
    expect(await screen.findByRole("alert")).toHaveTextContent("could not be saved");
    expect(screen.getByRole("button", { name: "Follow" })).toHaveAttribute("aria-pressed", "false");
  });
});
