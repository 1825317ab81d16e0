import { useEffect, useRef } from "react";
import { FormattedMessage } from "react-intl";

export interface ErrorSummaryItem {
  /** The id of the field to focus, or null for an error that belongs to no field. */
  fieldId: string | null;
  message: string;
}

interface Props {
  items: ErrorSummaryItem[];
  /** Changes on every failed submit: the summary then takes focus (GOV.UK pattern). */
  focusSignal: number;
}

/** Lists what went wrong at the top of a form and links to each field. */
export function ErrorSummary({ items, focusSignal }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const handled = useRef(0);
  const hasItems = items.length > 0;

  // Focus once per failed submit, as soon as the summary has something to say:
  // the errors may arrive in the same render as the signal or just after it.
  useEffect(() => {
    if (focusSignal > handled.current && hasItems && ref.current) {
      handled.current = focusSignal;
      ref.current.focus();
    }
  }, [focusSignal, hasItems]);

  if (items.length === 0) return null;
  return (
    <div
      ref={ref}
      className="error-summary"
      tabIndex={-1}
      role="alert"
      aria-labelledby="error-summary-title"
    >
      <h2 id="error-summary-title" className="error-summary__title">
        <FormattedMessage id="form.errorSummary.title" />
      </h2>
      <ul className="error-summary__list">
        {items.map((item, index) => (
          <li key={`${item.fieldId ?? "form"}-${index}`}>
            {item.fieldId ? (
              <a
                href={`#${item.fieldId}`}
                onClick={(event) => {
                  event.preventDefault();
                  document.getElementById(item.fieldId as string)?.focus();
                }}
              >
                {item.message}
              </a>
            ) : (
              item.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
