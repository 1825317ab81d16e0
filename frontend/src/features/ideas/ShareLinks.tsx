import { useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { mailtoLink, shareTargets } from "./share";
import type { InputWording } from "./wording";

/**
 * Copy the link (Clipboard API, with a visible confirmation; if the browser
 * refuses, the link is shown selected to copy by hand), email it, or open a
 * network's own share page. No third-party script is loaded.
 */
export function ShareLinks({ url, title, words }: { url: string; title: string; words: InputWording }) {
  const intl = useIntl();
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied("yes");
    } catch {
      setCopied("failed");
    }
  };
  return (
    <section className="share" aria-labelledby="share-title">
      <h2 id="share-title" className="share__title">
        <FormattedMessage id={words.shareTitle} />
      </h2>
      <ul className="share__list">
        <li>
          <button type="button" className="button button--secondary button--small" onClick={() => void copy()}>
            <FormattedMessage id="ideas.share.copy" />
          </button>
        </li>
        <li>
          <a href={mailtoLink(url, title, intl.formatMessage({ id: words.shareMailBody }))}>
            <FormattedMessage id="ideas.share.email" />
          </a>
        </li>
        {shareTargets(url, title).map((target) => (
          <li key={target.id}>
            <a href={target.href} target="_blank" rel="noopener noreferrer">
              <FormattedMessage id={`ideas.share.${target.id}`} />
              <span className="visually-hidden">
                {" "}
                <FormattedMessage id="ideas.share.newWindow" />
              </span>
            </a>
          </li>
        ))}
      </ul>
      <div role="status">
        {copied === "yes" ? (
          <p className="notice notice--success">
            <FormattedMessage id="ideas.share.copied" />
          </p>
        ) : null}
      </div>
      {copied === "failed" ? (
        <p>
          <label htmlFor="share-url">
            <FormattedMessage id="ideas.share.copyManually" />
          </label>{" "}
          <input
            id="share-url"
            className="field__input"
            readOnly
            value={url}
            onFocus={(event) => event.target.select()}
            ref={(element) => element?.focus()}
          />
        </p>
      ) : null}
    </section>
  );
}
