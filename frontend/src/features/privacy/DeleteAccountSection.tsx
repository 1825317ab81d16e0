import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FormattedMessage, useIntl } from "react-intl";
import { useNavigate } from "react-router";
import { z } from "zod";
import { CheckboxField, TextField } from "@/components/Field";
import { Form } from "@/components/Form";
import { usePlatform } from "@/features/platform";
import type { Me } from "@/lib/api/types";
import { useValidationMessages } from "@/lib/forms/messages";
import { deleteAccount } from "./api";

/**
 * "Delete my account": says what happens to the resident's contributions (the
 * platform's choice), asks for the password (or, for an account made with an
 * identity provider, a confirmation that emails a link), then signs out.
 */
export function DeleteAccountSection({ user }: { user: Me }) {
  const intl = useIntl();
  const messages = useValidationMessages();
  const navigate = useNavigate();
  const platform = usePlatform();
  const [emailed, setEmailed] = useState(false);
  const hasPassword = user.has_password !== false;
  const schema = z.object({
    password: hasPassword ? z.string().min(1, messages.required) : z.string(),
    confirm: z.boolean().refine((value) => value, intl.formatMessage({ id: "privacy.delete.mustConfirm" })),
  });
  type Values = z.infer<typeof schema>;
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    shouldFocusError: false,
    defaultValues: { password: "", confirm: false },
  });
  const kept = (platform.data?.privacy?.deleted_content ?? "anonymise") === "anonymise";
  return (
    <section aria-labelledby="delete-account" className="panel panel--danger">
      <h2 id="delete-account">
        <FormattedMessage id="privacy.delete.title" />
      </h2>
      <p>
        <FormattedMessage id="privacy.delete.intro" />
      </p>
      <p>
        <FormattedMessage id={kept ? "privacy.delete.kept" : "privacy.delete.removed"} />
      </p>
      {emailed ? (
        <p role="status" className="notice">
          <FormattedMessage id="privacy.delete.emailed" />
        </p>
      ) : (
        <Form
          form={form}
          aria-label="delete-account"
          submitLabel={<FormattedMessage id="privacy.delete.submit" />}
          onSubmit={async (values) => {
            const result = await deleteAccount(
              hasPassword ? { password: values.password, confirm: true } : { confirm: true },
            );
            if (result.status === "confirmation_sent") setEmailed(true);
            else navigate("/?account=deleted", { replace: true });
          }}
        >
          <CheckboxField
            label={<FormattedMessage id="privacy.delete.confirm" />}
            error={form.formState.errors.confirm?.message}
            {...form.register("confirm")}
          />
          {hasPassword ? (
            <TextField
              type="password"
              autoComplete="current-password"
              label={<FormattedMessage id="privacy.delete.password" />}
              error={form.formState.errors.password?.message}
              {...form.register("password")}
            />
          ) : null}
        </Form>
      )}
    </section>
  );
}
