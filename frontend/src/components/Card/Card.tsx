import type { ReactNode } from "react";
import { Link } from "react-router";

interface Props {
  to: string;
  title: string;
  imageUrl?: string | null;
  children?: ReactNode;
  headingLevel?: 2 | 3;
}

/** A linked card: the heading is the link, so the card reads well in a list. */
export function Card({ to, title, imageUrl, children, headingLevel = 3 }: Props) {
  const Heading = `h${headingLevel}` as const;
  return (
    <article className="card">
      {imageUrl ? <img className="card__image" src={imageUrl} alt="" loading="lazy" /> : null}
      <div className="card__body">
        <Heading className="card__title">
          <Link to={to}>{title}</Link>
        </Heading>
        {children}
      </div>
    </article>
  );
}
