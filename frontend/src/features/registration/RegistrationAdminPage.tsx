import { useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { ConfirmDelete } from "@/features/admin/ConfirmDelete";
import { ListStatus } from "@/features/admin/ListStatus";
import { ReorderList } from "@/features/admin/ReorderList";
import { api, unwrap } from "@/lib/api/client";
import { useLocalized } from "@/lib/i18n";
import { useAdminRegistrationFields, useInvalidateRegistration } from "./api";
import { AreasEditor } from "./AreasEditor";
import { BuiltinFieldForm, CustomFieldForm } from "./FieldForms";
import type { RegistrationField } from "./types";

/** One question in the list: what it is, whether it is asked and required, why it is asked. */
function FieldSummary({ field, onEdit }: { field: RegistrationField; onEdit: () => void }) {
  const intl = useIntl();
  const localize = useLocalized();
  const invalidate = useInvalidateRegistration();
  const name = localize(field.label);
  const purpose = localize(field.purpose);
  const state = !field.enabled ? "off" : field.required ? "required" : "optional";
  return (
    <>
      <h3 className="admin-list__title">{name}</h3>
      <p className="muted">
        <FormattedMessage
          id="registration.admin.describe"
          values={{
            kind: field.builtin ? "builtin" : "custom",
            type: intl.formatMessage({ id: `admin.inputForm.type.${field.type}` }),
            state,
          }}
        />
      </p>
      {purpose ? (
        <p className="muted">
          <FormattedMessage id="registration.purpose" values={{ purpose }} />
        </p>
      ) : null}
      {field.id === "area" && field.enabled && field.options.length === 0 ? (
        <p className="notice">
          <FormattedMessage id="registration.admin.areaNeedsAreas" />
        </p>
      ) : null}
      <div className="status-actions">
        <button type="button" className="button button--small" onClick={onEdit}>
          <FormattedMessage id="registration.admin.edit" values={{ name }} />
        </button>
        {field.builtin ? null : (
          <ConfirmDelete
            name={name}
            labelId="registration.admin.delete"
            onDelete={async () => {
              await unwrap(
                api.DELETE("/api/v1/registration/fields/{field_id}", { params: { path: { field_id: field.id } } }),
              );
              await invalidate();
            }}
          />
        )}
      </div>
    </>
  );
}

/**
 * The questions residents answer when they sign up and in their profile:
 * the built-in ones switched on or off, the platform's own, their order,
 * and the areas the area question offers.
 */
export function RegistrationAdminPage() {
  const localize = useLocalized();
  const fields = useAdminRegistrationFields();
  const invalidate = useInvalidateRegistration();
  const [editing, setEditing] = useState<string | null>(null);
  const items = fields.data?.items ?? [];
  const label = (field: RegistrationField) => localize(field.label);
  return (
    <>
      <h1>
        <FormattedMessage id="registration.admin.title" />
      </h1>
      <p>
        <FormattedMessage id="registration.admin.intro" />
      </p>
      <section aria-labelledby="registration-fields-title" className="panel">
        <h2 id="registration-fields-title">
          <FormattedMessage id="registration.admin.fields" />
        </h2>
        <ListStatus query={fields} count={items.length} empty={<FormattedMessage id="registration.admin.empty" />} />
        {items.length ? (
          <ReorderList
            items={items}
            label={label}
            onReorder={async (ids) => {
              await unwrap(api.PUT("/api/v1/registration/fields/order", { body: { ids } }));
              await invalidate();
            }}
            renderItem={(field) => {
              if (editing !== field.id) return <FieldSummary field={field} onEdit={() => setEditing(field.id)} />;
              return field.builtin ? (
                <BuiltinFieldForm field={field} onDone={() => setEditing(null)} />
              ) : (
                <CustomFieldForm field={field} onDone={() => setEditing(null)} />
              );
            }}
          />
        ) : null}
        {editing === "new" ? (
          <CustomFieldForm onDone={() => setEditing(null)} />
        ) : (
          <button type="button" className="button" onClick={() => setEditing("new")}>
            <FormattedMessage id="registration.admin.new" />
          </button>
        )}
      </section>
      <AreasEditor />
    </>
  );
}
