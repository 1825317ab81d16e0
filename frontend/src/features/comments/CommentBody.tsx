import { useIntl } from "react-intl";
import { personName } from "@/features/people";
import type { PublicProfile } from "@/lib/api/types";
import { splitBody } from "./mentions";

/** A comment's text with each mention token shown as "@Display Name" ("@Former resident" for someone gone). */
export function CommentBody({ body, mentions }: { body: string; mentions: PublicProfile[] }) {
  const intl = useIntl();
  const names = new Map(mentions.map((person) => [person.id, personName(person, intl)]));
  return (
    <p className="comment__body">
      {splitBody(body).map((part, index) =>
        part.kind === "text" ? (
          part.text
        ) : (
          <span key={index} className="mention">
            @{names.get(part.userId) ?? personName(null, intl)}
          </span>
        ),
      )}
    </p>
  );
}
