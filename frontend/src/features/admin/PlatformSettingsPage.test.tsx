import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { beforeAll, describe, expect, it } from "vitest";
import { platform } from "@/testing/fixtures";
import { renderApp } from "@/testing/render";
import { server } from "@/testing/server";
import { preloadAdmin, signInAdmin } from "./adminTesting";
import { mapIssues } from "./PlatformSettingsPage";

beforeAll(preloadAdmin);

function recordPatches() {
  const sent: Record<string, unknown>[] = [];
  server.use(
    http.patch("/api/v1/platform", async ({ request }) => {
      const body = (await request.json()) as Record<string, unknown>;
      sent.push(body);
      return HttpResponse.json({ ...platform, map_view: body.map_view ?? null });
    }),
  );
  return sent;
}

describe("mapIssues", () => {
  it("accepts all three empty (no view) or a real point and zoom", () => {
    expect(mapIssues("", "", "")).toEqual([]);
    expect(mapIssues("52.37", "9.73", "14")).toEqual([]);
    expect(mapIssues("52.37", "9.73", "")).toEqual([]);
  });

  it("names each field that is out of range or missing", () => {
    expect(mapIssues("95", "", "30").map(([field]) => field)).toEqual(["map_lat", "map_lng", "map_zoom"]);
    expect(mapIssues("", "9.7", "").map(([field]) => field)).toEqual(["map_lat"]);
  });
});

describe("PlatformSettingsPage maps", () => {
  it("saves where maps open, and clears it when the fields are emptied", async () => {
    // GIVEN an admin on the settings page
    signInAdmin();
    const sent = recordPatches();
    renderApp("/admin/settings");
    const lat = await screen.findByRole("textbox", { name: "Map centre latitude" });
    // WHEN they enter the city centre and save
    await userEvent.type(lat, "52.3705");
    await userEvent.type(screen.getByRole("textbox", { name: "Map centre longitude" }), "9.7332");
    await userEvent.type(screen.getByRole("textbox", { name: /^Zoom level/ }), "14");
    await userEvent.click(screen.getByRole("button", { name: "Save changes" }));
    // THEN the platform is patched with that view
    await screen.findByText("Your changes have been saved.", {}, { timeout: 3000 });
    expect(sent.at(-1)?.map_view).toEqual({ lat: 52.3705, lng: 9.7332, zoom: 14 });
  });

  it("refuses a latitude off the globe before sending", async () => {
    signInAdmin();
    const sent = recordPatches();
    renderApp("/admin/settings");
    await userEvent.type(await screen.findByRole("textbox", { name: "Map centre latitude" }), "95");
    await userEvent.click(screen.getByRole("button", { name: "Save changes" }));
    expect(await screen.findAllByText("Enter a latitude from -90 to 90, like 52.3705.")).not.toHaveLength(0);
    expect(sent).toHaveLength(0);
  });
});
