import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { accepted, ideaCard, ideationHandlers } from "@/testing/ideas";
import { renderWithProviders } from "@/testing/render";
import { server } from "@/testing/server";
import { formerResident } from "@/testing/social";
import { IdeaList } from "./IdeaList";
import { ideationConfig } from "./phase";
import { wordingFor } from "./wording";
import { ideationPhase } from "@/testing/ideas";

const config = ideationConfig(ideationPhase);

/** Serve the idea list, recording each request's query. */
function serveList(pages: Record<string, { items: ReturnType<typeof ideaCard>[]; next_cursor: string | null }>) {
  const queries: URLSearchParams[] = [];
  server.use(
    ...ideationHandlers,
    http.get("/api/v1/projects/p-1/phases/ph-ideas/ideas", ({ request }) => {
      const query = new URL(request.url).searchParams;
      queries.push(query);
      return HttpResponse.json(pages[query.get("cursor") ?? "first"] ?? { items: [], next_cursor: null });
    }),
  );
  return queries;
}

describe("IdeaList", () => {
  it("shows cards with image, author, counts and an accessible status", async () => {
    serveList({
      first: {
        items: [
          ideaCard(1, {
            status: accepted,
            image: { key: "k", url: "http://x/a.png", thumbnail_url: "http://x/a-480.webp" },
            dislikes: 2,
          }),
        ],
        next_cursor: null,
      },
    });
    const { container } = renderWithProviders(<IdeaList projectId="p-1" phaseId="ph-ideas" config={config} />);
    const link = await screen.findByRole("link", { name: "Idea 1" });
    const card = link.closest("article") as HTMLElement;
    expect(card).toHaveTextContent("by Bea B.");
    expect(card).toHaveTextContent("1 like");
    expect(card).toHaveTextContent("2 dislikes");
    expect(card).toHaveTextContent("1 comment");
    expect(card).toHaveTextContent("Status: Accepted");
    expect(container.querySelector("img")).toHaveAttribute("src", "http://x/a-480.webp");
  });

  it("names the author of a kept idea whose account was deleted in the viewer's language", async () => {
    window.localStorage.setItem("townhall.locale", "fr");
    serveList({ first: { items: [ideaCard(1, { author: formerResident })], next_cursor: null } });
    renderWithProviders(<IdeaList projectId="p-1" phaseId="ph-ideas" config={config} />);
    const link = await screen.findByRole("link", { name: "Idea 1" });
    expect(link.closest("article")).toHaveTextContent("par Ancien habitant");
  });

  it("sorts, filters by topic and status, and keeps a per-visitor seed for random", async () => {
    const queries = serveList({ first: { items: [ideaCard(1)], next_cursor: null } });
    renderWithProviders(<IdeaList projectId="p-1" phaseId="ph-ideas" config={config} />);
    await screen.findByRole("link", { name: "Idea 1" });
    expect(queries[0].get("sort")).toBe("trending");

    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Sort by" }), "Random");
    await waitFor(() => expect(queries.at(-1)?.get("sort")).toBe("random"));
    const seed = queries.at(-1)?.get("seed");
    expect(seed).toMatch(/^[0-9a-f]{16}$/);
    expect(window.localStorage.getItem("townhall.ideas.randomSeed")).toBe(seed);

    // Only the project's topics are offered.
    const topic = screen.getByRole("combobox", { name: "Topic" });
    expect(screen.queryByRole("option", { name: "Not in this project" })).not.toBeInTheDocument();
    await userEvent.selectOptions(topic, "Play");
    await waitFor(() => expect(queries.at(-1)?.get("topic")).toBe("t-play"));
    await userEvent.selectOptions(await screen.findByRole("combobox", { name: "Status" }), "Accepted");
    await waitFor(() => expect(queries.at(-1)?.get("status")).toBe("st-accepted"));
    expect(queries.at(-1)?.get("seed")).toBe(seed);
  });

  it("searches when Enter is pressed", async () => {
    const queries = serveList({ first: { items: [ideaCard(1)], next_cursor: null } });
    renderWithProviders(<IdeaList projectId="p-1" phaseId="ph-ideas" config={config} />);
    await screen.findByRole("link", { name: "Idea 1" });
    await userEvent.type(screen.getByRole("searchbox", { name: "Search ideas" }), "bench{Enter}");
    await waitFor(() => expect(queries.at(-1)?.get("q")).toBe("bench"));
  });

  it("searches after a pause in typing", async () => {
    const queries = serveList({ first: { items: [], next_cursor: null } });
    renderWithProviders(<IdeaList projectId="p-1" phaseId="ph-ideas" config={config} />);
    await screen.findByText("No ideas yet. Be the first to post one!");
    await userEvent.type(screen.getByRole("searchbox", { name: "Search ideas" }), "tree");
    await waitFor(() => expect(queries.at(-1)?.get("q")).toBe("tree"));
    expect(await screen.findByText("No ideas match your search or filters.")).toBeInTheDocument();
  });

  it("loads the next page with the cursor and moves focus to the first new idea", async () => {
    const queries = serveList({
      first: { items: [ideaCard(1), ideaCard(2)], next_cursor: "c2" },
      c2: { items: [ideaCard(3)], next_cursor: null },
    });
    renderWithProviders(<IdeaList projectId="p-1" phaseId="ph-ideas" config={config} />);
    await userEvent.click(await screen.findByRole("button", { name: "Load more ideas" }));
    const third = await screen.findByRole("link", { name: "Idea 3" });
    expect(queries.at(-1)?.get("cursor")).toBe("c2");
    await waitFor(() => expect(third).toHaveFocus());
    expect(screen.getByRole("status")).toHaveTextContent("3 ideas shown");
    expect(screen.queryByRole("button", { name: "Load more ideas" })).not.toBeInTheDocument();
  });

  it("switches between cards and the map with toggle buttons", async () => {
    serveList({ first: { items: [ideaCard(1)], next_cursor: null } });
    let pinsAsked = 0;
    server.use(
      http.get("/api/v1/projects/p-1/phases/ph-ideas/idea-pins", () => {
        pinsAsked += 1;
        return HttpResponse.json({ items: [{ id: "i-1", title: { en: "Idea 1" }, lat: 50.85, lng: 4.35, status_color: null }] });
      }),
    );
    renderWithProviders(<IdeaList projectId="p-1" phaseId="ph-ideas" config={config} />);
    const cards = await screen.findByRole("button", { name: "Cards" });
    const map = screen.getByRole("button", { name: "Map" });
    expect(cards).toHaveAttribute("aria-pressed", "true");
    await userEvent.click(map);
    expect(map).toHaveAttribute("aria-pressed", "true");
    expect(await screen.findByText("1 idea on the map. The cards view lists every idea.")).toBeInTheDocument();
    expect(await screen.findByRole("region", { name: "Map of ideas" })).toBeInTheDocument();
    expect(pinsAsked).toBe(1);
  });

  it("names a proposals phase's map after its proposals", async () => {
    serveList({ first: { items: [ideaCard(1)], next_cursor: null } });
    server.use(
      http.get("/api/v1/projects/p-1/phases/ph-ideas/idea-pins", () =>
        HttpResponse.json({ items: [{ id: "i-1", title: { en: "Idea 1" }, lat: 50.85, lng: 4.35, status_color: null }] }),
      ),
    );
    renderWithProviders(<IdeaList projectId="p-1" phaseId="ph-ideas" config={config} words={wordingFor("proposals")} />);
    await userEvent.click(await screen.findByRole("button", { name: "Map" }));
    expect(await screen.findByText("1 proposal on the map. The cards view lists every proposal.")).toBeInTheDocument();
    expect(await screen.findByRole("region", { name: "Map of proposals" })).toBeInTheDocument();
  });

  it("filters the map with the list's topic, status and search, and has no sort there", async () => {
    serveList({ first: { items: [ideaCard(1)], next_cursor: null } });
    const pinQueries: URLSearchParams[] = [];
    server.use(
      http.get("/api/v1/projects/p-1/phases/ph-ideas/idea-pins", ({ request }) => {
        const query = new URL(request.url).searchParams;
        pinQueries.push(query);
        const matches = query.get("q") === "bench" ? [] : [{ id: "i-1", title: { en: "Idea 1" }, lat: 50.85, lng: 4.35, status_color: null }];
        return HttpResponse.json({ items: matches });
      }),
    );
    renderWithProviders(<IdeaList projectId="p-1" phaseId="ph-ideas" config={config} />);
    await screen.findByRole("link", { name: "Idea 1" });
    // GIVEN a topic chosen on the cards
    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Topic" }), "Play");
    // WHEN the visitor switches to the map
    await userEvent.click(screen.getByRole("button", { name: "Map" }));
    // THEN the map asks for the same topic, and the filters stay while the sort goes
    await waitFor(() => expect(pinQueries.at(-1)?.get("topic")).toBe("t-play"));
    expect(screen.getByRole("combobox", { name: "Topic" })).toHaveValue("t-play");
    expect(screen.queryByRole("combobox", { name: "Sort by" })).not.toBeInTheDocument();
    // AND a status and a search chosen on the map narrow its pins too
    await userEvent.selectOptions(await screen.findByRole("combobox", { name: "Status" }), "Accepted");
    await waitFor(() => expect(pinQueries.at(-1)?.get("status")).toBe("st-accepted"));
    await userEvent.type(screen.getByRole("searchbox", { name: "Search ideas" }), "bench{Enter}");
    await waitFor(() => expect(pinQueries.at(-1)?.get("q")).toBe("bench"));
    expect(pinQueries.at(-1)?.get("topic")).toBe("t-play");
    expect(await screen.findByText("No idea on the map matches your search or filters.")).toBeInTheDocument();
    // AND back on the cards, the list keeps them
    await userEvent.click(screen.getByRole("button", { name: "Cards" }));
    expect(screen.getByRole("combobox", { name: "Sort by" })).toBeInTheDocument();
  });

  it("starts on the map when the phase presents ideas on a map", async () => {
    serveList({ first: { items: [], next_cursor: null } });
    server.use(http.get("/api/v1/projects/p-1/phases/ph-ideas/idea-pins", () => HttpResponse.json({ items: [] })));
    renderWithProviders(<IdeaList projectId="p-1" phaseId="ph-ideas" config={{ ...config, presentation: "map" }} />);
    expect(await screen.findByRole("button", { name: "Map" })).toHaveAttribute("aria-pressed", "true");
    expect(await screen.findByText("No idea has a location yet.")).toBeInTheDocument();
  });
});
