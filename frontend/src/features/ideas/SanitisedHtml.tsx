/**
 * HTML the API has already sanitised with nh3 (one sanitiser, on the server,
 * so every client gets the same safe markup).
 */
export function SanitisedHtml({ html }: { html: string }) {
  if (!html) return null;
  return <div className="rich-text" dangerouslySetInnerHTML={{ __html: html }} />;
}
