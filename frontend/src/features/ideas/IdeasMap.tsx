import { useEffect, useRef } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { useNavigate } from "react-router";
import { LoadError, Loading } from "@/components/Loading";
import { useLocalized } from "@/lib/i18n";
import { useIdeaPins, type PinFilters } from "./api";
import { clusterGroup, createMap, L, nameMarker, pinIcon } from "./leaflet";
import { useStartView } from "./mapView";
import { pinPopup } from "./popup";
import type { InputWording } from "./wording";

/** The phase's ideas (or proposals) that pass the list's filters, as clustered pins; each pin's popup links to its idea. */
export default function IdeasMap({
  projectId,
  phaseId,
  filters,
  words,
}: {
  projectId: string;
  phaseId: string;
  filters: PinFilters;
  words: InputWording;
}) {
  const intl = useIntl();
  const localize = useLocalized();
  const navigate = useNavigate();
  const pins = useIdeaPins(projectId, phaseId, filters);
  const filtered = Boolean(filters.q || filters.topic || filters.status);
  const container = useRef<HTMLDivElement>(null);
  const items = pins.data?.items;
  const label = intl.formatMessage({ id: words.mapLabel });
  const start = useStartView();

  useEffect(() => {
    if (!container.current || !items) return;
    let cancelled = false;
    const map = createMap(container.current, label);
    void clusterGroup().then((group) => {
      if (cancelled) return;
      const markers = items.map((pin) => {
        const title = localize(pin.title);
        const marker = L.marker([pin.lat, pin.lng], { icon: pinIcon(pin.status_color), keyboard: true, title });
        marker.bindPopup(pinPopup({ id: pin.id, title }, navigate));
        marker.on("add", () => nameMarker(marker, title));
        return marker;
      });
      group.addLayers(markers);
      map.addLayer(group);
      if (markers.length > 0) map.fitBounds(group.getBounds(), { padding: [24, 24], maxZoom: 16 });
    });
    map.setView(start.center, start.zoom);
    return () => {
      cancelled = true;
      map.remove();
    };
  }, [items, label, localize, navigate, start]);

  if (pins.isPending) return <Loading />;
  if (pins.isError) return <LoadError error={pins.error} />;
  return (
    <div className="ideas-map">
      <p className="muted">
        {filtered && pins.data.items.length === 0 ? (
          <FormattedMessage id={words.mapNoMatch} />
        ) : (
          <FormattedMessage id={words.mapSummary} values={{ count: pins.data.items.length }} />
        )}
      </p>
      <div ref={container} className="ideas-map__canvas" />
    </div>
  );
}
