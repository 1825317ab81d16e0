import { useState } from "react";
import { FormattedMessage, FormattedNumber } from "react-intl";
import { useParams } from "react-router";
import { LoadError, Loading } from "@/components/Loading";
import type { Project } from "@/lib/api/types";
import { useLocalized } from "@/lib/i18n";
import { useProject } from "./api";
import { phaseContentFor } from "./methods";
import { PhaseDates, PhaseTimeline } from "./PhaseTimeline";
import { RichText } from "./RichText";
import { StatusBadge } from "./StatusBadge";

function Attachments({ project }: { project: Project }) {
  if (project.attachments.length === 0) return null;
  return (
    <section aria-labelledby="attachments-title">
      <h2 id="attachments-title">
        <FormattedMessage id="project.attachments" />
      </h2>
      <ul className="attachments">
        {project.attachments.map((file) => (
          <li key={file.id}>
            <a href={file.url} download={file.name}>
              {file.name}
            </a>{" "}
            <span className="muted">
              (<FormattedNumber value={file.size / 1024} maximumFractionDigits={0} /> KB)
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
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

export function ProjectPage() {
  const { projectRef = "" } = useParams();
  const localize = useLocalized();
  const project = useProject(projectRef);
  if (project.isPending) return <Loading />;
  if (project.isError) return <LoadError error={project.error} />;
  const data = project.data;
  return (
    <article className="project">
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
