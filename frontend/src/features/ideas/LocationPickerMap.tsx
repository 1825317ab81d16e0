import { useEffect, useRef } from "react";
import { useIntl } from "react-intl";
import { createMap, L, nameMarker, pinIcon } from "./leaflet";
import { useStartView } from "./mapView";

interface Props {
  lat: number | null;
  lng: number | null;
  onPick: (lat: number, lng: number) => void;
}

const round = (value: number) => Math.round(value * 1e6) / 1e6;

/**
 * A map to drop a pin (click) and move it (drag). The coordinate fields next
 * to it are the keyboard alternative and stay in step with the pin.
 */
export default function LocationPickerMap({ lat, lng, onPick }: Props) {
  const intl = useIntl();
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const marker = useRef<L.Marker | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;
  const label = intl.formatMessage({ id: "ideas.form.mapLabel" });
  const pinName = intl.formatMessage({ id: "ideas.form.pin" });
  const start = useStartView();

  useEffect(() => {
    if (!container.current) return;
    const created = createMap(container.current, label);
    created.setView(lat !== null && lng !== null ? [lat, lng] : start.center, start.zoom);
    created.on("click", (event: L.LeafletMouseEvent) => pick.current(round(event.latlng.lat), round(event.latlng.lng)));
    map.current = created;
    return () => {
      created.remove();
      map.current = null;
      marker.current = null;
    };
    // Made once per label; later pins move it (below) rather than a new start view.
  }, [label]);

  useEffect(() => {
    const current = map.current;
    if (!current) return;
    if (lat === null || lng === null) {
      marker.current?.remove();
      marker.current = null;
      return;
    }
    if (!marker.current) {
      const created = L.marker([lat, lng], { icon: pinIcon(null), draggable: true, keyboard: false, title: pinName });
      created.on("dragend", () => {
        const position = created.getLatLng();
        pick.current(round(position.lat), round(position.lng));
      });
      created.addTo(current);
      nameMarker(created, pinName);
      marker.current = created;
      current.setView([lat, lng], Math.max(current.getZoom(), 15));
    } else {
      marker.current.setLatLng([lat, lng]);
    }
  }, [lat, lng, pinName]);

  return <div ref={container} className="location-picker__map" />;
}
