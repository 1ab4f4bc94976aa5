// Importing a workbook file: read it (2 MB at most), parse it, let the core check and migrate it,
// then ask before anything changes. Every refusal says why in Chinese and leaves the current
// workbook exactly as it was.
import { el } from "./dom.js";
import { readFile } from "./files.js";
import { call, workbookRequest } from "./workbook-requests.js";
import * as store from "./workbook-store.js";

export async function importWorkbook(file, message) {
  const refuse = (why) => message.replaceChildren(el("p", { class: "cd-error", "data-import": "refused",
    text: `无法导入“${file.name}”：${why}当前工作簿没有任何改动。` }));
  message.replaceChildren(el("p", { class: "cd-save-note", text: `正在检查“${file.name}”……` }));
  let text;
  try {
    text = await readFile(file);
  } catch (error) {
    refuse(error.message);
    return;
  }
  let data;
  try {
    data = JSON.parse(text);
  } catch (error) {
    refuse("这不是有效的 JSON 文件（可能不完整或被其他程序改过）。");
    return;
  }
  let response;
  try {
    response = await call({ ...workbookRequest("check"), data });
  } catch (error) {
    refuse("计算核心没能启动，暂时无法检查这个文件。");
    return;
  }
  if (!response.ok) {
    refuse(`${[...new Set(response.errors.map((e) => e.message))].join("；")}。`);
    return;
  }
  const { workbook, notes, problems, counts } = response.result;
  const target = store.current();
  const name = workbook.project.name || "未命名项目";
  const done = (what) => message.replaceChildren(el("p", { class: "cd-save-note", "data-import": "done", text: what }));
  message.replaceChildren(el("div", { class: "cd-ask", "data-import": "confirm" },
    el("p", { text: `“${file.name}”是项目“${name}”的工作簿：资源需求清单 ${counts.resources} 行，价值交换矩阵 ${counts.exchange} 行，协调进度追踪表 ${counts.tracker} 行。` }),
    problems.length ? el("p", { text: `其中有 ${problems.length} 处内容需要修改，导入后会在对应的表格里标出，不会丢掉。` }) : null,
    notes.length ? el("ul", {}, ...notes.map((n) => el("li", { text: n }))) : null,
    el("p", { text: `要用它替换当前项目“${store.label(target)}”吗？替换后当前项目的内容会被覆盖；也可以把它作为一个新项目导入。` }),
    el("div", { class: "cd-actions" },
      el("button", { type: "button", class: "md-button md-button--primary", text: `替换当前项目“${store.label(target)}”`, onclick: () => {
        store.switchTo(target.id);
        store.replaceWorkbook(workbook);
        done(`已导入“${name}”，替换了原来的内容。`);
      } }),
      el("button", { type: "button", class: "md-button", text: "作为新项目导入", onclick: () => {
        store.createProject(workbook);
        done(`已把“${name}”导入为新项目。`);
      } }),
      el("button", { type: "button", class: "md-button", text: "取消", onclick: () => done("已取消导入，当前工作簿没有改动。") }))));
}
