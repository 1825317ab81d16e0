import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FormattedMessage, useIntl } from "react-intl";
import { Link, useNavigate, useParams } from "react-router";
import { z } from "zod";
import { CheckboxField, TextField } from "@/components/Field";
import { Form } from "@/components/Form";
import { LoadError, Loading } from "@/components/Loading";
import { api, unwrap } from "@/lib/api/client";
import type { Folder } from "@/lib/api/types";
import { uploadFile } from "@/lib/api/upload";
import { useValidationMessages } from "@/lib/forms/messages";
import { useAdminFolder, useInvalidateProjects } from "./api";
import { ImageField } from "./ImageField";
import { LocalizedRichTextFields, LocalizedTextFields } from "./LocalizedFields";
import { compact, emptyLocalized, localizedText } from "./localizedSchema";
import { usePlatformLocales } from "./usePlatformLocales";

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function FolderForm({ folder }: { folder?: Folder }) {
  const intl = useIntl();
  const messages = useValidationMessages();
  const navigate = useNavigate();
  const invalidate = useInvalidateProjects();
  const { locales, defaultLocale } = usePlatformLocales();
  const [header, setHeader] = useState<File | null>(null);
  const [saved, setSaved] = useState(false);
  const schema = z.object({
    title: localizedText(locales, defaultLocale, messages.required, 200, messages.maxLength(200)),
    description: localizedText(locales, null, messages.required, 20000, messages.maxLength(20000)),
    slug: z.string().trim().refine((value) => !value || SLUG.test(value), messages.slug),
    remove_header: z.boolean(),
    header_image: z.any().optional(),
  });
  type Values = z.infer<typeof schema>;
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    // The error summary takes focus instead (GOV.UK pattern), then links to each field.
    shouldFocusError: false,
    defaultValues: {
      title: emptyLocalized(locales, folder?.title),
      description: emptyLocalized(locales, folder?.description),
      slug: folder?.slug ?? "",
      remove_header: false,
      header_image: undefined,
    },
  });
  const { errors } = form.formState;

  return (
    <Form
      form={form}
      submitLabel={<FormattedMessage id={folder ? "admin.save" : "admin.folders.create"} />}
      mapField={(field) => {
        if (field === "header_image_upload_key") return "header_image";
        const root = field.split(".")[0];
        return ["title", "description", "slug"].includes(root) ? (field as never) : null;
      }}
      onSubmit={async (values) => {
        setSaved(false);
        const headerKey = header ? await uploadFile("project_header", header) : undefined;
        const body = {
          title: compact(values.title),
          description: compact(values.description),
          ...(values.slug ? { slug: values.slug } : {}),
          ...(headerKey ? { header_image_upload_key: headerKey } : {}),
        };
        if (folder) {
          await unwrap(
            api.PATCH("/api/v1/folders/{folder_id}", {
              params: { path: { folder_id: folder.id } },
              body: { ...body, ...(values.remove_header && !headerKey ? { remove_header_image: true } : {}) },
            }),
          );
          setHeader(null);
          form.setValue("remove_header", false);
          setSaved(true);
          await invalidate();
        } else {
          const created = await unwrap(api.POST("/api/v1/folders", { body }));
          await invalidate();
          navigate(`/admin/folders/${created.id}`);
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
      <TextField
        label={<FormattedMessage id="admin.field.slug" />}
        hint={<FormattedMessage id="admin.field.slugHint" />}
        error={errors.slug?.message}
        {...form.register("slug")}
      />
      <ImageField
        name="header_image"
        label={<FormattedMessage id="admin.field.headerImage" />}
        currentUrl={form.watch("remove_header") ? null : folder?.header_image_url}
        file={header}
        onChange={setHeader}
        error={errors.header_image?.message as string | undefined}
      />
      {folder?.header_image_url ? (
        <CheckboxField
          label={<FormattedMessage id="admin.field.removeHeader" />}
          {...form.register("remove_header")}
        />
      ) : null}
    </Form>
  );
}

function EditExisting({ id }: { id: string }) {
  const folder = useAdminFolder(id);
  if (folder.isPending) return <Loading />;
  if (folder.isError) return <LoadError error={folder.error} />;
  return <FolderForm key={folder.data.id} folder={folder.data} />;
}

export function FolderEditPage() {
  const { folderId } = useParams();
  return (
    <>
      <p>
        <Link to="/admin/folders">
          <FormattedMessage id="admin.backToFolders" />
        </Link>
      </p>
      <h1>
        <FormattedMessage id={folderId ? "admin.folders.edit" : "admin.folders.new"} />
      </h1>
      {folderId ? <EditExisting id={folderId} /> : <FolderForm />}
    </>
  );
}
