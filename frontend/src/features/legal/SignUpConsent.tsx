import type { InputHTMLAttributes, ReactNode, Ref } from "react";
import { FormattedMessage } from "react-intl";
import { Link } from "react-router";
import { CheckboxField } from "@/components/Field";
import type { LegalPages } from "./api";

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id" | "type"> & {
  name: string;
  pages: LegalPages;
  error?: string;
  ref?: Ref<HTMLInputElement>;
};

/**
 * Sign-up's "I accept the privacy policy and terms of use" checkbox, with links
 * to the current versions (opened in a new tab, so the form keeps what was
 * typed). Renders nothing when the platform published neither.
 */
export function SignUpConsent({ pages, ...field }: Props) {
  if (!pages.privacy && !pages.terms) return null;
  const link = (to: string) => (chunks: ReactNode) => (
    <Link to={to} target="_blank" rel="noopener">
      {chunks}
    </Link>
  );
  const message =
    pages.privacy && pages.terms ? "legal.signUpBoth" : pages.privacy ? "legal.signUpPrivacy" : "legal.signUpTerms";
  return (
    <CheckboxField
      {...field}
      label={<FormattedMessage id={message} values={{ privacy: link("/privacy"), terms: link("/terms") }} />}
    />
  );
}
