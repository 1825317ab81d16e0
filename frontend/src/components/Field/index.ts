export { CheckboxField, SelectField, TextAreaField, TextField } from "./Field";
