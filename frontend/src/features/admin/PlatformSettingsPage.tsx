import { zodResolver } from "@hookform/resolvers/zod";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FormattedMessage, FormattedNumber, useIntl } from "react-intl";
import { z } from "zod";
import { CheckboxField, SelectField, TextField } from "@/components/Field";
import { Form } from "@/components/Form";
import { SUPPORTED_LOCALES, nativeLanguageName } from "@/config/locales";
import { platformQueryKey, usePlatform } from "@/features/platform";
import { api, unwrap } from "@/lib/api/client";
import type { Platform } from "@/lib/api/types";
import { uploadFile } from "@/lib/api/upload";
import { AA_NORMAL_TEXT, contrastRatio, isHexColor } from "@/lib/color";
import { fieldId } from "@/lib/forms/fieldId";
import { useValidationMessages } from "@/lib/forms/messages";
import { AccessSettingsForm } from "./AccessSettingsForm";
import { ImageField } from "./ImageField";
import { LocalizedTextFields } from "./LocalizedFields";
import { compact, emptyLocalized, localizedText } from "./localizedSchema";

function ContrastNote({ color }: { color: string }) {
  if (!isHexColor(color)) return null;
  const ratio = contrastRatio("#ffffff", color);
  const ok = ratio >= AA_NORMAL_TEXT;
  return (
    <p className={ok ? "contrast contrast--ok" : "contrast contrast--fail"}>
      <span className="contrast__swatch" style={{ background: color }} aria-hidden="true">
        Aa
      </span>{" "}
      <FormattedMessage
        id={ok ? "admin.settings.contrastOk" : "admin.settings.contrastFail"}
        values={{ ratio: <FormattedNumber value={ratio} maximumFractionDigits={1} /> }}
      />
    </p>
  );
}

function SettingsForm({ platform }: { platform: Platform }) {
  const intl = useIntl();
  const messages = useValidationMessages();
  const queryClient = useQueryClient();
  const [logo, setLogo] = useState<File | null>(null);
  const [saved, setSaved] = useState(false);
  const allLocales = [...new Set([...SUPPORTED_LOCALES, ...platform.enabled_locales])];
  const contrastMessage = intl.formatMessage({ id: "validation.contrast" }, { min: AA_NORMAL_TEXT });
  const color = z
    .string()
    .refine(isHexColor, messages.color)
    .refine((value) => !isHexColor(value) || contrastRatio("#ffffff", value) >= AA_NORMAL_TEXT, contrastMessage);
  const schema = z
    .object({
      name: localizedText(allLocales, null, messages.required, 300, messages.maxLength(300)),
      enabled_locales: z.array(z.string()).min(1, intl.formatMessage({ id: "validation.oneLocale" })),
      default_locale: z.string().min(1, messages.required),
      primary_color: color,
      secondary_color: color,
      remove_logo: z.boolean(),
      map_lat: z.string(),
      map_lng: z.string(),
      map_zoom: z.string(),
    })
    .superRefine((value, ctx) => {
      const map = mapIssues(value.map_lat, value.map_lng, value.map_zoom);
      for (const [path, id] of map) ctx.addIssue({ code: "custom", path: [path], message: intl.formatMessage({ id }) });
      if (!value.enabled_locales.includes(value.default_locale)) {
        ctx.addIssue({
          code: "custom",
          path: ["default_locale"],
          message: intl.formatMessage({ id: "validation.defaultEnabled" }),
        });
      }
      if (!(value.name[value.default_locale] ?? "").trim()) {
        ctx.addIssue({ code: "custom", path: ["name", value.default_locale], message: messages.required });
      }
    });
  type Values = z.infer<typeof schema>;
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    // The error summary takes focus instead (GOV.UK pattern), then links to each field.
    shouldFocusError: false,
    defaultValues: {
      name: emptyLocalized(allLocales, platform.name),
      enabled_locales: platform.enabled_locales,
      default_locale: platform.default_locale,
      primary_color: platform.branding.primary_color,
      secondary_color: platform.branding.secondary_color,
      remove_logo: false,
      map_lat: platform.map_view ? String(platform.map_view.lat) : "",
      map_lng: platform.map_view ? String(platform.map_view.lng) : "",
      map_zoom: platform.map_view ? String(platform.map_view.zoom) : "",
    },
  });
  const { errors } = form.formState;
  const enabled = form.watch("enabled_locales");
  const shownLocales = allLocales.filter((locale) => enabled.includes(locale));

  return (
    <Form
      form={form}
      submitLabel={<FormattedMessage id="admin.save" />}
      mapField={(field) => {
        const [root, rest] = [field.split(".")[0], field.split(".").slice(1).join(".")];
        if (root === "branding") {
          if (rest === "logo_upload_key") return "remove_logo";
          return ["primary_color", "secondary_color", "remove_logo"].includes(rest) ? (rest as never) : null;
        }
        if (root === "map_view") return (MAP_FIELDS[rest] ?? "map_lat") as never;
        return ["name", "enabled_locales", "default_locale"].includes(root) ? (field as never) : null;
      }}
      onSubmit={async (values) => {
        setSaved(false);
        const logoKey = logo ? await uploadFile("platform_logo", logo) : undefined;
        const updated = await unwrap(
          api.PATCH("/api/v1/platform", {
            body: {
              name: compact(values.name),
              enabled_locales: values.enabled_locales,
              default_locale: values.default_locale,
              branding: {
                primary_color: values.primary_color,
                secondary_color: values.secondary_color,
                ...(logoKey ? { logo_upload_key: logoKey } : {}),
                ...(values.remove_logo && !logoKey ? { remove_logo: true } : {}),
              },
              map_view:
                values.map_lat.trim() === ""
                  ? null
                  : { lat: Number(values.map_lat), lng: Number(values.map_lng), zoom: Number(values.map_zoom || 13) },
            },
          }),
        );
        queryClient.setQueryData(platformQueryKey, updated);
        setLogo(null);
        form.setValue("remove_logo", false);
        setSaved(true);
      }}
    >
      {saved ? (
        <p role="status" className="notice notice--success">
          <FormattedMessage id="admin.saved" />
        </p>
      ) : null}
      <fieldset className="fieldset">
        <legend>
          <FormattedMessage id="admin.settings.locales" />
        </legend>
        {errors.enabled_locales?.message ? (
          <p className="field__error" id={`${fieldId("enabled_locales")}-error`}>
            {errors.enabled_locales.message}
          </p>
        ) : null}
        <div className="checkbox-grid">
          {allLocales.map((locale, index) => (
            <CheckboxField
              key={locale}
              id={index === 0 ? fieldId("enabled_locales") : `${fieldId("enabled_locales")}-${locale}`}
              label={<span lang={locale}>{nativeLanguageName(locale)}</span>}
              value={locale}
              {...form.register("enabled_locales")}
            />
          ))}
        </div>
      </fieldset>
      <SelectField
        label={<FormattedMessage id="admin.settings.defaultLocale" />}
        error={errors.default_locale?.message}
        {...form.register("default_locale")}
      >
        {shownLocales.map((locale) => (
          <option key={locale} value={locale}>
            {nativeLanguageName(locale)}
          </option>
        ))}
      </SelectField>
      <LocalizedTextFields
        name="name"
        label={intl.formatMessage({ id: "admin.settings.name" })}
        locales={shownLocales}
        defaultLocale={form.watch("default_locale")}
        errors={errors}
        register={form.register}
        required
      />
      <fieldset className="fieldset">
        <legend>
          <FormattedMessage id="admin.settings.branding" />
        </legend>
        {(["primary_color", "secondary_color"] as const).map((name) => (
          <div key={name} className="color-field">
            <TextField
              label={<FormattedMessage id={`admin.settings.${name}`} />}
              hint={<FormattedMessage id="admin.settings.colorHint" />}
              error={errors[name]?.message}
              autoComplete="off"
              spellCheck={false}
              {...form.register(name)}
            />
            <ContrastNote color={form.watch(name)} />
          </div>
        ))}
        <ImageField
          name="logo"
          label={<FormattedMessage id="admin.settings.logo" />}
          hint={<FormattedMessage id="admin.settings.logoHint" />}
          currentUrl={form.watch("remove_logo") ? null : platform.branding.logo_url}
          file={logo}
          onChange={setLogo}
        />
        {platform.branding.logo_url ? (
          <CheckboxField
            label={<FormattedMessage id="admin.settings.removeLogo" />}
            {...form.register("remove_logo")}
          />
        ) : null}
      </fieldset>
      <fieldset className="fieldset">
        <legend>
          <FormattedMessage id="admin.settings.map" />
        </legend>
        <p className="field__hint">
          <FormattedMessage id="admin.settings.mapHint" />
        </p>
        <div className="map-view-fields">
          <TextField
            label={<FormattedMessage id="admin.settings.mapLat" />}
            inputMode="decimal"
            error={errors.map_lat?.message}
            {...form.register("map_lat")}
          />
          <TextField
            label={<FormattedMessage id="admin.settings.mapLng" />}
            inputMode="decimal"
            error={errors.map_lng?.message}
            {...form.register("map_lng")}
          />
          <TextField
            label={<FormattedMessage id="admin.settings.mapZoom" />}
            hint={<FormattedMessage id="admin.settings.mapZoomHint" />}
            inputMode="numeric"
            error={errors.map_zoom?.message}
            {...form.register("map_zoom")}
          />
        </div>
      </fieldset>
    </Form>
  );
}

const MAP_FIELDS: Record<string, "map_lat" | "map_lng" | "map_zoom"> = {
  lat: "map_lat",
  lng: "map_lng",
  zoom: "map_zoom",
};

/** What is wrong with the map fields: all empty (no view) or a real point and zoom. */
export function mapIssues(lat: string, lng: string, zoom: string): [string, string][] {
  const given = [lat, lng, zoom].map((value) => value.trim() !== "");
  if (!given.some(Boolean)) return [];
  const inRange = (value: string, limit: number) =>
    value.trim() !== "" && Number.isFinite(Number(value)) && Math.abs(Number(value)) <= limit;
  const issues: [string, string][] = [];
  if (!inRange(lat, 90)) issues.push(["map_lat", "admin.settings.mapLatInvalid"]);
  if (!inRange(lng, 180)) issues.push(["map_lng", "admin.settings.mapLngInvalid"]);
  const level = Number(zoom);
  if (zoom.trim() !== "" && !(Number.isInteger(level) && level >= 2 && level <= 19)) {
    issues.push(["map_zoom", "admin.settings.mapZoomInvalid"]);
  }
  return issues;
}

export function PlatformSettingsPage() {
  const platform = usePlatform();
  return (
    <>
      <h1>
        <FormattedMessage id="admin.settings.title" />
      </h1>
      {platform.data ? <SettingsForm platform={platform.data} /> : null}
      {platform.data ? <AccessSettingsForm platform={platform.data} /> : null}
    </>
  );
}
