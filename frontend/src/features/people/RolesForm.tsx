import { useEffect, useRef, useState } from "react";
import { useForm, type UseFormRegister } from "react-hook-form";
import { FormattedMessage, useIntl } from "react-intl";
import { CheckboxField } from "@/components/Field";
import { Form } from "@/components/Form";
import { fieldId } from "@/lib/forms/fieldId";
import { useLocalized } from "@/lib/i18n";
import { usePickerFolders, usePickerProjects, useSetRoles } from "./api";
import { choicesOf, grantsOf, SCOPED_ROLES, type RoleChoices, type ScopedRole } from "./roles";
import type { UserSummary } from "./types";

interface Choice {
  id: string;
  title: Record<string, string>;
}

/** The checkboxes of one scoped role: the folders or projects it applies to. */
function ScopePicker({
  role,
  choices,
  register,
}: {
  role: ScopedRole;
  choices: Choice[];
  register: UseFormRegister<RoleChoices>;
}) {
  const localize = useLocalized();
  const hintId = `${fieldId(role)}-hint`;
  return (
    <fieldset className="fieldset" id={fieldId(role)} tabIndex={-1} aria-describedby={hintId}>
      <legend>
        <FormattedMessage id={`people.roles.${role}.legend`} />
      </legend>
      <p className="field__hint" id={hintId}>
        <FormattedMessage id={`people.roles.${role}.hint`} />
      </p>
      {choices.length === 0 ? (
        <p className="muted">
          <FormattedMessage id={role === "folder_manager" ? "people.roles.noFolders" : "people.roles.noProjects"} />
        </p>
      ) : (
        <div className="people-picker">
          {choices.map((choice) => (
            <CheckboxField
              key={choice.id}
              id={fieldId(`${role}-${choice.id}`)}
              value={choice.id}
              label={localize(choice.title)}
              {...register(role)}
            />
          ))}
        </div>
      )}
    </fieldset>
  );
}

interface Props {
  user: UserSummary;
  self: boolean;
  onDone: (saved: UserSummary | null) => void;
}

/**
 * A user's roles: admin, folder manager of folders, project manager and
 * moderator of projects. Taking away the admin role asks to confirm first.
 */
export function RolesForm({ user, self, onDone }: Props) {
  const intl = useIntl();
  const folders = usePickerFolders();
  const projects = usePickerProjects();
  const setRoles = useSetRoles();
  const [confirming, setConfirming] = useState(false);
  const cancel = useRef<HTMLButtonElement>(null);
  const name = `${user.first_name} ${user.last_name}`.trim() || user.email;
  const form = useForm<RoleChoices>({ shouldFocusError: false, defaultValues: choicesOf(user.roles) });
  const wasAdmin = user.roles.some((grant) => grant.role === "admin");
  const admin = form.watch("admin");

  useEffect(() => {
    if (confirming) cancel.current?.focus();
  }, [confirming]);
  useEffect(() => {
    if (admin) setConfirming(false);
  }, [admin]);

  const choicesFor = (role: ScopedRole): Choice[] =>
    (role === "folder_manager" ? folders.data : projects.data) ?? [];
  const listed = new Set([...(folders.data ?? []), ...(projects.data ?? [])].map((item) => item.id));
  const titleId = `roles-${user.id}-confirm`;

  return (
    <Form
      form={form}
      aria-label={intl.formatMessage({ id: "people.roles.formLabel" }, { name })}
      submitLabel={<FormattedMessage id="people.roles.save" />}
      mapField={() => null}
      actions={
        <button type="button" className="button button--secondary" onClick={() => onDone(null)}>
          <FormattedMessage id="people.cancel" />
        </button>
      }
      onSubmit={async (values) => {
        if (wasAdmin && !values.admin && !confirming) {
          setConfirming(true);
          return;
        }
        const saved = await setRoles.mutateAsync({ userId: user.id, roles: grantsOf(values, user.roles, listed) });
        setConfirming(false);
        onDone(saved);
      }}
    >
      <h3>
        <FormattedMessage id="people.roles.formLabel" values={{ name }} />
      </h3>
      <CheckboxField
        label={<FormattedMessage id="people.roles.admin" />}
        hint={<FormattedMessage id={self ? "people.roles.adminSelfHint" : "people.roles.adminHint"} />}
        {...form.register("admin")}
        id={fieldId(`admin-${user.id}`)}
      />
      {confirming ? (
        <div
          className="confirm"
          role="alertdialog"
          aria-labelledby={titleId}
          onKeyDown={(event) => {
            if (event.key === "Escape") setConfirming(false);
          }}
        >
          <p id={titleId} className="confirm__title">
            <FormattedMessage id="people.roles.confirmRevokeAdmin" values={{ name }} />
          </p>
          <div className="form__actions">
            <button type="submit" className="button button--small button--warning">
              <FormattedMessage id="people.roles.confirmRevokeAdminYes" />
            </button>
            <button
              ref={cancel}
              type="button"
              className="button button--small button--secondary"
              onClick={() => setConfirming(false)}
            >
              <FormattedMessage id="people.cancel" />
            </button>
          </div>
        </div>
      ) : null}
      {SCOPED_ROLES.map((role) => (
        <ScopePicker key={role} role={role} choices={choicesFor(role)} register={form.register} />
      ))}
    </Form>
  );
}
