// The 话术库 page: every script of the course, generated at build time from the chapters (so a
// script lives in one place). Here, only what needs a browser: filters by part, department,
// obstacle and step, and a copy button on each script. Without JavaScript the page reads as a list.
import { el } from "./dom.js";
import { copyButton } from "./files.js";

const FACETS = [
  ["part", "部分"],
  ["department", "部门"],
  ["obstacle", "障碍"],
  ["step", "步骤"],
];

const tags = (item, facet) => (item.dataset[facet] || "").split(/\s+/).filter(Boolean);

export function mountScriptLibrary(library) {
  if (library.dataset.mounted) return;
  library.dataset.mounted = "true";
  const items = [...library.querySelectorAll(".cd-script")];
  const chosen = {};
  const count = el("p", { class: "cd-script-count", role: "status" });

  function apply() {
    let shown = 0;
    for (const item of items) {
      const visible = FACETS.every(([facet]) => !chosen[facet] || tags(item, facet).includes(chosen[facet]));
      item.hidden = !visible;
      shown += visible;
    }
    // A part's heading whose scripts are all filtered out goes too, so the list stays readable.
    library.querySelectorAll("h2").forEach((heading) => {
      let next = heading.nextElementSibling;
      let any = false;
      while (next && next.tagName !== "H2") {
        if (next.classList.contains("cd-script") && !next.hidden) any = true;
        next = next.nextElementSibling;
      }
      heading.hidden = !any;
    });
    count.textContent = shown === items.length ? `共 ${items.length} 条话术` : `显示 ${shown} / ${items.length} 条话术`;
  }

  const filters = FACETS.map(([facet, label]) => {
    const values = [...new Set(items.flatMap((item) => tags(item, facet)))].sort((a, b) => a.localeCompare(b, "zh"));
    if (!values.length) return null;
    const id = `cd-script-filter-${facet}`;
    const select = el("select", { id, "data-facet": facet }, el("option", { value: "", text: "全部" }),
      ...values.map((value) => el("option", { value, text: value })));
    select.addEventListener("change", () => {
      chosen[facet] = select.value;
      apply();
    });
    return el("div", { class: "cd-script-filter" }, el("label", { for: id, text: label }), select);
  }).filter(Boolean);

  for (const item of items) {
    const text = item.querySelector(".cd-script-text");
    // A script shown as right-way/wrong-way tabs copies the right way (its first tab) only.
    const words = () => (text.querySelector(".tabbed-block") || text).innerText.trim();
    if (text) item.append(copyButton(el, "复制话术", words));
  }
  library.before(el("div", { class: "cd-script-filters", role: "group", "aria-label": "按情境筛选话术" }, ...filters, count));
  apply();
}
