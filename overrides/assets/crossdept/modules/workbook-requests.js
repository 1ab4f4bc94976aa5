// What the workbook pages ask the core, in one place: the request shapes for a sheet of the
// current project. Rules (the project's value falling back on the calculator's sentence, dates,
// the example's date shift, which departments to offer, what each sheet reasons with from the
// others) are the core's; this file only builds requests from the stored project.
import { callCore } from "./core-client.js";
import { today } from "./course.js";
import { manifest } from "./manifest.js";
import * as projects from "./workbook-store.js";

// China's holidays and 调休 for the years around the build (crossdept_site/extras.py): working
// days in every plan, deadline and brief count them.
const calendar = manifest.calendar;

/**
 * The request for `action` of `sheet` over the current project's rows. It carries the project's
 * other tables too (`data.tracker`, `data.exchange`, `data.resources`): the core reads what it
 * reasons with (a P0 whose department nobody follows up, the ask a script names) and leaves the rest.
 */
export function sheetRequest(sheet, action, extra = {}) {
  const book = projects.toWorkbook();
  const project = { ...book.project, value_inputs: book.worksheets.value };
  const others = Object.fromEntries(projects.SHEETS.filter((s) => s !== sheet).map((s) => [s, book.worksheets[s].rows]));
  return { worksheet: sheet, action, data: { rows: book.worksheets[sheet].rows, project, ...others }, today: today(), calendar, ...extra };
}

/** A request over the whole current workbook (`check`, `departments`, `report`, `tables` …). */
export function workbookRequest(action, extra = {}) {
  return { worksheet: "workbook", action, data: projects.toWorkbook(), today: today(), calendar, ...extra };
}

export const call = (request) => callCore(request);

/**
 * The workbook as an .xlsx file, or one sheet of it (`{sheet: "resources"}`: a tool page's own
 * download): `{filename, base64, notes}`, written by the Excel writer loaded on first use.
 */
export const callXlsx = (extra = {}) => callCore(workbookRequest("sheets", extra), { extension: "xlsx" });
