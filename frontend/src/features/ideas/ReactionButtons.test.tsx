import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http } from "msw";
import { afterEach, describe, expect, it } from "vitest";
import { problem } from "@/testing/handlers";
import { idea } from "@/testing/ideas";
import { renderWithProviders } from "@/testing/render";
import { server } from "@/testing/server";
import { ReactionButtons } from "./ReactionButtons";

afterEach(() => window.localStorage.clear());

describe("ReactionButtons", () => {
  it("says a refusal the catalogs know in the viewer's language, not the server's English", async () => {
    // GIVEN a French resident and a phase that refuses dislikes
    window.localStorage.setItem("townhall.locale", "fr");
    server.use(
      http.put("/api/v1/ideas/i-1/reaction", () => problem(403, "dislikes_disabled", "Dislikes are off here.")),
    );
    renderWithProviders(<ReactionButtons idea={idea} dislikesEnabled />);
    // WHEN they dislike the idea
    await userEvent.click(await screen.findByRole("button", { name: "Je n’aime pas" }));
    // THEN the refusal is said in French
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Les « je n’aime pas » sont désactivés dans cette phase : ici, vous pouvez seulement aimer les idées.",
    );
  });

  it("translates a reaction changed elsewhere at the same time", async () => {
    server.use(
      http.put("/api/v1/ideas/i-1/reaction", () => problem(409, "already_reacted", "Changed concurrently.")),
    );
    renderWithProviders(<ReactionButtons idea={idea} dislikesEnabled={false} />);
    await userEvent.click(await screen.findByRole("button", { name: "Like" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Your reaction to this idea was changed at the same time in another tab or on another device.",
    );
  });

  it("keeps the server's words for a code the catalogs do not know", async () => {
    server.use(
      http.put("/api/v1/ideas/i-1/reaction", () => problem(409, "brand_new_rule", "A rule the app does not know yet.")),
    );
    renderWithProviders(<ReactionButtons idea={idea} dislikesEnabled={false} />);
    await userEvent.click(await screen.findByRole("button", { name: "Like" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("A rule the app does not know yet.");
  });
});
