export { AnswerFields } from "./AnswerFields";
export { answersPayload, answerValues, useAnswersSchema, type AnswerValues } from "./answers";
export { saveAnswers, useAreas, useFieldChoices, useRegistrationForm } from "./api";
export { ProfileAnswers } from "./ProfileAnswers";
export type { Area, RegistrationField } from "./types";
