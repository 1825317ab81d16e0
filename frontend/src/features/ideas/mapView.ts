import { useMemo } from "react";
import { usePlatform } from "@/features/platform";

export interface StartView {
  center: [number, number];
  zoom: number;
}

/** Where a map starts when its platform has set no view (central Europe, zoomed out). */
export const DEFAULT_VIEW: StartView = { center: [50.5, 10], zoom: 4 };

/** Where this platform's maps open: the city centre its admins set, else the default. */
export function useStartView(): StartView {
  const view = usePlatform().data?.map_view;
  const lat = view?.lat;
  const lng = view?.lng;
  const zoom = view?.zoom;
  // One object per distinct view, so maps that depend on it are not rebuilt on every render.
  return useMemo<StartView>(
    () => (lat !== undefined && lng !== undefined && zoom !== undefined ? { center: [lat, lng], zoom } : DEFAULT_VIEW),
    [lat, lng, zoom],
  );
}
