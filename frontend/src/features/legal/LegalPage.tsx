import { useEffect } from "react";
import { FormattedDate, FormattedMessage, useIntl } from "react-intl";
import { LoadError, Loading } from "@/components/Loading";
import { useLocalized } from "@/lib/i18n";
import { useLegalPages, type LegalDocumentKind } from "./api";

/**
 * The platform's privacy policy or terms of use (`/privacy`, `/terms`): the
 * current version, with its number and date, in the viewer's language. The
 * HTML was sanitised by the server when an admin published it.
 */
export function LegalPage({ document: kind }: { document: LegalDocumentKind }) {
  const intl = useIntl();
  const localize = useLocalized();
  const pages = useLegalPages();
  const title = intl.formatMessage({ id: kind === "privacy" ? "legal.privacy" : "legal.terms" });
  useEffect(() => {
    window.document.title = title;
  }, [title]);
  if (pages.isPending) return <Loading />;
  if (pages.isError) return <LoadError error={pages.error} />;
  const page = pages.data[kind];
  return (
    <article className="legal-page">
      <h1>{title}</h1>
      {page ? (
        <>
          <p className="muted">
            <FormattedMessage
              id="legal.version"
              values={{ version: page.version, date: <FormattedDate value={page.published_at} dateStyle="long" /> }}
            />
          </p>
          <div className="rich-text" dangerouslySetInnerHTML={{ __html: localize(page.content) }} />
        </>
      ) : (
        <p>
          <FormattedMessage id="legal.notPublished" />
        </p>
      )}
    </article>
  );
}

export function PrivacyPage() {
  return <LegalPage document="privacy" />;
}

export function TermsPage() {
  return <LegalPage document="terms" />;
}
