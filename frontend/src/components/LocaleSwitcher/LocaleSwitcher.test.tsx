import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { LOCALE_STORAGE_KEY } from "@/config/locales";
import { session } from "@/lib/api/client";
import { authSession, resident } from "@/testing/fixtures";
import { renderApp } from "@/testing/render";
import { server } from "@/testing/server";

describe("LocaleSwitcher", () => {
  it("offers only the platform's enabled languages", async () => {
    renderApp("/sign-in");
    const select = await screen.findByRole("combobox", { name: "Language" });
    const options = Array.from(select.querySelectorAll("option")).map((option) => option.value);
    expect(options).toEqual(["en", "fr", "de"]);
  });

  it("switches the interface language and remembers the choice", async () => {
    // GIVEN the sign-in page in English
    renderApp("/sign-in");
    await screen.findByRole("heading", { name: "Sign in", level: 1 });
    // WHEN French is chosen
    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Language" }), "fr");
    // THEN the page is in French, the document says so, and the choice is stored
    expect(await screen.findByRole("heading", { name: "Se connecter", level: 1 })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe("fr");
    expect(window.localStorage.getItem(LOCALE_STORAGE_KEY)).toBe("fr");
  });

  it("saves the choice on the profile of a signed-in person", async () => {
    // GIVEN a signed-in resident
    const patched: unknown[] = [];
    server.use(
      http.post("/api/v1/auth/refresh", () => HttpResponse.json(authSession())),
      http.patch("/api/v1/me", async ({ request }) => {
        patched.push(await request.json());
        return HttpResponse.json({ ...resident, locale: "de" });
      }),
    );
    session.establish(authSession());
    renderApp("/");
    // WHEN they choose German
    await userEvent.selectOptions(await screen.findByRole("combobox", { name: "Language" }), "de");
    // THEN their profile is updated
    await waitFor(() => expect(patched).toEqual([{ locale: "de" }]));
  });
});
