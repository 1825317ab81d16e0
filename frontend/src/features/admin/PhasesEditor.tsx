import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm, type FieldErrors } from "react-hook-form";
import { FormattedMessage, useIntl } from "react-intl";
import { z } from "zod";
import { SelectField, TextField } from "@/components/Field";
import { Form } from "@/components/Form";
import { PhaseDates } from "@/features/projects/PhaseTimeline";
import { api, unwrap } from "@/lib/api/client";
import { ApiProblem, isApiProblem } from "@/lib/api/problem";
import type { Phase, Project } from "@/lib/api/types";
import { useValidationMessages } from "@/lib/forms/messages";
import { isPlainText } from "@/lib/forms/plainText";
import { useLocalized } from "@/lib/i18n";
import { useInvalidateProjects, useParticipationMethods } from "./api";
import { LocalizedRichTextFields, LocalizedTextFields } from "./LocalizedFields";
import { compact, emptyLocalized, localizedText } from "./localizedSchema";
import { MethodConfigFields, methodConfigBody } from "./MethodConfigFields";
import {
  actionsWithoutGroups,
  PermissionsFields,
  permissionsBody,
  permissionValues,
  type PermissionValues,
} from "./PermissionsFields";
import { usePlatformLocales } from "./usePlatformLocales";

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** The longest commitment of a proposals phase, per language (the API's limit). */
const COMMITMENT_MAX = 300;
const PHASE_FIELDS = ["title", "description", "start_date", "end_date", "method", "method_config", "permissions"];

/**
 * An overlap names no field when the API puts it in `detail` only: show it
 * next to the start date, where the admin fixes it.
 */
export function placeOverlap(error: unknown): unknown {
  if (isApiProblem(error) && error.code === "phase_overlap" && error.errors.length === 0) {
    return new ApiProblem(error.status, {
      ...error.extra,
      errors: [{ field: "start_date", code: "phase_overlap", message: error.detail }],
    });
  }
  return error;
}

/** A proposals phase's commitment as the form holds it ({locale: text}; nothing before it is typed). */
function commitmentOf(config: Record<string, unknown>): Record<string, string> {
  const value = config.commitment;
  return value && typeof value === "object" ? (value as Record<string, string>) : {};
}

function PhaseForm({ project, phase, onDone }: { project: Project; phase?: Phase; onDone: () => void }) {
  const intl = useIntl();
  const messages = useValidationMessages();
  const invalidate = useInvalidateProjects();
  const methods = useParticipationMethods();
  const { locales, defaultLocale } = usePlatformLocales();
  const chooseGroup = intl.formatMessage({ id: "admin.permissions.chooseGroup" });
  const plainText = intl.formatMessage({ id: "validation.plainText" });
  const methodOf = (id: string) => methods.data?.items.find((item) => item.id === id);
  const stored = permissionValues(phase?.permissions);
  const rule = z.object({
    audience: z.string().optional(),
    group_ids: z.array(z.string()).optional(),
    required_fields: z.array(z.string()).optional(),
  });
  const schema = z.object({
    phase: z
      .object({
        title: localizedText(locales, defaultLocale, messages.required, 200, messages.maxLength(200)),
        description: localizedText(locales, defaultLocale, messages.required, 50000, messages.maxLength(50000)),
        start_date: z.string().regex(DATE, messages.date),
        end_date: z.string().refine((value) => !value || DATE.test(value), messages.date),
        method: z.string().min(1, messages.required),
        method_config: z.record(z.string(), z.unknown()),
        permissions: z.record(z.string(), rule.optional()),
      })
      .refine((value) => !value.end_date || value.end_date >= value.start_date, {
        path: ["end_date"],
        message: messages.endBeforeStart,
      })
      .superRefine((value, context) => {
        // A rule for members of groups names at least one group (the API refuses it otherwise).
        for (const action of actionsWithoutGroups(methodOf(value.method), value.permissions)) {
          context.addIssue({ code: "custom", path: ["permissions", action, "group_ids"], message: chooseGroup });
        }
        // A proposals phase's commitment: plain text, up to the API's length, in each language.
        if (value.method === "proposals") {
          for (const [locale, text] of Object.entries(commitmentOf(value.method_config))) {
            const path = ["method_config", "commitment", locale];
            if (text.length > COMMITMENT_MAX) {
              context.addIssue({ code: "custom", path, message: messages.maxLength(COMMITMENT_MAX) });
            } else if (!isPlainText(text)) {
              context.addIssue({ code: "custom", path, message: plainText });
            }
          }
        }
      }),
  });
  type Values = z.infer<typeof schema>;
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    // The error summary takes focus instead (GOV.UK pattern), then links to each field.
    shouldFocusError: false,
    defaultValues: {
      phase: {
        title: emptyLocalized(locales, phase?.title),
        description: emptyLocalized(locales, phase?.description),
        start_date: phase?.start_date ?? "",
        end_date: phase?.end_date ?? "",
        method: phase?.method ?? "information",
        method_config: phase?.method_config ?? {},
        permissions: stored as Record<string, PermissionValues>,
      },
    },
  });
  const { errors } = form.formState;
  const methodId = form.watch("phase.method");
  const method = methodOf(methodId);
  const phaseErrors = errors.phase;

  return (
    <Form
      form={form}
      aria-label={intl.formatMessage({ id: phase ? "admin.phases.editTitle" : "admin.phases.addTitle" })}
      submitLabel={<FormattedMessage id={phase ? "admin.phases.save" : "admin.phases.add"} />}
      actions={
        <button type="button" className="button button--secondary" onClick={onDone}>
          <FormattedMessage id="admin.action.cancel" />
        </button>
      }
      mapField={(field) => {
        const root = field.split(".")[0];
        return PHASE_FIELDS.includes(root) ? (`phase.${field}` as never) : null;
      }}
      onSubmit={async ({ phase: values }) => {
        // Empty inputs mean "not set", not an empty string the method must accept.
        const methodConfig = methodConfigBody(methodOf(values.method), values.method_config);
        // The commitment is edited per language: only the languages with a text are sent.
        if (values.method === "proposals") methodConfig.commitment = compact(commitmentOf(values.method_config));
        const body = {
          title: compact(values.title),
          description: compact(values.description),
          start_date: values.start_date,
          end_date: values.end_date || null,
          method: values.method,
          method_config: methodConfig,
          // Every action of the method gets its rule: the API replaces the phase's rules with these.
          permissions: permissionsBody(methodOf(values.method), values.permissions),
        };
        try {
          if (phase) {
            await unwrap(
              api.PATCH("/api/v1/projects/{project_id}/phases/{phase_id}", {
                params: { path: { project_id: project.id, phase_id: phase.id } },
                body,
              }),
            );
          } else {
            await unwrap(
              api.POST("/api/v1/projects/{project_id}/phases", {
                params: { path: { project_id: project.id } },
                body,
              }),
            );
          }
        } catch (error) {
          throw placeOverlap(error);
        }
        await invalidate();
        onDone();
      }}
    >
      <h3>
        <FormattedMessage id={phase ? "admin.phases.editTitle" : "admin.phases.addTitle"} />
      </h3>
      <LocalizedTextFields
        name="phase.title"
        label={intl.formatMessage({ id: "admin.phases.field.title" })}
        locales={locales}
        defaultLocale={defaultLocale}
        errors={errors}
        register={form.register}
        required
      />
      <LocalizedRichTextFields
        name="phase.description"
        label={intl.formatMessage({ id: "admin.phases.field.description" })}
        locales={locales}
        defaultLocale={defaultLocale}
        errors={errors}
        control={form.control}
        required
      />
      <TextField
        type="date"
        label={<FormattedMessage id="admin.phases.field.start" />}
        error={phaseErrors?.start_date?.message}
        {...form.register("phase.start_date")}
      />
      <TextField
        type="date"
        label={<FormattedMessage id="admin.phases.field.end" />}
        hint={<FormattedMessage id="admin.phases.field.endHint" />}
        error={phaseErrors?.end_date?.message}
        {...form.register("phase.end_date")}
      />
      <SelectField
        label={<FormattedMessage id="admin.phases.field.method" />}
        error={phaseErrors?.method?.message}
        {...form.register("phase.method")}
      >
        {(methods.data?.items ?? [{ id: methodId, actions: [], config_schema: {} }]).map((item) => (
          <option key={item.id} value={item.id}>
            {intl.formatMessage({ id: `method.${item.id}`, defaultMessage: item.id })}
          </option>
        ))}
      </SelectField>
      <MethodConfigFields
        method={method}
        prefix="phase.method_config"
        register={form.register}
        errors={phaseErrors?.method_config as FieldErrors | undefined}
        current={form.watch("phase.method_config")}
      />
      {methodId === "proposals" ? (
        <LocalizedTextFields
          name="phase.method_config.commitment"
          label={intl.formatMessage({ id: "admin.method.proposals.commitment" })}
          hint={<FormattedMessage id="admin.method.proposals.commitment.hint" values={{ max: COMMITMENT_MAX }} />}
          locales={locales}
          defaultLocale={defaultLocale}
          errors={errors}
          register={form.register}
        />
      ) : null}
      <PermissionsFields
        method={method}
        prefix="phase.permissions"
        control={form.control}
        register={form.register}
        errors={phaseErrors?.permissions as FieldErrors | undefined}
        stored={stored}
      />
    </Form>
  );
}

/** Add, edit and delete a project's phases. */
export function PhasesEditor({ project }: { project: Project }) {
  const localize = useLocalized();
  const invalidate = useInvalidateProjects();
  const [editing, setEditing] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const remove = async (phase: Phase) => {
    setError(null);
    try {
      await unwrap(
        api.DELETE("/api/v1/projects/{project_id}/phases/{phase_id}", {
          params: { path: { project_id: project.id, phase_id: phase.id } },
        }),
      );
      setConfirming(null);
      await invalidate();
    } catch (caught) {
      setError(isApiProblem(caught) && caught.detail ? caught.detail : "failed");
    }
  };

  return (
    <section aria-labelledby="phases-title" className="panel">
      <h2 id="phases-title">
        <FormattedMessage id="admin.phases.title" />
      </h2>
      {error ? (
        <p className="notice notice--error" role="alert">
          {error === "failed" ? <FormattedMessage id="error.action" /> : error}
        </p>
      ) : null}
      {project.phases.length === 0 ? (
        <p>
          <FormattedMessage id="admin.phases.empty" />
        </p>
      ) : null}
      <ol className="admin-list">
        {project.phases.map((phase) => {
          const name = localize(phase.title);
          return (
            <li key={phase.id} className="admin-list__item">
              {editing === phase.id ? (
                <PhaseForm project={project} phase={phase} onDone={() => setEditing(null)} />
              ) : (
                <div className="admin-list__main">
                  <h3 className="admin-list__title">{name}</h3>
                  <p className="muted">
                    <PhaseDates phase={phase} />
                  </p>
                  <div className="status-actions">
                    <button
                      type="button"
                      className="button button--small"
                      onClick={() => setEditing(phase.id)}
                    >
                      <FormattedMessage id="admin.phases.edit" values={{ name }} />
                    </button>
                    {confirming === phase.id ? (
                      <span role="group" aria-label={name}>
                        <FormattedMessage id="admin.action.confirmDelete" values={{ name }} />{" "}
                        <button
                          type="button"
                          className="button button--small button--warning"
                          onClick={() => void remove(phase)}
                        >
                          <FormattedMessage id="admin.action.confirmDeleteYes" />
                        </button>{" "}
                        <button
                          type="button"
                          className="button button--small button--secondary"
                          onClick={() => setConfirming(null)}
                        >
                          <FormattedMessage id="admin.action.cancel" />
                        </button>
                      </span>
                    ) : (
                      <button
                        type="button"
                        className="button button--small button--warning"
                        onClick={() => setConfirming(phase.id)}
                      >
                        <FormattedMessage id="admin.phases.delete" values={{ name }} />
                      </button>
                    )}
                  </div>
                </div>
              )}
            </li>
          );
        })}
      </ol>
      {editing === "new" ? (
        <PhaseForm project={project} onDone={() => setEditing(null)} />
      ) : (
        <button type="button" className="button" onClick={() => setEditing("new")}>
          <FormattedMessage id="admin.phases.new" />
        </button>
      )}
    </section>
  );
}
