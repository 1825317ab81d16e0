import { FormattedMessage } from "react-intl";
import { useParams } from "react-router";
import { Card } from "@/components/Card";
import { LoadError, Loading } from "@/components/Loading";
import { useLocalized } from "@/lib/i18n";
import { useFolder } from "./api";
import { RichText } from "./RichText";
import { StatusBadge } from "./StatusBadge";

export function FolderPage() {
  const { folderRef = "" } = useParams();
  const localize = useLocalized();
  const folder = useFolder(folderRef);
  if (folder.isPending) return <Loading />;
  if (folder.isError) return <LoadError error={folder.error} />;
  const data = folder.data;
  return (
    <article>
      {data.header_image_url ? (
        <img className="page-header-image" src={data.header_image_url} alt="" />
      ) : null}
      <h1>{localize(data.title)}</h1>
      <RichText html={localize(data.description)} />
      <section aria-labelledby="folder-projects">
        <h2 id="folder-projects">
          <FormattedMessage id="home.projects" />
        </h2>
        {data.projects.length === 0 ? (
          <p>
            <FormattedMessage id="home.noProjects" />
          </p>
        ) : null}
        <ul className="card-grid">
          {data.projects.map((project) => (
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
    </article>
  );
}
