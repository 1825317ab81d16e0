import { lazy, Suspense } from "react";
import { FormattedDate, FormattedMessage, useIntl } from "react-intl";
import { Link, useParams } from "react-router";
import { FileList } from "@/components/FileList";
import { LoadError, Loading } from "@/components/Loading";
import { CommentsSection } from "@/features/comments";
import { FeedbackPanel, OfficialUpdates } from "@/features/feedback";
import { FollowButton } from "@/features/follows";
import { ModerationNotice, ReportButton } from "@/features/moderation";
import { personName } from "@/features/people";
import { useSession } from "@/features/auth/useSession";
import type { Phase } from "@/lib/api/types";
import { useLocalized } from "@/lib/i18n";
import { useIdea, useInputForm, useProjectForIdeas, useTopics } from "./api";
import { CustomFieldAnswers } from "./CustomFieldAnswers";
import { DeleteIdea } from "./DeleteIdea";
import { IdeaStatusBadge } from "./IdeaStatusBadge";
import { ideationConfig } from "./phase";
import { ReactionButtons } from "./ReactionButtons";
import { SanitisedHtml } from "./SanitisedHtml";
import { ShareLinks } from "./ShareLinks";
import { calendarDate, proposalCommitment } from "./proposal";
import { wordingFor } from "./wording";
import { ProposalProgress } from "./ProposalProgress";
import type { Idea, ProposalProgress as Progress } from "./types";

const IdeaLocationMap = lazy(() => import("./IdeaLocationMap"));

function Gallery({ idea, title }: { idea: Idea; title: string }) {
  const intl = useIntl();
  if (idea.images.length === 0) return null;
  return (
    <ul className="idea-gallery">
      {idea.images.map((image, index) => (
        <li key={image.key}>
          <a href={image.url}>
            <img
              src={image.thumbnail_url ?? image.url}
              alt={intl.formatMessage(
                { id: "ideas.page.image" },
                { index: index + 1, count: idea.images.length, title },
              )}
              loading="lazy"
            />
          </a>
        </li>
      ))}
    </ul>
  );
}

function Files({ idea }: { idea: Idea }) {
  return <FileList id="idea-files-title" title={<FormattedMessage id="ideas.page.files" />} files={idea.attachments} />;
}

/**
 * A proposal's signatures: its progress and deadline, what the city commits
 * to once it reaches its goal, and the Sign toggle.
 */
function Signatures({ idea, progress, phase }: { idea: Idea; progress: Progress; phase: Phase | undefined }) {
  const localize = useLocalized();
  const commitment = localize(proposalCommitment(phase));
  return (
    <section className="proposal-signatures" aria-labelledby="proposal-signatures-title">
      <h2 id="proposal-signatures-title">
        <FormattedMessage id="ideas.proposal.title" />
      </h2>
      <ProposalProgress progress={progress} detailed />
      {commitment && progress.state !== "expired" ? (
        <p className="proposal-signatures__commitment">
          <FormattedMessage
            id={progress.state === "reached" ? "ideas.proposal.commitmentReached" : "ideas.proposal.commitment"}
            values={{
              threshold: progress.threshold,
              date: <FormattedDate value={calendarDate(progress.deadline)} dateStyle="long" timeZone="UTC" />,
              commitment,
            }}
          />
        </p>
      ) : null}
      <ReactionButtons idea={idea} dislikesEnabled={false} variant="sign" />
    </section>
  );
}

/**
 * One idea (or proposal): what it says, where, its status, reactions (a
 * proposal's signatures instead), following and sharing, then the city's
 * official updates, the feedback panel (for those the policy allows) and
 * the discussion.
 */
export function IdeaPage() {
  const { ideaId = "" } = useParams();
  const intl = useIntl();
  const localize = useLocalized();
  const idea = useIdea(ideaId);
  const project = useProjectForIdeas(idea.data?.project_id);
  const form = useInputForm(idea.data?.project_id);
  const topics = useTopics();
  const viewer = useSession().user?.id;
  if (idea.isPending) return <Loading />;
  if (idea.isError) return <LoadError error={idea.error} />;
  const data = idea.data;
  const title = localize(data.title);
  const phase = project.data?.phases.find((item) => item.id === data.phase_id);
  const config = phase ? ideationConfig(phase) : null;
  const words = wordingFor(data.proposal ? "proposals" : "ideation");
  const topicNames = (topics.data?.items ?? [])
    .filter((topic) => data.topic_ids.includes(topic.id))
    .map((topic) => localize(topic.title));
  const url = `${window.location.origin}/ideas/${data.id}`;

  return (
    <article className="idea">
      {project.data ? (
        <p>
          <Link to={`/projects/${project.data.slug || project.data.id}`}>
            <FormattedMessage id="ideas.page.back" values={{ project: localize(project.data.title) }} />
          </Link>
        </p>
      ) : null}
      <h1>{title}</h1>
      <ModerationNotice moderation={data.moderation} />
      <p className="idea__meta">
        {data.status ? <IdeaStatusBadge status={data.status} /> : null}{" "}
        <FormattedMessage
          id="ideas.page.byline"
          values={{
            name: personName(data.author, intl),
            date: <FormattedDate value={data.created_at} dateStyle="long" />,
          }}
        />
      </p>
      {topicNames.length > 0 ? (
        <ul className="idea__topics" aria-label={intl.formatMessage({ id: "ideas.page.topics" })}>
          {topicNames.map((name) => (
            <li key={name} className="badge">
              {name}
            </li>
          ))}
        </ul>
      ) : null}
      <SanitisedHtml html={localize(data.body)} />
      {form.data ? <CustomFieldAnswers fields={form.data.custom_fields} values={data.custom_fields} /> : null}
      <Gallery idea={data} title={title} />
      {data.location ? (
        <section aria-labelledby="idea-location-title" className="idea-location">
          <h2 id="idea-location-title">
            <FormattedMessage id="ideas.page.location" />
          </h2>
          {data.location.address ? <p>{data.location.address}</p> : null}
          {data.location.lat !== null && data.location.lng !== null ? (
            <Suspense fallback={<Loading />}>
              <IdeaLocationMap lat={data.location.lat} lng={data.location.lng} title={title} color={data.status?.color} />
            </Suspense>
          ) : null}
        </section>
      ) : null}
      <Files idea={data} />
      {data.proposal ? (
        <Signatures idea={data} progress={data.proposal} phase={phase} />
      ) : (
        <ReactionButtons idea={data} dislikesEnabled={config?.dislikes_enabled ?? data.dislikes > 0} />
      )}
      <FollowButton kind="idea" id={data.id} />
      <ShareLinks url={url} title={title} words={words} />
      {viewer && viewer !== data.author.id ? (
        <ReportButton kind="idea" id={data.id} name={title} />
      ) : null}
      {data.permissions.edit.allowed || data.permissions.delete.allowed ? (
        <div className="idea__owner-actions form__actions">
          {data.permissions.edit.allowed ? (
            <Link className="button button--secondary" to={`/ideas/${data.id}/edit`}>
              <FormattedMessage id={words.edit} />
            </Link>
          ) : null}
          {data.permissions.delete.allowed ? <DeleteIdea ideaId={data.id} projectId={data.project_id} words={words} /> : null}
        </div>
      ) : null}
      <OfficialUpdates ideaId={data.id} />
      <FeedbackPanel idea={data} />
      <CommentsSection ideaId={data.id} permission={data.permissions.comment} />
    </article>
  );
}
