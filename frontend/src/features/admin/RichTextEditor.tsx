import { EditorContent, useEditor } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { useEffect, type ReactNode } from "react";
import { useIntl } from "react-intl";
import { fieldId } from "@/lib/forms/fieldId";

interface Props {
  name: string;
  label: ReactNode;
  value: string;
  onChange: (html: string) => void;
  error?: string;
  lang?: string;
}

/**
 * A ProseMirror (TipTap) editor for rich descriptions. The editable area is
 * a labelled multi-line textbox with the field's id, so the error summary can
 * focus it; the toolbar is a row of native toggle buttons. The server
 * sanitises the HTML it produces.
 */
export function RichTextEditor({ name, label, value, onChange, error, lang }: Props) {
  const intl = useIntl();
  const id = fieldId(name);
  const labelId = `${id}-label`;
  const editor = useEditor({
    extensions: [StarterKit.configure({ heading: { levels: [2, 3] } })],
    content: value,
    editorProps: {
      attributes: {
        id,
        role: "textbox",
        "aria-multiline": "true",
        "aria-labelledby": labelId,
        ...(error ? { "aria-invalid": "true", "aria-describedby": `${id}-error` } : {}),
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

  const tools: { key: string; active: string; args?: Record<string, unknown>; run: () => void }[] = editor
    ? [
        { key: "bold", active: "bold", run: () => editor.chain().focus().toggleBold().run() },
        { key: "italic", active: "italic", run: () => editor.chain().focus().toggleItalic().run() },
        {
          key: "heading",
          active: "heading",
          args: { level: 2 },
          run: () => editor.chain().focus().toggleHeading({ level: 2 }).run(),
        },
        {
          key: "bulletList",
          active: "bulletList",
          run: () => editor.chain().focus().toggleBulletList().run(),
        },
        {
          key: "orderedList",
          active: "orderedList",
          run: () => editor.chain().focus().toggleOrderedList().run(),
        },
      ]
    : [];

  return (
    <div className={error ? "field field--error" : "field"}>
      <div className="field__label" id={labelId}>
        {label}
      </div>
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
          {tools.map((tool) => (
            <button
              key={tool.key}
              type="button"
              className="rich-editor__tool"
              aria-pressed={editor?.isActive(tool.active, tool.args) ?? false}
              onClick={tool.run}
            >
              {intl.formatMessage({ id: `editor.${tool.key}` })}
            </button>
          ))}
        </div>
        <EditorContent editor={editor} />
      </div>
    </div>
  );
}
