import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { FormattedMessage } from "react-intl";
import { useLocation } from "react-router";
import { z } from "zod";
import { CheckboxField } from "@/components/Field";
import { Form } from "@/components/Form";
import { LoadError, Loading } from "@/components/Loading";
import { useSession } from "@/features/auth/useSession";
import type { NotificationPreferences as Preferences } from "@/lib/api/types";
import { useNotificationPreferences, useSaveNotificationPreferences } from "./api";

/** The email kinds every resident can turn off, in the order the form lists them. */
export const RESIDENT_EMAIL_KINDS = [
  "mention",
  "comment_reply",
  "comment_on_my_idea",
  "idea_status_changed",
  "official_update",
  "proposal_reached",
] as const;

/** The back-office team's kinds: listed only for people with a role (admins, managers, moderators). */
export const TEAM_EMAIL_KINDS = ["new_input", "new_report", "input_assigned", "note_mention"] as const;

/** Every kind of notification email. */
export const EMAIL_KINDS = [...RESIDENT_EMAIL_KINDS, ...TEAM_EMAIL_KINDS] as const;

export type EmailKind = (typeof EMAIL_KINDS)[number];

const schema = z.object(
  Object.fromEntries(EMAIL_KINDS.map((kind) => [kind, z.boolean()])) as Record<EmailKind, z.ZodBoolean>,
);
type Values = z.infer<typeof schema>;

/** The words for one kind of email, as the preferences list them. */
export function emailKindLabel(kind: EmailKind) {
  switch (kind) {
    case "mention":
      return <FormattedMessage id="notifications.preferences.mention" />;
    case "comment_reply":
      return <FormattedMessage id="notifications.preferences.commentReply" />;
    case "comment_on_my_idea":
      return <FormattedMessage id="notifications.preferences.commentOnMyIdea" />;
    case "idea_status_changed":
      return <FormattedMessage id="notifications.preferences.ideaStatusChanged" />;
    case "official_update":
      return <FormattedMessage id="notifications.preferences.officialUpdate" />;
    case "proposal_reached":
      return <FormattedMessage id="notifications.preferences.proposalReached" />;
    case "new_input":
      return <FormattedMessage id="notifications.preferences.newInput" />;
    case "new_report":
      return <FormattedMessage id="notifications.preferences.newReport" />;
    case "input_assigned":
      return <FormattedMessage id="notifications.preferences.inputAssigned" />;
    case "note_mention":
      return <FormattedMessage id="notifications.preferences.noteMention" />;
  }
}

function PreferencesForm({ preferences }: { preferences: Preferences }) {
  // Team kinds are kept as stored for residents (never shown, sent back unchanged).
  const team = Boolean(useSession().user?.roles.length);
  const save = useSaveNotificationPreferences();
  const [saved, setSaved] = useState(false);
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    shouldFocusError: false,
    defaultValues: { ...preferences.email },
  });
  return (
    <Form
      form={form}
      submitLabel={<FormattedMessage id="notifications.preferences.save" />}
      mapField={(field) => EMAIL_KINDS.find((kind) => field === `email.${kind}` || field === kind) ?? null}
      onSubmit={async (values) => {
        setSaved(false);
        const stored = await save.mutateAsync({ email: values });
        form.reset({ ...stored.email });
        setSaved(true);
      }}
    >
      {saved ? (
        <p role="status" className="notice notice--success">
          <FormattedMessage id="notifications.preferences.saved" />
        </p>
      ) : null}
      <fieldset className="fieldset">
        <legend>
          <FormattedMessage id="notifications.preferences.legend" />
        </legend>
        {RESIDENT_EMAIL_KINDS.map((kind) => (
          <CheckboxField
            key={kind}
            label={emailKindLabel(kind)}
            {...form.register(kind, { onChange: () => setSaved(false) })}
          />
        ))}
      </fieldset>
      {team ? (
        <fieldset className="fieldset">
          <legend>
            <FormattedMessage id="notifications.preferences.teamLegend" />
          </legend>
          {TEAM_EMAIL_KINDS.map((kind) => (
            <CheckboxField
              key={kind}
              label={emailKindLabel(kind)}
              {...form.register(kind, { onChange: () => setSaved(false) })}
            />
          ))}
        </fieldset>
      ) : null}
    </Form>
  );
}

/** The section's id: `/profile#notification-preferences` links to it. */
export const SECTION_ID = "notification-preferences";

/** The profile's "Email notifications" section: one checkbox per kind of email. */
export function NotificationPreferences() {
  const query = useNotificationPreferences();
  const location = useLocation();
  const heading = useRef<HTMLHeadingElement>(null);
  const linked = location.hash === `#${SECTION_ID}`;

  // Links from emails and the unsubscribe page lead here: bring the section into view and focus.
  useEffect(() => {
    if (linked && query.isSuccess && heading.current) {
      heading.current.scrollIntoView?.({ block: "start" });
      heading.current.focus();
    }
  }, [linked, query.isSuccess]);
  return (
    <section
      id={SECTION_ID}
      className="notification-preferences"
      aria-labelledby="notification-preferences-title">
      <h2 id="notification-preferences-title" tabIndex={-1} ref={heading}>
        <FormattedMessage id="notifications.preferences.title" />
      </h2>
      <p>
        <FormattedMessage id="notifications.preferences.intro" />
      </p>
      {query.isPending ? <Loading /> : null}
      {query.isError ? <LoadError error={query.error} /> : null}
      {query.isSuccess ? <PreferencesForm preferences={query.data} /> : null}
    </section>
  );
}
