import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { FormattedMessage, useIntl } from "react-intl";
import { z } from "zod";
import { CheckboxField, SelectField } from "@/components/Field";
import { Form } from "@/components/Form";
import { Loading } from "@/components/Loading";
import { LocalizedRichTextFields, compact, emptyLocalized, usePlatformLocales } from "@/features/admin/editors";
import { usePlatform } from "@/features/platform";
import { useLocalized } from "@/lib/i18n";
import { useValidationMessages } from "@/lib/forms/messages";
import { useBulkStatus, useStatuses } from "./api";
import type { BulkResult } from "./types";

const UPDATE_MAX = 100_000;

/** What a feedback request asked for: a status, an official update, or both. */
export type FeedbackKind = "status" | "update" | "feedback";

interface Props {
  ids: string[];
  onDone: (results: BulkResult[], kind: FeedbackKind) => void;
}

/**
 * Give the selected inputs one status, or publish an official update on each
 * of them, or both (the same services as the idea page's feedback panel run on
 * the server, so followers are told as usual).
 */
export function StatusForm(props: Props) {
  // The update has one editor per platform language: wait until they are known.
  return usePlatform().data ? <StatusFields {...props} /> : <Loading />;
}

function StatusFields({ ids, onDone }: Props) {
  const intl = useIntl();
  const localize = useLocalized();
  const messages = useValidationMessages();
  const { locales, defaultLocale } = usePlatformLocales();
  const statuses = useStatuses();
  const save = useBulkStatus();
  const schema = z
    .object({
      status_id: z.string(),
      with_update: z.boolean(),
      official_update: z.record(z.string(), z.string()),
    })
    .superRefine((values, ctx) => {
      if (!values.status_id && !values.with_update) {
        ctx.addIssue({ code: "custom", path: ["status_id"], message: intl.formatMessage({ id: "inputs.status.nothing" }) });
      }
      if (!values.with_update) return;
      for (const locale of locales) {
        if ((values.official_update[locale] ?? "").length > UPDATE_MAX) {
          ctx.addIssue({ code: "custom", path: ["official_update", locale], message: messages.maxLength(UPDATE_MAX) });
        }
      }
      if (!compact(values.official_update)[defaultLocale]) {
        ctx.addIssue({ code: "custom", path: ["official_update", defaultLocale], message: messages.required });
      }
    });
  type Values = z.infer<typeof schema>;
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    shouldFocusError: false,
    defaultValues: { status_id: "", with_update: false, official_update: emptyLocalized(locales) },
  });
  const withUpdate = form.watch("with_update");
  const items = [...(statuses.data?.items ?? [])].sort((a, b) => a.position - b.position);
  const { errors } = form.formState;

  return (
    <Form
      form={form}
      aria-label={intl.formatMessage({ id: "inputs.status.form" })}
      submitLabel={<FormattedMessage id="inputs.status.submit" values={{ count: ids.length }} />}
      onSubmit={async (values) => {
        const update = compact(values.official_update);
        const answer = await save.mutateAsync({
          idea_ids: ids,
          ...(values.status_id ? { status_id: values.status_id } : {}),
          ...(values.with_update ? { official_update: update } : {}),
        });
        const kind = !values.with_update ? "status" : values.status_id ? "feedback" : "update";
        onDone(answer.results, kind);
      }}
    >
      <SelectField
        label={intl.formatMessage({ id: "inputs.status.label" })}
        error={errors.status_id?.message}
        disabled={!statuses.data}
        {...form.register("status_id")}
      >
        <option value="">{intl.formatMessage({ id: "inputs.status.keep" })}</option>
        {items.map((status) => (
          <option key={status.id} value={status.id}>
            {localize(status.title)}
          </option>
        ))}
      </SelectField>
      <CheckboxField label={intl.formatMessage({ id: "inputs.status.withUpdate" })} {...form.register("with_update")} />
      {withUpdate ? (
        <LocalizedRichTextFields
          name="official_update"
          label={intl.formatMessage({ id: "inputs.status.update" })}
          locales={locales}
          defaultLocale={defaultLocale}
          errors={errors}
          control={form.control}
          required
        />
      ) : null}
    </Form>
  );
}
