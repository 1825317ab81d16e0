import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { FormattedMessage, useIntl } from "react-intl";
import { Link, useParams } from "react-router";
import { CheckboxField, TextField } from "@/components/Field";
import { Form } from "@/components/Form";
import { LoadError, Loading } from "@/components/Loading";
import { api, unwrap } from "@/lib/api/client";
import { fieldId } from "@/lib/forms/fieldId";
import { useValidationMessages } from "@/lib/forms/messages";
import { useLocalized } from "@/lib/i18n";
import { useAdminProject } from "./api";
import { CustomFieldsEditor } from "./CustomFieldsEditor";
import { useAdminInputForm, useAdminTopics, useInvalidateIdeation } from "./ideationApi";
import type { InputForm, Topic } from "./ideationTypes";
import {
  BUILTIN_FIELDS,
  MAX_IMAGES,
  inputFormSchema,
  toBody,
  toValues,
  type InputFormValues,
} from "./inputFormValues";
import { usePlatformLocales } from "./usePlatformLocales";

const FIELDS = ["topic_ids", "builtin", "max_images", "custom_fields"];

function InputFormEditor({ projectId, stored, topics }: { projectId: string; stored: InputForm; topics: Topic[] }) {
  const intl = useIntl();
  const localize = useLocalized();
  const messages = useValidationMessages();
  const invalidate = useInvalidateIdeation();
  const { locales, defaultLocale } = usePlatformLocales();
  const [saved, setSaved] = useState(false);
  const schema = inputFormSchema(locales, defaultLocale, {
    ...messages,
    twoOptions: intl.formatMessage({ id: "admin.inputForm.twoOptions" }),
    maxImages: intl.formatMessage({ id: "admin.inputForm.maxImagesInvalid" }, { max: MAX_IMAGES }),
  });
  const form = useForm<InputFormValues>({
    resolver: zodResolver(schema),
    shouldFocusError: false,
    defaultValues: toValues(stored, locales),
  });
  const { errors } = form.formState;
  const builtin = useWatch({ control: form.control, name: "builtin" });

  return (
    <Form
      form={form}
      aria-label={intl.formatMessage({ id: "admin.inputForm.formLabel" })}
      submitLabel={<FormattedMessage id="admin.inputForm.save" />}
      mapField={(field) => {
        const parts = field.split(".");
        if (!FIELDS.includes(parts[0])) return null;
        // "A switched-off field cannot be required" names the field itself.
        if (parts[0] === "builtin" && parts.length === 2) return `builtin.${parts[1]}.required` as never;
        // An error about a whole list belongs to its `root`, beside its items' own errors.
        if (field === "custom_fields" || (parts[0] === "custom_fields" && parts[2] === "options" && parts.length === 3)) {
          return `${field}.root` as never;
        }
        return field as never;
      }}
      onSubmit={async (values) => {
        setSaved(false);
        const updated = await unwrap(
          api.PUT("/api/v1/projects/{project_id}/input-form", {
            params: { path: { project_id: projectId } },
            body: toBody(values),
          }),
        );
        form.reset(toValues(updated, locales));
        await invalidate();
        setSaved(true);
      }}
    >
      {saved ? (
        <p role="status" className="notice notice--success">
          <FormattedMessage id="admin.saved" />
        </p>
      ) : null}
      <fieldset className="fieldset" id={fieldId("topic_ids")} tabIndex={-1}>
        <legend>
          <FormattedMessage id="admin.inputForm.topics" />
        </legend>
        {topics.length === 0 ? (
          <p>
            <FormattedMessage
              id="admin.inputForm.noTopics"
              values={{ link: (text) => <Link to="/admin/topics">{text}</Link> }}
            />
          </p>
        ) : (
          <div className="checkbox-grid">
            {topics.map((topic) => (
              <CheckboxField
                key={topic.id}
                id={`${fieldId("topic_ids")}-${topic.id}`}
                label={localize(topic.title)}
                value={topic.id}
                {...form.register("topic_ids")}
              />
            ))}
          </div>
        )}
      </fieldset>
      <fieldset className="fieldset">
        <legend>
          <FormattedMessage id="admin.inputForm.builtin" />
        </legend>
        <p className="field__hint">
          <FormattedMessage id="admin.inputForm.builtinHint" />
        </p>
        {BUILTIN_FIELDS.map((name) => {
          const field = intl.formatMessage({ id: `admin.inputForm.builtin.${name}` });
          const enabled = builtin[name].enabled;
          return (
            <div key={name} className="builtin-field">
              <CheckboxField
                label={<FormattedMessage id="admin.inputForm.builtinEnabled" values={{ field }} />}
                {...form.register(`builtin.${name}.enabled`, {
                  // A field residents are not asked for cannot be required.
                  onChange: (event: { target: { checked: boolean } }) => {
                    if (!event.target.checked) form.setValue(`builtin.${name}.required`, false);
                  },
                })}
              />
              <CheckboxField
                label={<FormattedMessage id="admin.inputForm.builtinRequired" values={{ field }} />}
                disabled={!enabled}
                error={errors.builtin?.[name]?.required?.message}
                {...form.register(`builtin.${name}.required`)}
              />
            </div>
          );
        })}
        {builtin.images.enabled ? (
          <TextField
            type="number"
            min={1}
            max={MAX_IMAGES}
            step={1}
            inputMode="numeric"
            label={<FormattedMessage id="admin.inputForm.maxImages" />}
            error={errors.max_images?.message}
            {...form.register("max_images")}
          />
        ) : null}
      </fieldset>
      <CustomFieldsEditor form={form} locales={locales} defaultLocale={defaultLocale} />
    </Form>
  );
}

/** What residents fill in when they post an idea in one project. */
export function InputFormPage() {
  const { projectId = "" } = useParams();
  const localize = useLocalized();
  const project = useAdminProject(projectId);
  const inputForm = useAdminInputForm(projectId);
  const topics = useAdminTopics();
  const loading = project.isPending || inputForm.isPending || topics.isPending;
  const error = project.error ?? inputForm.error ?? topics.error;
  return (
    <>
      <p>
        <Link to={`/admin/projects/${projectId}`}>
          <FormattedMessage id="admin.inputForm.back" />
        </Link>
      </p>
      <h1>
        <FormattedMessage
          id="admin.inputForm.title"
          values={{ project: project.data ? localize(project.data.title) : "…" }}
        />
      </h1>
      <p>
        <FormattedMessage id="admin.inputForm.intro" />
      </p>
      {error ? <LoadError error={error} /> : loading ? <Loading /> : null}
      {!error && inputForm.data && topics.data ? (
        <InputFormEditor
          projectId={projectId}
          stored={inputForm.data}
          topics={[...topics.data.items].sort((a, b) => a.position - b.position)}
        />
      ) : null}
    </>
  );
}
