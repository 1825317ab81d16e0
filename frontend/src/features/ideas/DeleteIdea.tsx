import { FormattedMessage, useIntl } from "react-intl";
import { useNavigate } from "react-router";
import { Confirm } from "@/components/Confirm";
import { isApiProblem } from "@/lib/api/problem";
import { useDeleteIdea } from "./api";
import type { InputWording } from "./wording";

/** "Delete idea" (or proposal), asking first; the server's refusal is shown as it is. */
export function DeleteIdea({
  ideaId,
  projectId,
  words,
}: {
  ideaId: string;
  projectId: string;
  words: InputWording;
}) {
  const intl = useIntl();
  const navigate = useNavigate();
  const remove = useDeleteIdea();
  return (
    <Confirm
      size="regular"
      label={<FormattedMessage id={words.deleteButton} />}
      question={<FormattedMessage id={words.deleteTitle} />}
      detail={<FormattedMessage id={words.deleteBody} />}
      yes={<FormattedMessage id={words.deleteConfirm} />}
      cancel={<FormattedMessage id="ideas.delete.cancel" />}
      describe={(caught) =>
        isApiProblem(caught) && caught.detail ? caught.detail : intl.formatMessage({ id: "error.action" })
      }
      onConfirm={async () => {
        await remove.mutateAsync(ideaId);
        navigate(`/projects/${projectId}`, { state: { ideaDeleted: true } });
      }}
    />
  );
}
