import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FormattedMessage } from "react-intl";
import { Link, useSearchParams } from "react-router";
import { z } from "zod";
import { TextField } from "@/components/Field";
import { Form } from "@/components/Form";
import { useValidationMessages } from "@/lib/forms/messages";
import { confirmPasswordReset, requestPasswordReset } from "./api";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password";

function RequestReset() {
  const messages = useValidationMessages();
  const [sent, setSent] = useState(false);
  const schema = z.object({
    email: z.string().trim().min(1, messages.required).pipe(z.email(messages.email)),
  });
  const form = useForm<z.infer<typeof schema>>({
    resolver: zodResolver(schema),
    // The error summary takes focus instead (GOV.UK pattern), then links to each field.
    shouldFocusError: false,
    defaultValues: { email: "" },
  });
  if (sent) {
    return (
      <p role="status">
        <FormattedMessage id="reset.requested" />
      </p>
    );
  }
  return (
    <>
      <p>
        <FormattedMessage id="reset.requestIntro" />
      </p>
      <Form
        form={form}
        submitLabel={<FormattedMessage id="reset.requestSubmit" />}
        onSubmit={async ({ email }) => {
          await requestPasswordReset(email);
          setSent(true);
        }}
      >
        <TextField
          label={<FormattedMessage id="field.email" />}
          type="email"
          autoComplete="email"
          error={form.formState.errors.email?.message}
          {...form.register("email")}
        />
      </Form>
    </>
  );
}

function ChooseNewPassword({ token }: { token: string }) {
  const messages = useValidationMessages();
  const [done, setDone] = useState(false);
  const schema = z.object({
    password: z
      .string()
      .min(PASSWORD_MIN_LENGTH, messages.minLength(PASSWORD_MIN_LENGTH))
      .max(PASSWORD_MAX_LENGTH, messages.maxLength(PASSWORD_MAX_LENGTH)),
  });
  const form = useForm<z.infer<typeof schema>>({
    resolver: zodResolver(schema),
    // The error summary takes focus instead (GOV.UK pattern), then links to each field.
    shouldFocusError: false,
    defaultValues: { password: "" },
  });
  if (done) {
    return (
      <div role="status">
        <p>
          <FormattedMessage id="reset.done" />
        </p>
        <p>
          <Link to="/sign-in">
            <FormattedMessage id="nav.signIn" />
          </Link>
        </p>
      </div>
    );
  }
  return (
    <Form
      form={form}
      submitLabel={<FormattedMessage id="reset.confirmSubmit" />}
      mapField={(field) => (field === "password" ? "password" : null)}
      onSubmit={async ({ password }) => {
        await confirmPasswordReset(token, password);
        setDone(true);
      }}
    >
      <TextField
        label={<FormattedMessage id="field.newPassword" />}
        type="password"
        autoComplete="new-password"
        hint={<FormattedMessage id="password.rules" values={{ min: PASSWORD_MIN_LENGTH }} />}
        error={form.formState.errors.password?.message}
        {...form.register("password")}
      />
    </Form>
  );
}

/** Without a token: ask for the reset email. With the token from that email: choose a password. */
export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get("token");
  return (
    <div className="narrow">
      <h1>
        <FormattedMessage id="reset.title" />
      </h1>
      {token ? <ChooseNewPassword token={token} /> : <RequestReset />}
    </div>
  );
}
