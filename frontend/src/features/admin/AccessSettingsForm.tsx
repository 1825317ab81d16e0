import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { SelectField } from "@/components/Field";
import { platformQueryKey } from "@/features/platform";
import { api, unwrap } from "@/lib/api/client";
import type { Platform } from "@/lib/api/types";

const VISITS = ["everyone", "signed_in"] as const;
/** The platform-wide audiences (`FollowAudience`): who may follow, who may comment on proposals. */
const AUDIENCES = ["signed_in", "confirmed_email", "verified"] as const;

function audience(value: FormDataEntryValue | null): (typeof AUDIENCES)[number] {
  return AUDIENCES.find((item) => item === value) ?? "signed_in";
}

/**
 * Who may use the platform as a whole: visit its content, follow ideas and
 * projects, and comment on proposals (in every proposals phase).
 */
export function AccessSettingsForm({ platform }: { platform: Platform }) {
  const intl = useIntl();
  const client = useQueryClient();
  const [state, setState] = useState<"idle" | "saving" | "saved" | "failed">("idle");
  return (
    <form
      className="panel"
      aria-labelledby="access-settings-title"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        setState("saving");
        void unwrap(
          api.PATCH("/api/v1/platform", {
            body: {
              access: {
                visit: data.get("visit") === "signed_in" ? "signed_in" : "everyone",
                follow: audience(data.get("follow")),
                comment_proposals: audience(data.get("comment_proposals")),
              },
            },
          }),
        )
          .then(() => client.invalidateQueries({ queryKey: platformQueryKey }))
          .then(
            () => setState("saved"),
            () => setState("failed"),
          );
      }}
    >
      <h2 id="access-settings-title">
        <FormattedMessage id="admin.access.title" />
      </h2>
      {state === "saved" ? (
        <p role="status" className="notice notice--success">
          <FormattedMessage id="admin.saved" />
        </p>
      ) : null}
      {state === "failed" ? (
        <p role="alert" className="field__error">
          <FormattedMessage id="error.action" />
        </p>
      ) : null}
      <SelectField
        name="visit"
        label={<FormattedMessage id="admin.access.visit" />}
        hint={<FormattedMessage id="admin.access.visitHint" />}
        defaultValue={platform.access.visit}
      >
        {VISITS.map((value) => (
          <option key={value} value={value}>
            {intl.formatMessage({ id: `admin.access.visit.${value}` })}
          </option>
        ))}
      </SelectField>
      <SelectField
        name="follow"
        label={<FormattedMessage id="admin.access.follow" />}
        defaultValue={platform.access.follow}
      >
        {AUDIENCES.map((value) => (
          <option key={value} value={value}>
            {intl.formatMessage({ id: `admin.access.audience.${value}` })}
          </option>
        ))}
      </SelectField>
      <SelectField
        name="comment_proposals"
        label={<FormattedMessage id="admin.access.comment_proposals" />}
        hint={<FormattedMessage id="admin.access.comment_proposalsHint" />}
        defaultValue={platform.access.comment_proposals}
      >
        {AUDIENCES.map((value) => (
          <option key={value} value={value}>
            {intl.formatMessage({ id: `admin.access.audience.${value}` })}
          </option>
        ))}
      </SelectField>
      <button type="submit" className="button" disabled={state === "saving"}>
        <FormattedMessage id="admin.access.save" />
      </button>
    </form>
  );
}
