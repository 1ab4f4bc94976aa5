// Files in and out of the page without a server: downloads from text, the clipboard, reading an
// imported file. Nothing here interprets user text; it only moves it.
import { manifest } from "./manifest.js";

// The core refuses larger workbooks too (manifest.workbook.max_chars); stop before reading them.
export const MAX_IMPORT_BYTES = manifest.workbook.max_chars;

const TYPES = {
  ".csv": "text/csv;charset=utf-8",
  ".md": "text/markdown;charset=utf-8",
  ".json": "application/json;charset=utf-8",
  ".ics": "text/calendar;charset=utf-8",
};

export function download(text, filename) {
  const suffix = (filename.match(/\.[a-z]+$/i) || [""])[0].toLowerCase();
  const url = URL.createObjectURL(new Blob([text], { type: TYPES[suffix] || "text/plain;charset=utf-8" }));
  const link = Object.assign(document.createElement("a"), { href: url, download: filename });
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

// The async clipboard needs a secure context; an intranet served over plain http is not one,
// so fall back on a selected textarea and the (older, still supported) copy command.
export async function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch (error) {
      // permission refused: try the fallback below
    }
  }
  const area = Object.assign(document.createElement("textarea"), { value: text, readOnly: true });
  area.className = "cd-offscreen";
  document.body.append(area);
  area.select();
  let done = false;
  try {
    done = document.execCommand("copy");
  } catch (error) {
    done = false;
  }
  area.remove();
  return done;
}

// A copy button whose label says what happened, then returns to itself.
export function copyButton(el, label, getText) {
  const button = el("button", { type: "button", class: "md-button cd-copy", text: label });
  button.addEventListener("click", async () => {
    const ok = await copyText(getText());
    button.textContent = ok ? "已复制" : "无法自动复制，请手动选择文字";
    setTimeout(() => (button.textContent = label), 2500);
  });
  return button;
}

// The text of a chosen file, or an Error whose message the page can show as is.
export async function readFile(file) {
  if (file.size > MAX_IMPORT_BYTES) {
    throw new Error(`文件太大了（${(file.size / 1e6).toFixed(1)} MB），工作簿文件最多 ${(MAX_IMPORT_BYTES / 1e6).toFixed(0)} MB，无法导入。`);
  }
  try {
    return await file.text();
  } catch (error) {
    throw new Error("无法读取这个文件，请确认它没有被移动或删除。");
  }
}

