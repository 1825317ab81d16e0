/**
 * A map pin's popup: the idea's title as a link that navigates inside the
 * app. Built from DOM nodes (text only), so a title can never inject markup.
 */
export function pinPopup(
  idea: { id: string; title: string },
  navigate: (path: string) => void,
  document: Document = window.document,
): HTMLElement {
  const wrapper = document.createElement("p");
  wrapper.className = "idea-popup";
  const link = document.createElement("a");
  const path = `/ideas/${encodeURIComponent(idea.id)}`;
  link.href = path;
  link.textContent = idea.title;
  link.addEventListener("click", (event) => {
    event.preventDefault();
    navigate(path);
  });
  wrapper.append(link);
  return wrapper;
}
