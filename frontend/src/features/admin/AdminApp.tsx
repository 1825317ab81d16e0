import { FormattedMessage, useIntl } from "react-intl";
import { Navigate, NavLink, Route, Routes } from "react-router";
import { RequireAuth } from "@/features/auth/RequireAuth";
import { isAdmin, useSession } from "@/features/auth/useSession";
import { NotFoundPage } from "@/app/NotFoundPage";
import { isTeamMember, moderationLinks, ModerationRoutes } from "@/features/moderation/admin";
import { InputManagerPage } from "@/features/inputs";
import { VerificationAdminPage } from "@/features/verification/admin";
import { RegistrationAdminPage } from "@/features/registration/admin";
import { LegalAdminPage } from "@/features/legal/admin";
import { GroupPage, GroupsPage, NewGroupPage, peopleLinks, UsersPage } from "@/features/people/admin";
import { managesFolders, managesProjects } from "./access";
import { useDevMails } from "./api";
import { DashboardPage } from "./DashboardPage";
import { FolderEditPage } from "./FolderEditPage";
import { FoldersPage } from "./FoldersPage";
import { IdeaStatusesPage } from "./IdeaStatusesPage";
import { InputFormPage } from "./InputFormPage";
import { MailViewerPage } from "./MailViewerPage";
import { PlatformSettingsPage } from "./PlatformSettingsPage";
import { ProjectEditPage } from "./ProjectEditPage";
import { ProjectsPage } from "./ProjectsPage";
import { TopicsPage } from "./TopicsPage";

function AdminNav() {
  const intl = useIntl();
  const state = useSession();
  const admin = isAdmin(state);
  // The mail viewer exists only on the local stage: show it when the API answers (admins only ask).
  const mails = useDevMails(admin);
  const links = [
    { to: "/admin", id: "admin.nav.dashboard", end: true },
    { to: "/admin/folders", id: "admin.nav.folders" },
    { to: "/admin/projects", id: "admin.nav.projects" },
    { to: "/admin/topics", id: "admin.nav.topics" },
    { to: "/admin/idea-statuses", id: "admin.nav.ideaStatuses" },
    { to: "/admin/settings", id: "admin.nav.settings" },
    { to: "/admin/verification", id: "verification.admin.nav" },
    { to: "/admin/registration", id: "registration.admin.nav" },
    { to: "/admin/privacy", id: "legal.admin.nav" },
    ...(mails.isSuccess ? [{ to: "/admin/mail", id: "admin.nav.mail" }] : []),
  ];
  // Managers also see what their grants reach (the API lists only that); the platform's setup is for admins.
  const reach: { to: string; id: string; end?: boolean }[] = [
    ...(managesFolders(state) ? [{ to: "/admin/folders", id: "admin.nav.folders" }] : []),
    ...(managesProjects(state) ? [{ to: "/admin/projects", id: "admin.nav.projects" }] : []),
  ];
  const shown = admin
    ? [...links, ...peopleLinks(true), ...moderationLinks(true)]
    : [...reach, ...moderationLinks(false), ...peopleLinks(false)];
  // The input manager is every team member's (the server shows each the inputs they may answer).
  shown.push({ to: "/admin/inputs", id: "inputs.nav" });
  return (
    <nav className="admin-nav" aria-label={intl.formatMessage({ id: "admin.nav.label" })}>
      <ul>
        {shown.map((link) => (
          <li key={link.to}>
            <NavLink to={link.to} end={link.end}>
              <FormattedMessage id={link.id} />
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function AdminOnly() {
  const state = useSession();
  if (!isAdmin(state) && isTeamMember(state)) return <TeamOffice />;
  if (!isAdmin(state)) {
    return (
      <div className="notice" role="alert">
        <h1>
          <FormattedMessage id="admin.forbidden.title" />
        </h1>
        <p>
          <FormattedMessage id="admin.forbidden.body" />
        </p>
      </div>
    );
  }
  return (
    <div className="admin">
      <AdminNav />
      <div className="admin__content">
        <Routes>
          <Route index element={<DashboardPage />} />
          <Route path="folders" element={<FoldersPage />} />
          <Route path="folders/new" element={<FolderEditPage />} />
          <Route path="folders/:folderId" element={<FolderEditPage />} />
          <Route path="projects" element={<ProjectsPage />} />
          <Route path="projects/new" element={<ProjectEditPage />} />
          <Route path="projects/:projectId" element={<ProjectEditPage />} />
          <Route path="projects/:projectId/input-form" element={<InputFormPage />} />
          <Route path="topics" element={<TopicsPage />} />
          <Route path="idea-statuses" element={<IdeaStatusesPage />} />
          <Route path="settings" element={<PlatformSettingsPage />} />
          <Route path="verification" element={<VerificationAdminPage />} />
          <Route path="registration" element={<RegistrationAdminPage />} />
          <Route path="privacy" element={<LegalAdminPage />} />
          <Route path="mail" element={<MailViewerPage />} />
          <Route path="moderation/*" element={<ModerationRoutes />} />
          <Route path="inputs" element={<InputManagerPage />} />
          <Route path="users" element={<UsersPage />} />
          <Route path="groups" element={<GroupsPage />} />
          <Route path="groups/new" element={<NewGroupPage />} />
          <Route path="groups/:groupId" element={<GroupPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </div>
    </div>
  );
}

/**
 * The back-office of a moderator or manager who is not an admin: the team's
 * work lists, the groups to read, and for managers the projects (and folders)
 * their grants name, without what only admins may do (creating, ordering).
 */
function TeamOffice() {
  const state = useSession();
  return (
    <div className="admin">
      <AdminNav />
      <div className="admin__content">
        <Routes>
          <Route index element={<Navigate to="moderation" replace />} />
          <Route path="moderation/*" element={<ModerationRoutes />} />
          <Route path="inputs" element={<InputManagerPage />} />
          <Route path="groups" element={<GroupsPage />} />
          <Route path="groups/:groupId" element={<GroupPage />} />
          {managesProjects(state) ? (
            <>
              <Route path="projects" element={<ProjectsPage />} />
              <Route path="projects/:projectId" element={<ProjectEditPage />} />
              <Route path="projects/:projectId/input-form" element={<InputFormPage />} />
            </>
          ) : null}
          {managesFolders(state) ? (
            <>
              <Route path="folders" element={<FoldersPage />} />
              <Route path="folders/:folderId" element={<FolderEditPage />} />
            </>
          ) : null}
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </div>
    </div>
  );
}

/** The back-office, loaded as its own bundle: admins see all of it, team members their work lists. */
export default function AdminApp() {
  return (
    <RequireAuth>
      <AdminOnly />
    </RequireAuth>
  );
}
