import { lazy, Suspense } from "react";
import type { UseFormReturn } from "react-hook-form";
import { FormattedMessage } from "react-intl";
import { TextField } from "@/components/Field";
import { Loading } from "@/components/Loading";
import type { IdeaFormValues } from "./ideaForm";

const LocationPickerMap = lazy(() => import("./LocationPickerMap"));

function coordinate(value: string): number | null {
  if (value.trim() === "") return null;
  const number = Number(value);
  return Number.isFinite(number) ? number : null;
}

/**
 * An address, a pin, or both: the pin on the map with a pointer, or typed as latitude and
 * longitude. An address alone is shown on the idea's page (there is no geocoding).
 */
export function LocationField({ form, required }: { form: UseFormReturn<IdeaFormValues>; required: boolean }) {
  const { errors } = form.formState;
  const lat = coordinate(form.watch("location.lat"));
  const lng = coordinate(form.watch("location.lng"));
  const hasPin = lat !== null && lng !== null;
  const set = (name: "location.lat" | "location.lng", value: string) =>
    form.setValue(name, value, { shouldDirty: true, shouldValidate: form.formState.isSubmitted });
  return (
    <fieldset className="fieldset location-field">
      <legend>
        <FormattedMessage id={required ? "ideas.form.location" : "ideas.form.locationOptional"} />
      </legend>
      <TextField
        label={<FormattedMessage id="ideas.form.address" />}
        hint={<FormattedMessage id="ideas.form.addressHint" />}
        autoComplete="street-address"
        error={errors.location?.address?.message}
        {...form.register("location.address")}
      />
      <p className="field__hint" id="location-map-hint">
        <FormattedMessage id="ideas.form.mapHint" />
      </p>
      <Suspense fallback={<Loading />}>
        <LocationPickerMap
          lat={hasPin ? lat : null}
          lng={hasPin ? lng : null}
          onPick={(newLat, newLng) => {
            set("location.lat", String(newLat));
            set("location.lng", String(newLng));
          }}
        />
      </Suspense>
      <div className="location-field__coordinates">
        <TextField
          label={<FormattedMessage id="ideas.form.lat" />}
          inputMode="decimal"
          hint={<FormattedMessage id="ideas.form.latHint" />}
          error={errors.location?.lat?.message}
          {...form.register("location.lat")}
        />
        <TextField
          label={<FormattedMessage id="ideas.form.lng" />}
          inputMode="decimal"
          hint={<FormattedMessage id="ideas.form.lngHint" />}
          error={errors.location?.lng?.message}
          {...form.register("location.lng")}
        />
      </div>
      {hasPin ? (
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => {
            set("location.lat", "");
            set("location.lng", "");
          }}
        >
          <FormattedMessage id="ideas.form.removePin" />
        </button>
      ) : null}
    </fieldset>
  );
}
