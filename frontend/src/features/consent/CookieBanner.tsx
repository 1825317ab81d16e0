import { useEffect, useId, useRef, useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { Link } from "react-router";
import { CheckboxField } from "@/components/Field";
import { NO_CONSENT } from "./consent";
import { useConsent } from "./ConsentProvider";

/**
 * The cookie choices: functional cookies (always on), analytics and marketing
 * (off until chosen). Shown on the first visit and from "Cookie settings" in
 * the footer. It is a labelled region, not a modal: the page stays usable and
 * nothing non-essential runs until a choice is made. When it opens from the
 * footer, focus moves to its heading; Escape closes it once a choice exists,
 * and focus returns to the link that opened it.
 */
export function CookieBanner() {
  const intl = useIntl();
  const { consent, open, choose, close } = useConsent();
  const [analytics, setAnalytics] = useState(consent?.analytics ?? false);
  const [marketing, setMarketing] = useState(consent?.marketing ?? false);
  const heading = useRef<HTMLHeadingElement>(null);
  const titleId = useId();

  useEffect(() => {
    if (!open) return;
    setAnalytics(consent?.analytics ?? false);
    setMarketing(consent?.marketing ?? false);
    if (consent !== null) heading.current?.focus();
  }, [open, consent]);

  if (!open) return null;
  return (
    <section
      className="cookie-banner"
      role="region"
      aria-labelledby={titleId}
      onKeyDown={(event) => {
        if (event.key === "Escape" && consent !== null) close();
      }}
    >
      <h2 id={titleId} ref={heading} tabIndex={-1}>
        <FormattedMessage id="consent.title" />
      </h2>
      <p>
        <FormattedMessage
          id="consent.intro"
          values={{ link: (chunks) => <Link to="/privacy">{chunks}</Link> }}
        />
      </p>
      <fieldset className="cookie-banner__choices">
        <legend>{intl.formatMessage({ id: "consent.categories" })}</legend>
        <CheckboxField
          name="consent_functional"
          checked
          disabled
          label={<FormattedMessage id="consent.functional" />}
          hint={<FormattedMessage id="consent.functionalHint" />}
        />
        <CheckboxField
          name="consent_analytics"
          checked={analytics}
          onChange={(event) => setAnalytics(event.target.checked)}
          label={<FormattedMessage id="consent.analytics" />}
          hint={<FormattedMessage id="consent.analyticsHint" />}
        />
        <CheckboxField
          name="consent_marketing"
          checked={marketing}
          onChange={(event) => setMarketing(event.target.checked)}
          label={<FormattedMessage id="consent.marketing" />}
          hint={<FormattedMessage id="consent.marketingHint" />}
        />
      </fieldset>
      <div className="cookie-banner__actions">
        <button type="button" className="button" onClick={() => choose({ analytics: true, marketing: true })}>
          <FormattedMessage id="consent.acceptAll" />
        </button>
        <button type="button" className="button" onClick={() => choose(NO_CONSENT)}>
          <FormattedMessage id="consent.rejectAll" />
        </button>
        <button type="button" className="button button--secondary" onClick={() => choose({ analytics, marketing })}>
          <FormattedMessage id="consent.save" />
        </button>
      </div>
    </section>
  );
}

/** The footer's "Cookie settings" button: opens the choices again at any time. */
export function CookieSettingsLink() {
  const { reopen } = useConsent();
  return (
    <button type="button" className="link-button" onClick={(event) => reopen(event.currentTarget)}>
      <FormattedMessage id="consent.settings" />
    </button>
  );
}
