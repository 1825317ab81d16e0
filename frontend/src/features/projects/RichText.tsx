/**
 * Renders a description the API has already sanitised with nh3 (the one
 * sanitiser, on the server, so every client gets the same safe HTML).
 */
export function RichText({ html, className }: { html: string; className?: string }) {
  if (!html) return null;
  return <div className={className ?? "rich-text"} dangerouslySetInnerHTML={{ __html: html }} />;
}
