/**
 * jsdom has no layout, which ProseMirror asks for when it scrolls the
 * cursor into view: answer with empty rectangles so editor tests can type.
 */
export function stubLayoutForEditor() {
  const empty = () => Object.assign([], { item: () => null }) as unknown as DOMRectList;
  Range.prototype.getClientRects = empty;
  Range.prototype.getBoundingClientRect = () => new DOMRect();
  Element.prototype.getClientRects = empty;
  document.elementFromPoint = () => null;
}
