import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { FormattedMessage, useIntl } from "react-intl";
import { Link, useNavigate, useParams } from "react-router";
import { z } from "zod";
import { CheckboxField, SelectField, TextField } from "@/components/Field";
import { Form } from "@/components/Form";
import { LoadError, Loading } from "@/components/Loading";
import { isAdmin, useSession } from "@/features/auth/useSession";
import { StatusBadge } from "@/features/projects/StatusBadge";
import { api, unwrap } from "@/lib/api/client";
import type { Project, Visibility } from "@/lib/api/types";
import { uploadFile } from "@/lib/api/upload";
import { fieldId } from "@/lib/forms/fieldId";
import { useValidationMessages } from "@/lib/forms/messages";
import { useLocalized } from "@/lib/i18n";
import { useAdminFolders, useAdminProject, useGroupChoices, useInvalidateProjects } from "./api";
import { managesFolders } from "./access";
import { AttachmentsEditor } from "./AttachmentsEditor";
import { ImageField } from "./ImageField";
import { LocalizedRichTextFields, LocalizedTextFields } from "./LocalizedFields";
import { compact, emptyLocalized, localizedText } from "./localizedSchema";
import { PhasesEditor } from "./PhasesEditor";
import { projectAction } from "./projectActions";
import { StatusActions } from "./StatusActions";
import { usePlatformLocales } from "./usePlatformLocales";

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const VISIBILITIES: Visibility[] = ["public", "admins", "groups"];

/** The groups a project visible to some groups shows to: one checkbox per user group. */
function VisibleGroups({
  value,
  onChange,
  error,
}: {
  value: string[];
  onChange: (next: string[]) => void;
  error?: string;
}) {
  const localize = useLocalized();
  const groups = useGroupChoices();
  if (groups.isPending) return <Loading />;
  if (groups.isError) return <LoadError error={groups.error} />;
  const items = groups.data.items;
  return (
    <fieldset className={error ? "fieldset field--error" : "fieldset"} aria-describedby="visible-groups-hint">
      <legend>
        <FormattedMessage id="admin.field.visibleGroups" />
      </legend>
      <p className="field__hint" id="visible-groups-hint">
        <FormattedMessage id={items.length ? "admin.field.visibleGroupsHint" : "admin.field.noGroups"} />
      </p>
      {error ? <p className="field__error">{error}</p> : null}
      <div className="checkbox-grid">
        {items.map((group, index) => {
          const id = index === 0 ? fieldId("visible_group_ids") : `${fieldId("visible_group_ids")}-${group.id}`;
          return (
            <div className="checkbox" key={group.id}>
              <input
                type="checkbox"
                id={id}
                name="visible_group_ids"
                value={group.id}
                checked={value.includes(group.id)}
                onChange={(event) =>
                  onChange(event.target.checked ? [...value, group.id] : value.filter((item) => item !== group.id))
                }
              />
              <label htmlFor={id}>{localize(group.title)}</label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

function ProjectForm({ project }: { project?: Project }) {
  const intl = useIntl();
  const localize = useLocalized();
  const messages = useValidationMessages();
  const navigate = useNavigate();
  const invalidate = useInvalidateProjects();
  const state = useSession();
  // Project managers see no folders, so the folder stays as it is; folder managers
  // move projects between their folders only (leaving them is refused).
  const admin = isAdmin(state);
  const byFolder = admin || managesFolders(state);
  // Only admins and folder managers may list folders (the API refuses project managers).
  const folders = useAdminFolders(byFolder);
  const { locales, defaultLocale } = usePlatformLocales();
  const [header, setHeader] = useState<File | null>(null);
  const [saved, setSaved] = useState(false);
  const schema = z.object({
    title: localizedText(locales, defaultLocale, messages.required, 200, messages.maxLength(200)),
    description: localizedText(locales, null, messages.required, 50000, messages.maxLength(50000)),
    folder_id: z.string(),
    visibility: z.enum(VISIBILITIES),
    visible_group_ids: z.array(z.string()),
    slug: z.string().trim().refine((value) => !value || SLUG.test(value), messages.slug),
    remove_header: z.boolean(),
    header_image: z.any().optional(),
  }).refine((values) => values.visibility !== "groups" || values.visible_group_ids.length > 0, {
    path: ["visible_group_ids"],
    message: intl.formatMessage({ id: "admin.field.visibleGroupsRequired" }),
  });
  type Values = z.infer<typeof schema>;
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    // The error summary takes focus instead (GOV.UK pattern), then links to each field.
    shouldFocusError: false,
    defaultValues: {
      title: emptyLocalized(locales, project?.title),
      description: emptyLocalized(locales, project?.description),
      folder_id: project?.folder_id ?? "",
      visibility: project?.visibility ?? "public",
      visible_group_ids: project?.visible_group_ids ?? [],
      slug: project?.slug ?? "",
      remove_header: false,
      header_image: undefined,
    },
  });
  const { errors } = form.formState;

  return (
    <Form
      form={form}
      aria-label={intl.formatMessage({ id: "admin.projects.details" })}
      submitLabel={<FormattedMessage id={project ? "admin.save" : "admin.projects.create"} />}
      mapField={(field) => {
        if (field === "header_image_upload_key") return "header_image";
        if (field === "move_out_of_folder") return "folder_id";
        const root = field.split(".")[0];
        return ["title", "description", "folder_id", "visibility", "visible_group_ids", "slug"].includes(root)
          ? (field as never)
          : null;
      }}
      onSubmit={async (values) => {
        setSaved(false);
        const headerKey = header ? await uploadFile("project_header", header) : undefined;
        const body = {
          title: compact(values.title),
          description: compact(values.description),
          visibility: values.visibility,
          ...(values.visibility === "groups" ? { visible_group_ids: values.visible_group_ids } : {}),
          ...(values.folder_id ? { folder_id: values.folder_id } : {}),
          ...(values.slug ? { slug: values.slug } : {}),
          ...(headerKey ? { header_image_upload_key: headerKey } : {}),
        };
        if (project) {
          await unwrap(
            api.PATCH("/api/v1/projects/{project_id}", {
              params: { path: { project_id: project.id } },
              body: {
                ...body,
                // `folder_id: null` means "unchanged"; leaving a folder is explicit.
                ...(!values.folder_id && project.folder_id ? { move_out_of_folder: true } : {}),
                ...(values.remove_header && !headerKey ? { remove_header_image: true } : {}),
              },
            }),
          );
          setHeader(null);
          form.setValue("remove_header", false);
          setSaved(true);
          await invalidate();
        } else {
          const created = await unwrap(api.POST("/api/v1/projects", { body }));
          await invalidate();
          navigate(`/admin/projects/${created.id}`);
        }
      }}
    >
      {saved ? (
        <p role="status" className="notice notice--success">
          <FormattedMessage id="admin.saved" />
        </p>
      ) : null}
      <LocalizedTextFields
        name="title"
        label={intl.formatMessage({ id: "admin.field.title" })}
        locales={locales}
        defaultLocale={defaultLocale}
        errors={errors}
        register={form.register}
        required
      />
      <LocalizedRichTextFields
        name="description"
        label={intl.formatMessage({ id: "admin.field.description" })}
        locales={locales}
        defaultLocale={defaultLocale}
        errors={errors}
        control={form.control}
      />
      {byFolder ? (
        <SelectField
          label={<FormattedMessage id="admin.field.folder" />}
          error={errors.folder_id?.message}
          {...form.register("folder_id")}
        >
          {admin ? <option value="">{intl.formatMessage({ id: "admin.field.noFolder" })}</option> : null}
          {folders.data?.items.map((folder) => (
            <option key={folder.id} value={folder.id}>
              {localize(folder.title)}
            </option>
          ))}
        </SelectField>
      ) : null}
      <SelectField
        label={<FormattedMessage id="admin.field.visibility" />}
        error={errors.visibility?.message}
        {...form.register("visibility")}
      >
        {VISIBILITIES.map((value) => (
          <option key={value} value={value}>
            {intl.formatMessage({ id: `visibility.${value}` })}
          </option>
        ))}
      </SelectField>
      {form.watch("visibility") === "groups" ? (
        <Controller
          control={form.control}
          name="visible_group_ids"
          render={({ field }) => (
            <VisibleGroups value={field.value} onChange={field.onChange} error={errors.visible_group_ids?.message} />
          )}
        />
      ) : null}
      <TextField
        label={<FormattedMessage id="admin.field.slug" />}
        hint={<FormattedMessage id="admin.field.slugHint" />}
        error={errors.slug?.message}
        {...form.register("slug")}
      />
      <ImageField
        name="header_image"
        label={<FormattedMessage id="admin.field.headerImage" />}
        currentUrl={form.watch("remove_header") ? null : project?.header_image_url}
        file={header}
        onChange={setHeader}
        error={errors.header_image?.message as string | undefined}
      />
      {project?.header_image_url ? (
        <CheckboxField
          label={<FormattedMessage id="admin.field.removeHeader" />}
          error={errors.remove_header?.message}
          {...form.register("remove_header")}
        />
      ) : null}
    </Form>
  );
}

function EditExisting({ id }: { id: string }) {
  const localize = useLocalized();
  const project = useAdminProject(id);
  const invalidate = useInvalidateProjects();
  const navigate = useNavigate();
  if (project.isPending) return <Loading />;
  if (project.isError) return <LoadError error={project.error} />;
  const data = project.data;
  const name = localize(data.title);
  return (
    <>
      <section aria-labelledby="publish-title" className="panel">
        <h2 id="publish-title">
          <FormattedMessage id="admin.projects.publication" /> <StatusBadge status={data.status} />
        </h2>
        <StatusActions
          name={name}
          status={data.status}
          onAction={async (action) => {
            await projectAction(data.id, action);
            await invalidate();
            if (action === "delete") navigate("/admin/projects");
          }}
        />
        {data.status !== "draft" ? (
          <p>
            <Link to={`/projects/${data.slug || data.id}`}>
              <FormattedMessage id="admin.projects.view" />
            </Link>
          </p>
        ) : null}
      </section>
      <ProjectForm key={data.id} project={data} />
      <PhasesEditor project={data} />
      <section aria-labelledby="input-form-title" className="panel">
        <h2 id="input-form-title">
          <FormattedMessage id="admin.inputForm.panelTitle" />
        </h2>
        <p>
          <FormattedMessage id="admin.inputForm.panelIntro" />
        </p>
        <p>
          <Link to={`/admin/projects/${data.id}/input-form`}>
            <FormattedMessage id="admin.inputForm.edit" />
          </Link>
        </p>
      </section>
      <AttachmentsEditor project={data} />
    </>
  );
}

export function ProjectEditPage() {
  const { projectId } = useParams();
  return (
    <>
      <p>
        <Link to="/admin/projects">
          <FormattedMessage id="admin.backToProjects" />
        </Link>
      </p>
      <h1>
        <FormattedMessage id={projectId ? "admin.projects.edit" : "admin.projects.new"} />
      </h1>
      {projectId ? <EditExisting id={projectId} /> : <ProjectForm />}
    </>
  );
}
