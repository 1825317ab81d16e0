export { RichTextEditor, type EditorTool } from "./RichTextEditor";
