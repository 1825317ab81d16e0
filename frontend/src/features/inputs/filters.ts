/**
 * The input manager's filters live in the page's URL query, so a view can be
 * reloaded, bookmarked and shared. These helpers convert between the URL, the
 * form's state and the API's query parameters.
 */
import type { InputQueryParams, InputSort } from "./types";

export const SORTS: InputSort[] = ["newest", "oldest", "most_liked", "most_commented"];

export interface InputFilters {
  project: string;
  phase: string;
  topic: string;
  status: string;
  /** "" anyone, "me", "none" (unassigned) or a person's id. */
  assignee: string;
  reported: boolean;
  /** Proposals that reached their signatures only. */
  reached: boolean;
  /** Dates as the date inputs give them: YYYY-MM-DD. */
  from: string;
  to: string;
  q: string;
  sort: InputSort;
}

export const NO_FILTERS: InputFilters = {
  project: "",
  phase: "",
  topic: "",
  status: "",
  assignee: "",
  reported: false,
  reached: false,
  from: "",
  to: "",
  q: "",
  sort: "newest",
};

const TEXT_KEYS = ["project", "phase", "topic", "status", "assignee", "from", "to", "q"] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The filters a URL query describes; unknown or malformed values fall back to "no filter". */
export function filtersFromSearch(search: URLSearchParams): InputFilters {
  const filters: InputFilters = { ...NO_FILTERS };
  for (const key of TEXT_KEYS) filters[key] = search.get(key)?.trim() ?? "";
  // A phase belongs to a project: without the project it means nothing.
  if (!filters.project) filters.phase = "";
  for (const key of ["from", "to"] as const) if (!DATE.test(filters[key])) filters[key] = "";
  filters.reported = search.get("reported") === "true";
  filters.reached = search.get("reached") === "true";
  const sort = search.get("sort") as InputSort | null;
  filters.sort = sort && SORTS.includes(sort) ? sort : "newest";
  return filters;
}

/** The URL query for `filters`: only what differs from no filter, in a stable order. */
export function searchFromFilters(filters: InputFilters): URLSearchParams {
  const search = new URLSearchParams();
  for (const key of TEXT_KEYS) {
    const value = filters[key].trim();
    if (value && !(key === "phase" && !filters.project)) search.set(key, value);
  }
  if (filters.reported) search.set("reported", "true");
  if (filters.reached) search.set("reached", "true");
  if (filters.sort !== "newest") search.set("sort", filters.sort);
  return search;
}

/** The query parameters of `GET /manage/inputs` (without cursor and limit) for `filters`. */
export function apiQuery(filters: InputFilters): Omit<InputQueryParams, "cursor" | "limit"> {
  const query: Omit<InputQueryParams, "cursor" | "limit"> = { sort: filters.sort };
  for (const key of TEXT_KEYS) {
    const value = filters[key].trim();
    if (value && !(key === "phase" && !filters.project)) query[key] = value;
  }
  if (filters.reported) query.reported = true;
  if (filters.reached) query.reached = true;
  return query;
}

/** Whether any filter narrows the list (the sort does not). */
export function isFiltered(filters: InputFilters): boolean {
  return searchFromFilters({ ...filters, sort: "newest" }).size > 0;
}
