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

interface Props {
  ids: string[];
  onDone: (results: BulkResult[]) => void;
}

/**
 * Give the selected inputs one status, optionally with an official update
 * published on each of them (the same services as the idea page's feedback
 * panel run on the server, so followers are told as usual).
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
      status_id: z.string().min(1, messages.required),
      with_update: z.boolean(),
      official_update: z.record(z.string(), z.string()),
    })
    .superRefine((values, ctx) => {
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
          status_id: values.status_id,
          ...(values.with_update ? { official_update: update } : {}),
        });
        onDone(answer.results);
      }}
    >
      <SelectField
        label={intl.formatMessage({ id: "inputs.status.label" })}
        error={errors.status_id?.message}
        disabled={!statuses.data}
        {...form.register("status_id")}
      >
        <option value="" disabled>
          {intl.formatMessage({ id: "inputs.status.choose" })}
        </option>
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
