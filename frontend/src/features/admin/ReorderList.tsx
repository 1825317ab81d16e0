import { useEffect, useRef, useState, type ReactNode } from "react";
import { FormattedMessage, useIntl } from "react-intl";

interface Item {
  id: string;
}

interface Props<T extends Item> {
  items: T[];
  label: (item: T) => string;
  onReorder: (ids: string[]) => Promise<void>;
  renderItem: (item: T) => ReactNode;
}

/**
 * A list reordered with Move up / Move down buttons (keyboard and screen
 * reader friendly, no drag needed). The new order shows at once, is saved,
 * and is rolled back if saving fails; a live region announces each move.
 */
export function ReorderList<T extends Item>({ items, label, onReorder, renderItem }: Props<T>) {
  const intl = useIntl();
  const [order, setOrder] = useState(items);
  const [announcement, setAnnouncement] = useState("");
  const [failed, setFailed] = useState(false);
  const focusAfterMove = useRef<string | null>(null);

  useEffect(() => setOrder(items), [items]);

  useEffect(() => {
    if (focusAfterMove.current) {
      document.getElementById(focusAfterMove.current)?.focus();
      focusAfterMove.current = null;
    }
  });

  const move = async (index: number, delta: -1 | 1) => {
    const target = index + delta;
    if (target < 0 || target >= order.length) return;
    const previous = order;
    const next = [...order];
    const [moved] = next.splice(index, 1);
    next.splice(target, 0, moved);
    const edge = target === 0 || target === next.length - 1;
    // Keep focus on the button that moved, or its sibling when it reached an edge.
    const direction = delta < 0 ? (edge && target === 0 ? "down" : "up") : edge ? "up" : "down";
    focusAfterMove.current = `move-${direction}-${moved.id}`;
    setOrder(next);
    setFailed(false);
    setAnnouncement(
      intl.formatMessage(
        { id: "admin.reorder.moved" },
        { name: label(moved), position: target + 1, total: next.length },
      ),
    );
    try {
      await onReorder(next.map((item) => item.id));
    } catch {
      setOrder(previous);
      setFailed(true);
    }
  };

  return (
    <>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {failed ? (
        <p className="notice notice--error" role="alert">
          <FormattedMessage id="admin.reorder.failed" />
        </p>
      ) : null}
      <ol className="admin-list">
        {order.map((item, index) => (
          <li key={item.id} className="admin-list__item">
            <div className="admin-list__main">{renderItem(item)}</div>
            <div className="admin-list__order">
              {index > 0 ? (
                <button
                  id={`move-up-${item.id}`}
                  type="button"
                  className="button button--small button--secondary"
                  onClick={() => void move(index, -1)}
                >
                  <FormattedMessage id="admin.reorder.up" values={{ name: label(item) }} />
                </button>
              ) : null}
              {index < order.length - 1 ? (
                <button
                  id={`move-down-${item.id}`}
                  type="button"
                  className="button button--small button--secondary"
                  onClick={() => void move(index, 1)}
                >
                  <FormattedMessage id="admin.reorder.down" values={{ name: label(item) }} />
                </button>
              ) : null}
            </div>
          </li>
        ))}
      </ol>
    </>
  );
}
