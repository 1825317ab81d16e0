export { FileList, type ListedFile } from "./FileList";
