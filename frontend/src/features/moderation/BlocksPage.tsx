import { useEffect, useRef, useState } from "react";
import { FormattedDate, FormattedMessage, useIntl } from "react-intl";
import { Confirm } from "@/components/Confirm";
import { ListStatus } from "@/features/admin/ListStatus";
import { personName } from "@/features/people";
import { useBlocks, useUnblockUser } from "./api";
import { useErrorMessage } from "./problems";
import type { Block } from "./types";
import "./moderation.css";

/** "Unblock", asking first. */
function Unblock({ block, onDone }: { block: Block; onDone: (message: string) => void }) {
  const intl = useIntl();
  const unblock = useUnblockUser();
  const describe = useErrorMessage();
  const name = personName(block.user, intl);
  return (
    <Confirm
      label={<FormattedMessage id="moderation.blocks.unblock" />}
      openerLabel={intl.formatMessage({ id: "moderation.blocks.unblockLabel" }, { name })}
      tone="secondary"
      question={<FormattedMessage id="moderation.blocks.confirm" values={{ name }} />}
      yes={<FormattedMessage id="moderation.blocks.confirmYes" />}
      describe={describe}
      onConfirm={async () => {
        await unblock.mutateAsync(block.user.id);
        onDone(intl.formatMessage({ id: "moderation.blocks.unblocked" }, { name }));
      }}
    />
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
