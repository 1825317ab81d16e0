import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { beforeAll, describe, expect, it } from "vitest";
import { problem } from "@/testing/handlers";
import { renderApp } from "@/testing/render";
import { server } from "@/testing/server";
import { moderator, preloadAdmin, signInTeam } from "./moderationTesting";
import { parseWords } from "./ProfanityPage";
import type { ProfanitySettings, ProfanityWordsInput } from "./types";

const initial: ProfanitySettings = {
  enabled: true,
  locales: {
    en: { builtin: 120, added: ["bloody"], removed: [] },
    fr: { builtin: 80, added: [], removed: ["con"] },
  },
};

function profanityApi() {
  let settings = structuredClone(initial);
  const sent: { method: string; body: unknown }[] = [];
  server.use(
    http.get("/api/v1/moderation/profanity", () => HttpResponse.json(settings)),
    http.put("/api/v1/moderation/profanity", async ({ request }) => {
      const body = (await request.json()) as { enabled: boolean };
      sent.push({ method: "PUT", body });
      settings = { ...settings, enabled: body.enabled };
      return HttpResponse.json(settings);
    }),
    http.post("/api/v1/moderation/profanity/words", async ({ request }) => {
      const { locale, add = [], remove = [] } = (await request.json()) as ProfanityWordsInput;
      const body = { locale, add, remove };
      sent.push({ method: "POST", body });
      if (body.add.includes("<b>")) return problem(422, "validation_error", "Words are plain text.", [{ field: "add.0", code: "plain_text", message: "Words are plain text." }]);
      const words = settings.locales[body.locale];
      words.added = [...words.added.filter((w) => !body.remove.includes(w)), ...body.add];
      return HttpResponse.json(settings);
    }),
  );
  return sent;
}

beforeAll(preloadAdmin);

describe("ProfanityPage", () => {
  it("shows each language's list and switches the filter off", async () => {
    signInTeam();
    const sent = profanityApi();
    renderApp("/admin/moderation/profanity");
    expect(await screen.findByRole("heading", { name: "Profanity filter", level: 1 })).toBeInTheDocument();
    const english = screen.getByRole("region", { name: "English" });
    expect(within(english).getByText("120 built-in words")).toBeInTheDocument();
    expect(within(screen.getByRole("region", { name: "Français" })).getByRole("list", { name: "Words allowed in Français" })).toHaveTextContent("con");
    const toggle = screen.getByRole("switch", { name: "Refuse ideas and comments with profanity" });
    expect(toggle).toBeChecked();
    await userEvent.click(toggle);
    await waitFor(() => expect(sent).toEqual([{ method: "PUT", body: { enabled: false } }]));
    expect(await screen.findByRole("status")).toHaveTextContent("The filter is off.");
    expect(toggle).not.toBeChecked();
  });

  it("adds words to a language and takes one out", async () => {
    signInTeam();
    const sent = profanityApi();
    renderApp("/admin/moderation/profanity");
    const english = await screen.findByRole("region", { name: "English" });
    await userEvent.type(within(english).getByRole("textbox", { name: "Words to filter in English" }), "Darn, HECK;darn");
    await userEvent.click(within(english).getByRole("button", { name: "Add to the filter" }));
    await waitFor(() => expect(sent).toEqual([{ method: "POST", body: { locale: "en", add: ["darn", "heck"], remove: [] } }]));
    expect(await within(english).findByRole("list", { name: "Words added in English" })).toHaveTextContent(/bloody.*darn.*heck/);
    await userEvent.click(within(english).getByRole("button", { name: "Take bloody out of the filter" }));
    await waitFor(() => expect(sent.at(-1)).toEqual({ method: "POST", body: { locale: "en", add: [], remove: ["bloody"] } }));
  });

  it("says why the server refused a word", async () => {
    signInTeam();
    profanityApi();
    renderApp("/admin/moderation/profanity");
    const english = await screen.findByRole("region", { name: "English" });
    await userEvent.type(within(english).getByRole("textbox", { name: "Words to filter in English" }), "<b>");
    await userEvent.click(within(english).getByRole("button", { name: "Add to the filter" }));
    expect(await within(english).findByRole("alert")).toHaveTextContent("Words are plain text.");
  });

  it("is for admins only", async () => {
    signInTeam(moderator);
    renderApp("/admin/moderation/profanity");
    expect(await screen.findByRole("heading", { name: "You do not have access to this page" })).toBeInTheDocument();
  });

  it("splits typed words on commas, semicolons and lines, once each", () => {
    expect(parseWords(" Foo, bar;\nfoo ,, ")).toEqual(["foo", "bar"]);
  });
});
