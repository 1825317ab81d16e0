import { useEffect, useRef, useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { CheckboxField, SelectField, TextField } from "@/components/Field";
import { personName } from "@/features/people";
import { useLocalized } from "@/lib/i18n";
import { collectsInputs } from "@/lib/phases";
import { useCollaborators, useProject, useStatuses, useTeamProjects, useTopics } from "./api";
import { NO_FILTERS, SORTS, isFiltered, type InputFilters as Filters } from "./filters";
import type { Person } from "./types";

/** Wait until typing pauses before searching. */
export const SEARCH_DELAY_MS = 300;
/** The longest search the API accepts. */
const SEARCH_MAX = 200;

interface Props {
  filters: Filters;
  onChange: (filters: Filters) => void;
  /** People already seen as assignees in the list, to name an assignee filter by id. */
  knownPeople: Person[];
}

function SearchBox({ value, onSearch }: { value: string; onSearch: (q: string) => void }) {
  const intl = useIntl();
  const [text, setText] = useState(value);
  // The latest callback, so a re-render of the page does not restart the pause.
  const search = useRef(onSearch);
  search.current = onSearch;
  // The URL changed elsewhere (cleared filters, back button): show its search.
  useEffect(() => setText(value), [value]);
  useEffect(() => {
    if (text.trim() === value) return;
    const timer = setTimeout(() => search.current(text.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, value]);
  return (
    <TextField
      name="q"
      type="search"
      label={intl.formatMessage({ id: "inputs.filter.search" })}
      hint={intl.formatMessage({ id: "inputs.filter.searchHint" })}
      value={text}
      maxLength={SEARCH_MAX}
      onChange={(event) => setText(event.target.value)}
    />
  );
}

/** The project, phase, topic, status, assignee, reported, reached, dates and search filters, and the sort. */
export function InputFilters({ filters, onChange, knownPeople }: Props) {
  const intl = useIntl();
  const localize = useLocalized();
  const projects = useTeamProjects();
  const project = useProject(filters.project);
  const topics = useTopics();
  const statuses = useStatuses();
  const collaborators = useCollaborators(filters.project);
  const set = (change: Partial<Filters>) => onChange({ ...filters, ...change });
  const phases = (project.data?.phases ?? []).filter(collectsInputs);
  const people = [...(collaborators.data?.items ?? [])];
  const special = ["", "me", "none"];
  if (!special.includes(filters.assignee) && !people.some((person) => person.id === filters.assignee)) {
    const known = knownPeople.find((person) => person.id === filters.assignee);
    people.push(
      known ?? { id: filters.assignee, display_name: intl.formatMessage({ id: "inputs.filter.assigneeChosen" }), avatar_url: null, former: false },
    );
  }
  const statusItems = [...(statuses.data?.items ?? [])].sort((a, b) => a.position - b.position);

  return (
    <form
      role="search"
      className="filters input-filters"
      aria-label={intl.formatMessage({ id: "inputs.filter.label" })}
      onSubmit={(event) => event.preventDefault()}
    >
      <SelectField
        name="project"
        label={intl.formatMessage({ id: "inputs.filter.project" })}
        value={filters.project}
        onChange={(event) => set({ project: event.target.value, phase: "" })}
      >
        <option value="">{intl.formatMessage({ id: "inputs.filter.allProjects" })}</option>
        {projects.map((item) => (
          <option key={item.id} value={item.id}>
            {localize(item.title)}
          </option>
        ))}
        {filters.project && !projects.some((item) => item.id === filters.project) ? (
          <option value={filters.project}>
            {project.data ? localize(project.data.title) : intl.formatMessage({ id: "inputs.filter.projectChosen" })}
          </option>
        ) : null}
      </SelectField>
      <SelectField
        name="phase"
        label={intl.formatMessage({ id: "inputs.filter.phase" })}
        hint={filters.project ? undefined : intl.formatMessage({ id: "inputs.filter.phaseHint" })}
        value={filters.phase}
        disabled={!filters.project}
        onChange={(event) => set({ phase: event.target.value })}
      >
        <option value="">{intl.formatMessage({ id: "inputs.filter.allPhases" })}</option>
        {phases.map((phase) => (
          <option key={phase.id} value={phase.id}>
            {localize(phase.title)}
          </option>
        ))}
      </SelectField>
      <SelectField
        name="topic"
        label={intl.formatMessage({ id: "inputs.filter.topic" })}
        value={filters.topic}
        onChange={(event) => set({ topic: event.target.value })}
      >
        <option value="">{intl.formatMessage({ id: "inputs.filter.allTopics" })}</option>
        {(topics.data?.items ?? []).map((topic) => (
          <option key={topic.id} value={topic.id}>
            {localize(topic.title)}
          </option>
        ))}
      </SelectField>
      <SelectField
        name="status"
        label={intl.formatMessage({ id: "inputs.filter.status" })}
        value={filters.status}
        onChange={(event) => set({ status: event.target.value })}
      >
        <option value="">{intl.formatMessage({ id: "inputs.filter.allStatuses" })}</option>
        {statusItems.map((status) => (
          <option key={status.id} value={status.id}>
            {localize(status.title)}
          </option>
        ))}
      </SelectField>
      <SelectField
        name="assignee"
        label={intl.formatMessage({ id: "inputs.filter.assignee" })}
        hint={filters.project ? undefined : intl.formatMessage({ id: "inputs.filter.assigneeHint" })}
        value={filters.assignee}
        onChange={(event) => set({ assignee: event.target.value })}
      >
        <option value="">{intl.formatMessage({ id: "inputs.filter.assigneeAnyone" })}</option>
        <option value="me">{intl.formatMessage({ id: "inputs.filter.assigneeMe" })}</option>
        <option value="none">{intl.formatMessage({ id: "inputs.filter.assigneeNone" })}</option>
        {people.map((person) => (
          <option key={person.id} value={person.id}>
            {personName(person, intl)}
          </option>
        ))}
      </SelectField>
      <TextField
        name="from"
        type="date"
        label={intl.formatMessage({ id: "inputs.filter.from" })}
        value={filters.from}
        max={filters.to || undefined}
        onChange={(event) => set({ from: event.target.value })}
      />
      <TextField
        name="to"
        type="date"
        label={intl.formatMessage({ id: "inputs.filter.to" })}
        value={filters.to}
        min={filters.from || undefined}
        onChange={(event) => set({ to: event.target.value })}
      />
      <SearchBox value={filters.q} onSearch={(q) => set({ q })} />
      <SelectField
        name="sort"
        label={intl.formatMessage({ id: "inputs.filter.sort" })}
        value={filters.sort}
        onChange={(event) => set({ sort: event.target.value as Filters["sort"] })}
      >
        {SORTS.map((sort) => (
          <option key={sort} value={sort}>
            {intl.formatMessage({ id: `inputs.sort.${sort}` })}
          </option>
        ))}
      </SelectField>
      <CheckboxField
        name="reported"
        label={intl.formatMessage({ id: "inputs.filter.reported" })}
        checked={filters.reported}
        onChange={(event) => set({ reported: event.target.checked })}
      />
      <CheckboxField
        name="reached"
        label={intl.formatMessage({ id: "inputs.filter.reached" })}
        checked={filters.reached}
        onChange={(event) => set({ reached: event.target.checked })}
      />
      {isFiltered(filters) ? (
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => onChange({ ...NO_FILTERS, sort: filters.sort })}
        >
          <FormattedMessage id="inputs.filter.clear" />
        </button>
      ) : null}
    </form>
  );
}
