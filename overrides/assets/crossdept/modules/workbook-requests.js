// What the workbook pages ask the core, in one place: the request shapes for a sheet of the
// current project. Rules (the project's value falling back on the calculator's sentence, dates,
// the example's date shift, which departments to offer) are the core's; this file only builds
// requests from the stored project.
import { callCore } from "./core-client.js";
import { today } from "./course.js";
import * as projects from "./workbook-store.js";

/** The request for `action` of `sheet` over the current project's rows. */
export function sheetRequest(sheet, action, extra = {}) {
  const book = projects.toWorkbook();
  const project = { ...book.project, value_inputs: book.worksheets.value };
  return { worksheet: sheet, action, data: { rows: book.worksheets[sheet].rows, project }, today: today(), ...extra };
}

/** A request over the whole current workbook (`check`, `departments`, `report`, `tables` …). */
export function workbookRequest(action, extra = {}) {
  return { worksheet: "workbook", action, data: projects.toWorkbook(), today: today(), ...extra };
}

export const call = (request) => callCore(request);
