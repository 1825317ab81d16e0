import { useState } from "react";
import { FormattedMessage } from "react-intl";
import { useLocation, useParams } from "react-router";
import { FileList } from "@/components/FileList";
import { LoadError, Loading } from "@/components/Loading";
import type { Project } from "@/lib/api/types";
import { useLocalized } from "@/lib/i18n";
import { useProject } from "./api";
import { phaseContentFor } from "./methods";
import { PhaseDates, PhaseTimeline } from "./PhaseTimeline";
import { RichText } from "./RichText";
import { StatusBadge } from "./StatusBadge";

function Attachments({ project }: { project: Project }) {
  const files = project.attachments.map((file) => ({ ...file, key: file.id }));
  return <FileList id="attachments-title" title={<FormattedMessage id="project.attachments" />} files={files} />;
}

function Phases({ project }: { project: Project }) {
  const localize = useLocalized();
  const [selected, setSelected] = useState<string | null>(null);
  if (project.phases.length === 0) return null;
  const shownId = selected ?? project.current_phase_id ?? project.phases[0].id;
  const phase = project.phases.find((item) => item.id === shownId) ?? project.phases[0];
  const Content = phaseContentFor(phase.method);
  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title">
        <FormattedMessage id="project.timeline" />
      </h2>
      <PhaseTimeline
        phases={project.phases}
        currentPhaseId={project.current_phase_id}
        selectedId={phase.id}
        onSelect={setSelected}
      />
      <div className="phase-panel">
        <h3>{localize(phase.title)}</h3>
        <p className="muted">
          <PhaseDates phase={phase} />
        </p>
        <Content project={project} phase={phase} />
      </div>
    </section>
  );
}

/** The notice a page arrives with after an action elsewhere (e.g. an idea deleted). */
function ArrivalNotice() {
  const state = useLocation().state as { ideaDeleted?: boolean } | null;
  if (!state?.ideaDeleted) return null;
  return (
    <p role="status" className="notice notice--success">
      <FormattedMessage id="project.ideaDeleted" />
    </p>
  );
}

export function ProjectPage() {
  const { projectRef = "" } = useParams();
  const localize = useLocalized();
  const project = useProject(projectRef);
  if (project.isPending) return <Loading />;
  if (project.isError) return <LoadError error={project.error} />;
  const data = project.data;
  return (
    <article className="project">
      <ArrivalNotice />
      {data.header_image_url ? (
        <img className="page-header-image" src={data.header_image_url} alt="" />
      ) : null}
      <h1>
        {localize(data.title)} {data.status !== "published" ? <StatusBadge status={data.status} /> : null}
      </h1>
      <RichText html={localize(data.description)} />
      <Phases project={data} />
      <Attachments project={data} />
    </article>
  );
}
