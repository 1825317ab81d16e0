import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useMemo, useState, type FormEvent } from "react";
import { useForm } from "react-hook-form";
import { FormattedDate, FormattedMessage, useIntl } from "react-intl";
import { z } from "zod";
import { CheckboxField, TextAreaField, TextField } from "@/components/Field";
import { Form } from "@/components/Form";
import { LoadError, Loading } from "@/components/Loading";
import { useProblemTranslator, useValidationMessages } from "@/lib/forms/messages";
import { isApiProblem } from "@/lib/api/problem";
import {
  useGenerateCodes,
  useRevokeBatch,
  useRevokeCode,
  useSetMethods,
  useSetProvider,
  useUploadCodes,
  useVerificationAdmin,
  type CodeBatch,
  type VerificationAdmin,
} from "./api";
import { codesCsv, parseCodes } from "./codes";

function useDescribe() {
  const intl = useIntl();
  const translate = useProblemTranslator();
  return (error: unknown) =>
    isApiProblem(error) ? translate(error.code, error.detail) : intl.formatMessage({ id: "error.network" });
}

function MethodsForm({ settings }: { settings: VerificationAdmin }) {
  const intl = useIntl();
  const save = useSetMethods();
  const describe = useDescribe();
  const [enabled, setEnabled] = useState(new Set(settings.enabled_methods));
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setResult(null);
    try {
      await save.mutateAsync([...enabled].filter((m): m is "code" | "oidc" => m === "code" || m === "oidc"));
      setResult({ ok: true, text: intl.formatMessage({ id: "verification.admin.saved" }) });
    } catch (error) {
      setResult({ ok: false, text: describe(error) });
    }
  };
  return (
    <section className="card" aria-labelledby="verification-methods-title">
      <h2 id="verification-methods-title">
        <FormattedMessage id="verification.admin.methods" />
      </h2>
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <fieldset className="field">
          <legend className="field__label">
            <FormattedMessage id="verification.admin.methodsLegend" />
          </legend>
          {settings.available_methods.map((method) => (
            <CheckboxField
              key={method}
              name={`method-${method}`}
              label={<FormattedMessage id={`verification.method.${method === "oidc" ? "oidc" : "code"}`} />}
              checked={enabled.has(method)}
              onChange={(event) => {
                const next = new Set(enabled);
                if (event.target.checked) next.add(method);
                else next.delete(method);
                setEnabled(next);
              }}
            />
          ))}
        </fieldset>
        {result ? (
          <p role={result.ok ? "status" : "alert"} className={result.ok ? "notice notice--success" : "field__error"}>
            {result.text}
          </p>
        ) : null}
        <div className="form__actions">
          <button type="submit" className="button" disabled={save.isPending}>
            <FormattedMessage id="verification.admin.saveMethods" />
          </button>
        </div>
      </form>
    </section>
  );
}

function BatchTable({ batches }: { batches: CodeBatch[] }) {
  const intl = useIntl();
  const revoke = useRevokeBatch();
  if (!batches.length) {
    return (
      <p>
        <FormattedMessage id="verification.admin.noBatches" />
      </p>
    );
  }
  return (
    <table className="table">
      <caption>
        <FormattedMessage id="verification.admin.batchesCaption" />
      </caption>
      <thead>
        <tr>
          {["label", "created", "total", "unused", "used", "revoked", "actions"].map((column) => (
            <th key={column} scope="col">
              <FormattedMessage id={`verification.admin.column.${column}`} />
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {batches.map((batch) => (
          <tr key={batch.id}>
            <th scope="row">{batch.label}</th>
            <td>
              <FormattedDate value={batch.created_at} dateStyle="medium" />
            </td>
            <td>{batch.total}</td>
            <td>{batch.unused}</td>
            <td>{batch.used}</td>
            <td>{batch.revoked}</td>
            <td>
              {batch.unused ? (
                <button
                  type="button"
                  className="button button--secondary"
                  disabled={revoke.isPending}
                  aria-label={intl.formatMessage({ id: "verification.admin.revokeBatchLabel" }, { label: batch.label })}
                  onClick={() => revoke.mutate(batch.id)}
                >
                  <FormattedMessage id="verification.admin.revokeBatch" />
                </button>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function UploadForm() {
  const messages = useValidationMessages();
  const intl = useIntl();
  const upload = useUploadCodes();
  const [done, setDone] = useState<string | null>(null);
  const schema = z.object({
    list_label: z.string().trim().min(1, messages.required),
    codes: z.string(),
    header: z.boolean(),
    file: z.any().optional(),
  });
  type Values = z.infer<typeof schema>;
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    shouldFocusError: false,
    defaultValues: { list_label: "", codes: "", header: false, file: undefined },
  });
  const [file, setFile] = useState<File | null>(null);
  return (
    <Form
      form={form}
      aria-label={intl.formatMessage({ id: "verification.admin.upload" })}
      submitLabel={<FormattedMessage id="verification.admin.uploadSubmit" />}
      mapField={(field) => (field === "label" ? "list_label" : field === "codes" ? "codes" : null)}
      onSubmit={async (values) => {
        setDone(null);
        const text = file ? await file.text() : values.codes;
        const codes = parseCodes(text, values.header);
        if (!codes.length) {
          form.setError("codes", { message: intl.formatMessage({ id: "verification.admin.noCodes" }) });
          throw new Error("no codes");
        }
        const result = await upload.mutateAsync({ label: values.list_label, codes });
        setDone(
          intl.formatMessage({ id: "verification.admin.uploaded" }, { count: result.batch.total, skipped: result.skipped }),
        );
        form.reset();
        setFile(null);
      }}
    >
      {done ? (
        <p role="status" className="notice notice--success">
          {done}
        </p>
      ) : null}
      <TextField
        label={<FormattedMessage id="verification.admin.label" />}
        error={form.formState.errors.list_label?.message}
        {...form.register("list_label")}
      />
      <TextAreaField
        label={<FormattedMessage id="verification.admin.codes" />}
        hint={<FormattedMessage id="verification.admin.codesHint" />}
        rows={6}
        error={form.formState.errors.codes?.message}
        {...form.register("codes")}
      />
      <TextField
        label={<FormattedMessage id="verification.admin.file" />}
        type="file"
        accept=".csv,.txt,text/csv,text/plain"
        name="file"
        onChange={(event) => setFile(event.target.files?.[0] ?? null)}
      />
      <CheckboxField label={<FormattedMessage id="verification.admin.header" />} {...form.register("header")} />
    </Form>
  );
}

function GeneratedList({ codes }: { codes: string[] }) {
  const url = useMemo(() => URL.createObjectURL(new Blob([codesCsv(codes)], { type: "text/csv" })), [codes]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return (
    <div role="status" className="notice notice--success">
      <p>
        <FormattedMessage id="verification.admin.generatedOnce" values={{ count: codes.length }} />
      </p>
      <p>
        <a href={url} download="verification-codes.csv" className="button">
          <FormattedMessage id="verification.admin.download" />
        </a>
      </p>
      <ul className="code-list">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}

function GenerateForm() {
  const messages = useValidationMessages();
  const intl = useIntl();
  const generate = useGenerateCodes();
  const [codes, setCodes] = useState<string[] | null>(null);
  const schema = z.object({
    batch_label: z.string().trim().min(1, messages.required),
    count: z.string().regex(/^\d+$/, messages.required),
  });
  const form = useForm<z.infer<typeof schema>>({
    resolver: zodResolver(schema),
    shouldFocusError: false,
    defaultValues: { batch_label: "", count: "50" },
  });
  return (
    <>
      <Form
        form={form}
        aria-label={intl.formatMessage({ id: "verification.admin.generate" })}
        submitLabel={<FormattedMessage id="verification.admin.generateSubmit" />}
        mapField={(field) => (field === "label" ? "batch_label" : field === "count" ? "count" : null)}
        onSubmit={async (values) => {
          setCodes(null);
          const result = await generate.mutateAsync({ label: values.batch_label, count: Number(values.count) });
          setCodes(result.codes);
        }}
      >
        <TextField
          label={<FormattedMessage id="verification.admin.label" />}
          error={form.formState.errors.batch_label?.message}
          {...form.register("batch_label")}
        />
        <TextField
          label={<FormattedMessage id="verification.admin.count" />}
          type="number"
          inputMode="numeric"
          min={1}
          max={5000}
          error={form.formState.errors.count?.message}
          {...form.register("count")}
        />
      </Form>
      {codes ? <GeneratedList codes={codes} /> : null}
    </>
  );
}

function RevokeCodeForm() {
  const intl = useIntl();
  const revoke = useRevokeCode();
  const describe = useDescribe();
  const [code, setCode] = useState("");
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!code.trim()) return;
    setResult(null);
    try {
      await revoke.mutateAsync(code.trim());
      setResult({ ok: true, text: intl.formatMessage({ id: "verification.admin.revoked" }) });
      setCode("");
    } catch (error) {
      setResult({ ok: false, text: describe(error) });
    }
  };
  return (
    <form className="form" noValidate onSubmit={(event) => void submit(event)}>
      <TextField
        label={<FormattedMessage id="verification.admin.revokeCode" />}
        name="revoke-code"
        value={code}
        autoComplete="off"
        onChange={(event) => setCode(event.target.value)}
      />
      {result ? (
        <p role={result.ok ? "status" : "alert"} className={result.ok ? "notice notice--success" : "field__error"}>
          {result.text}
        </p>
      ) : null}
      <div className="form__actions">
        <button type="submit" className="button button--secondary" disabled={revoke.isPending}>
          <FormattedMessage id="verification.admin.revokeCodeSubmit" />
        </button>
      </div>
    </form>
  );
}

function ProviderForm({ settings }: { settings: VerificationAdmin }) {
  const messages = useValidationMessages();
  const intl = useIntl();
  const save = useSetProvider();
  const [saved, setSaved] = useState(false);
  const current = settings.oidc;
  const claim = z.string().trim().max(100);
  const schema = z.object({
    name: z.string().trim().min(1, messages.required),
    issuer: z.string().trim().min(1, messages.required).pipe(z.url(messages.required)),
    client_id: z.string().trim().min(1, messages.required),
    client_secret: z.string(),
    subject: claim.min(1, messages.required),
    email: claim,
    first_name: claim,
    last_name: claim,
    sign_in: z.boolean(),
    verification: z.boolean(),
  });
  type Values = z.infer<typeof schema>;
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    shouldFocusError: false,
    defaultValues: {
      name: current?.name ?? "",
      issuer: current?.issuer ?? "",
      client_id: current?.client_id ?? "",
      client_secret: "",
      subject: current?.claims.subject ?? "sub",
      email: current?.claims.email ?? "email",
      first_name: current?.claims.first_name ?? "given_name",
      last_name: current?.claims.last_name ?? "family_name",
      sign_in: current?.sign_in ?? false,
      verification: current?.verification ?? true,
    },
  });
  const { errors } = form.formState;
  return (
    <Form
      form={form}
      aria-label={intl.formatMessage({ id: "verification.admin.provider" })}
      submitLabel={<FormattedMessage id="verification.admin.saveProvider" />}
      mapField={(field) => {
        const root = field.split(".")[0];
        if (root === "claims") return (field.split(".")[1] as keyof Values) ?? null;
        return (Object.keys(form.getValues()) as (keyof Values)[]).find((name) => name === root) ?? null;
      }}
      onSubmit={async (values) => {
        setSaved(false);
        await save.mutateAsync({
          name: values.name,
          issuer: values.issuer,
          client_id: values.client_id,
          ...(values.client_secret ? { client_secret: values.client_secret } : {}),
          claims: {
            subject: values.subject,
            email: values.email || null,
            first_name: values.first_name || null,
            last_name: values.last_name || null,
          },
          sign_in: values.sign_in,
          verification: values.verification,
        });
        form.setValue("client_secret", "");
        setSaved(true);
      }}
    >
      {saved ? (
        <p role="status" className="notice notice--success">
          <FormattedMessage id="verification.admin.saved" />
        </p>
      ) : null}
      <p>
        <FormattedMessage id="verification.admin.redirectUri" values={{ uri: <code>{settings.redirect_uri}</code> }} />
      </p>
      <TextField label={<FormattedMessage id="verification.admin.providerName" />} error={errors.name?.message} {...form.register("name")} />
      <TextField
        label={<FormattedMessage id="verification.admin.issuer" />}
        hint={<FormattedMessage id="verification.admin.issuerHint" />}
        type="url"
        error={errors.issuer?.message}
        {...form.register("issuer")}
      />
      <TextField label={<FormattedMessage id="verification.admin.clientId" />} error={errors.client_id?.message} {...form.register("client_id")} />
      <TextField
        label={<FormattedMessage id="verification.admin.clientSecret" />}
        hint={
          <FormattedMessage
            id={current?.client_secret_set ? "verification.admin.clientSecretSet" : "verification.admin.clientSecretHint"}
          />
        }
        type="password"
        autoComplete="new-password"
        error={errors.client_secret?.message}
        {...form.register("client_secret")}
      />
      <fieldset className="field">
        <legend className="field__label">
          <FormattedMessage id="verification.admin.claims" />
        </legend>
        <TextField label={<FormattedMessage id="verification.admin.claim.subject" />} error={errors.subject?.message} {...form.register("subject")} />
        <TextField label={<FormattedMessage id="verification.admin.claim.email" />} error={errors.email?.message} {...form.register("email")} />
        <TextField label={<FormattedMessage id="verification.admin.claim.firstName" />} error={errors.first_name?.message} {...form.register("first_name")} />
        <TextField label={<FormattedMessage id="verification.admin.claim.lastName" />} error={errors.last_name?.message} {...form.register("last_name")} />
      </fieldset>
      <CheckboxField label={<FormattedMessage id="verification.admin.useSignIn" />} {...form.register("sign_in")} />
      <CheckboxField label={<FormattedMessage id="verification.admin.useVerification" />} {...form.register("verification")} />
    </Form>
  );
}

/** `/admin/verification`: methods, code lists and the OpenID Connect provider. */
export function VerificationAdminPage() {
  const settings = useVerificationAdmin();
  return (
    <div>
      <h1>
        <FormattedMessage id="verification.admin.title" />
      </h1>
      {settings.isPending ? <Loading /> : null}
      {settings.error ? <LoadError error={settings.error} /> : null}
      {settings.data ? (
        <>
          <MethodsForm settings={settings.data} />
          <section className="card" aria-labelledby="verification-codes-title">
            <h2 id="verification-codes-title">
              <FormattedMessage id="verification.admin.codesTitle" />
            </h2>
            <BatchTable batches={settings.data.batches} />
            <h3>
              <FormattedMessage id="verification.admin.upload" />
            </h3>
            <UploadForm />
            <h3>
              <FormattedMessage id="verification.admin.generate" />
            </h3>
            <GenerateForm />
            <h3>
              <FormattedMessage id="verification.admin.revokeTitle" />
            </h3>
            <RevokeCodeForm />
          </section>
          <section className="card" aria-labelledby="verification-provider-title">
            <h2 id="verification-provider-title">
              <FormattedMessage id="verification.admin.provider" />
            </h2>
            <ProviderForm key={settings.data.oidc?.issuer ?? "none"} settings={settings.data} />
          </section>
        </>
      ) : null}
    </div>
  );
}
