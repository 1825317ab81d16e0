import { useEffect, useRef, useState } from "react";
import { FormattedDate, FormattedMessage, useIntl } from "react-intl";
import { ListStatus } from "@/features/admin/ListStatus";
import { personName } from "@/features/people";
import { useBlocks, useUnblockUser } from "./api";
import { useErrorMessage } from "./problems";
import type { Block } from "./types";
import "./moderation.css";

/** "Unblock" with a confirmation that takes focus; Escape or "Cancel" gives focus back. */
function Unblock({ block, onDone }: { block: Block; onDone: (message: string) => void }) {
  const intl = useIntl();
  const unblock = useUnblockUser();
  const describe = useErrorMessage();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  const name = personName(block.user, intl);
  const titleId = `unblock-${block.user.id}-title`;

  useEffect(() => {
    if (confirming) cancel.current?.focus();
    else if (wasOpen.current) opener.current?.focus();
    wasOpen.current = confirming;
  }, [confirming]);

  if (!confirming) {
    return (
      <button
        ref={opener}
        type="button"
        className="button button--small button--secondary"
        aria-label={intl.formatMessage({ id: "moderation.blocks.unblockLabel" }, { name })}
        onClick={() => setConfirming(true)}
      >
        <FormattedMessage id="moderation.blocks.unblock" />
      </button>
    );
  }
  return (
    <div
      className="confirm"
      role="alertdialog"
      aria-labelledby={titleId}
      onKeyDown={(event) => {
        if (event.key === "Escape") setConfirming(false);
      }}
    >
      <p id={titleId} className="confirm__title">
        <FormattedMessage id="moderation.blocks.confirm" values={{ name }} />
      </p>
      {error ? (
        <p role="alert" className="field__error">
          {error}
        </p>
      ) : null}
      <div className="form__actions">
        <button
          type="button"
          className="button button--small button--warning"
          disabled={unblock.isPending}
          onClick={() =>
            unblock.mutate(block.user.id, {
              onSuccess: () => onDone(intl.formatMessage({ id: "moderation.blocks.unblocked" }, { name })),
              onError: (caught) => setError(describe(caught)),
            })
          }
        >
          <FormattedMessage id="moderation.blocks.confirmYes" />
        </button>
        <button ref={cancel} type="button" className="button button--small button--secondary" onClick={() => setConfirming(false)}>
          <FormattedMessage id="moderation.cancel" />
        </button>
      </div>
    </div>
  );
}

/** The residents blocked now: until when, why, by whom; each can be unblocked. */
export function BlocksPage() {
  const intl = useIntl();
  const blocks = useBlocks();
  const [message, setMessage] = useState<string | null>(null);
  const status = useRef<HTMLParagraphElement>(null);
  const items = blocks.data?.pages.flatMap((page) => page.items) ?? [];

  useEffect(() => {
    if (message) status.current?.focus();
  }, [message]);

  return (
    <section className="moderation">
      <h1>
        <FormattedMessage id="moderation.blocks.title" />
      </h1>
      <p>
        <FormattedMessage id="moderation.blocks.intro" />
      </p>
      {message ? (
        <p ref={status} tabIndex={-1} role="status" className="notice notice--success">
          {message}
        </p>
      ) : null}
      <ListStatus query={blocks} count={items.length} empty={<FormattedMessage id="moderation.blocks.empty" />} />
      {items.length > 0 ? (
        <table className="moderation-table">
          <caption className="visually-hidden">
            <FormattedMessage id="moderation.blocks.caption" />
          </caption>
          <thead>
            <tr>
              <th scope="col">
                <FormattedMessage id="moderation.blocks.person" />
              </th>
              <th scope="col">
                <FormattedMessage id="moderation.blocks.until" />
              </th>
              <th scope="col">
                <FormattedMessage id="moderation.blocks.reason" />
              </th>
              <th scope="col">
                <FormattedMessage id="moderation.blocks.by" />
              </th>
              <th scope="col">
                <span className="visually-hidden">
                  <FormattedMessage id="moderation.blocks.actions" />
                </span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((block) => (
              <tr key={block.user.id}>
                <td>{personName(block.user, intl)}</td>
                <td>
                  <FormattedDate value={block.until} dateStyle="medium" timeStyle="short" />
                </td>
                <td>{block.reason}</td>
                <td>
                  {personName(block.blocked_by, intl)}
                  {", "}
                  <FormattedDate value={block.created_at} dateStyle="medium" />
                </td>
                <td>
                  <Unblock block={block} onDone={setMessage} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {blocks.hasNextPage ? (
        <button
          type="button"
          className="button button--secondary"
          disabled={blocks.isFetchingNextPage}
          onClick={() => void blocks.fetchNextPage()}
        >
          <FormattedMessage id="moderation.loadMore" />
        </button>
      ) : null}
    </section>
  );
}
