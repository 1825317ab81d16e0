/**
 * Leaflet on OpenStreetMap tiles, for the feature's maps. Only the lazily
 * loaded map modules import this file, so Leaflet stays out of the main bundle.
 */
import L from "leaflet";
import "leaflet/dist/leaflet.css";
import "leaflet.markercluster/dist/MarkerCluster.css";
import "leaflet.markercluster/dist/MarkerCluster.Default.css";
import { isHexColor } from "@/lib/color";

export { L };

export function createMap(container: HTMLElement, label: string): L.Map {
  const map = L.map(container, { scrollWheelZoom: false });
  // The subdomain form is what the Content-Security-Policy's img-src allows (infra/stacks/frontend.py).
  L.tileLayer("https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png", {
    subdomains: "abc",
    maxZoom: 19,
    attribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>',
  }).addTo(map);
  container.setAttribute("aria-label", label);
  container.setAttribute("role", "region");
  return map;
}

/** A pin drawn with CSS in the idea's status colour (no image, so no bundler icon paths). */
export function pinIcon(color: string | null | undefined): L.DivIcon {
  const fill = color && isHexColor(color) ? color : "#1b4f8a";
  return L.divIcon({
    className: "idea-pin",
    html: `<span class="idea-pin__dot" style="background:${fill}"></span>`,
    iconSize: [24, 24],
    iconAnchor: [12, 24],
    popupAnchor: [0, -22],
  });
}

/** Give a marker its accessible name once Leaflet has put it in the page. */
export function nameMarker(marker: L.Marker, name: string): void {
  const element = marker.getElement();
  if (element) {
    element.setAttribute("aria-label", name);
    element.setAttribute("role", "button");
  }
}

/** Marker clustering: the plugin extends the global `L`, so it is loaded after Leaflet. */
export async function clusterGroup(): Promise<L.MarkerClusterGroup> {
  (window as unknown as { L: typeof L }).L = L;
  await import("leaflet.markercluster");
  return L.markerClusterGroup({ showCoverageOnHover: false });
}
