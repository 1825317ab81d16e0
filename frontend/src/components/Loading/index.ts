export { LoadError, Loading } from "./Loading";
