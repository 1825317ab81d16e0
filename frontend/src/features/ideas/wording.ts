import type { ParticipationKind } from "@/features/participation";

/**
 * The words a phase's inputs go by. Ideas and proposals share every screen
 * (list, form, page); only what they are called and how one takes part
 * differ, so the screens pick their message ids here.
 */
export interface InputWording {
  /** The action refusals to posting are explained for. */
  postAction: ParticipationKind;
  post: string;
  newTitle: string;
  submitNew: string;
  listTitle: string;
  empty: string;
  noMatch: string;
  shown: string;
  search: string;
  searchForm: string;
  viewLabel: string;
  loadMore: string;
  loadingMore: string;
  loadMoreFailed: string;
  /** The "most liked" sort: proposals are signed, not liked. */
  mostLiked: string;
  formLabel: string;
  titleHint: string;
  bodyHint: string;
  missingTitle: string;
  missingBody: string;
  edit: string;
  editTitle: string;
  deleteButton: string;
  deleteTitle: string;
  deleteBody: string;
  deleteConfirm: string;
  shareTitle: string;
  shareMailBody: string;
  mapLabel: string;
  mapNoMatch: string;
  mapSummary: string;
}

const IDEAS: InputWording = {
  postAction: "post_input",
  post: "ideas.post.link",
  newTitle: "ideas.form.newTitle",
  submitNew: "ideas.form.submitNew",
  listTitle: "ideas.list.title",
  empty: "ideas.list.empty",
  noMatch: "ideas.list.noMatch",
  shown: "ideas.list.shown",
  search: "ideas.list.search",
  searchForm: "ideas.list.searchForm",
  viewLabel: "ideas.view.label",
  loadMore: "ideas.list.loadMore",
  loadingMore: "ideas.list.loadingMore",
  loadMoreFailed: "ideas.list.loadMoreFailed",
  mostLiked: "ideas.sort.most_liked",
  formLabel: "ideas.form.label",
  titleHint: "ideas.form.titleHint",
  bodyHint: "ideas.form.bodyHint",
  missingTitle: "ideas.validation.title",
  missingBody: "ideas.validation.body",
  edit: "ideas.page.edit",
  editTitle: "ideas.form.editTitle",
  deleteButton: "ideas.delete.button",
  deleteTitle: "ideas.delete.title",
  deleteBody: "ideas.delete.body",
  deleteConfirm: "ideas.delete.confirm",
  shareTitle: "ideas.share.title",
  shareMailBody: "ideas.share.mailBody",
  mapLabel: "ideas.map.label",
  mapNoMatch: "ideas.map.noMatch",
  mapSummary: "ideas.map.summary",
};

const PROPOSALS: InputWording = {
  postAction: "post_proposal",
  post: "ideas.proposal.post",
  newTitle: "ideas.proposal.newTitle",
  submitNew: "ideas.proposal.submitNew",
  listTitle: "ideas.proposal.listTitle",
  empty: "ideas.proposal.empty",
  noMatch: "ideas.proposal.noMatch",
  shown: "ideas.proposal.shown",
  search: "ideas.proposal.search",
  searchForm: "ideas.proposal.searchForm",
  viewLabel: "ideas.proposal.viewLabel",
  loadMore: "ideas.proposal.loadMore",
  loadingMore: "ideas.proposal.loadingMore",
  loadMoreFailed: "ideas.proposal.loadMoreFailed",
  mostLiked: "ideas.proposal.mostSigned",
  formLabel: "ideas.proposal.formLabel",
  titleHint: "ideas.proposal.titleHint",
  bodyHint: "ideas.proposal.bodyHint",
  missingTitle: "ideas.proposal.missingTitle",
  missingBody: "ideas.proposal.missingBody",
  edit: "ideas.proposal.edit",
  editTitle: "ideas.proposal.editTitle",
  deleteButton: "ideas.proposal.deleteButton",
  deleteTitle: "ideas.proposal.deleteTitle",
  deleteBody: "ideas.proposal.deleteBody",
  deleteConfirm: "ideas.proposal.deleteConfirm",
  shareTitle: "ideas.proposal.shareTitle",
  shareMailBody: "ideas.proposal.shareMailBody",
  mapLabel: "ideas.proposal.mapLabel",
  mapNoMatch: "ideas.proposal.mapNoMatch",
  mapSummary: "ideas.proposal.mapSummary",
};

/** The wording of a phase's inputs, by the phase's method. */
export function wordingFor(method: string): InputWording {
  return method === "proposals" ? PROPOSALS : IDEAS;
}
