import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, useWatch, type UseFormReturn } from "react-hook-form";
import { FormattedMessage, useIntl } from "react-intl";
import { z } from "zod";
import { CheckboxField } from "@/components/Field";
import { Form } from "@/components/Form";
import { LocalizedTextFields } from "@/features/admin/LocalizedFields";
import { compact, emptyLocalized, localizedText } from "@/features/admin/localizedSchema";
import { QuestionDefinitionFields } from "@/features/admin/QuestionEditor";
import {
  newQuestion,
  optional,
  questionBody,
  questionSchema,
  questionValues,
} from "@/features/admin/inputFormValues";
import { usePlatformLocales } from "@/features/admin/usePlatformLocales";
import { api, unwrap } from "@/lib/api/client";
import { useValidationMessages } from "@/lib/forms/messages";
import { useInvalidateRegistration } from "./api";
import type { RegistrationField } from "./types";

const TEXT_MAX = 300;
/** What a question's definition holds; the API names these fields at the body's top level. */
const QUESTION_FIELDS = ["type", "label", "help", "options", "scale_min", "scale_max", "min_label", "max_label"];

interface Props {
  field?: RegistrationField;
  onDone: () => void;
}

interface Switches {
  enabled: boolean;
  required: boolean;
}

/** Whether residents are asked, and must answer; a question not asked cannot be required. */
function AskedFields<T extends Switches>({ form: typed }: { form: UseFormReturn<T> }) {
  const form = typed as unknown as UseFormReturn<Switches>;
  const enabled = useWatch({ control: form.control, name: "enabled" });
  return (
    <>
      <CheckboxField
        label={<FormattedMessage id="registration.admin.enabled" />}
        hint={<FormattedMessage id="registration.admin.enabledHint" />}
        {...form.register("enabled", {
          onChange: (event: { target: { checked: boolean } }) => {
            if (!event.target.checked) form.setValue("required", false);
          },
        })}
      />
      <CheckboxField
        label={<FormattedMessage id="registration.admin.required" />}
        hint={<FormattedMessage id="registration.admin.requiredHint" />}
        disabled={!enabled}
        {...form.register("required")}
      />
    </>
  );
}

function usePurposeSchema() {
  const messages = useValidationMessages();
  const { locales } = usePlatformLocales();
  return localizedText(locales, null, messages.required, TEXT_MAX, messages.maxLength(TEXT_MAX));
}

/**
 * A built-in question keeps its wording and options (smart groups compare
 * answers with them): the admin switches it on, makes it required and may
 * rewrite why it is asked. An emptied explanation brings the standard one back.
 */
export function BuiltinFieldForm({ field, onDone }: Required<Props>) {
  const intl = useIntl();
  const invalidate = useInvalidateRegistration();
  const { locales, defaultLocale } = usePlatformLocales();
  const schema = z.object({ enabled: z.boolean(), required: z.boolean(), purpose: usePurposeSchema() });
  type Values = z.infer<typeof schema>;
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    shouldFocusError: false,
    defaultValues: {
      enabled: field.enabled,
      required: field.required,
      purpose: emptyLocalized(locales, field.purpose ?? undefined),
    },
  });
  return (
    <Form
      form={form}
      aria-label={intl.formatMessage({ id: "registration.admin.editTitle" })}
      submitLabel={<FormattedMessage id="registration.admin.save" />}
      actions={
        <button type="button" className="button button--secondary" onClick={onDone}>
          <FormattedMessage id="admin.action.cancel" />
        </button>
      }
      onSubmit={async (values) => {
        const purpose = compact(values.purpose);
        await unwrap(
          api.PATCH("/api/v1/registration/fields/{field_id}", {
            params: { path: { field_id: field.id } },
            body: {
              enabled: values.enabled,
              required: values.enabled && Boolean(values.required),
              // The standard explanation exists in every language: send the text only when it changed.
              ...(form.formState.dirtyFields.purpose ? { purpose: Object.keys(purpose).length ? purpose : null } : {}),
            },
          }),
        );
        await invalidate();
        onDone();
      }}
    >
      <h3>
        <FormattedMessage id="registration.admin.editTitle" />
      </h3>
      <p className="muted">
        <FormattedMessage id="registration.admin.builtinFixed" />
      </p>
      <AskedFields form={form} />
      <LocalizedTextFields
        name="purpose"
        label={intl.formatMessage({ id: "registration.admin.purpose" })}
        locales={locales}
        defaultLocale={defaultLocale}
        errors={form.formState.errors}
        register={form.register}
        hint={<FormattedMessage id="registration.admin.purposeBuiltinHint" />}
      />
    </Form>
  );
}

/**
 * A question of the platform's own: any type the idea form offers (fixed
 * once created, since answers depend on it), its wording, options or scale
 * in each language, why it is asked, whether it is asked and required.
 */
export function CustomFieldForm({ field, onDone }: Props) {
  const intl = useIntl();
  const messages = useValidationMessages();
  const invalidate = useInvalidateRegistration();
  const { locales, defaultLocale } = usePlatformLocales();
  const purposeSchema = usePurposeSchema();
  const schema = z.object({
    field: questionSchema(locales, defaultLocale, {
      ...messages,
      twoOptions: intl.formatMessage({ id: "admin.inputForm.twoOptions" }),
    }),
    purpose: purposeSchema,
    enabled: z.boolean(),
    required: z.boolean(),
  });
  type Values = z.infer<typeof schema>;
  const question = field ? questionValues(field, locales) : { ...newQuestion(locales), enabled: true };
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    shouldFocusError: false,
    defaultValues: {
      field: question,
      purpose: emptyLocalized(locales, field?.purpose ?? undefined),
      enabled: question.enabled,
      required: question.required,
    },
  });
  const heading = field ? "registration.admin.editTitle" : "registration.admin.addTitle";
  return (
    <Form
      form={form}
      aria-label={intl.formatMessage({ id: heading })}
      submitLabel={<FormattedMessage id={field ? "registration.admin.save" : "registration.admin.create"} />}
      actions={
        <button type="button" className="button button--secondary" onClick={onDone}>
          <FormattedMessage id="admin.action.cancel" />
        </button>
      }
      mapField={(name) => {
        const parts = name.split(".");
        if (["purpose", "enabled", "required"].includes(parts[0])) return name as never;
        if (!QUESTION_FIELDS.includes(parts[0])) return null;
        // An error about the whole list of options belongs to its `root`, beside each option's own.
        return (name === "options" ? `field.${name}.root` : `field.${name}`) as never;
      }}
      onSubmit={async (values) => {
        // The API creates the field's id, and a stored field's type never changes.
        const { id: _id, type, ...definition } = questionBody(values.field);
        const purpose = optional(values.purpose);
        const switches = { enabled: values.enabled, required: values.enabled && Boolean(values.required) };
        if (field) {
          await unwrap(
            api.PATCH("/api/v1/registration/fields/{field_id}", {
              params: { path: { field_id: field.id } },
              body: { ...definition, ...switches, purpose },
            }),
          );
        } else {
          await unwrap(
            api.POST("/api/v1/registration/fields", {
              body: { ...definition, ...switches, type, ...(purpose ? { purpose } : {}) },
            }),
          );
        }
        await invalidate();
        onDone();
      }}
    >
      <h3>
        <FormattedMessage id={heading} />
      </h3>
      <QuestionDefinitionFields
        form={form}
        locales={locales}
        defaultLocale={defaultLocale}
        name="field"
        typeFixed={Boolean(field)}
      />
      <LocalizedTextFields
        name="purpose"
        label={intl.formatMessage({ id: "registration.admin.purpose" })}
        locales={locales}
        defaultLocale={defaultLocale}
        errors={form.formState.errors}
        register={form.register}
        hint={<FormattedMessage id="registration.admin.purposeHint" />}
      />
      <AskedFields form={form} />
    </Form>
  );
}
