import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { problem } from "@/testing/handlers";
import { server } from "@/testing/server";
import { EXPORT_POLL_MS } from "./api";
import { inputsApi, renderPage } from "./inputsTesting";
import type { ExportJob } from "./types";

const queued: ExportJob = {
  id: "x-1",
  format: "csv",
  status: "queued",
  rows_written: 0,
  created_at: "2026-02-01T10:00:00Z",
  finished_at: null,
  download_url: null,
  expires_at: null,
  error: null,
};

/** The export routes: the job is created queued, then each poll answers the next state. */
function exportsApi(states: Partial<ExportJob>[]) {
  const created: unknown[] = [];
  let polls = 0;
  server.use(
    http.post("/api/v1/manage/exports", async ({ request }) => {
      created.push(await request.json());
      return HttpResponse.json(queued, { status: 202 });
    }),
    http.get("/api/v1/manage/exports/x-1", () => {
      const state = states[Math.min(polls, states.length - 1)];
      polls += 1;
      return HttpResponse.json({ ...queued, ...state });
    }),
  );
  return { created, polls: () => polls };
}

async function nextPoll() {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(EXPORT_POLL_MS);
  });
}

describe("ExportPanel", () => {
  beforeEach(() => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("exports the filtered view and shows the progress until the download link", async () => {
    // GIVEN a filtered view and an export that runs, then finishes
    inputsApi();
    const api = exportsApi([
      { status: "running", rows_written: 500 },
      { status: "running", rows_written: 1200 },
      {
        status: "done",
        rows_written: 1500,
        finished_at: "2026-02-01T10:01:00Z",
        download_url: "https://exports.example/x-1.csv?signature=abc",
        expires_at: "2026-02-01T10:16:00Z",
      },
    ]);
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    renderPage("/admin/inputs?project=p-1&reported=true&sort=most_liked");
    const panel = await screen.findByRole("region", { name: "Export this list" });
    // WHEN csv is chosen and the export started
    await user.selectOptions(within(panel).getByRole("combobox", { name: "File format" }), "Comma-separated values (.csv)");
    await user.click(within(panel).getByRole("button", { name: "Export" }));
    // THEN the job is asked for with the current filters
    await waitFor(() =>
      expect(api.created).toEqual([{ format: "csv", query: { sort: "most_liked", project: "p-1", reported: true } }]),
    );
    const status = within(panel).getByRole("status");
    // AND the panel says how far it is, poll after poll, and cannot start a second one meanwhile
    await waitFor(() => expect(status).toHaveTextContent(/waiting to start|500 rows written/));
    expect(within(panel).getByRole("button", { name: "Export" })).toBeDisabled();
    await nextPoll();
    await waitFor(() => expect(status).toHaveTextContent("1,200 rows written so far"));
    await nextPoll();
    const link = await within(status).findByRole("link", { name: "Download the export (CSV, 1,500 rows)" });
    expect(link).toHaveAttribute("href", "https://exports.example/x-1.csv?signature=abc");
    expect(within(panel).getByRole("button", { name: "Export" })).toBeEnabled();
    // AND polling stops once it is done
    const polls = api.polls();
    await nextPoll();
    await nextPoll();
    expect(api.polls()).toBe(polls);
  });

  it("shows the job's error when the export failed", async () => {
    inputsApi();
    exportsApi([{ status: "failed", error: "The list could not be read: try a narrower filter." }]);
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    renderPage();
    const panel = await screen.findByRole("region", { name: "Export this list" });
    await user.click(within(panel).getByRole("button", { name: "Export" }));
    await nextPoll();
    const status = within(panel).getByRole("status");
    await waitFor(() => expect(status).toHaveTextContent("The export failed."));
    expect(status).toHaveTextContent("The list could not be read: try a narrower filter.");
  });

  it("says why an export could not start", async () => {
    inputsApi();
    server.use(
      http.post("/api/v1/manage/exports", () =>
        problem(429, "too_many_exports", "Wait for your running export to finish before starting another."),
      ),
    );
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    renderPage();
    const panel = await screen.findByRole("region", { name: "Export this list" });
    await user.click(within(panel).getByRole("button", { name: "Export" }));
    expect(await within(panel).findByRole("alert")).toHaveTextContent(
      "Wait for your running export to finish before starting another.",
    );
  });
});
