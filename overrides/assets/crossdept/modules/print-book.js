// The whole workbook for print: the core's report as tables (workbook/tables), written with
// textContent into a block that only the print stylesheet shows. One A4 section per tool.
import { el } from "./dom.js";

// One table of the core's (workbook/tables section, or a form's print action): title, table or
// problems, notes, then its titled texts (scripts, plans) as preformatted blocks.
export function printSection(section, level = 2) {
  const block = el("section", { class: `cd-print-section cd-print-level-${level}` },
    section.title ? el(level === 2 ? "h3" : "h4", { text: section.title }) : null);
  const problems = section.problems || [];
  if (problems.length) {
    block.append(el("p", { text: `这张表有 ${problems.length} 处需要修改：` }),
      el("ul", {}, ...problems.map((p) => el("li", { text: `${p.field}：${p.message}` }))));
  } else if (section.rows.length) {
    block.append(el("table", { class: "cd-print-table" },
      el("thead", {}, el("tr", {}, ...section.columns.map((c) => el("th", { text: c })))),
      el("tbody", {}, ...section.rows.map((row) => el("tr", {}, ...row.map((cell) => el("td", { text: cell })))))));
  } else {
    block.append(el("p", { text: "（还没有内容）" }));
  }
  if (section.notes.length) block.append(el("ul", { class: "cd-print-notes" }, ...section.notes.map((n) => el("li", { text: n }))));
  for (const sub of section.sections) block.append(el("h4", { text: sub.title }), el("pre", { class: "cd-script", text: sub.body }));
  return block;
}

export function printBook(holder, data) {
  const project = data.project;
  const parts = [el("h2", { text: `${project.name || "跨部门协调"} · 协调工作簿` }),
    el("p", { text: [project.today && `打印日期：${project.today}`, project.value && `项目价值：${project.value}`].filter(Boolean).join("　") })];
  for (const section of data.sections) parts.push(printSection(section, section.level));
  holder.replaceChildren(...parts);
}
