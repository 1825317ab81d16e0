import { describe, expect, it } from "vitest";
import { NO_FILTERS, apiQuery, filtersFromSearch, isFiltered, searchFromFilters } from "./filters";

describe("input manager filters", () => {
  it("round-trips every filter through the URL query", () => {
    // GIVEN filters on every field
    const filters = {
      project: "p-1",
      phase: "ph-2",
      topic: "t-1",
      status: "s-1",
      assignee: "me",
      reported: true,
      reached: true,
      from: "2026-01-01",
      to: "2026-01-31",
      q: "bench",
      sort: "most_liked" as const,
    };
    // WHEN they go to the URL and back
    const search = searchFromFilters(filters);
    // THEN nothing is lost, and the URL reads like the filters
    expect(search.toString()).toBe(
      "project=p-1&phase=ph-2&topic=t-1&status=s-1&assignee=me&from=2026-01-01&to=2026-01-31&q=bench&reported=true&reached=true&sort=most_liked",
    );
    expect(filtersFromSearch(search)).toEqual(filters);
  });

  it("keeps an empty view out of the URL and the newest sort implicit", () => {
    expect(searchFromFilters(NO_FILTERS).toString()).toBe("");
    expect(isFiltered({ ...NO_FILTERS, sort: "oldest" })).toBe(false);
    expect(isFiltered({ ...NO_FILTERS, reported: true })).toBe(true);
    expect(isFiltered({ ...NO_FILTERS, reached: true })).toBe(true);
  });

  it("ignores malformed values in a shared link", () => {
    // GIVEN a link someone edited by hand
    const filters = filtersFromSearch(new URLSearchParams("phase=ph-2&from=yesterday&sort=best&reported=yes"));
    // THEN the phase without its project, the bad date, sort and flag fall back to no filter
    expect(filters).toEqual(NO_FILTERS);
  });

  it("asks the API only for what narrows the list", () => {
    expect(apiQuery(NO_FILTERS)).toEqual({ sort: "newest" });
    expect(apiQuery({ ...NO_FILTERS, assignee: "none", reported: true, reached: true, q: "  tree  " })).toEqual({
      sort: "newest",
      assignee: "none",
      reported: true,
      reached: true,
      q: "tree",
    });
  });
});
