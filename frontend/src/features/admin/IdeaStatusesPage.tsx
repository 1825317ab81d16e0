import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FormattedMessage, FormattedNumber, useIntl } from "react-intl";
import { z } from "zod";
import { TextField } from "@/components/Field";
import { Form } from "@/components/Form";
import { api, unwrap } from "@/lib/api/client";
import { AA_NORMAL_TEXT, contrastRatio, isHexColor, readableTextOn } from "@/lib/color";
import { useValidationMessages } from "@/lib/forms/messages";
import { useLocalized } from "@/lib/i18n";
import { ConfirmDelete } from "./ConfirmDelete";
import { useAdminIdeaStatuses, useInvalidateIdeation } from "./ideationApi";
import type { IdeaStatus } from "./ideationTypes";
import { LocalizedTextFields } from "./LocalizedFields";
import { compact, emptyLocalized, localizedText } from "./localizedSchema";
import { ReorderList } from "./ReorderList";
import { usePlatformLocales } from "./usePlatformLocales";
import { ListStatus } from "./ListStatus";

const TEXT_MAX = 300;
const CODE = /^[a-z][a-z0-9_]{1,39}$/;

/**
 * A status badge shows its name on its colour in white or near-black,
 * whichever reads better: say how well that reads, so the admin can pick a
 * colour that meets WCAG AA.
 */
export function StatusContrast({ color, name }: { color: string; name: string }) {
  if (!isHexColor(color)) return null;
  const text = readableTextOn(color);
  const ratio = contrastRatio(text, color);
  const ok = ratio >= AA_NORMAL_TEXT;
  return (
    <p className={ok ? "contrast contrast--ok" : "contrast contrast--fail"}>
      <span className="status-swatch" style={{ background: color, color: text }} aria-hidden="true">
        {name || "Aa"}
      </span>{" "}
      <FormattedMessage
        id={ok ? "admin.statuses.contrastOk" : "admin.statuses.contrastFail"}
        values={{ ratio: <FormattedNumber value={ratio} maximumFractionDigits={1} /> }}
      />
    </p>
  );
}

function StatusForm({ status, onDone }: { status?: IdeaStatus; onDone: () => void }) {
  const intl = useIntl();
  const localize = useLocalized();
  const messages = useValidationMessages();
  const invalidate = useInvalidateIdeation();
  const { locales, defaultLocale } = usePlatformLocales();
  const schema = z.object({
    code: z.string().trim().refine((value) => Boolean(status) || CODE.test(value), {
      message: intl.formatMessage({ id: "admin.statuses.codeInvalid" }),
    }),
    title: localizedText(locales, defaultLocale, messages.required, TEXT_MAX, messages.maxLength(TEXT_MAX)),
    description: localizedText(locales, null, messages.required, TEXT_MAX, messages.maxLength(TEXT_MAX)),
    color: z.string().refine(isHexColor, messages.color),
  });
  type Values = z.infer<typeof schema>;
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    shouldFocusError: false,
    defaultValues: {
      code: status?.code ?? "",
      title: emptyLocalized(locales, status?.title),
      description: emptyLocalized(locales, status?.description ?? undefined),
      color: status?.color ?? "#505a5f",
    },
  });
  const { errors } = form.formState;
  const heading = status ? "admin.statuses.editTitle" : "admin.statuses.addTitle";
  const color = form.watch("color");
  const title = form.watch("title");
  return (
    <Form
      form={form}
      aria-label={intl.formatMessage({ id: heading })}
      submitLabel={<FormattedMessage id={status ? "admin.statuses.save" : "admin.statuses.create"} />}
      actions={
        <button type="button" className="button button--secondary" onClick={onDone}>
          <FormattedMessage id="admin.action.cancel" />
        </button>
      }
      onSubmit={async (values) => {
        const description = compact(values.description);
        const hasDescription = Object.keys(description).length > 0;
        const common = { title: compact(values.title), color: values.color.toLowerCase() };
        if (status) {
          await unwrap(
            api.PATCH("/api/v1/idea-statuses/{status_id}", {
              params: { path: { status_id: status.id } },
              body: { ...common, description: hasDescription ? description : null },
            }),
          );
        } else {
          await unwrap(
            api.POST("/api/v1/idea-statuses", {
              body: { ...common, code: values.code, ...(hasDescription ? { description } : {}) },
            }),
          );
        }
        await invalidate();
        onDone();
      }}
    >
      <h2>
        <FormattedMessage id={heading} />
      </h2>
      {status ? (
        <p className="muted">
          <FormattedMessage id="admin.statuses.codeFixed" values={{ code: status.code }} />
        </p>
      ) : (
        <TextField
          label={<FormattedMessage id="admin.statuses.field.code" />}
          hint={<FormattedMessage id="admin.statuses.field.codeHint" />}
          error={errors.code?.message}
          autoComplete="off"
          spellCheck={false}
          {...form.register("code")}
        />
      )}
      <LocalizedTextFields
        name="title"
        label={intl.formatMessage({ id: "admin.statuses.field.title" })}
        locales={locales}
        defaultLocale={defaultLocale}
        errors={errors}
        register={form.register}
        required
      />
      <LocalizedTextFields
        name="description"
        label={intl.formatMessage({ id: "admin.statuses.field.description" })}
        locales={locales}
        defaultLocale={defaultLocale}
        errors={errors}
        register={form.register}
      />
      <div className="color-field">
        <TextField
          type="color"
          label={<FormattedMessage id="admin.statuses.field.color" />}
          hint={<FormattedMessage id="admin.statuses.field.colorHint" values={{ value: color }} />}
          error={errors.color?.message}
          {...form.register("color")}
        />
        <StatusContrast color={color} name={localize(title)} />
      </div>
    </Form>
  );
}

/** The statuses feedback gives ideas: their names, colours and order. */
export function IdeaStatusesPage() {
  const localize = useLocalized();
  const statuses = useAdminIdeaStatuses();
  const invalidate = useInvalidateIdeation();
  const [editing, setEditing] = useState<string | null>(null);
  const items = [...(statuses.data?.items ?? [])].sort((a, b) => a.position - b.position);
  const label = (status: IdeaStatus) => localize(status.title);
  return (
    <>
      <h1>
        <FormattedMessage id="admin.statuses.title" />
      </h1>
      <p>
        <FormattedMessage id="admin.statuses.intro" />
      </p>
      <ListStatus query={statuses} count={items.length} empty={<FormattedMessage id="admin.statuses.empty" />} />
      {items.length ? (
        <ReorderList
          items={items}
          label={label}
          onReorder={async (ids) => {
            await unwrap(api.PUT("/api/v1/idea-statuses/order", { body: { ids } }));
            await invalidate();
          }}
          renderItem={(status) =>
            editing === status.id ? (
              <StatusForm status={status} onDone={() => setEditing(null)} />
            ) : (
              <>
                <h2 className="admin-list__title">
                  <span
                    className="status-swatch"
                    style={{ background: status.color, color: readableTextOn(status.color) }}
                  >
                    {label(status)}
                  </span>{" "}
                  <code className="muted">{status.code}</code>
                </h2>
                {status.description ? <p className="muted">{localize(status.description)}</p> : null}
                <div className="status-actions">
                  <button type="button" className="button button--small" onClick={() => setEditing(status.id)}>
                    <FormattedMessage id="admin.statuses.edit" values={{ name: label(status) }} />
                  </button>
                  <ConfirmDelete
                    name={label(status)}
                    labelId="admin.statuses.delete"
                    onDelete={async () => {
                      await unwrap(
                        api.DELETE("/api/v1/idea-statuses/{status_id}", {
                          params: { path: { status_id: status.id } },
                        }),
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
        <StatusForm onDone={() => setEditing(null)} />
      ) : (
        <button type="button" className="button" onClick={() => setEditing("new")}>
          <FormattedMessage id="admin.statuses.new" />
        </button>
      )}
    </>
  );
}
