import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { FormattedMessage, useIntl } from "react-intl";
import { z } from "zod";
import { CheckboxField, SelectField, TextField } from "@/components/Field";
import { Form } from "@/components/Form";
import { isSupportedLocale, nativeLanguageName } from "@/config/locales";
import { RequireAuth } from "@/features/auth/RequireAuth";
import { useSession } from "@/features/auth/useSession";
import { NotificationPreferences } from "@/features/notifications";
import { DeleteAccountSection, MyDataSection } from "@/features/privacy";
import { ProfileAnswers } from "@/features/registration";
import { VerificationStatus } from "@/features/verification";
import { api, session, unwrap } from "@/lib/api/client";
import type { Me } from "@/lib/api/types";
import { uploadFile } from "@/lib/api/upload";
import { useValidationMessages } from "@/lib/forms/messages";
import { useLocale } from "@/lib/i18n";

function ProfileForm({ user }: { user: Me }) {
  const intl = useIntl();
  const messages = useValidationMessages();
  const { available, setLocale } = useLocale();
  const [saved, setSaved] = useState(false);
  const [avatar, setAvatar] = useState<File | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const schema = z.object({
    first_name: z.string().trim().min(1, messages.required).max(100, messages.maxLength(100)),
    last_name: z.string().trim().min(1, messages.required).max(100, messages.maxLength(100)),
    locale: z.string().min(1, messages.required),
    remove_avatar: z.boolean(),
    avatar: z.any().optional(),
  });
  type Values = z.infer<typeof schema>;
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    // The error summary takes focus instead (GOV.UK pattern), then links to each field.
    shouldFocusError: false,
    defaultValues: {
      first_name: user.first_name,
      last_name: user.last_name,
      locale: user.locale,
      remove_avatar: false,
      avatar: undefined,
    },
  });
  const { errors } = form.formState;

  useEffect(() => {
    if (!avatar) {
      setPreview(null);
      return;
    }
    const url = URL.createObjectURL(avatar);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [avatar]);

  const shown = preview ?? (form.watch("remove_avatar") ? null : user.avatar_url);

  return (
    <Form
      form={form}
      submitLabel={<FormattedMessage id="profile.save" />}
      mapField={(field) =>
        field === "avatar_upload_key"
          ? "avatar"
          : (["first_name", "last_name", "locale", "remove_avatar"] as const).find(
              (name) => name === field,
            ) ?? null
      }
      onSubmit={async (values) => {
        setSaved(false);
        const avatarKey = avatar ? await uploadFile("avatar", avatar) : undefined;
        const me = await unwrap(
          api.PATCH("/api/v1/me", {
            body: {
              first_name: values.first_name,
              last_name: values.last_name,
              locale: values.locale,
              ...(avatarKey ? { avatar_upload_key: avatarKey } : {}),
              ...(values.remove_avatar && !avatarKey ? { remove_avatar: true } : {}),
            },
          }),
        );
        session.updateUser(me);
        if (isSupportedLocale(me.locale)) setLocale(me.locale);
        setAvatar(null);
        form.reset({ ...values, remove_avatar: false, avatar: undefined });
        setSaved(true);
      }}
    >
      {saved ? (
        <p role="status" className="notice notice--success">
          <FormattedMessage id="profile.saved" />
        </p>
      ) : null}
      <TextField
        label={<FormattedMessage id="field.firstName" />}
        autoComplete="given-name"
        error={errors.first_name?.message}
        {...form.register("first_name")}
      />
      <TextField
        label={<FormattedMessage id="field.lastName" />}
        autoComplete="family-name"
        error={errors.last_name?.message}
        {...form.register("last_name")}
      />
      <SelectField
        label={<FormattedMessage id="field.locale" />}
        error={errors.locale?.message}
        {...form.register("locale")}
      >
        {available.map((code) => (
          <option key={code} value={code} lang={code}>
            {nativeLanguageName(code)}
          </option>
        ))}
      </SelectField>
      <div className="avatar">
        {shown ? (
          <img
            src={shown}
            alt={intl.formatMessage({ id: "profile.avatarAlt" })}
            className="avatar__image"
            width={96}
            height={96}
          />
        ) : null}
        <TextField
          label={<FormattedMessage id="profile.avatar" />}
          hint={<FormattedMessage id="profile.avatarHint" />}
          type="file"
          accept="image/png,image/jpeg,image/webp"
          error={errors.avatar?.message as string | undefined}
          name="avatar"
          onChange={(event) => setAvatar(event.target.files?.[0] ?? null)}
        />
        {user.avatar_url ? (
          <CheckboxField
            label={<FormattedMessage id="profile.removeAvatar" />}
            {...form.register("remove_avatar")}
          />
        ) : null}
      </div>
    </Form>
  );
}

export function ProfilePage() {
  const { user } = useSession();
  return (
    <RequireAuth>
      <div className="narrow">
        <h1>
          <FormattedMessage id="profile.title" />
        </h1>
        {user ? (
          <>
            <p>
              <FormattedMessage id="profile.email" values={{ email: user.email }} />
            </p>
            {!user.email_confirmed ? (
              <p className="notice">
                <FormattedMessage id="profile.unconfirmed" />
              </p>
            ) : null}
            <ProfileForm key={`${user.id}-${user.locale}`} user={user} />
            <ProfileAnswers user={user} />
            <VerificationStatus />
            <NotificationPreferences />
            <MyDataSection />
            <DeleteAccountSection user={user} />
          </>
        ) : null}
      </div>
    </RequireAuth>
  );
}
