import { lazy, Suspense, useEffect, useRef, useState, type FormEvent } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { SelectField, TextField } from "@/components/Field";
import { LoadError, Loading } from "@/components/Loading";
import { useLocalized } from "@/lib/i18n";
import { useIdeaList, useIdeaStatuses, useInputForm, useTopics, type IdeaFilters } from "./api";
import { IdeaCardItem } from "./IdeaCardItem";
import { randomSeed } from "./seed";
import type { IdeaSort, IdeationConfig } from "./types";
import { wordingFor, type InputWording } from "./wording";

// Leaflet is only downloaded when someone opens the map.
const IdeasMap = lazy(() => import("./IdeasMap"));

const SORTS: IdeaSort[] = ["trending", "most_liked", "newest", "random"];
const SEARCH_DELAY_MS = 400;

interface Props {
  projectId: string;
  phaseId: string;
  config: IdeationConfig;
  /** Ideas (the default) or proposals. */
  words?: InputWording;
}

function useDebounced(value: string, delay: number): [string, (now: string) => void] {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return [debounced, setDebounced];
}

function Filters({
  projectId,
  filters,
  showSort,
  onChange,
  words,
}: {
  projectId: string;
  filters: IdeaFilters;
  words: InputWording;
  showSort: boolean;
  onChange: (next: Partial<IdeaFilters>) => void;
}) {
  const intl = useIntl();
  const localize = useLocalized();
  const topics = useTopics();
  const statuses = useIdeaStatuses();
  const form = useInputForm(projectId);
  const projectTopics = form.data ? new Set(form.data.topic_ids) : null;
  const topicOptions = (topics.data?.items ?? []).filter(
    (topic) => !projectTopics || projectTopics.has(topic.id),
  );
  return (
    <div className="filters idea-filters">
      {/* A map has no order: the sort only applies to the cards. */}
      {showSort ? (
        <SelectField
          name="idea_sort"
          label={<FormattedMessage id="ideas.list.sort" />}
          value={filters.sort}
          onChange={(event) => onChange({ sort: event.target.value as IdeaSort })}
        >
          {SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {intl.formatMessage({ id: sort === "most_liked" ? words.mostLiked : `ideas.sort.${sort}` })}
            </option>
          ))}
        </SelectField>
      ) : null}
      {topicOptions.length > 0 ? (
        <SelectField
          name="idea_topic"
          label={<FormattedMessage id="ideas.list.topic" />}
          value={filters.topic ?? ""}
          onChange={(event) => onChange({ topic: event.target.value || undefined })}
        >
          <option value="">{intl.formatMessage({ id: "ideas.list.allTopics" })}</option>
          {topicOptions.map((topic) => (
            <option key={topic.id} value={topic.id}>
              {localize(topic.title)}
            </option>
          ))}
        </SelectField>
      ) : null}
      {statuses.data && statuses.data.items.length > 0 ? (
        <SelectField
          name="idea_status"
          label={<FormattedMessage id="ideas.list.status" />}
          value={filters.status ?? ""}
          onChange={(event) => onChange({ status: event.target.value || undefined })}
        >
          <option value="">{intl.formatMessage({ id: "ideas.list.allStatuses" })}</option>
          {statuses.data.items.map((status) => (
            <option key={status.id} value={status.id}>
              {localize(status.title)}
            </option>
          ))}
        </SelectField>
      ) : null}
    </div>
  );
}

function Cards({
  projectId,
  phaseId,
  filters,
  showDislikes,
  words,
}: {
  projectId: string;
  phaseId: string;
  filters: IdeaFilters;
  showDislikes: boolean;
  words: InputWording;
}) {
  const list = useIdeaList(projectId, phaseId, filters);
  const links = useRef<(HTMLAnchorElement | null)[]>([]);
  const focusIndex = useRef<number | null>(null);
  const ideas = list.data?.pages.flatMap((page) => page.items) ?? [];

  // After "Load more", focus moves to the first new idea so keyboard users continue from there.
  useEffect(() => {
    if (focusIndex.current !== null && ideas.length > focusIndex.current) {
      links.current[focusIndex.current]?.focus();
      focusIndex.current = null;
    }
  }, [ideas.length]);

  if (list.isPending) return <Loading />;
  if (list.isError) return <LoadError error={list.error} />;
  return (
    <>
      <p role="status" className="muted">
        {ideas.length === 0 ? (
          <FormattedMessage id={filters.q || filters.topic || filters.status ? words.noMatch : words.empty} />
        ) : (
          <FormattedMessage id={words.shown} values={{ count: ideas.length }} />
        )}
      </p>
      {ideas.length > 0 ? (
        <ul className="card-grid idea-list">
          {ideas.map((idea, index) => (
            <li key={idea.id}>
              <IdeaCardItem
                idea={idea}
                showDislikes={showDislikes}
                ref={(element) => {
                  links.current[index] = element;
                }}
              />
            </li>
          ))}
        </ul>
      ) : null}
      {list.hasNextPage ? (
        <button
          type="button"
          className="button button--secondary"
          disabled={list.isFetchingNextPage}
          onClick={() => {
            focusIndex.current = ideas.length;
            void list.fetchNextPage();
          }}
        >
          <FormattedMessage id={list.isFetchingNextPage ? words.loadingMore : words.loadMore} />
        </button>
      ) : null}
      {list.isFetchNextPageError ? (
        <p role="alert" className="field__error">
          <FormattedMessage id={words.loadMoreFailed} />
        </p>
      ) : null}
    </>
  );
}

/**
 * The phase's ideas as cards or on a map: topic and status filters and a
 * search box (searches as one types, after a pause, or at once on Enter) for
 * both views, a sort and "Load more" over the API's cursor pages for the cards.
 */
export function IdeaList({ projectId, phaseId, config, words = wordingFor("ideation") }: Props) {
  const intl = useIntl();
  const [view, setView] = useState<"cards" | "map">(config.presentation);
  const [filters, setFilters] = useState<Omit<IdeaFilters, "q" | "seed">>({ sort: "trending" });
  const [text, setText] = useState("");
  const [query, setQuery] = useDebounced(text.trim(), SEARCH_DELAY_MS);
  const seed = filters.sort === "random" ? randomSeed() : undefined;
  const active: IdeaFilters = { ...filters, ...(seed ? { seed } : {}), ...(query ? { q: query } : {}) };

  const submitSearch = (event: FormEvent) => {
    event.preventDefault();
    setQuery(text.trim());
  };

  return (
    <section className="ideas" aria-labelledby="ideas-title">
      <h4 id="ideas-title" className="ideas__title">
        <FormattedMessage id={words.listTitle} />
      </h4>
      <div className="ideas__toolbar">
        <form role="search" className="idea-search" onSubmit={submitSearch} aria-label={intl.formatMessage({ id: words.searchForm })}>
          <TextField
            name="idea_search"
            type="search"
            label={<FormattedMessage id={words.search} />}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
          <button type="submit" className="button button--secondary">
            <FormattedMessage id="ideas.list.searchSubmit" />
          </button>
        </form>
        <div className="view-toggle" role="group" aria-label={intl.formatMessage({ id: words.viewLabel })}>
          {(["cards", "map"] as const).map((mode) => (
            <button
              key={mode}
              type="button"
              className="view-toggle__button"
              aria-pressed={view === mode}
              onClick={() => setView(mode)}
            >
              <FormattedMessage id={`ideas.view.${mode}`} />
            </button>
          ))}
        </div>
      </div>
      <Filters
        projectId={projectId}
        filters={active}
        showSort={view === "cards"}
        onChange={(next) => setFilters((current) => ({ ...current, ...next }))}
        words={words}
      />
      {view === "cards" ? (
        <Cards projectId={projectId} phaseId={phaseId} filters={active} showDislikes={config.dislikes_enabled} words={words} />
      ) : (
        <Suspense fallback={<Loading />}>
          <IdeasMap projectId={projectId} phaseId={phaseId} filters={{ topic: active.topic, status: active.status, q: active.q }} words={words} />
        </Suspense>
      )}
    </section>
  );
}
