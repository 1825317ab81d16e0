import { zodResolver } from "@hookform/resolvers/zod";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useForm } from "react-hook-form";
import { FormattedMessage, useIntl } from "react-intl";
import { z } from "zod";
import { Form } from "@/components/Form";
import { Loading } from "@/components/Loading";
import { useSession } from "@/features/auth/useSession";
import {
  AnswerFields,
  answersPayload,
  answerValues,
  saveAnswers,
  useAnswersSchema,
  useRegistrationForm,
  type AnswerValues,
  type RegistrationField,
} from "@/features/registration";

interface Props {
  /** The fields the policy named, in its order. */
  fieldIds: string[];
  /** Called once the answers are saved (then the attempted action runs). */
  onDone: () => void;
  onCancel: () => void;
}

function AnswersForm({ fields, onDone, onCancel }: { fields: RegistrationField[] } & Omit<Props, "fieldIds">) {
  const { user } = useSession();
  const intl = useIntl();
  const queryClient = useQueryClient();
  // Here every field is asked because an action needs it: each one is required.
  const asked = fields.map((field) => ({ ...field, required: true }));
  const schema = z.object({ answers: useAnswersSchema(asked) });
  const form = useForm<{ answers: AnswerValues }>({
    resolver: zodResolver(schema),
    shouldFocusError: false,
    defaultValues: { answers: answerValues(asked, user?.answers) },
  });
  return (
    <Form
      form={form}
      aria-label={intl.formatMessage({ id: "participation.complete.title" })}
      submitLabel={<FormattedMessage id="participation.complete.save" />}
      actions={
        <button type="button" className="button button--secondary" onClick={onCancel}>
          <FormattedMessage id="participation.complete.cancel" />
        </button>
      }
      onSubmit={async (values) => {
        await saveAnswers(answersPayload(asked, values.answers, "omit"));
        // What the resident may do changed with the answers: read every decision again.
        await queryClient.invalidateQueries({ refetchType: "all" });
        onDone();
      }}
    >
      <AnswerFields fields={asked} form={form} prefix="answers" />
    </Form>
  );
}

/**
 * "Complete your profile" in place: the questions an action needs, right
 * where the resident tried it. The heading takes focus when it opens, so a
 * screen reader hears why; the form's error summary takes it on a failed save.
 */
export function CompleteProfile({ fieldIds, onDone, onCancel }: Props) {
  const registration = useRegistrationForm();
  const heading = useRef<HTMLHeadingElement>(null);
  const byId = new Map((registration.data?.fields ?? []).map((field) => [field.id, field]));
  const fields = fieldIds.map((id) => byId.get(id)).filter((field): field is RegistrationField => !!field);

  useEffect(() => heading.current?.focus(), []);

  return (
    <section className="panel complete-profile" aria-labelledby="complete-profile-title">
      <h2 id="complete-profile-title" tabIndex={-1} ref={heading}>
        <FormattedMessage id="participation.complete.title" />
      </h2>
      <p>
        <FormattedMessage id="participation.complete.intro" values={{ count: fieldIds.length }} />
      </p>
      {registration.isPending ? <Loading /> : null}
      {registration.isError ? (
        <p role="alert" className="notice notice--error">
          <FormattedMessage id="error.network" />
        </p>
      ) : null}
      {registration.isSuccess ? <AnswersForm fields={fields} onDone={onDone} onCancel={onCancel} /> : null}
    </section>
  );
}
