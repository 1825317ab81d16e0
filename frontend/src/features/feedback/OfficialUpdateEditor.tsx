import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { FormattedMessage, useIntl } from "react-intl";
import { z } from "zod";
import { Form } from "@/components/Form";
import { Loading } from "@/components/Loading";
import {
  LocalizedRichTextFields,
  LocalizedTextFields,
  compact,
  emptyLocalized,
  localizedText,
  usePlatformLocales,
} from "@/features/admin/editors";
import { usePlatform } from "@/features/platform";
import { useValidationMessages } from "@/lib/forms/messages";
import { useEditUpdate, usePostUpdate } from "./api";
import type { OfficialUpdate } from "./types";

const BODY_MAX = 100_000;
const NAME_MAX = 300;

interface Props {
  ideaId: string;
  /** The update to edit; without it the form posts a new one. */
  update?: OfficialUpdate;
  onDone?: () => void;
}

/**
 * Writes an official update in every language the platform offers: rich
 * text (sanitised by the server) and an optional signature such as
 * "Mobility team" (the platform's name otherwise). Loaded lazily: it
 * carries the editor.
 */
export default function OfficialUpdateEditor(props: Props) {
  // The form has one field per platform language: wait until they are known.
  return usePlatform().data ? <UpdateForm {...props} /> : <Loading />;
}

function UpdateForm({ ideaId, update, onDone }: Props) {
  const intl = useIntl();
  const messages = useValidationMessages();
  const { locales, defaultLocale } = usePlatformLocales();
  const post = usePostUpdate(ideaId);
  const edit = useEditUpdate(ideaId);
  const schema = z.object({
    body: localizedText(locales, defaultLocale, messages.required, BODY_MAX, messages.maxLength(BODY_MAX)),
    author_name: localizedText(locales, null, messages.required, NAME_MAX, messages.maxLength(NAME_MAX)),
  });
  type Values = z.infer<typeof schema>;
  const empty = { body: emptyLocalized(locales), author_name: emptyLocalized(locales) };
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    shouldFocusError: false,
    defaultValues: update
      ? { body: emptyLocalized(locales, update.body), author_name: emptyLocalized(locales, update.author_name ?? undefined) }
      : empty,
  });
  const { errors } = form.formState;
  const label = update ? "feedback.update.editTitle" : "feedback.update.newTitle";
  return (
    <Form
      form={form}
      aria-label={intl.formatMessage({ id: label })}
      submitLabel={<FormattedMessage id={update ? "feedback.update.save" : "feedback.update.publish"} />}
      actions={
        onDone ? (
          <button type="button" className="button button--secondary" onClick={onDone}>
            <FormattedMessage id="feedback.cancel" />
          </button>
        ) : undefined
      }
      onSubmit={async (values) => {
        const signature = compact(values.author_name);
        const body = {
          body: compact(values.body),
          author_name: Object.keys(signature).length ? signature : null,
        };
        if (update) {
          await edit.mutateAsync({ updateId: update.id, body });
        } else {
          await post.mutateAsync(body);
          form.reset(empty);
        }
        onDone?.();
      }}
    >
      <h3>
        <FormattedMessage id={label} />
      </h3>
      <LocalizedRichTextFields
        name="body"
        label={intl.formatMessage({ id: "feedback.update.body" })}
        locales={locales}
        defaultLocale={defaultLocale}
        errors={errors}
        control={form.control}
        required
      />
      <LocalizedTextFields
        name="author_name"
        label={intl.formatMessage({ id: "feedback.update.authorName" })}
        locales={locales}
        defaultLocale={defaultLocale}
        errors={errors}
        register={form.register}
      />
      <p className="field__hint">
        <FormattedMessage id="feedback.update.authorNameHint" />
      </p>
    </Form>
  );
}
