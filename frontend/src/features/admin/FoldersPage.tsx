import { FormattedMessage } from "react-intl";
import { Link } from "react-router";
import { LoadError, Loading } from "@/components/Loading";
import { isAdmin, useSession } from "@/features/auth/useSession";
import { StatusBadge } from "@/features/projects/StatusBadge";
import { api, unwrap } from "@/lib/api/client";
import type { FolderSummary } from "@/lib/api/types";
import { useLocalized } from "@/lib/i18n";
import { useAdminFolders, useInvalidateProjects } from "./api";
import { ReorderList } from "./ReorderList";
import { StatusActions, type StatusAction } from "./StatusActions";

export async function folderAction(folderId: string, action: StatusAction): Promise<void> {
  const params = { params: { path: { folder_id: folderId } } };
  if (action === "delete") await unwrap(api.DELETE("/api/v1/folders/{folder_id}", params));
  else if (action === "publish") await unwrap(api.POST("/api/v1/folders/{folder_id}/publish", params));
  else if (action === "unpublish") await unwrap(api.POST("/api/v1/folders/{folder_id}/unpublish", params));
  else await unwrap(api.POST("/api/v1/folders/{folder_id}/archive", params));
}

/** Every folder, reorderable; folder managers see theirs, and creating and ordering folders is the admins'. */
export function FoldersPage() {
  const localize = useLocalized();
  const admin = isAdmin(useSession());
  const folders = useAdminFolders();
  const invalidate = useInvalidateProjects();
  const label = (folder: FolderSummary) => localize(folder.title);
  const renderItem = (folder: FolderSummary) => (
    <>
      <h2 className="admin-list__title">
        <Link to={`/admin/folders/${folder.id}`}>{label(folder)}</Link> <StatusBadge status={folder.status} />
      </h2>
      <StatusActions
        name={label(folder)}
        status={folder.status}
        onAction={async (action) => {
          await folderAction(folder.id, action);
          await invalidate();
        }}
      />
    </>
  );
  return (
    <>
      <h1>
        <FormattedMessage id="admin.folders.title" />
      </h1>
      {admin ? (
        <p>
          <Link to="/admin/folders/new" className="button">
            <FormattedMessage id="admin.folders.new" />
          </Link>
        </p>
      ) : null}
      {folders.isPending ? <Loading /> : null}
      {folders.isError ? <LoadError error={folders.error} /> : null}
      {folders.data && folders.data.items.length === 0 ? (
        <p>
          <FormattedMessage id="admin.folders.empty" />
        </p>
      ) : null}
      {folders.data && admin ? (
        <ReorderList
          items={folders.data.items}
          label={label}
          onReorder={async (ids) => {
            await unwrap(api.PUT("/api/v1/folders/order", { body: { ids } }));
            await invalidate();
          }}
          renderItem={renderItem}
        />
      ) : null}
      {folders.data && !admin ? (
        <ul className="admin-list">
          {folders.data.items.map((folder) => (
            <li key={folder.id} className="admin-list__item">
              <div className="admin-list__main">{renderItem(folder)}</div>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
