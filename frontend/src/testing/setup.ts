import "@testing-library/jest-dom/vitest";
import { cleanup } from "@testing-library/react";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { session } from "@/lib/api/client";
import { server } from "./server";

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
// Every test starts as a visitor who already chose (functional cookies only), so the cookie
// banner stays out of the way; the consent tests clear this cookie first.
beforeEach(() => {
  document.cookie = "th_consent=v1.a0.m0; path=/";
});
afterEach(() => {
  cleanup();
  server.resetHandlers();
  session.reset();
  window.localStorage.clear();
  document.cookie = "th_csrf=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/";
  document.cookie = "th_consent=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/";
});
afterAll(() => server.close());
