export { DEFAULT_PRIMARY, DEFAULT_SECONDARY, applyBranding } from "./branding";
export { platformQueryKey, usePlatform } from "./usePlatform";
export { MembersOnly } from "./MembersOnly";
