import { EditorContent, useEditor } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { useEffect, type ReactNode } from "react";
import { useIntl } from "react-intl";
import { fieldId } from "@/lib/forms/fieldId";

interface Props {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  value: string;
  onChange: (html: string) => void;
  error?: string;
}

/**
 * The residents' rich-text editor (TipTap, the same packages as the
 * back-office's): a labelled multi-line textbox with the field's id, so the
 * error summary can focus it, and a toolbar of native toggle buttons. It
 * lives in the lazily loaded idea form chunk; the server sanitises its HTML.
 */
export function BodyEditor({ name, label, hint, value, onChange, error }: Props) {
  const intl = useIntl();
  const id = fieldId(name);
  const labelId = `${id}-label`;
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  const editor = useEditor({
    extensions: [StarterKit.configure({ heading: { levels: [2, 3] }, codeBlock: false })],
    content: value,
    editorProps: {
      attributes: {
        id,
        role: "textbox",
        "aria-multiline": "true",
        "aria-labelledby": labelId,
        ...(described ? { "aria-describedby": described } : {}),
        ...(error ? { "aria-invalid": "true" } : {}),
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

  const tools = editor
    ? [
        { key: "bold", active: "bold", run: () => editor.chain().focus().toggleBold().run() },
        { key: "italic", active: "italic", run: () => editor.chain().focus().toggleItalic().run() },
        { key: "bulletList", active: "bulletList", run: () => editor.chain().focus().toggleBulletList().run() },
        { key: "orderedList", active: "orderedList", run: () => editor.chain().focus().toggleOrderedList().run() },
      ]
    : [];

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
          aria-label={intl.formatMessage({ id: "ideas.editor.toolbar" })}
          aria-controls={id}
        >
          {tools.map((tool) => (
            <button
              key={tool.key}
              type="button"
              className="rich-editor__tool"
              aria-pressed={editor?.isActive(tool.active) ?? false}
              onClick={tool.run}
            >
              {intl.formatMessage({ id: `ideas.editor.${tool.key}` })}
            </button>
          ))}
        </div>
        <EditorContent editor={editor} />
      </div>
    </div>
  );
}
