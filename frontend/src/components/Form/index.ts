export { Form, flattenErrors } from "./Form";
