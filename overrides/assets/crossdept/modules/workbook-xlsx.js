// Downloading the current project as an Excel file, from the workbook page (every sheet) or from a
// tool's own page (its sheet alone, `sheet`: one of manifest.workbook.xlsx_sheets). The core lays
// out the sheets (workbook/sheets) and the Excel writer, fetched into the core's worker on the
// first export only, writes them; `say(text)` tells the page how it went.
import * as files from "./files.js";
import { manifest } from "./manifest.js";
import { callXlsx } from "./workbook-requests.js";

/** Whether the page of `sheet` offers its own Excel download (the core says which may). */
export const hasXlsx = (sheet) => (manifest.workbook.xlsx_sheets || []).includes(sheet);

export async function downloadXlsx(say, { sheet = null, fallback = "" } = {}) {
  say("正在生成 Excel 文件（第一次导出需要先加载导出程序，请稍候）……");
  let response;
  try {
    response = await callXlsx(sheet ? { sheet } : {});
  } catch (error) {
    say(`暂时无法生成 Excel 文件：${error.message}${fallback}`);
    return;
  }
  if (!response.ok) {
    say(`无法生成 Excel 文件：${response.errors.map((e) => e.message).join("；")}`);
    return;
  }
  const { base64, filename, notes = [] } = response.result;
  files.download(files.fromBase64(base64), filename);
  const what = sheet ? "" : "（每个工具一张工作表）";
  say(`已下载 ${filename}${what}${notes.length ? `。${notes.join("；")}` : ""}`);
}
