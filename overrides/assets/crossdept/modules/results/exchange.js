// The exchange matrix's panel: for each department, what departments of its kind usually worry
// about and value (one click adds a suggestion to the row), and the pitch the core wrote for it.
import { copyButton } from "../files.js";

export function exchangePanel(result, ctx) {
  const { el } = ctx;
  const GROUPS = [
    ["concerns", "their_needs", "他们可能在意"],
    ["offers", "i_give", "你可以给予"],
    ["gains", "they_get", "他们可以获得"],
  ];
  const panel = [];
  for (const row of result.rows) {
    const title = `${row.department}${row.owner ? `（${row.owner}）` : ""}`;
    const groups = GROUPS.map(([kind, key, label]) => {
      const present = String(row[key] || "");
      const ideas = row.suggestions[kind].filter((idea) => !present.includes(idea));
      if (!ideas.length) return null;
      return el("div", { class: "cd-suggest" },
        el("p", { class: "cd-suggest-label", text: label }),
        el("ul", { class: "cd-chips" }, ...ideas.map((idea) => el("li", {},
          el("button", {
            type: "button", class: "cd-chip", "data-target": key,
            "aria-label": `把“${idea}”加入${title}的“${ctx.label(key)}”`,
            onclick: () => ctx.addText(row.row, key, idea),
          }, el("span", { "aria-hidden": "true", text: "＋ " }), el("span", { text: idea }))))));
    }).filter(Boolean);
    const script = el("pre", { class: "cd-script", text: row.script });
    panel.push(el("section", { class: "cd-card cd-partner", "data-row": String(row.row) },
      el("h4", { class: "cd-card-title", text: title }),
      el("p", { class: "cd-card-note", text: `按“${row.archetype.name}”类部门的常见情况给出建议，点一下即可加入表格。` }),
      ...groups,
      el("div", { class: "cd-script-box" },
        el("p", { class: "cd-suggest-label", text: "交换话术（开口时可以这样说）" }),
        script,
        copyButton(el, "复制话术", () => row.script))));
  }
  return panel;
}
