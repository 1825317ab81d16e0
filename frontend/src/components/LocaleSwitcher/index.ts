export { LocaleSwitcher } from "./LocaleSwitcher";
