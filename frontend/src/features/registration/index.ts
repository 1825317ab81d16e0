export { AnswerFields } from "./AnswerFields";
export { answersPayload, answerValues, useAnswersSchema, type AnswerValues } from "./answers";
export { saveAnswers, useRegistrationForm } from "./api";
export { ProfileAnswers } from "./ProfileAnswers";
export type { RegistrationField } from "./types";
