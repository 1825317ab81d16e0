import { FormattedDate, FormattedMessage } from "react-intl";
import { LoadError, Loading } from "@/components/Loading";
import { useDevMails } from "./api";

const URL_PATTERN = /(https?:\/\/[^\s<>"]+)/g;

/** The mail's text with its links clickable (text only: no HTML from the mail is rendered). */
function Linkified({ text }: { text: string }) {
  return (
    <>
      {text.split(URL_PATTERN).map((part, index) =>
        index % 2 === 1 ? (
          <a key={index} href={part}>
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </>
  );
}

/** Emails the local stack "sent" (SES on moto), so sign-up links can be followed locally. */
export function MailViewerPage() {
  const mails = useDevMails();
  return (
    <>
      <h1>
        <FormattedMessage id="admin.mail.title" />
      </h1>
      <p>
        <button type="button" className="button button--secondary" onClick={() => void mails.refetch()}>
          <FormattedMessage id="admin.mail.refresh" />
        </button>
      </p>
      {mails.isPending ? <Loading /> : null}
      {mails.isError ? <LoadError error={mails.error} /> : null}
      {mails.data && mails.data.items.length === 0 ? (
        <p>
          <FormattedMessage id="admin.mail.empty" />
        </p>
      ) : null}
      <ul className="mail-list">
        {mails.data?.items.map((mail) => (
          <li key={mail.id} className="mail">
            <details>
              <summary>
                <strong>{mail.subject}</strong> —{" "}
                {mail.to.join(", ")}
                {mail.date ? (
                  <>
                    {" — "}
                    <FormattedDate value={mail.date} dateStyle="medium" timeStyle="short" />
                  </>
                ) : null}
              </summary>
              {/* Plain text keeps the viewer free of the mail's own HTML and scripts. */}
              <pre className="mail__text">
                <Linkified text={mail.text ?? ""} />
              </pre>
            </details>
          </li>
        ))}
      </ul>
    </>
  );
}
