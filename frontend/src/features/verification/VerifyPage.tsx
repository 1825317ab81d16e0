import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { FormattedMessage } from "react-intl";
import { Link, useSearchParams } from "react-router";
import { z } from "zod";
import { TextField } from "@/components/Field";
import { Form } from "@/components/Form";
import { LoadError, Loading } from "@/components/Loading";
import { RequireAuth } from "@/features/auth/RequireAuth";
import { useSession } from "@/features/auth/useSession";
import { useValidationMessages } from "@/lib/forms/messages";
import { goToProvider, useMyVerification, useRedeemCode, useVerificationMethods } from "./api";
import { OidcErrorNotice } from "./OidcErrorNotice";

/** Only same-site paths are followed (no open redirect). */
function safeNext(next: string | null): string {
  return next && next.startsWith("/") && !next.startsWith("//") ? next : "/";
}

function CodeForm({ viewer }: { viewer: string }) {
  const messages = useValidationMessages();
  const redeem = useRedeemCode(viewer);
  const schema = z.object({ code: z.string().trim().min(1, messages.required) });
  const form = useForm<z.infer<typeof schema>>({
    resolver: zodResolver(schema),
    shouldFocusError: false,
    defaultValues: { code: "" },
  });
  return (
    <section className="card" aria-labelledby="verify-code-title">
      <h2 id="verify-code-title">
        <FormattedMessage id="verification.code.title" />
      </h2>
      <Form
        form={form}
        submitLabel={<FormattedMessage id="verification.code.submit" />}
        onSubmit={async (values) => {
          await redeem.mutateAsync(values.code);
        }}
      >
        <TextField
          label={<FormattedMessage id="verification.code.label" />}
          hint={<FormattedMessage id="verification.code.hint" />}
          autoComplete="off"
          spellCheck={false}
          error={form.formState.errors.code?.message}
          {...form.register("code")}
        />
      </Form>
    </section>
  );
}

function ProviderButton({ name, returnTo }: { name: string; returnTo: string }) {
  const [failed, setFailed] = useState<boolean>(false);
  return (
    <section className="card" aria-labelledby="verify-provider-title">
      <h2 id="verify-provider-title">
        <FormattedMessage id="verification.provider.title" values={{ name }} />
      </h2>
      <p>
        <FormattedMessage id="verification.provider.intro" values={{ name }} />
      </p>
      <button
        type="button"
        className="button"
        onClick={() => {
          setFailed(false);
          goToProvider("verify", returnTo).catch(() => setFailed(true));
        }}
      >
        <FormattedMessage id="verification.provider.button" values={{ name }} />
      </button>
      {failed ? (
        <p role="alert" className="field__error">
          <FormattedMessage id="verification.oidcError.provider_unavailable" />
        </p>
      ) : null}
    </section>
  );
}

function Verified({ method, next }: { method: string; next: string | null }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div ref={ref} tabIndex={-1} role="status" className="notice notice--success">
      <p>
        <FormattedMessage
          id={method === "oidc" ? "verification.done.oidc" : "verification.done.code"}
        />
      </p>
      {next ? (
        <p>
          <Link to={safeNext(next)}>
            <FormattedMessage id="verification.done.continue" />
          </Link>
        </p>
      ) : null}
    </div>
  );
}

function VerifyContent({ viewer }: { viewer: string }) {
  const [params] = useSearchParams();
  const status = useMyVerification(viewer);
  const methods = useVerificationMethods();
  if (status.isPending || methods.isPending) return <Loading />;
  if (status.error) return <LoadError error={status.error} />;
  if (methods.error) return <LoadError error={methods.error} />;
  const next = params.get("next");
  if (status.data.verified_at) {
    return <Verified method={status.data.method ?? "code"} next={next} />;
  }
  const offers = methods.data.methods;
  return (
    <>
      <OidcErrorNotice code={params.get("oidc_error")} />
      <p>
        <FormattedMessage id="verification.intro" />
      </p>
      {offers.length === 0 ? (
        <p className="notice">
          <FormattedMessage id="verification.none" />
        </p>
      ) : null}
      {offers.map((offer) =>
        offer.kind === "form" ? (
          <CodeForm key={offer.id} viewer={viewer} />
        ) : (
          <ProviderButton key={offer.id} name={offer.name ?? ""} returnTo={safeNext(next)} />
        ),
      )}
    </>
  );
}

/** `/verify`: the ways this platform offers to prove who you are (`?next=` to come back to). */
export function VerifyPage() {
  const { user } = useSession();
  return (
    <RequireAuth>
      <div className="narrow">
        <h1>
          <FormattedMessage id="verification.title" />
        </h1>
        {user ? <VerifyContent viewer={user.id} /> : null}
      </div>
    </RequireAuth>
  );
}
