// Importing a file into the workbook: a JSON backup, or a CSV or Excel (.xlsx) file laid out like
// the exports. Read it (2 MB at most), let the core check it (and read the tables out of a
// spreadsheet), then ask before anything changes. Every refusal says why in Chinese and leaves the
// current workbook exactly as it was.
import { CoreError } from "./core-client.js";
import { el } from "./dom.js";
import { decodeText, readBytes, toBase64 } from "./files.js";
import { call, workbookRequest } from "./workbook-requests.js";
import * as store from "./workbook-store.js";

const TITLES = { resources: "资源需求清单", exchange: "价值交换矩阵", tracker: "协调进度追踪表", project: "项目信息", conflict: "冲突诊断", negotiation: "谈判准备单" };
const kindOf = (name) => (/\.xlsx$/i.test(name) ? "xlsx" : /\.(csv|txt)$/i.test(name) ? "csv" : "json");

// The core's answer for the file: {ok, result: {workbook, notes, problems, counts, sheets?}} or errors.
async function check(file, bytes, kind, read) {
  if (kind === "xlsx") return call({ ...workbookRequest("import"), data: { name: file.name, xlsx: toBase64(bytes) } });
  const { text, encoding } = decodeText(bytes);
  if (encoding === "gbk") read.push("文件是 GBK 编码（中文版 Excel 默认的 CSV 编码），已按 GBK 读取。");
  if (kind === "csv") return call({ ...workbookRequest("import"), data: { name: file.name, csv: text } });
  let data;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error("这不是有效的 JSON 文件（可能不完整或被其他程序改过）。");
  }
  return call({ ...workbookRequest("check"), data });
}

export async function importWorkbook(file, message) {
  const refuse = (why) => message.replaceChildren(el("p", { class: "cd-error", "data-import": "refused",
    text: `无法导入“${file.name}”：${why}当前工作簿没有任何改动。` }));
  message.replaceChildren(el("p", { class: "cd-save-note", text: `正在检查“${file.name}”……` }));
  const kind = kindOf(file.name);
  const read = [];
  let response;
  try {
    response = await check(file, await readBytes(file), kind, read);
  } catch (error) {
    refuse(error instanceof CoreError ? `暂时无法检查这个文件：${error.message}` : error.message);
    return;
  }
  if (!response.ok) {
    refuse(`${[...new Set(response.errors.map((e) => e.message))].join("；")}。`);
    return;
  }
  const { workbook, notes, problems, counts } = response.result;
  // A spreadsheet may hold only some of the tools: replacing changes those and keeps the rest.
  const parts = response.result.sheets || null;
  const target = store.current();
  const name = workbook.project.name || "未命名项目";
  const done = (what) => message.replaceChildren(el("p", { class: "cd-save-note", "data-import": "done", text: what }));
  const held = parts
    ? `“${file.name}”里有${parts.map((p) => (counts[p] === undefined ? TITLES[p] : `${TITLES[p]} ${counts[p]} 行`)).join("，")}。`
    : `“${file.name}”是项目“${name}”的工作簿：资源需求清单 ${counts.resources} 行，价值交换矩阵 ${counts.exchange} 行，协调进度追踪表 ${counts.tracker} 行。`;
  const replaced = parts ? parts.map((p) => TITLES[p]).join("、") : "";
  message.replaceChildren(el("div", { class: "cd-ask", "data-import": "confirm" },
    el("p", { text: held }),
    problems.length ? el("p", { text: `其中有 ${problems.length} 处内容需要修改，导入后会在对应的表格里标出，不会丢掉：` }) : null,
    problems.length ? el("ul", { class: "cd-import-problems" }, ...problems.slice(0, 8).map((p) => el("li", { text: p.message })),
      problems.length > 8 ? el("li", { text: `……还有 ${problems.length - 8} 处` }) : null) : null,
    [...read, ...notes].length ? el("ul", {}, ...[...read, ...notes].map((n) => el("li", { text: n }))) : null,
    el("p", { text: parts
      ? `要用它替换当前项目“${store.label(target)}”的${replaced}吗？其他内容保持不变；也可以把它作为一个新项目导入。`
      : `要用它替换当前项目“${store.label(target)}”吗？替换后当前项目的内容会被覆盖；也可以把它作为一个新项目导入。` }),
    el("div", { class: "cd-actions" },
      el("button", { type: "button", class: "md-button md-button--primary", text: parts ? `替换“${store.label(target)}”的${replaced}` : `替换当前项目“${store.label(target)}”`, onclick: () => {
        store.switchTo(target.id);
        if (parts) store.replaceParts(workbook, parts);
        else store.replaceWorkbook(workbook);
        done(parts ? `已导入“${file.name}”，替换了${replaced}。` : `已导入“${name}”，替换了原来的内容。`);
      } }),
      el("button", { type: "button", class: "md-button", text: "作为新项目导入", onclick: () => {
        store.createProject(workbook);
        done(`已把“${name}”导入为新项目。`);
      } }),
      el("button", { type: "button", class: "md-button", text: "取消", onclick: () => done("已取消导入，当前工作簿没有改动。") }))));
}
