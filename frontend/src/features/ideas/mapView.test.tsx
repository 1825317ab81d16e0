import { screen } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { platform } from "@/testing/fixtures";
import { renderWithProviders } from "@/testing/render";
import { server } from "@/testing/server";
import { DEFAULT_VIEW, useStartView } from "./mapView";

function Probe() {
  const view = useStartView();
  return <p>{`${view.center.join(",")} @${view.zoom}`}</p>;
}

describe("useStartView", () => {
  it("opens maps at the platform's centre and zoom", async () => {
    server.use(
      http.get("/api/v1/platform", () =>
        HttpResponse.json({ ...platform, map_view: { lat: 52.37, lng: 9.73, zoom: 14 } }),
      ),
    );
    renderWithProviders(<Probe />);
    expect(await screen.findByText("52.37,9.73 @14")).toBeInTheDocument();
  });

  it("falls back to the default view when the platform sets none", async () => {
    renderWithProviders(<Probe />);
    expect(await screen.findByText(`${DEFAULT_VIEW.center.join(",")} @${DEFAULT_VIEW.zoom}`)).toBeInTheDocument();
  });
});
