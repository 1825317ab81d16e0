export { CommentsSection } from "./CommentsSection";
