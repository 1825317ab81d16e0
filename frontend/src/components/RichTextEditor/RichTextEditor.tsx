import { EditorContent, useEditor } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { useEffect, type ReactNode } from "react";
import { useIntl } from "react-intl";
import { fieldId } from "@/lib/forms/fieldId";

export type EditorTool = "bold" | "italic" | "heading" | "bulletList" | "orderedList";

const ALL_TOOLS: EditorTool[] = ["bold", "italic", "heading", "bulletList", "orderedList"];

interface Props {
  name: string;
  label: ReactNode;
  value: string;
  onChange: (html: string) => void;
  hint?: ReactNode;
  error?: string;
  lang?: string;
  /** The toolbar's buttons (residents' idea bodies leave out headings). */
  tools?: EditorTool[];
}

/**
 * A ProseMirror (TipTap) editor for rich text: back-office descriptions,
 * official updates and residents' idea bodies. The editable area is a
 * labelled multi-line textbox with the field's id, so the error summary can
 * focus it; the toolbar is a row of native toggle buttons. The server
 * sanitises the HTML it produces. Import it lazily: it carries ProseMirror.
 */
export function RichTextEditor({ name, label, value, onChange, hint, error, lang, tools = ALL_TOOLS }: Props) {
  const intl = useIntl();
  const id = fieldId(name);
  const labelId = `${id}-label`;
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  const editor = useEditor({
    extensions: [StarterKit.configure({ heading: { levels: [2, 3] } })],
    content: value,
    editorProps: {
      attributes: {
        id,
        role: "textbox",
        "aria-multiline": "true",
        "aria-labelledby": labelId,
        ...(described ? { "aria-describedby": described } : {}),
        ...(error ? { "aria-invalid": "true" } : {}),
        ...(lang ? { lang } : {}),
        class: "rich-editor__content",
      },
    },
    onUpdate: ({ editor: current }) => onChange(current.isEmpty ? "" : current.getHTML()),
  });

  useEffect(() => {
    if (editor && !editor.isDestroyed && !editor.isFocused && value !== editor.getHTML() && !(value === "" && editor.isEmpty)) {
      editor.commands.setContent(value, { emitUpdate: false });
    }
  }, [editor, value]);

  const commands: Record<EditorTool, { args?: Record<string, unknown>; run: () => void }> | null = editor
    ? {
        bold: { run: () => editor.chain().focus().toggleBold().run() },
        italic: { run: () => editor.chain().focus().toggleItalic().run() },
        heading: { args: { level: 2 }, run: () => editor.chain().focus().toggleHeading({ level: 2 }).run() },
        bulletList: { run: () => editor.chain().focus().toggleBulletList().run() },
        orderedList: { run: () => editor.chain().focus().toggleOrderedList().run() },
      }
    : null;

  return (
    <div className={error ? "field field--error" : "field"}>
      <div className="field__label" id={labelId}>
        {label}
      </div>
      {hint ? (
        <div className="field__hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <div className="rich-editor">
        <div
          className="rich-editor__toolbar"
          role="toolbar"
          aria-label={intl.formatMessage({ id: "editor.toolbar" })}
          aria-controls={id}
        >
          {commands
            ? tools.map((tool) => (
                <button
                  key={tool}
                  type="button"
                  className="rich-editor__tool"
                  aria-pressed={editor?.isActive(tool, commands[tool].args) ?? false}
                  onClick={commands[tool].run}
                >
                  {intl.formatMessage({ id: `editor.${tool}` })}
                </button>
              ))
            : null}
        </div>
        <EditorContent editor={editor} />
      </div>
    </div>
  );
}
