export { CompleteProfile } from "./CompleteProfile";
export { ParticipationReason, type ParticipationKind } from "./ParticipationReason";
export { missingFields, useProfileGate, type ProfileGate } from "./useProfileGate";
