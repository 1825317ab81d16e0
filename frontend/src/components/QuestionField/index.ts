export { QuestionField } from "./QuestionField";
