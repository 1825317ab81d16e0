import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useMemo, useRef, useState } from "react";
import { Controller, useForm, type Path } from "react-hook-form";
import { FormattedDate, FormattedMessage, useIntl } from "react-intl";
import { TextField } from "@/components/Field";
import { Form } from "@/components/Form";
import { fieldId } from "@/lib/forms/fieldId";
import { useValidationMessages } from "@/lib/forms/messages";
import { useLocalized } from "@/lib/i18n";
import { CustomFieldInput } from "./CustomFieldInput";
import { clearDraft, loadDraft, saveDraft, type Draft, type DraftScope } from "./drafts";
import { ideaSchema, mapIdeaField, type IdeaFormValues } from "./ideaForm";
import { LocationField } from "./LocationField";
import type { InputForm, Topic } from "./types";
import { AttachmentsField, ImagesField } from "./UploadsField";
import { wordingFor, type InputWording } from "./wording";
import { RichTextEditor, type EditorTool } from "@/components/RichTextEditor";

const DRAFT_DELAY_MS = 800;

interface Props {
  inputForm: InputForm;
  topics: Topic[];
  initialValues: IdeaFormValues;
  draftScope: DraftScope;
  /** The message id of the submit button ("Publish idea", "Publish proposal", "Save changes"). */
  submitLabel: string;
  /** Ideas (the default) or proposals. */
  words?: InputWording;
  onSubmit: (values: IdeaFormValues) => Promise<void>;
}

/** Image previews made in this visit do not survive a reload: a restored draft names the image instead. */
function withoutObjectUrls(values: IdeaFormValues): IdeaFormValues {
  return { ...values, images: values.images.map((image) => (image.url.startsWith("blob:") ? { ...image, url: "" } : image)) };
}

function DraftNotice({ draft, onRestore, onDiscard }: { draft: Draft<IdeaFormValues>; onRestore: () => void; onDiscard: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  return (
    <div className="notice draft-notice" role="region" aria-labelledby="draft-title" ref={ref}>
      <h2 id="draft-title" className="draft-notice__title">
        <FormattedMessage id="ideas.draft.title" />
      </h2>
      <p>
        <FormattedMessage
          id="ideas.draft.body"
          values={{ date: <FormattedDate value={draft.savedAt} dateStyle="medium" timeStyle="short" /> }}
        />
      </p>
      <div className="form__actions">
        <button type="button" className="button" onClick={onRestore}>
          <FormattedMessage id="ideas.draft.restore" />
        </button>
        <button type="button" className="button button--secondary" onClick={onDiscard}>
          <FormattedMessage id="ideas.draft.discard" />
        </button>
      </div>
    </div>
  );
}

/**
 * The idea form, shaped by the project's input form: title, body, topics,
 * location, images, files and the project's own questions. It keeps a draft
 * in this browser while one types and offers it back when reopened.
 */
// Residents write paragraphs and lists; headings are for the city's pages.
const RESIDENT_TOOLS: EditorTool[] = ["bold", "italic", "bulletList", "orderedList"];

export function IdeaForm({
  inputForm,
  topics,
  initialValues,
  draftScope,
  submitLabel,
  words = wordingFor("ideation"),
  onSubmit,
}: Props) {
  const intl = useIntl();
  const localize = useLocalized();
  const base = useValidationMessages();
  const { builtin } = inputForm;
  const messages = useMemo(
    () => ({
      required: base.required,
      title: intl.formatMessage({ id: words.missingTitle }),
      body: intl.formatMessage({ id: words.missingBody }),
      maxLength: base.maxLength,
      plainText: base.plainText,
      lat: intl.formatMessage({ id: "ideas.validation.lat" }),
      lng: intl.formatMessage({ id: "ideas.validation.lng" }),
      locationRequired: intl.formatMessage({ id: "ideas.validation.location" }),
      topicsRequired: intl.formatMessage({ id: "ideas.validation.topics" }),
      imagesRequired: intl.formatMessage({ id: "ideas.validation.images" }),
      attachmentsRequired: intl.formatMessage({ id: "ideas.validation.attachments" }),
      tooManyImages: (max: number) => intl.formatMessage({ id: "ideas.upload.tooManyImages" }, { max }),
      number: intl.formatMessage({ id: "ideas.validation.number" }),
      date: base.date,
      answerRequired: (label: string) => intl.formatMessage({ id: "ideas.validation.answer" }, { label }),
      tickRequired: (label: string) => intl.formatMessage({ id: "ideas.validation.tick" }, { label }),
    }),
    [base, intl, words],
  );
  const schema = useMemo(
    () => ideaSchema(inputForm, messages, (field) => localize(field.label)),
    [inputForm, messages, localize],
  );
  const form = useForm<IdeaFormValues>({
    resolver: zodResolver(schema),
    shouldFocusError: false,
    defaultValues: initialValues,
  });
  const { errors } = form.formState;
  const [draft, setDraft] = useState(() => loadDraft<IdeaFormValues>(draftScope));

  // Autosave: a short pause after the last change, only once the values differ from where they
  // started. Leaving the page (another route, closing or reloading the tab) writes what still
  // waits at once, so the last keystrokes are never lost to the pause.
  const initial = useRef(JSON.stringify(initialValues));
  const unsaved = useRef<IdeaFormValues | null>(null);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      clearTimeout(timer);
      const values = unsaved.current;
      unsaved.current = null;
      if (values && JSON.stringify(values) !== initial.current) {
        saveDraft(draftScope, withoutObjectUrls(values));
      }
    };
    const subscription = form.watch((values) => {
      unsaved.current = values as IdeaFormValues;
      clearTimeout(timer);
      timer = setTimeout(flush, DRAFT_DELAY_MS);
    });
    window.addEventListener("pagehide", flush);
    return () => {
      flush();
      window.removeEventListener("pagehide", flush);
      subscription.unsubscribe();
    };
  }, [form, draftScope]);

  const topicChoices = topics.filter((topic) => inputForm.topic_ids.includes(topic.id));
  const enabledFields = inputForm.custom_fields.filter((field) => field.enabled);

  return (
    <>
      {draft ? (
        <DraftNotice
          draft={draft}
          onRestore={() => {
            form.reset({ ...initialValues, ...draft.values }, { keepDefaultValues: true });
            setDraft(null);
            document.getElementById(fieldId("title"))?.focus();
          }}
          onDiscard={() => {
            clearDraft(draftScope);
            setDraft(null);
            document.getElementById(fieldId("title"))?.focus();
          }}
        />
      ) : null}
      <Form
        form={form}
        aria-label={intl.formatMessage({ id: words.formLabel })}
        submitLabel={<FormattedMessage id={submitLabel} />}
        mapField={(apiField) => mapIdeaField(apiField, inputForm) as Path<IdeaFormValues> | null}
        onSubmit={async (values) => {
          await onSubmit(values);
          unsaved.current = null; // sent: leaving the page must not write it back as a draft
          clearDraft(draftScope);
        }}
      >
        <TextField
          label={<FormattedMessage id="ideas.form.title" />}
          hint={<FormattedMessage id={words.titleHint} />}
          error={errors.title?.message}
          autoComplete="off"
          {...form.register("title")}
        />
        {builtin.body.enabled ? (
          <Controller
            control={form.control}
            name="body"
            render={({ field }) => (
              <RichTextEditor
                tools={RESIDENT_TOOLS}
                name="body"
                label={<FormattedMessage id={builtin.body.required ? "ideas.form.body" : "ideas.form.bodyOptional"} />}
                hint={<FormattedMessage id={words.bodyHint} />}
                value={field.value}
                onChange={field.onChange}
                error={errors.body?.message}
              />
            )}
          />
        ) : null}
        {builtin.topics.enabled && topicChoices.length > 0 ? (
          <Controller
            control={form.control}
            name="topic_ids"
            render={({ field }) => (
              <fieldset className={errors.topic_ids ? "fieldset field--error" : "fieldset"}>
                <legend>
                  <FormattedMessage id={builtin.topics.required ? "ideas.form.topics" : "ideas.form.topicsOptional"} />
                </legend>
                {errors.topic_ids?.message ? <p className="field__error">{errors.topic_ids.message}</p> : null}
                <div className="checkbox-grid">
                  {topicChoices.map((topic, index) => {
                    const id = index === 0 ? fieldId("topic_ids") : `${fieldId("topic_ids")}-${topic.id}`;
                    return (
                      <div className="checkbox" key={topic.id}>
                        <input
                          type="checkbox"
                          id={id}
                          name="topic_ids"
                          value={topic.id}
                          checked={field.value.includes(topic.id)}
                          onChange={(event) =>
                            field.onChange(
                              event.target.checked
                                ? [...field.value, topic.id]
                                : field.value.filter((value) => value !== topic.id),
                            )
                          }
                        />
                        <label htmlFor={id}>{localize(topic.title)}</label>
                      </div>
                    );
                  })}
                </div>
              </fieldset>
            )}
          />
        ) : null}
        {builtin.location.enabled ? <LocationField form={form} required={builtin.location.required} /> : null}
        {builtin.images.enabled ? (
          <Controller
            control={form.control}
            name="images"
            render={({ field }) => (
              <ImagesField
                value={field.value}
                onChange={field.onChange}
                max={inputForm.max_images}
                required={builtin.images.required}
                error={errors.images?.message}
              />
            )}
          />
        ) : null}
        {builtin.attachments.enabled ? (
          <Controller
            control={form.control}
            name="attachments"
            render={({ field }) => (
              <AttachmentsField
                value={field.value}
                onChange={field.onChange}
                required={builtin.attachments.required}
                error={errors.attachments?.message}
              />
            )}
          />
        ) : null}
        {enabledFields.map((field) => (
          <CustomFieldInput key={field.id} field={field} form={form} />
        ))}
      </Form>
    </>
  );
}
