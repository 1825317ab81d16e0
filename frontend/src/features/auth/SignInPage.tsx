import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { FormattedMessage } from "react-intl";
import { Link, useNavigate, useSearchParams } from "react-router";
import { z } from "zod";
import { TextField } from "@/components/Field";
import { Form } from "@/components/Form";
import { SignInProviders } from "@/features/verification";
import { useValidationMessages } from "@/lib/forms/messages";
import { signIn } from "./api";

/** Only same-site paths are followed after sign-in (no open redirect). */
export function safeNext(next: string | null): string {
  return next && next.startsWith("/") && !next.startsWith("//") ? next : "/";
}

export function SignInPage() {
  const messages = useValidationMessages();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const schema = z.object({
    email: z.string().trim().min(1, messages.required).pipe(z.email(messages.email)),
    password: z.string().min(1, messages.required),
  });
  const form = useForm<z.infer<typeof schema>>({
    resolver: zodResolver(schema),
    // The error summary takes focus instead (GOV.UK pattern), then links to each field.
    shouldFocusError: false,
    defaultValues: { email: "", password: "" },
  });
  const { errors } = form.formState;

  return (
    <div className="narrow">
      <h1>
        <FormattedMessage id="signIn.title" />
      </h1>
      <SignInProviders next={safeNext(params.get("next"))} />
      <Form
        form={form}
        submitLabel={<FormattedMessage id="signIn.submit" />}
        onSubmit={async (values) => {
          await signIn(values);
          navigate(safeNext(params.get("next")));
        }}
      >
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
          autoComplete="current-password"
          error={errors.password?.message}
          {...form.register("password")}
        />
      </Form>
      <p>
        <Link to="/reset-password">
          <FormattedMessage id="signIn.forgot" />
        </Link>
      </p>
      <p>
        <FormattedMessage
          id="signIn.noAccount"
          values={{ link: (chunks) => <Link to="/sign-up">{chunks}</Link> }}
        />
      </p>
    </div>
  );
}
