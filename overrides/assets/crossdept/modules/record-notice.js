// What a worksheet says when loading its record had to do something: the record was unreadable
// or came from a newer version of the site, and was kept aside. The reader can download the raw text.
import { el } from "./dom.js";
import { download } from "./files.js";

/**
 * A notice for `rec` (a store record just loaded); when loading went as usual, an empty fragment,
 * which adds nothing wherever it is put (DOM's append and replaceChildren would write null as "null").
 */
export function recordNotice(rec, what = "内容") {
  const message = rec.notice();
  if (!message) return document.createDocumentFragment();
  const kept = rec.keptAside();
  const latest = kept[kept.length - 1];
  return el("div", { class: "cd-notice cd-kept", role: "alert", "data-kept": String(kept.length) },
    el("p", { text: message }),
    latest ? el("button", {
      type: "button", class: "md-button", text: `下载保存的原文（${what}）`,
      onclick: () => download(latest.text, `保存的原文-${latest.when.replace(/[:.]/g, "-")}.json`),
    }) : null);
}
