import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FormattedMessage, useIntl } from "react-intl";
import { z } from "zod";
import { Form } from "@/components/Form";
import { ConfirmDelete } from "@/features/admin/ConfirmDelete";
import { ListStatus } from "@/features/admin/ListStatus";
import { LocalizedTextFields } from "@/features/admin/LocalizedFields";
import { compact, emptyLocalized, localizedText } from "@/features/admin/localizedSchema";
import { ReorderList } from "@/features/admin/ReorderList";
import { usePlatformLocales } from "@/features/admin/usePlatformLocales";
import { api, unwrap } from "@/lib/api/client";
import { useValidationMessages } from "@/lib/forms/messages";
import { useLocalized } from "@/lib/i18n";
import { useAreas, useInvalidateRegistration } from "./api";
import type { Area } from "./types";

const TEXT_MAX = 300;

function AreaForm({ area, onDone }: { area?: Area; onDone: () => void }) {
  const intl = useIntl();
  const messages = useValidationMessages();
  const invalidate = useInvalidateRegistration();
  const { locales, defaultLocale } = usePlatformLocales();
  const schema = z.object({
    name: localizedText(locales, defaultLocale, messages.required, TEXT_MAX, messages.maxLength(TEXT_MAX)),
  });
  type Values = z.infer<typeof schema>;
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    shouldFocusError: false,
    defaultValues: { name: emptyLocalized(locales, area?.name) },
  });
  const heading = area ? "registration.areas.editTitle" : "registration.areas.addTitle";
  return (
    <Form
      form={form}
      aria-label={intl.formatMessage({ id: heading })}
      submitLabel={<FormattedMessage id={area ? "registration.areas.save" : "registration.areas.create"} />}
      actions={
        <button type="button" className="button button--secondary" onClick={onDone}>
          <FormattedMessage id="admin.action.cancel" />
        </button>
      }
      onSubmit={async (values) => {
        const name = compact(values.name);
        if (area) {
          await unwrap(
            api.PATCH("/api/v1/registration/areas/{area_id}", {
              params: { path: { area_id: area.id } },
              body: { name },
            }),
          );
        } else {
          await unwrap(api.POST("/api/v1/registration/areas", { body: { name } }));
        }
        await invalidate();
        onDone();
      }}
    >
      <h3>
        <FormattedMessage id={heading} />
      </h3>
      <LocalizedTextFields
        name="name"
        label={intl.formatMessage({ id: "registration.areas.name" })}
        locales={locales}
        defaultLocale={defaultLocale}
        errors={form.formState.errors}
        register={form.register}
        required
      />
    </Form>
  );
}

/** The areas residents choose where they live from: add, rename in each language, order, delete. */
export function AreasEditor() {
  const localize = useLocalized();
  const areas = useAreas();
  const invalidate = useInvalidateRegistration();
  const [editing, setEditing] = useState<string | null>(null);
  const items = areas.data?.items ?? [];
  const label = (area: Area) => localize(area.name);
  return (
    <section aria-labelledby="areas-title" className="panel">
      <h2 id="areas-title">
        <FormattedMessage id="registration.areas.title" />
      </h2>
      <p>
        <FormattedMessage id="registration.areas.intro" />
      </p>
      <ListStatus query={areas} count={items.length} empty={<FormattedMessage id="registration.areas.empty" />} />
      {items.length ? (
        <ReorderList
          items={items}
          label={label}
          onReorder={async (ids) => {
            await unwrap(api.PUT("/api/v1/registration/areas/order", { body: { ids } }));
            await invalidate();
          }}
          renderItem={(area) =>
            editing === area.id ? (
              <AreaForm area={area} onDone={() => setEditing(null)} />
            ) : (
              <>
                <h3 className="admin-list__title">{label(area)}</h3>
                <div className="status-actions">
                  <button type="button" className="button button--small" onClick={() => setEditing(area.id)}>
                    <FormattedMessage id="registration.areas.edit" values={{ name: label(area) }} />
                  </button>
                  <ConfirmDelete
                    name={label(area)}
                    labelId="registration.areas.delete"
                    onDelete={async () => {
                      await unwrap(
                        api.DELETE("/api/v1/registration/areas/{area_id}", { params: { path: { area_id: area.id } } }),
                      );
                      await invalidate();
                    }}
                  />
                </div>
              </>
            )
          }
        />
      ) : null}
      {editing === "new" ? (
        <AreaForm onDone={() => setEditing(null)} />
      ) : (
        <button type="button" className="button" onClick={() => setEditing("new")}>
          <FormattedMessage id="registration.areas.new" />
        </button>
      )}
    </section>
  );
}
