import { FormattedMessage } from "react-intl";
import { Card } from "@/components/Card";
import { LoadError, Loading } from "@/components/Loading";
import { usePlatform } from "@/features/platform";
import { useLocalized } from "@/lib/i18n";
import { usePublishedFolders, usePublishedProjects } from "./api";
import { StatusBadge } from "./StatusBadge";

/** Hero with the platform's name, then its published folders and projects. */
export function HomePage() {
  const localize = useLocalized();
  const platform = usePlatform().data;
  const folders = usePublishedFolders();
  const projects = usePublishedProjects();

  return (
    <>
      <section className="hero" aria-labelledby="hero-title">
        <h1 id="hero-title">
          <FormattedMessage
            id="home.welcome"
            values={{ name: platform ? localize(platform.name) : "" }}
          />
        </h1>
        <p>
          <FormattedMessage id="home.intro" />
        </p>
      </section>

      <section aria-labelledby="folders-title">
        <h2 id="folders-title">
          <FormattedMessage id="home.folders" />
        </h2>
        {folders.isPending ? <Loading /> : null}
        {folders.isError ? <LoadError error={folders.error} /> : null}
        {folders.data && folders.data.items.length === 0 ? (
          <p>
            <FormattedMessage id="home.noFolders" />
          </p>
        ) : null}
        <ul className="card-grid">
          {folders.data?.items.map((folder) => (
            <li key={folder.id}>
              <Card
                to={`/folders/${folder.slug || folder.id}`}
                title={localize(folder.title)}
                imageUrl={folder.header_image_url}
              >
                <p className="card__meta">
                  <FormattedMessage
                    id="folder.projectCount"
                    values={{ count: folder.project_count }}
                  />
                </p>
              </Card>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="projects-title">
        <h2 id="projects-title">
          <FormattedMessage id="home.projects" />
        </h2>
        {projects.isPending ? <Loading /> : null}
        {projects.isError ? <LoadError error={projects.error} /> : null}
        {projects.data && projects.data.items.length === 0 ? (
          <p>
            <FormattedMessage id="home.noProjects" />
          </p>
        ) : null}
        <ul className="card-grid">
          {projects.data?.items.map((project) => (
            <li key={project.id}>
              <Card
                to={`/projects/${project.slug || project.id}`}
                title={localize(project.title)}
                imageUrl={project.header_image_url}
              >
                {project.status === "archived" ? <StatusBadge status={project.status} /> : null}
              </Card>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
