/**
 * Fixtures and default handlers for comments, follows and notifications, so
 * any page that embeds CommentsSection, FollowButton or the bell renders in
 * tests without each test mocking them (tests override with server.use).
 */
import { http, HttpResponse } from "msw";
import type {
  Comment,
  CommentThread,
  Notification,
  NotificationPreferences,
  PublicProfile,
} from "@/lib/api/types";

export const ada: PublicProfile = { id: "u-1", display_name: "Ada Lovelace", avatar_url: null, former: false };
export const grace: PublicProfile = { id: "u-2", display_name: "Grace Hopper", avatar_url: null, former: false };
export const alan: PublicProfile = { id: "u-3", display_name: "Alan Turing", avatar_url: null, former: false };
/** What the API answers for someone whose account was deleted: an English placeholder, marked `former`. */
export const formerResident: PublicProfile = {
  id: "former-resident",
  display_name: "Former resident",
  avatar_url: null,
  former: true,
};

const allowed = { allowed: true, reason: "ok", fields: [] };
const refused = (reason: string) => ({ allowed: false, reason, fields: [] });

export function comment(overrides: Partial<Comment> = {}): Comment {
  return {
    id: "c-1",
    parent_id: null,
    body: "A good idea.",
    mentions: [],
    author: grace,
    likes: 0,
    liked_by_me: false,
    deleted: false,
    hidden: false,
    hidden_reason: null,
    edited_at: null,
    created_at: "2026-01-10T10:00:00Z",
    permissions: { edit: refused("not_owner"), delete: refused("not_owner"), reply: allowed },
    ...overrides,
  };
}

export function thread(overrides: Partial<Comment> = {}, replies: Comment[] = []): CommentThread {
  return { ...comment(overrides), replies };
}

export const ownPermissions = { edit: allowed, delete: allowed, reply: allowed };

export function notification(overrides: Partial<Notification> = {}): Notification {
  return {
    id: "n-1",
    type: "comment_reply",
    read: false,
    created_at: "2026-01-10T10:00:00Z",
    actor: grace,
    target: { kind: "idea", id: "i-1", title: { en: "More benches", fr: "Plus de bancs" }, path: "/ideas/i-1" },
    excerpt: "I agree with you.",
    ...overrides,
  };
}

export const allEmails: NotificationPreferences = {
  email: {
    mention: true,
    comment_reply: true,
    comment_on_my_idea: true,
    idea_status_changed: true,
    official_update: true,
    proposal_reached: true,
    new_input: true,
    new_report: true,
    input_assigned: true,
    note_mention: true,
  },
};

const emptyPage = { items: [], next_cursor: null };

export const socialHandlers = [
  http.get("/api/v1/me/notifications/unread-count", () => HttpResponse.json({ count: 0 })),
  http.get("/api/v1/me/notifications", () => HttpResponse.json(emptyPage)),
  http.get("/api/v1/me/notification-preferences", () => HttpResponse.json(allEmails)),
  http.get("/api/v1/ideas/:ideaId/comments", () => HttpResponse.json(emptyPage)),
  http.get("/api/v1/follows/:kind/:targetId", () => HttpResponse.json({ following: false })),
  http.get("/api/v1/mentions", () => HttpResponse.json({ items: [] })),
];
