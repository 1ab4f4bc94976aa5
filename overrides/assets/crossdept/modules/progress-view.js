// The course home's progress panel (<div data-cd-progress> in docs/index.md): for each section of
// the site navigation, which pages this browser has opened, and under each self-assessment page
// its latest summary (quiz best score, journal rounds, self-test result). The list of pages comes
// from the navigation Material already renders, so a page added to mkdocs.yml shows up by itself.
import { pagePath } from "./course.js";
import { el } from "./dom.js";
import * as progress from "./progress.js";

/** [{title, pages: [{path, title}]}] from the primary navigation's sections. */
function navSections() {
  const list = document.querySelector(".md-nav--primary > .md-nav__list");
  if (!list) return [];
  const sections = [];
  for (const item of list.children) {
    if (!item.classList.contains("md-nav__item--nested")) continue;
    const label = item.querySelector(":scope > .md-nav__link .md-ellipsis");
    const pages = [];
    for (const link of item.querySelectorAll(":scope > nav a.md-nav__link[href]")) {
      if (link.closest(".md-nav--secondary")) continue; // the table of contents of the current page
      const path = pagePath(link.href);
      if (!pages.some((p) => p.path === path)) pages.push({ path, href: link.href, title: link.textContent.trim() });
    }
    if (label && pages.length) sections.push({ title: label.textContent.trim(), pages });
  }
  return sections;
}

function pageItem(page, visit, notes) {
  const opened = Boolean(visit);
  return el("li", { class: "cd-progress-page", "data-page": page.path, "data-opened": String(opened) },
    el("span", { class: "cd-progress-mark", "aria-hidden": "true", text: opened ? "✓" : "○" }),
    el("a", { href: page.href, text: page.title }),
    el("span", { class: "cd-progress-when", text: opened ? `打开过 · ${visit.first.slice(0, 10)}` : "未打开" }),
    notes.length
      ? el("ul", { class: "cd-progress-notes" }, ...notes.map((n) =>
        el("li", { "data-worksheet-note": n.id, "data-done": String(n.done) },
          notes.length > 1 ? el("strong", { text: `${n.title}：` }) : null, n.text)))
      : null);
}

export function render(root) {
  const data = progress.load();
  const notes = Object.entries(data.worksheets).map(([id, entry]) => ({ id, ...entry }));
  const groups = navSections().map((section) => {
    const read = section.pages.filter((p) => data.pages[p.path]).length;
    const heading = el("h3", { class: "cd-progress-title", text: section.title });
    return el("section", { class: "cd-progress-group", "aria-label": section.title },
      el("div", { class: "cd-progress-head" }, heading,
        el("span", { class: "cd-progress-count", text: `已打开 ${read}/${section.pages.length} 页` })),
      el("progress", { max: String(section.pages.length), value: String(read), "aria-label": `${section.title}：已打开 ${read}/${section.pages.length} 页` }),
      el("ul", { class: "cd-progress-pages" },
        ...section.pages.map((page) => pageItem(page, data.pages[page.path], notes.filter((n) => n.page === page.path)))));
  });

  const message = el("p", { class: "cd-progress-message", role: "status" });
  const clear = el("button", { type: "button", class: "md-button cd-progress-clear", text: "清除学习进度" });
  clear.addEventListener("click", () => {
    const question = "清除这台浏览器里的学习进度吗？\n已读记录、测验成绩和能力自测结果都会删除；反思日志里写的文字会保留。";
    if (!window.confirm(question)) return;
    const ok = progress.clear();
    render(root);
    root.querySelector(".cd-progress-message").textContent = ok ? "学习进度已清除。" : "没能写入浏览器存储，进度未能清除。";
  });

  const empty = !Object.keys(data.pages).some((p) => p) && !notes.length;
  root.replaceChildren(
    el("p", { class: "cd-progress-intro", text: empty
      ? "还没有记录。打开任意一章或做一次自测，这里就会记下你的进度。"
      : "下面是这台设备上的浏览器记下的进度，只保存在本机。" }),
    el("div", { class: "cd-progress-groups" }, ...groups),
    el("div", { class: "cd-actions" }, clear, message),
  );
  root.dataset.rendered = "true";
}

/** Draws every progress panel on the page (the home page has one). */
export function renderAll() {
  document.querySelectorAll("[data-cd-progress]").forEach(render);
}
