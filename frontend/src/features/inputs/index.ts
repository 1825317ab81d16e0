export { InputManagerPage } from "./InputManagerPage";
