import { useEffect, useRef } from "react";
import { useIntl } from "react-intl";
import { createMap, L, nameMarker, pinIcon } from "./leaflet";

/** A small map with one idea's pin. */
export default function IdeaLocationMap({ lat, lng, title, color }: { lat: number; lng: number; title: string; color?: string | null }) {
  const intl = useIntl();
  const container = useRef<HTMLDivElement>(null);
  const label = intl.formatMessage({ id: "ideas.page.mapLabel" }, { title });

  useEffect(() => {
    if (!container.current) return;
    const map = createMap(container.current, label);
    map.setView([lat, lng], 16);
    const marker = L.marker([lat, lng], { icon: pinIcon(color), keyboard: false, title }).addTo(map);
    nameMarker(marker, title);
    return () => {
      map.remove();
    };
  }, [lat, lng, title, color, label]);

  return <div ref={container} className="idea-location__map" />;
}
