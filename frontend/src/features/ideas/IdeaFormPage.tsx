import { useQueryClient } from "@tanstack/react-query";
import { FormattedMessage } from "react-intl";
import { Link, useNavigate, useParams } from "react-router";
import { LoadError, Loading } from "@/components/Loading";
import { RequireAuth } from "@/features/auth/RequireAuth";
import { BlockedNotice, useBlockedState } from "@/features/moderation";
import { api, unwrap } from "@/lib/api/client";
import { ApiProblem } from "@/lib/api/problem";
import { useLocale, useLocalized } from "@/lib/i18n";
import { collectsInputs } from "@/lib/phases";
import { ideaKeys, useIdea, useInputForm, useProjectForIdeas, useTopics } from "./api";
import { editLocale, emptyValues, ideaPayload, valuesFromIdea } from "./ideaForm";
import { IdeaForm } from "./IdeaForm";
import { CompleteProfile, ParticipationReason } from "@/features/participation";
import { postingDecision } from "./phase";
import { wordingFor } from "./wording";
import type { Idea } from "./types";

function NewIdea() {
  const { projectRef = "", phaseId = "" } = useParams();
  const { locale } = useLocale();
  const localize = useLocalized();
  const navigate = useNavigate();
  const client = useQueryClient();
  const project = useProjectForIdeas(projectRef);
  const inputForm = useInputForm(project.data?.id);
  const topics = useTopics();
  const blocked = useBlockedState();
  if (project.isError) return <LoadError error={project.error} />;
  if (inputForm.isError) return <LoadError error={inputForm.error} />;
  if (project.isPending || inputForm.isPending || topics.isPending) return <Loading />;
  const phase = project.data.phases.find((item) => item.id === phaseId);
  if (!phase || !collectsInputs(phase)) return <LoadError error={new ApiProblem(404, { code: "not_found", detail: "" })} />;
  const words = wordingFor(phase.method);
  const open = postingDecision(phase, true);
  const decision = open.allowed && blocked ? { allowed: false, reason: "blocked", fields: [] } : open;
  return (
    <div className="idea-form-page">
      <p>
        <Link to={`/projects/${project.data.slug || project.data.id}`}>
          <FormattedMessage id="ideas.page.back" values={{ project: localize(project.data.title) }} />
        </Link>
      </p>
      <h1>
        <FormattedMessage id={words.newTitle} />
      </h1>
      <p className="muted">{localize(phase.title)}</p>
      {decision.allowed ? (
        <IdeaForm
          inputForm={inputForm.data}
          topics={topics.data?.items ?? []}
          initialValues={emptyValues(inputForm.data)}
          draftScope={{ phaseId }}
          submitLabel={words.submitNew}
          words={words}
          onSubmit={async (values) => {
            const idea = await unwrap(
              api.POST("/api/v1/projects/{project_id}/phases/{phase_id}/ideas", {
                params: { path: { project_id: project.data.id, phase_id: phaseId } },
                body: ideaPayload(inputForm.data, values, locale),
              }),
            );
            client.setQueryData(ideaKeys.idea(idea.id), idea);
            void client.invalidateQueries({ queryKey: ["ideas", "list", phaseId] });
            void client.invalidateQueries({ queryKey: ideaKeys.pins(phaseId) });
            navigate(`/ideas/${idea.id}`);
          }}
        />
      ) : decision.reason === "missing_profile_fields" ? (
        // Arrived here directly: ask the missing answers, then the phase (re-read) lets them post.
        <CompleteProfile
          fieldIds={decision.fields}
          onDone={() => void project.refetch()}
          onCancel={() => navigate(`/projects/${project.data.slug || project.data.id}`)}
        />
      ) : (
        <ParticipationReason reason={decision.reason} action={words.postAction} />
      )}
    </div>
  );
}

function EditForm({ idea }: { idea: Idea }) {
  const { locale } = useLocale();
  const localize = useLocalized();
  const navigate = useNavigate();
  const client = useQueryClient();
  const inputForm = useInputForm(idea.project_id);
  const topics = useTopics();
  if (inputForm.isError) return <LoadError error={inputForm.error} />;
  if (inputForm.isPending || topics.isPending) return <Loading />;
  const writeLocale = editLocale(idea, locale);
  return (
    <div className="idea-form-page">
      <p>
        <Link to={`/ideas/${idea.id}`}>
          <FormattedMessage id="ideas.form.backToIdea" values={{ title: localize(idea.title) }} />
        </Link>
      </p>
      <h1>
        <FormattedMessage id={wordingFor(idea.proposal ? "proposals" : "ideation").editTitle} />
      </h1>
      {idea.permissions.edit.allowed ? (
        <IdeaForm
          inputForm={inputForm.data}
          topics={topics.data?.items ?? []}
          initialValues={valuesFromIdea(idea, inputForm.data, writeLocale)}
          draftScope={{ ideaId: idea.id }}
          submitLabel="ideas.form.submitEdit"
          words={wordingFor(idea.proposal ? "proposals" : "ideation")}
          onSubmit={async (values) => {
            const updated = await unwrap(
              api.PATCH("/api/v1/ideas/{idea_id}", {
                params: { path: { idea_id: idea.id } },
                body: ideaPayload(inputForm.data, values, writeLocale, idea),
              }),
            );
            client.setQueryData(ideaKeys.idea(idea.id), updated);
            void client.invalidateQueries({ queryKey: ["ideas", "list", idea.phase_id] });
            void client.invalidateQueries({ queryKey: ideaKeys.pins(idea.phase_id) });
            navigate(`/ideas/${idea.id}`);
          }}
        />
      ) : idea.permissions.edit.reason === "blocked" ? (
        <BlockedNotice />
      ) : (
        <p className="notice">
          <FormattedMessage id="ideas.form.cannotEdit" />
        </p>
      )}
    </div>
  );
}

function EditIdea() {
  const { ideaId = "" } = useParams();
  const idea = useIdea(ideaId);
  if (idea.isPending) return <Loading />;
  if (idea.isError) return <LoadError error={idea.error} />;
  return <EditForm idea={idea.data} />;
}

/** Post a new idea or proposal in a phase (route /projects/:projectRef/phases/:phaseId/ideas/new). */
export function NewIdeaPage() {
  return (
    <RequireAuth>
      <NewIdea />
    </RequireAuth>
  );
}

/** Edit one's idea (route /ideas/:ideaId/edit). */
export function EditIdeaPage() {
  return (
    <RequireAuth>
      <EditIdea />
    </RequireAuth>
  );
}
