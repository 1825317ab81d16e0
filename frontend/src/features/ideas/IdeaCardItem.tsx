import { forwardRef } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { Link } from "react-router";
import { personName } from "@/features/people";
import { useLocalized } from "@/lib/i18n";
import { IdeaStatusBadge } from "./IdeaStatusBadge";
import { ProposalProgress } from "./ProposalProgress";
import type { IdeaCard } from "./types";

/**
 * One idea in the list: its heading is the link, counts are spelled out for
 * screen readers. A proposal shows its signatures against its goal instead of likes.
 */
export const IdeaCardItem = forwardRef<HTMLAnchorElement, { idea: IdeaCard; showDislikes: boolean }>(
  function IdeaCardItem({ idea, showDislikes }, ref) {
  const localize = useLocalized();
  const intl = useIntl();
  return (
    <article className="card idea-card">
      {idea.image ? (
        <img className="card__image" src={idea.image.thumbnail_url} alt="" loading="lazy" />
      ) : null}
      <div className="card__body">
        <h3 className="card__title">
          <Link to={`/ideas/${idea.id}`} ref={ref}>
            {localize(idea.title)}
          </Link>
        </h3>
        <p className="card__meta">
          <FormattedMessage id="ideas.card.by" values={{ name: personName(idea.author, intl) }} />
        </p>
        {idea.status ? <IdeaStatusBadge status={idea.status} /> : null}
        {localize(idea.excerpt) ? <p className="idea-card__excerpt">{localize(idea.excerpt)}</p> : null}
        {idea.proposal ? <ProposalProgress progress={idea.proposal} /> : null}
        <ul className="idea-card__counts">
          {idea.proposal ? null : (
            <li>
              <FormattedMessage id="ideas.count.likes" values={{ count: idea.likes }} />
            </li>
          )}
          {showDislikes && !idea.proposal ? (
            <li>
              <FormattedMessage id="ideas.count.dislikes" values={{ count: idea.dislikes }} />
            </li>
          ) : null}
          <li>
            <FormattedMessage id="ideas.count.comments" values={{ count: idea.comments }} />
          </li>
        </ul>
      </div>
    </article>
  );
  },
);
