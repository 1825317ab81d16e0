import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { authSession, resident } from "@/testing/fixtures";
import { problem } from "@/testing/handlers";
import { server } from "@/testing/server";
import { createApi, unwrap } from "./client";
import { ApiProblem } from "./problem";

const origin = window.location.origin;

describe("the API client's session", () => {
  it("sends the access token it holds as a bearer token", async () => {
    // GIVEN a signed-in session
    const { client, session } = createApi(origin);
    session.establish(authSession(resident, "abc"));
    let seen: string | null = null;
    server.use(
      http.get("/api/v1/me", ({ request }) => {
        seen = request.headers.get("Authorization");
        return HttpResponse.json(resident);
      }),
    );
    // WHEN it calls the API
    await unwrap(client.GET("/api/v1/me"));
    // THEN the token travels in the Authorization header
    expect(seen).toBe("Bearer abc");
  });

  it("refreshes once with the CSRF cookie after a 401 and retries with the new token", async () => {
    // GIVEN an expired access token and a refresh cookie pair
    const { client, session } = createApi(origin);
    session.establish(authSession(resident, "old"));
    document.cookie = "th_csrf=csrf-123; path=/";
    const refreshes: (string | null)[] = [];
    server.use(
      http.post("/api/v1/auth/refresh", ({ request }) => {
        refreshes.push(request.headers.get("X-CSRF-Token"));
        return HttpResponse.json(authSession(resident, "new"));
      }),
      http.get("/api/v1/me", ({ request }) =>
        request.headers.get("Authorization") === "Bearer new"
          ? HttpResponse.json(resident)
          : problem(401, "token_expired", "Your session has expired."),
      ),
    );
    // WHEN two calls fail with 401 at the same time
    const [first, second] = await Promise.all([
      unwrap(client.GET("/api/v1/me")),
      unwrap(client.GET("/api/v1/me")),
    ]);
    // THEN one refresh (with the CSRF header) served both retries
    expect(first.id).toBe(resident.id);
    expect(second.id).toBe(resident.id);
    expect(refreshes).toEqual(["csrf-123"]);
    expect(session.accessToken).toBe("new");
  });

  it("ends the session, marked expired, when the refresh is refused", async () => {
    // GIVEN a session whose refresh cookie is no longer valid
    const { client, session } = createApi(origin);
    session.establish(authSession(resident, "old"));
    server.use(http.get("/api/v1/me", () => problem(401, "token_expired", "Expired.")));
    // WHEN a call fails with 401
    const call = unwrap(client.GET("/api/v1/me"));
    // THEN the caller gets the problem and the UI is told to ask for sign-in
    await expect(call).rejects.toBeInstanceOf(ApiProblem);
    expect(session.getSnapshot()).toEqual({ status: "anonymous", user: null, expired: true });
    expect(session.accessToken).toBeNull();
  });

  it("resumes a session from the refresh cookie on load", async () => {
    // GIVEN a valid refresh cookie
    const { session } = createApi(origin);
    server.use(http.post("/api/v1/auth/refresh", () => HttpResponse.json(authSession())));
    // WHEN the app starts
    const ok = await session.refresh();
    // THEN the person is signed in without typing anything
    expect(ok).toBe(true);
    expect(session.getSnapshot().status).toBe("authenticated");
  });

  it("does not try to refresh when a sign-in itself is refused", async () => {
    // GIVEN wrong credentials
    const { client } = createApi(origin);
    let refreshed = false;
    server.use(
      http.post("/api/v1/auth/sign-in", () => problem(401, "invalid_credentials", "Wrong email or password.")),
      http.post("/api/v1/auth/refresh", () => {
        refreshed = true;
        return problem(401, "not_authenticated", "No.");
      }),
    );
    // WHEN signing in fails
    const call = unwrap(client.POST("/api/v1/auth/sign-in", { body: { email: "a@b.c", password: "x" } }));
    // THEN the problem comes back as is, with no refresh attempt
    await expect(call).rejects.toMatchObject({ status: 401, code: "invalid_credentials" });
    expect(refreshed).toBe(false);
  });

  it("learns of a block from a refusal, so every form can say until when and why", async () => {
    // GIVEN a signed-in resident who was blocked after the page loaded
    const { client, session } = createApi(origin);
    session.establish(authSession(resident, "abc"));
    server.use(
      http.get("/api/v1/me", () =>
        HttpResponse.json(
          {
            type: "urn:townhall:problem:blocked",
            title: "Forbidden",
            status: 403,
            detail: "You are blocked.",
            code: "blocked",
            errors: [],
            blocked_until: "2027-01-05T12:00:00+00:00",
            block_reason: "Repeated insults",
          },
          { status: 403, headers: { "Content-Type": "application/problem+json" } },
        ),
      ),
    );
    // WHEN a request is refused as blocked
    await expect(unwrap(client.GET("/api/v1/me"), session)).rejects.toMatchObject({ code: "blocked" });
    // THEN the session's user carries the block
    expect(session.getSnapshot().user?.blocked).toEqual({
      until: "2027-01-05T12:00:00+00:00",
      reason: "Repeated insults",
    });
  });
});
