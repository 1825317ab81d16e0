import type {
  AuthSession,
  Folder,
  FolderSummary,
  Me,
  Phase,
  Platform,
  Project,
  ProjectSummary,
} from "@/lib/api/types";
import type { components } from "@/lib/api/schema";

type RegistrationField = components["schemas"]["RegistrationField"];

export const platform: Platform = {
  id: "alpha",
  name: { en: "City of Alpha", fr: "Ville d'Alpha" },
  hosts: ["localhost"],
  default_locale: "en",
  enabled_locales: ["en", "fr", "de"],
  branding: { logo_url: null, primary_color: "#1b4f8a", secondary_color: "#c2410c" },
  feature_flags: {},
  map_view: null,
  privacy: { deleted_content: "anonymise", analytics_script_url: null },
  access: { visit: "everyone", follow: "signed_in", comment_proposals: "signed_in" },
};

export const resident: Me = {
  id: "u-1",
  email: "ada@example.org",
  first_name: "Ada",
  last_name: "Lovelace",
  locale: "en",
  avatar_url: null,
  email_confirmed: true,
  roles: [],
  created_at: "2026-01-05T10:00:00Z",
  blocked: null,
  verified: false,
  answers: {},
  accepted_policies: {},
  has_password: true,
};

export const admin: Me = {
  ...resident,
  id: "u-admin",
  first_name: "Grace",
  roles: [{ role: "admin", scope: [] }],
};

export function authSession(user: Me = resident, token = "token-1"): AuthSession {
  return { access_token: token, token_type: "Bearer", expires_in: 900, user };
}

export const folderSummary: FolderSummary = {
  id: "f-1",
  slug: "green-city",
  title: { en: "Green city", fr: "Ville verte" },
  status: "published",
  position: 0,
  header_image_url: "http://localhost:3000/_storage/f1.png",
  project_count: 2,
  published_at: "2026-01-01T00:00:00Z",
};

export const projectSummary: ProjectSummary = {
  id: "p-1",
  slug: "new-park",
  title: { en: "A new park", fr: "Un nouveau parc" },
  folder_id: "f-1",
  status: "published",
  visibility: "public",
  visible_group_ids: [],
  position: 0,
  header_image_url: "http://localhost:3000/_storage/p1.png",
  current_phase_id: "ph-1",
  current_method: "information",
  published_at: "2026-01-01T00:00:00Z",
  archived_at: null,
};

export const folder: Folder = {
  ...folderSummary,
  description: { en: "<p>Parks and trees</p>" },
  created_at: "2026-01-01T00:00:00Z",
  updated_at: "2026-01-01T00:00:00Z",
  archived_at: null,
  projects: [projectSummary],
};

export const phase: Phase = {
  id: "ph-1",
  project_id: "p-1",
  title: { en: "Listen" },
  description: { en: "<p>Tell us what you need.</p>" },
  start_date: "2026-01-01",
  end_date: "2026-02-28",
  method: "information",
  method_config: {},
  actions: [],
  permissions: {},
  viewer: {},
  created_at: "2026-01-01T00:00:00Z",
  updated_at: "2026-01-01T00:00:00Z",
};

export const project: Project = {
  ...projectSummary,
  description: { en: "<p>We plan a park.</p>" },
  attachments: [],
  phases: [phase],
  created_at: "2026-01-01T00:00:00Z",
  updated_at: "2026-01-01T00:00:00Z",
};

/** A registration field as the API shows it (a built-in gender question unless `overrides` say otherwise). */
export function registrationField(overrides: Partial<RegistrationField> = {}): RegistrationField {
  return {
    id: "gender",
    builtin: true,
    type: "single_choice",
    label: { en: "Gender" },
    help: null,
    purpose: { en: "To report participation by gender." },
    required: false,
    enabled: true,
    options: [
      { id: "female", label: { en: "Woman" } },
      { id: "male", label: { en: "Man" } },
    ],
    scale_min: null,
    scale_max: null,
    min_label: null,
    max_label: null,
    ...overrides,
  };
}
