import { screen, waitFor } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { session } from "@/lib/api/client";
import { authSession } from "@/testing/fixtures";
import { renderApp } from "@/testing/render";
import { server } from "@/testing/server";

function countRefreshes(answer: () => Response) {
  const calls: string[] = [];
  server.use(
    http.post("/api/v1/auth/refresh", ({ request }) => {
      calls.push(request.headers.get("X-CSRF-Token") ?? "");
      return answer();
    }),
  );
  return calls;
}

describe("SessionBootstrap", () => {
  it("resumes the session from the cookies on load", async () => {
    // GIVEN the cookies of an earlier sign-in
    document.cookie = "th_csrf=c-1; path=/";
    const calls = countRefreshes(() => HttpResponse.json(authSession()));
    // WHEN the app loads
    renderApp("/");
    // THEN it refreshed once and shows the signed-in navigation
    expect(await screen.findByRole("link", { name: "Your profile" })).toBeInTheDocument();
    expect(calls).toEqual(["c-1"]);
  });

  it("asks nothing of the API for a first-time visitor", async () => {
    // GIVEN no cookies
    const calls = countRefreshes(() => HttpResponse.json(authSession()));
    // WHEN the app loads
    renderApp("/");
    // THEN the visitor is anonymous without a refresh call
    expect(await screen.findByRole("link", { name: "Sign in" })).toBeInTheDocument();
    await waitFor(() => expect(session.getSnapshot().status).toBe("anonymous"));
    expect(calls).toEqual([]);
  });
});
