import { FormattedMessage } from "react-intl";
import { Link } from "react-router";
import { useSession } from "@/features/auth/useSession";
import { useAdminFolders, useAdminProjects } from "./api";

export function DashboardPage() {
  const { user } = useSession();
  const projects = useAdminProjects();
  const folders = useAdminFolders();
  const items = projects.data?.items ?? [];
  const count = (status: string) => items.filter((project) => project.status === status).length;
  return (
    <>
      <h1>
        <FormattedMessage id="admin.dashboard.title" />
      </h1>
      <p>
        <FormattedMessage id="admin.dashboard.welcome" values={{ name: user?.first_name ?? "" }} />
      </p>
      <dl className="stats">
        <div>
          <dt>
            <FormattedMessage id="admin.dashboard.folders" />
          </dt>
          <dd>{folders.data?.items.length ?? "–"}</dd>
        </div>
        <div>
          <dt>
            <FormattedMessage id="status.published" />
          </dt>
          <dd>{projects.data ? count("published") : "–"}</dd>
        </div>
        <div>
          <dt>
            <FormattedMessage id="status.draft" />
          </dt>
          <dd>{projects.data ? count("draft") : "–"}</dd>
        </div>
        <div>
          <dt>
            <FormattedMessage id="status.archived" />
          </dt>
          <dd>{projects.data ? count("archived") : "–"}</dd>
        </div>
      </dl>
      <ul className="actions-list">
        <li>
          <Link to="/admin/projects/new" className="button">
            <FormattedMessage id="admin.projects.new" />
          </Link>
        </li>
        <li>
          <Link to="/admin/folders/new" className="button button--secondary">
            <FormattedMessage id="admin.folders.new" />
          </Link>
        </li>
      </ul>
    </>
  );
}
