import { useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { Link } from "react-router";
import { SelectField } from "@/components/Field";
import { LoadError, Loading } from "@/components/Loading";
import { isAdmin, useSession } from "@/features/auth/useSession";
import { StatusBadge } from "@/features/projects/StatusBadge";
import { api, unwrap } from "@/lib/api/client";
import type { ProjectStatus, ProjectSummary } from "@/lib/api/types";
import { useLocalized } from "@/lib/i18n";
import { managesFolders } from "./access";
import { useAdminFolders, useAdminProjects, useInvalidateProjects } from "./api";
import { projectAction } from "./projectActions";
import { ReorderList } from "./ReorderList";
import { StatusActions } from "./StatusActions";

const STATUSES: ProjectStatus[] = ["draft", "published", "archived"];

/**
 * Every project, filterable by status and folder; reorderable within one
 * folder. Managers see the projects they manage (the API lists only those);
 * creating projects is for admins, and only those who see folders filter by one.
 */
export function ProjectsPage() {
  const intl = useIntl();
  const state = useSession();
  const admin = isAdmin(state);
  const byFolder = admin || managesFolders(state);
  // Only admins and folder managers may list folders (the API refuses project managers).
  const folders = useAdminFolders(byFolder);
  const localize = useLocalized();
  const [status, setStatus] = useState<ProjectStatus | "">("");
  const [folderId, setFolderId] = useState("");
  const projects = useAdminProjects(status, folderId);
  const invalidate = useInvalidateProjects();
  const label = (project: ProjectSummary) => localize(project.title);

  const renderItem = (project: ProjectSummary) => (
    <>
      <h2 className="admin-list__title">
        <Link to={`/admin/projects/${project.id}`}>{label(project)}</Link>{" "}
        <StatusBadge status={project.status} />
      </h2>
      <StatusActions
        name={label(project)}
        status={project.status}
        onAction={async (action) => {
          await projectAction(project.id, action);
          await invalidate();
        }}
      />
    </>
  );

  return (
    <>
      <h1>
        <FormattedMessage id="admin.projects.title" />
      </h1>
      {admin ? (
        <p>
          <Link to="/admin/projects/new" className="button">
            <FormattedMessage id="admin.projects.new" />
          </Link>
        </p>
      ) : (
        <p>
          <FormattedMessage id="admin.projects.managerIntro" />
        </p>
      )}
      <div className="filters" role="search" aria-label={intl.formatMessage({ id: "admin.filters" })}>
        <SelectField
          name="status"
          label={<FormattedMessage id="admin.field.status" />}
          value={status}
          onChange={(event) => setStatus(event.target.value as ProjectStatus | "")}
        >
          <option value="">{intl.formatMessage({ id: "admin.filter.all" })}</option>
          {STATUSES.map((value) => (
            <option key={value} value={value}>
              {intl.formatMessage({ id: `status.${value}` })}
            </option>
          ))}
        </SelectField>
        {byFolder ? (
          <SelectField
            name="folder_id"
            label={<FormattedMessage id="admin.field.folder" />}
            value={folderId}
            onChange={(event) => setFolderId(event.target.value)}
          >
            <option value="">{intl.formatMessage({ id: "admin.filter.all" })}</option>
            {folders.data?.items.map((folder) => (
              <option key={folder.id} value={folder.id}>
                {localize(folder.title)}
              </option>
            ))}
          </SelectField>
        ) : null}
      </div>
      {projects.isPending ? <Loading /> : null}
      {projects.isError ? <LoadError error={projects.error} /> : null}
      {projects.data && projects.data.items.length === 0 ? (
        <p>
          <FormattedMessage id="admin.projects.empty" />
        </p>
      ) : null}
      {projects.data && folderId && !status ? (
        <ReorderList
          items={projects.data.items}
          label={label}
          onReorder={async (ids) => {
            await unwrap(api.PUT("/api/v1/projects/order", { body: { folder_id: folderId, ids } }));
            await invalidate();
          }}
          renderItem={renderItem}
        />
      ) : (
        <>
          {byFolder && projects.data && projects.data.items.length > 1 ? (
            <p className="muted">
              <FormattedMessage id="admin.projects.reorderHint" />
            </p>
          ) : null}
          <ul className="admin-list">
            {projects.data?.items.map((project) => (
              <li key={project.id} className="admin-list__item">
                <div className="admin-list__main">{renderItem(project)}</div>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
