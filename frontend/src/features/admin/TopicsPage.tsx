import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FormattedMessage, useIntl } from "react-intl";
import { z } from "zod";
import { Form } from "@/components/Form";
import { api, unwrap } from "@/lib/api/client";
import { useValidationMessages } from "@/lib/forms/messages";
import { useLocalized } from "@/lib/i18n";
import { ConfirmDelete } from "./ConfirmDelete";
import { useAdminTopics, useInvalidateIdeation } from "./ideationApi";
import type { Topic } from "./ideationTypes";
import { LocalizedTextFields } from "./LocalizedFields";
import { compact, emptyLocalized, localizedText } from "./localizedSchema";
import { usePlatformLocales } from "./usePlatformLocales";
import { ListStatus } from "./ListStatus";

const TEXT_MAX = 300;

function TopicForm({ topic, onDone }: { topic?: Topic; onDone: () => void }) {
  const intl = useIntl();
  const messages = useValidationMessages();
  const invalidate = useInvalidateIdeation();
  const { locales, defaultLocale } = usePlatformLocales();
  const schema = z.object({
    title: localizedText(locales, defaultLocale, messages.required, TEXT_MAX, messages.maxLength(TEXT_MAX)),
    description: localizedText(locales, null, messages.required, TEXT_MAX, messages.maxLength(TEXT_MAX)),
  });
  type Values = z.infer<typeof schema>;
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    shouldFocusError: false,
    defaultValues: {
      title: emptyLocalized(locales, topic?.title),
      description: emptyLocalized(locales, topic?.description ?? undefined),
    },
  });
  const { errors } = form.formState;
  const heading = topic ? "admin.topics.editTitle" : "admin.topics.addTitle";
  return (
    <Form
      form={form}
      aria-label={intl.formatMessage({ id: heading })}
      submitLabel={<FormattedMessage id={topic ? "admin.topics.save" : "admin.topics.create"} />}
      actions={
        <button type="button" className="button button--secondary" onClick={onDone}>
          <FormattedMessage id="admin.action.cancel" />
        </button>
      }
      onSubmit={async (values) => {
        const title = compact(values.title);
        const description = compact(values.description);
        const hasDescription = Object.keys(description).length > 0;
        if (topic) {
          // An explicit null asks the server to drop a description the admin emptied.
          await unwrap(
            api.PATCH("/api/v1/topics/{topic_id}", {
              params: { path: { topic_id: topic.id } },
              body: { title, description: hasDescription ? description : null },
            }),
          );
        } else {
          await unwrap(
            api.POST("/api/v1/topics", { body: { title, ...(hasDescription ? { description } : {}) } }),
          );
        }
        await invalidate();
        onDone();
      }}
    >
      <h2>
        <FormattedMessage id={heading} />
      </h2>
      <LocalizedTextFields
        name="title"
        label={intl.formatMessage({ id: "admin.topics.field.title" })}
        locales={locales}
        defaultLocale={defaultLocale}
        errors={errors}
        register={form.register}
        required
      />
      <LocalizedTextFields
        name="description"
        label={intl.formatMessage({ id: "admin.topics.field.description" })}
        locales={locales}
        defaultLocale={defaultLocale}
        errors={errors}
        register={form.register}
      />
    </Form>
  );
}

/** The platform's idea topics: residents tag ideas with them, projects choose which apply. */
export function TopicsPage() {
  const localize = useLocalized();
  const topics = useAdminTopics();
  const invalidate = useInvalidateIdeation();
  const [editing, setEditing] = useState<string | null>(null);
  const items = [...(topics.data?.items ?? [])].sort((a, b) => a.position - b.position);
  return (
    <>
      <h1>
        <FormattedMessage id="admin.topics.title" />
      </h1>
      <p>
        <FormattedMessage id="admin.topics.intro" />
      </p>
      <ListStatus query={topics} count={items.length} empty={<FormattedMessage id="admin.topics.empty" />} />
      {items.length ? (
        <ul className="admin-list">
          {items.map((topic) => {
            const name = localize(topic.title);
            return (
              <li key={topic.id} className="admin-list__item">
                {editing === topic.id ? (
                  <TopicForm topic={topic} onDone={() => setEditing(null)} />
                ) : (
                  <div className="admin-list__main">
                    <h2 className="admin-list__title">{name}</h2>
                    {topic.description ? <p className="muted">{localize(topic.description)}</p> : null}
                    <div className="status-actions">
                      <button type="button" className="button button--small" onClick={() => setEditing(topic.id)}>
                        <FormattedMessage id="admin.topics.edit" values={{ name }} />
                      </button>
                      <ConfirmDelete
                        name={name}
                        labelId="admin.topics.delete"
                        onDelete={async () => {
                          await unwrap(
                            api.DELETE("/api/v1/topics/{topic_id}", { params: { path: { topic_id: topic.id } } }),
                          );
                          await invalidate();
                        }}
                      />
                    </div>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
      {editing === "new" ? (
        <TopicForm onDone={() => setEditing(null)} />
      ) : (
        <button type="button" className="button" onClick={() => setEditing("new")}>
          <FormattedMessage id="admin.topics.new" />
        </button>
      )}
    </>
  );
}
