import type { ReactNode } from "react";
import { FormattedMessage } from "react-intl";
import { Route, Routes } from "react-router";
import { NotFoundPage } from "@/app/NotFoundPage";
import { isAdmin, useSession } from "@/features/auth/useSession";
import { ActivityPage } from "./ActivityPage";
import { AuditPage } from "./AuditPage";
import { BlocksPage } from "./BlocksPage";
import { ProfanityPage } from "./ProfanityPage";

/** Platform-wide pages (the audit trail, the profanity filter) are for admins only. */
function AdminsOnly({ children }: { children: ReactNode }) {
  const state = useSession();
  if (isAdmin(state)) return <>{children}</>;
  return (
    <div className="notice" role="alert">
      <h1>
        <FormattedMessage id="moderation.forbidden.title" />
      </h1>
      <p>
        <FormattedMessage id="moderation.forbidden.body" />
      </p>
    </div>
  );
}

/** The moderation pages under /admin/moderation (the back-office lets team members in). */
export function ModerationRoutes() {
  return (
    <Routes>
      <Route index element={<ActivityPage />} />
      <Route
        path="audit"
        element={
          <AdminsOnly>
            <AuditPage />
          </AdminsOnly>
        }
      />
      <Route path="blocks" element={<BlocksPage />} />
      <Route
        path="profanity"
        element={
          <AdminsOnly>
            <ProfanityPage />
          </AdminsOnly>
        }
      />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

/** The back-office links to the moderation pages, for the nav (admins see all four). */
export function moderationLinks(admin: boolean): { to: string; id: string; end?: boolean }[] {
  return [
    { to: "/admin/moderation", id: "moderation.nav.activity", end: true },
    ...(admin ? [{ to: "/admin/moderation/audit", id: "moderation.nav.audit" }] : []),
    { to: "/admin/moderation/blocks", id: "moderation.nav.blocks" },
    ...(admin ? [{ to: "/admin/moderation/profanity", id: "moderation.nav.profanity" }] : []),
  ];
}
