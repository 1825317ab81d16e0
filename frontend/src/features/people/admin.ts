// The back-office's people pages (users and roles, user groups), imported only by the lazily loaded AdminApp.
export { GroupPage } from "./GroupPage";
export { GroupsPage, NewGroupPage } from "./GroupsPage";
export { UsersPage } from "./UsersPage";

/** The back-office links to the people pages: admins manage users and groups, the team reads groups. */
export function peopleLinks(admin: boolean): { to: string; id: string; end?: boolean }[] {
  return [
    ...(admin ? [{ to: "/admin/users", id: "people.nav.users" }] : []),
    { to: "/admin/groups", id: "people.nav.groups" },
  ];
}
