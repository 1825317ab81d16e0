export { FollowButton } from "./FollowButton";
