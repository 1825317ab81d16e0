import { lazy, Suspense } from "react";
import type { RouteObject } from "react-router";
import { Loading } from "@/components/Loading";
import { ConfirmEmailPage } from "@/features/auth/ConfirmEmailPage";
import { ResetPasswordPage } from "@/features/auth/ResetPasswordPage";
import { SignInPage } from "@/features/auth/SignInPage";
import { SignUpPage } from "@/features/auth/SignUpPage";
import { EditIdeaPage, IdeaPage, NewIdeaPage } from "@/features/ideas";
import { PrivacyPage, TermsPage } from "@/features/legal";
import { NotificationsPage, UnsubscribePage } from "@/features/notifications";
import { DeleteAccountPage } from "@/features/privacy";
import { ProfilePage } from "@/features/profile/ProfilePage";
import { FolderPage } from "@/features/projects/FolderPage";
import { HomePage } from "@/features/projects/HomePage";
import { MembersOnly } from "@/features/platform";
import { ProjectPage } from "@/features/projects/ProjectPage";
import { VerifyPage } from "@/features/verification";
import { Layout } from "./Layout";
import { NotFoundPage } from "./NotFoundPage";

// The back-office is its own bundle: residents never download it.
const AdminApp = lazy(() => import("@/features/admin/AdminApp"));

export const routes: RouteObject[] = [
  {
    element: <Layout />,
    children: [
      { index: true, element: <MembersOnly><HomePage /></MembersOnly> },
      { path: "folders/:folderRef", element: <MembersOnly><FolderPage /></MembersOnly> },
      { path: "projects/:projectRef", element: <MembersOnly><ProjectPage /></MembersOnly> },
      { path: "projects/:projectRef/phases/:phaseId/ideas/new", element: <NewIdeaPage /> },
      { path: "ideas/:ideaId", element: <MembersOnly><IdeaPage /></MembersOnly> },
      { path: "ideas/:ideaId/edit", element: <EditIdeaPage /> },
      { path: "sign-up", element: <SignUpPage /> },
      { path: "sign-in", element: <SignInPage /> },
      { path: "confirm-email", element: <ConfirmEmailPage /> },
      { path: "reset-password", element: <ResetPasswordPage /> },
      { path: "profile", element: <ProfilePage /> },
      { path: "verify", element: <VerifyPage /> },
      { path: "notifications", element: <NotificationsPage /> },
      { path: "unsubscribe", element: <UnsubscribePage /> },
      { path: "privacy", element: <PrivacyPage /> },
      { path: "terms", element: <TermsPage /> },
      { path: "delete-account", element: <DeleteAccountPage /> },
      {
        path: "admin/*",
        element: (
          <Suspense fallback={<Loading />}>
            <AdminApp />
          </Suspense>
        ),
      },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
];
