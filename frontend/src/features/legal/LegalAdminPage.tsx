import { lazy, Suspense, useState } from "react";
import { FormattedDate, FormattedMessage, useIntl } from "react-intl";
import { Loading } from "@/components/Loading";
import { nativeLanguageName } from "@/config/locales";
import { platformQueryKey, usePlatform } from "@/features/platform";
import { api, unwrap } from "@/lib/api/client";
import { ApiProblem } from "@/lib/api/problem";
import { useQueryClient } from "@tanstack/react-query";
import { useLegalPages, useLegalVersions, usePublishLegal, type LegalDocumentKind } from "./api";

const RichTextEditor = lazy(() =>
  import("@/components/RichTextEditor").then((module) => ({ default: module.RichTextEditor })),
);

function problemText(error: unknown): string | null {
  if (!error) return null;
  return error instanceof ApiProblem ? error.detail || error.code : String(error);
}

/** What happens to a deleted account's contributions, and the optional analytics script. */
function PrivacySettingsForm() {
  const intl = useIntl();
  const platform = usePlatform();
  const client = useQueryClient();
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!platform.data) return <Loading />;
  const privacy = platform.data.privacy ?? { deleted_content: "anonymise", analytics_script_url: null };
  return (
    <form
      aria-labelledby="privacy-settings-title"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const url = String(data.get("analytics_script_url") ?? "").trim();
        setSaved(false);
        setError(null);
        void unwrap(
          api.PATCH("/api/v1/platform", {
            body: {
              privacy: {
                deleted_content: data.get("deleted_content") === "delete" ? "delete" : "anonymise",
                analytics_script_url: url || null,
              },
            },
          }),
        )
          .then(() => client.invalidateQueries({ queryKey: platformQueryKey }))
          .then(() => setSaved(true))
          .catch((failure: unknown) => setError(problemText(failure)));
      }}
    >
      <h2 id="privacy-settings-title">
        <FormattedMessage id="legal.admin.settings" />
      </h2>
      {saved ? (
        <p role="status" className="notice notice--success">
          <FormattedMessage id="legal.admin.saved" />
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="field__error">
          {error}
        </p>
      ) : null}
      <div className="field">
        <label className="field__label" htmlFor="deleted-content">
          <FormattedMessage id="legal.admin.deletedContent" />
        </label>
        <select id="deleted-content" name="deleted_content" className="field__input" defaultValue={privacy.deleted_content}>
          <option value="anonymise">{intl.formatMessage({ id: "legal.admin.anonymise" })}</option>
          <option value="delete">{intl.formatMessage({ id: "legal.admin.delete" })}</option>
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor="analytics-script-url">
          <FormattedMessage id="legal.admin.analytics" />
        </label>
        <p className="field__hint" id="analytics-script-url-hint">
          <FormattedMessage id="legal.admin.analyticsHint" />
        </p>
        <input
          id="analytics-script-url"
          name="analytics_script_url"
          type="url"
          className="field__input"
          aria-describedby="analytics-script-url-hint"
          defaultValue={privacy.analytics_script_url ?? ""}
        />
      </div>
      <button type="submit" className="button">
        <FormattedMessage id="legal.admin.save" />
      </button>
    </form>
  );
}

/** Publish a new version of one page: one editor per language of the platform. */
function PublishForm({ document }: { document: LegalDocumentKind }) {
  const platform = usePlatform();
  const pages = useLegalPages();
  const publish = usePublishLegal();
  const current = pages.data?.[document];
  const [content, setContent] = useState<Record<string, string>>(() => ({ ...(current?.content ?? {}) }));
  const [published, setPublished] = useState<number | null>(null);
  const locales = platform.data?.enabled_locales ?? ["en"];
  const titleId = `legal-${document}-title`;
  return (
    <section aria-labelledby={titleId} className="panel">
      <h2 id={titleId}>
        <FormattedMessage id={document === "privacy" ? "legal.privacy" : "legal.terms"} />
      </h2>
      <p className="muted">
        {current ? (
          <FormattedMessage
            id="legal.version"
            values={{ version: current.version, date: <FormattedDate value={current.published_at} dateStyle="long" /> }}
          />
        ) : (
          <FormattedMessage id="legal.notPublished" />
        )}
      </p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setPublished(null);
          publish.mutate(
            { document, content: Object.fromEntries(Object.entries(content).filter(([, html]) => html.trim())) },
            { onSuccess: (page) => setPublished(page.version) },
          );
        }}
      >
        <Suspense fallback={<Loading />}>
          {locales.map((locale) => (
            <RichTextEditor
              key={locale}
              name={`${document}.${locale}`}
              lang={locale}
              label={nativeLanguageName(locale)}
              value={content[locale] ?? ""}
              onChange={(html) => setContent((before) => ({ ...before, [locale]: html }))}
            />
          ))}
        </Suspense>
        {published ? (
          <p role="status" className="notice notice--success">
            <FormattedMessage id="legal.admin.published" values={{ version: published }} />
          </p>
        ) : null}
        {publish.error ? (
          <p role="alert" className="field__error">
            {problemText(publish.error)}
          </p>
        ) : null}
        <button type="submit" className="button" disabled={publish.isPending}>
          <FormattedMessage id="legal.admin.publish" />
        </button>
      </form>
    </section>
  );
}

/** Back-office "Privacy": legal pages (each publication a new version) and privacy settings. */
export function LegalAdminPage() {
  const pages = useLegalPages();
  const versions = useLegalVersions();
  return (
    <div>
      <h1>
        <FormattedMessage id="legal.admin.title" />
      </h1>
      <PrivacySettingsForm />
      {pages.data ? (
        <>
          <PublishForm document="privacy" />
          <PublishForm document="terms" />
        </>
      ) : (
        <Loading />
      )}
      {versions.data && versions.data.items.length > 0 ? (
        <section aria-labelledby="legal-history-title">
          <h2 id="legal-history-title">
            <FormattedMessage id="legal.admin.history" />
          </h2>
          <ul>
            {versions.data.items.map((item) => (
              <li key={`${item.document}-${item.version}`}>
                <FormattedMessage id={item.document === "privacy" ? "legal.privacy" : "legal.terms"} />
                {" — "}
                <FormattedMessage
                  id="legal.version"
                  values={{ version: item.version, date: <FormattedDate value={item.published_at} dateStyle="long" /> }}
                />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
