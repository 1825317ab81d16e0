/**
 * The input manager's shapes, named from the generated schema (`make client`)
 * of Teams D and E's routes: `/manage/inputs`, the bulk actions,
 * `/manage/collaborators`, internal notes and `/manage/exports`.
 */
import type { components, operations } from "@/lib/api/schema";

type Schemas = components["schemas"];

export type Person = Schemas["PublicProfile"];
export type InputSort = Schemas["InputSort"];
export type InputRow = Schemas["InputRow"];
/** The query parameters of `GET /manage/inputs` (and, without cursor and limit, an export's `query`). */
export type InputQueryParams = NonNullable<operations["list_inputs"]["parameters"]["query"]>;
/** One input's result of any bulk action (a copy's id after "copy"; which parts of feedback were done). */
export type BulkResult = Schemas["BulkResult"] &
  Partial<Pick<Schemas["MoveResult"], "new_idea_id"> & Pick<Schemas["FeedbackResult"], "status_set" | "update_posted">>;
export type AssignBody = Schemas["AssignRequest"];
export type StatusBody = Schemas["BulkStatusRequest"];
export type MoveBody = Schemas["MoveRequest"];
export type MoveMode = Schemas["MoveMode"];
export type VotesMode = Schemas["VotesMode"];
export type Note = Schemas["Note"];
export type NoteBody = Schemas["NoteCreate"];
export type ExportFormat = Schemas["ExportFormat"];
export type ExportStatus = Schemas["ExportStatus"];
export type ExportJob = Schemas["ExportJob"];
export type ExportBody = Schemas["ExportRequest"];
