import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FormattedMessage, useIntl } from "react-intl";
import { Link } from "react-router";
import { z } from "zod";
import { TextField } from "@/components/Field";
import { Form } from "@/components/Form";
import {
  AnswerFields,
  answersPayload,
  answerValues,
  useAnswersSchema,
  useRegistrationForm,
  type RegistrationField,
} from "@/features/registration";
import { currentVersions, SignUpConsent, useLegalPages, type LegalPages } from "@/features/legal";
import { useValidationMessages } from "@/lib/forms/messages";
import { useLocale } from "@/lib/i18n";
import { resendConfirmation, signUp } from "./api";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password";

/** The sign-up form, with the platform's registration questions once they are known. */
export function SignUpPage() {
  const registration = useRegistrationForm();
  const legal = useLegalPages();
  // Without the questions (a failed read) sign-up still works: the server asks what is missing.
  if (registration.isPending || legal.isPending) return null;
  return (
    <SignUpForm
      fields={registration.data?.fields ?? []}
      legal={legal.data ?? { privacy: null, terms: null }}
    />
  );
}

function SignUpForm({ fields, legal }: { fields: RegistrationField[]; legal: LegalPages }) {
  const intl = useIntl();
  const messages = useValidationMessages();
  const { locale } = useLocale();
  const [registered, setRegistered] = useState<string | null>(null);
  const [resent, setResent] = useState(false);
  const answers = useAnswersSchema(fields);
  const schema = z.object({
    first_name: z.string().trim().min(1, messages.required).max(100, messages.maxLength(100)),
    last_name: z.string().trim().min(1, messages.required).max(100, messages.maxLength(100)),
    email: z.string().trim().min(1, messages.required).pipe(z.email(messages.email)),
    password: z
      .string()
      .min(PASSWORD_MIN_LENGTH, messages.minLength(PASSWORD_MIN_LENGTH))
      .max(PASSWORD_MAX_LENGTH, messages.maxLength(PASSWORD_MAX_LENGTH)),
    answers,
    // The platform's current privacy policy and terms must be accepted (when it has any).
    accept_policies:
      legal.privacy || legal.terms
        ? z.boolean().refine((accepted) => accepted, intl.formatMessage({ id: "legal.mustAccept" }))
        : z.boolean(),
  });
  const form = useForm<z.infer<typeof schema>>({
    resolver: zodResolver(schema),
    // The error summary takes focus instead (GOV.UK pattern), then links to each field.
    shouldFocusError: false,
    defaultValues: {
      first_name: "",
      last_name: "",
      email: "",
      password: "",
      answers: answerValues(fields),
      accept_policies: false,
    },
  });
  const { errors } = form.formState;

  if (registered) {
    return (
      <div className="narrow">
        <h1>
          <FormattedMessage id="signUp.done.title" />
        </h1>
        <p>
          <FormattedMessage id="signUp.done.body" values={{ email: registered }} />
        </p>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void resendConfirmation(registered).then(() => setResent(true))}
        >
          <FormattedMessage id="signUp.done.resend" />
        </button>
        {resent ? (
          <p role="status">
            <FormattedMessage id="signUp.done.resent" />
          </p>
        ) : null}
      </div>
    );
  }

  return (
    <div className="narrow">
      <h1>
        <FormattedMessage id="signUp.title" />
      </h1>
      <Form
        form={form}
        submitLabel={<FormattedMessage id="signUp.submit" />}
        mapField={(field) => {
          if (field.startsWith("accepted_policies")) return "accept_policies";
          const root = field.split(".")[0];
          return ["first_name", "last_name", "email", "password", "answers"].includes(root)
            ? (field as "email")
            : null;
        }}
        onSubmit={async ({ answers: given, accept_policies: accepted, ...values }) => {
          await signUp({
            ...values,
            locale,
            answers: answersPayload(fields, given, "omit"),
            accepted_policies: accepted ? currentVersions(legal) : {},
          });
          setRegistered(values.email);
        }}
      >
        <TextField
          label={<FormattedMessage id="field.firstName" />}
          autoComplete="given-name"
          error={errors.first_name?.message}
          {...form.register("first_name")}
        />
        <TextField
          label={<FormattedMessage id="field.lastName" />}
          autoComplete="family-name"
          error={errors.last_name?.message}
          {...form.register("last_name")}
        />
        <TextField
          label={<FormattedMessage id="field.email" />}
          type="email"
          autoComplete="email"
          error={errors.email?.message}
          {...form.register("email")}
        />
        <TextField
          label={<FormattedMessage id="field.password" />}
          type="password"
          autoComplete="new-password"
          hint={<FormattedMessage id="password.rules" values={{ min: PASSWORD_MIN_LENGTH }} />}
          error={errors.password?.message}
          {...form.register("password")}
        />
        {fields.length ? (
          <fieldset className="fieldset">
            <legend>
              <FormattedMessage id="registration.signUp.legend" />
            </legend>
            <AnswerFields fields={fields} form={form} prefix="answers" />
          </fieldset>
        ) : null}
        <SignUpConsent pages={legal} error={errors.accept_policies?.message} {...form.register("accept_policies")} />
      </Form>
      <p>
        <FormattedMessage
          id="signUp.haveAccount"
          values={{ link: (chunks) => <Link to="/sign-in">{chunks}</Link> }}
        />
      </p>
    </div>
  );
}
