/** Ideation fixtures and handlers for the ideas feature's tests (contract shapes of issue 4). */
import { http, HttpResponse } from "msw";
import type { Idea, IdeaCard, IdeaStatus, InputForm, Topic } from "@/features/ideas/types";
import { session } from "@/lib/api/client";
import type { Me, Phase, Project } from "@/lib/api/types";
import { authSession, phase, project, resident } from "./fixtures";
import { server } from "./server";

export const ideationPhase: Phase = {
  ...phase,
  id: "ph-ideas",
  title: { en: "Share ideas" },
  description: { en: "<p>What would make the park better?</p>" },
  start_date: "2020-01-01",
  end_date: null,
  method: "ideation",
  method_config: {
    posting_enabled: true,
    commenting_enabled: true,
    reacting_enabled: true,
    dislikes_enabled: true,
    max_likes_per_resident: null,
    presentation: "cards",
  },
  actions: ["post_input", "comment", "react"],
};

export const ideationProject: Project = {
  ...project,
  phases: [ideationPhase],
  current_phase_id: ideationPhase.id,
  current_method: "ideation",
};

export const accepted: IdeaStatus = {
  id: "st-accepted",
  code: "accepted",
  title: { en: "Accepted", fr: "Acceptée" },
  description: null,
  color: "#1d6b3a",
  position: 2,
};

export const proposed: IdeaStatus = { ...accepted, id: "st-proposed", code: "proposed", title: { en: "Proposed" }, color: "#fde68a", position: 0 };

export const topics: Topic[] = [
  { id: "t-green", title: { en: "Greenery" }, description: null, position: 0 },
  { id: "t-play", title: { en: "Play" }, description: null, position: 1 },
  { id: "t-other", title: { en: "Not in this project" }, description: null, position: 2 },
];

export const inputForm: InputForm = {
  topic_ids: ["t-green", "t-play"],
  builtin: {
    body: { enabled: true, required: true },
    topics: { enabled: true, required: false },
    location: { enabled: true, required: false },
    images: { enabled: true, required: false },
    attachments: { enabled: true, required: false },
  },
  max_images: 2,
  custom_fields: [
    {
      id: "age",
      type: "single_choice",
      label: { en: "Your age group" },
      help: null,
      required: true,
      enabled: true,
      options: [
        { id: "young", label: { en: "Under 30" } },
        { id: "older", label: { en: "30 or over" } },
      ],
      scale_min: null,
      scale_max: null,
      min_label: null,
      max_label: null,
    },
    {
      id: "urgency",
      type: "linear_scale",
      label: { en: "How urgent is it?" },
      help: { en: "1 is not urgent." },
      required: false,
      enabled: true,
      options: [],
      scale_min: 1,
      scale_max: 5,
      min_label: { en: "Not urgent" },
      max_label: { en: "Very urgent" },
    },
    {
      id: "neighbour",
      type: "checkbox",
      label: { en: "I live nearby" },
      help: null,
      required: false,
      enabled: true,
      options: [],
      scale_min: null,
      scale_max: null,
      min_label: null,
      max_label: null,
    },
  ],
};

export function ideaCard(index: number, overrides: Partial<IdeaCard> = {}): IdeaCard {
  return {
    id: `i-${index}`,
    title: { en: `Idea ${index}` },
    excerpt: { en: `Excerpt ${index}` },
    topic_ids: [],
    image: null,
    author: { id: "u-2", display_name: "Bea B.", avatar_url: null, former: false },
    status: null,
    likes: index,
    dislikes: 0,
    comments: 1,
    my_reaction: null,
    has_location: false,
    created_at: "2026-01-10T10:00:00Z",
    proposal: null,
    ...overrides,
  };
}

const allowed = { allowed: true, reason: "ok", fields: [] };

export const idea: Idea = {
  id: "i-1",
  project_id: ideationProject.id,
  phase_id: ideationPhase.id,
  title: { en: "More benches" },
  body: { en: "<p>Benches <strong>in the shade</strong>.</p>" },
  topic_ids: ["t-green"],
  location: { lat: 50.85, lng: 4.35, address: "Park Street 1" },
  images: [
    {
      key: "uploads/alpha/idea_image/a.png",
      url: "http://localhost:3000/_storage/a.png",
      thumbnail_url: "http://localhost:3000/_storage/a-480.webp",
    },
  ],
  attachments: [{ key: "uploads/alpha/idea_attachment/plan.pdf", name: "plan.pdf", size: 40960, url: "http://localhost:3000/_storage/plan.pdf" }],
  custom_fields: { age: "older", urgency: 4, neighbour: true },
  author: { id: "u-1", display_name: "Ada L.", avatar_url: null, former: false },
  status: accepted,
  likes: 3,
  dislikes: 1,
  comments: 2,
  my_reaction: null,
  likes_left: null,
  created_at: "2026-01-10T10:00:00Z",
  updated_at: "2026-01-10T10:00:00Z",
  permissions: { edit: allowed, delete: allowed, react: allowed, comment: allowed, feedback: { allowed: false, reason: "moderator_only", fields: [] } },
  moderation: null,
  proposal: null,
};

/** The reference data every ideation page reads. */
export const ideationHandlers = [
  http.get("/api/v1/topics", () => HttpResponse.json({ items: topics })),
  http.get("/api/v1/idea-statuses", () => HttpResponse.json({ items: [proposed, accepted] })),
  http.get("/api/v1/projects/:projectId/input-form", () => HttpResponse.json(inputForm)),
  http.get("/api/v1/projects/:projectId", () => HttpResponse.json(ideationProject)),
  // What the idea page embeds from the other features: nothing followed, said or discussed yet.
  http.get("/api/v1/follows/:kind/:targetId", () => HttpResponse.json({ following: false })),
  http.get("/api/v1/ideas/:ideaId/official-updates", () => HttpResponse.json({ items: [] })),
  http.get("/api/v1/ideas/:ideaId/comments", () => HttpResponse.json({ items: [], next_cursor: null })),
];

/** Start the test signed in as `user` (the refresh answers too, should the app ask). */
export function signInAs(user: Me = resident): void {
  server.use(http.post("/api/v1/auth/refresh", () => HttpResponse.json(authSession(user))));
  session.establish(authSession(user));
}

/** A proposals phase: proposals need 100 signatures within 90 days, and the council commits to debate them. */
export const proposalsPhase: Phase = {
  ...ideationPhase,
  id: "ph-proposals",
  title: { en: "Citizen proposals" },
  description: { en: "<p>What should the council debate?</p>" },
  method: "proposals",
  method_config: {
    posting_enabled: true,
    commenting_enabled: true,
    signing_enabled: true,
    signature_threshold: 100,
    signing_days: 90,
    commitment: { en: "The city council debates it within three months." },
  },
};

export const proposalsProject: Project = {
  ...ideationProject,
  phases: [proposalsPhase],
  current_phase_id: proposalsPhase.id,
  current_method: "proposals",
};

/** The day `days` after today (YYYY-MM-DD, the visitor's calendar), for deadlines relative to the test's run. */
export function dayFromToday(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A proposal collecting signatures: 37 of 100, ten days left (today and the nine after it). */
export const proposal: Idea = {
  ...idea,
  phase_id: proposalsPhase.id,
  title: { en: "A skate park" },
  status: null,
  likes: 37,
  dislikes: 0,
  proposal: { signatures: 37, threshold: 100, deadline: dayFromToday(9), state: "collecting" },
};
