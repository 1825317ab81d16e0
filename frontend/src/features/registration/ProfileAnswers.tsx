import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FormattedMessage, useIntl } from "react-intl";
import { z } from "zod";
import { Form } from "@/components/Form";
import type { Me } from "@/lib/api/types";
import { AnswerFields } from "./AnswerFields";
import { answersPayload, answerValues, useAnswersSchema, type AnswerValues } from "./answers";
import { saveAnswers, useRegistrationForm } from "./api";
import type { RegistrationField } from "./types";

function AnswersForm({ user, fields }: { user: Me; fields: RegistrationField[] }) {
  const intl = useIntl();
  const [saved, setSaved] = useState(false);
  const schema = z.object({ answers: useAnswersSchema(fields) });
  const form = useForm<{ answers: AnswerValues }>({
    resolver: zodResolver(schema),
    shouldFocusError: false,
    defaultValues: { answers: answerValues(fields, user.answers) },
  });
  return (
    <Form
      form={form}
      aria-label={intl.formatMessage({ id: "registration.profile.title" })}
      submitLabel={<FormattedMessage id="registration.profile.save" />}
      onSubmit={async (values) => {
        setSaved(false);
        const me = await saveAnswers(answersPayload(fields, values.answers, "clear"));
        form.reset({ answers: answerValues(fields, me.answers) });
        setSaved(true);
      }}
    >
      {saved ? (
        <p role="status" className="notice notice--success">
          <FormattedMessage id="registration.profile.saved" />
        </p>
      ) : null}
      <AnswerFields fields={fields} form={form} prefix="answers" />
    </Form>
  );
}

/** The profile's "About you": the platform's questions, with the resident's answers to change. */
export function ProfileAnswers({ user }: { user: Me }) {
  const registration = useRegistrationForm();
  const fields = registration.data?.fields ?? [];
  if (fields.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="profile-answers-title">
      <h2 id="profile-answers-title">
        <FormattedMessage id="registration.profile.title" />
      </h2>
      <p>
        <FormattedMessage id="registration.profile.intro" />
      </p>
      <AnswersForm key={user.id} user={user} fields={fields} />
    </section>
  );
}
