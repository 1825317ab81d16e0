import { useIntl } from "react-intl";
import type { PublicProfile } from "@/lib/api/types";
import { splitBody } from "./mentions";

/** A comment's text with each mention token shown as "@Display Name". */
export function CommentBody({ body, mentions }: { body: string; mentions: PublicProfile[] }) {
  const intl = useIntl();
  const names = new Map(mentions.map((person) => [person.id, person.display_name]));
  return (
    <p className="comment__body">
      {splitBody(body).map((part, index) =>
        part.kind === "text" ? (
          part.text
        ) : (
          <span key={index} className="mention">
            @{names.get(part.userId) ?? intl.formatMessage({ id: "comments.formerResident" })}
          </span>
        ),
      )}
    </p>
  );
}
