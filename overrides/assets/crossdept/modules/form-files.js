// A form's downloads and its printed sheet: the core's `export` (Markdown, CSV) and `print` of the
// same table, over what the form holds now. Only for forms whose definition asks for them
// (`exports: [markdown, csv]`, `print: true`); the build checks that the core has those actions.
// A form of the project workbook the core can write as a sheet (conflict, negotiation) also
// downloads as Excel: its sheet of the workbook's .xlsx, from the stored project.
import { callCore } from "./core-client.js";
import { today } from "./course.js";
import { el } from "./dom.js";
import * as files from "./files.js";
import { printSection } from "./print-book.js";
import { downloadXlsx, hasXlsx } from "./workbook-xlsx.js";

const BUTTONS = { csv: "下载 CSV（Excel）", markdown: "下载 Markdown" };

// definition: the form's; values(): what it holds now; heading(): the project's name or "".
export function formFiles(definition, values, heading) {
  const id = definition.id;
  const formats = definition.exports || [];
  const note = el("p", { class: "cd-save-note", "aria-live": "polite" });
  const printView = definition.print ? el("div", { class: "cd-print-only cd-print-form", "aria-hidden": "true" }) : null;
  if (!formats.length && !printView) return null;

  async function exportFile(kind) {
    note.textContent = "正在生成……";
    let response;
    try {
      response = await callCore({ worksheet: id, action: "export", format: kind === "copy" ? "markdown" : kind, data: values(), today: today() });
    } catch (error) {
      note.textContent = `暂时无法导出：${error.message}填写的内容已保存在本机浏览器。`;
      return;
    }
    if (!response.ok) {
      note.textContent = "表里还有标红的地方，改好后再导出。";
      return;
    }
    const { text, filename } = response.result;
    if (kind === "copy") {
      note.textContent = (await files.copyText(text)) ? "已复制 Markdown，可以直接粘贴进报告或聊天。" : "无法自动复制，请改用“下载 Markdown”。";
    } else {
      files.download(text, filename);
      note.textContent = `已下载 ${filename}`;
    }
  }

  const buttons = formats.map((format) => el("button", { type: "button", class: "md-button", text: BUTTONS[format], onclick: () => exportFile(format) }));
  if (formats.includes("csv") && hasXlsx(id)) {
    buttons.push(el("button", { type: "button", class: "md-button", text: "下载 Excel（.xlsx）",
      onclick: () => downloadXlsx((text) => (note.textContent = text), { sheet: id, fallback: "填写的内容已保存在本机浏览器。" }) }));
  }
  if (formats.includes("markdown")) buttons.push(el("button", { type: "button", class: "md-button", text: "复制 Markdown", onclick: () => exportFile("copy") }));
  if (printView) buttons.push(el("button", { type: "button", class: "md-button", text: "打印（A4）", onclick: () => window.print() }));

  // Called after every computation: the printed sheet follows the form (an old sheet never prints).
  async function refresh(ok, current) {
    if (!printView) return;
    // The page's own title prints above; the project's name says whose sheet this is.
    const project = heading();
    const top = [el("p", { class: "cd-print-meta", text: [project && `项目：${project}`, `打印日期：${today()}`].filter(Boolean).join("　") })];
    if (!ok) {
      printView.replaceChildren(...top, el("p", { text: "表里还有标红的地方，改好后再打印。" }));
      return;
    }
    const response = await callCore({ worksheet: id, action: "print", data: values(), today: today() });
    if (response.ok && current()) printView.replaceChildren(...top, printSection({ ...response.result, title: "" }));
  }

  return { bar: el("div", { class: "cd-actions cd-export" }, ...buttons, note), printView, refresh };
}
