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
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** Save `content` (text, or bytes for a binary file such as .xlsx) as `filename`. */
export function download(content, filename) {
  const suffix = (filename.match(/\.[a-z]+$/i) || [""])[0].toLowerCase();
  const url = URL.createObjectURL(new Blob([content], { type: TYPES[suffix] || "text/plain;charset=utf-8" }));
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

// A copy button whose label says what happened, then returns to itself. The handler goes through
// `el` and names its button by the event, so a panel that keeps the button on the page for a newer
// answer (results/patch.js) copies the newer text.
export function copyButton(el, label, getText) {
  return el("button", { type: "button", class: "md-button cd-copy", text: label, onclick: async (event) => {
    const button = event.currentTarget;
    const ok = await copyText(getText());
    button.textContent = ok ? "已复制" : "无法自动复制，请手动选择文字";
    setTimeout(() => (button.textContent = label), 2500);
  } });
}

export const fromBase64 = (text) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

export function toBase64(bytes) {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

// The bytes of a chosen file, or an Error whose message the page can show as is.
export async function readBytes(file) {
  if (file.size > MAX_IMPORT_BYTES) {
    throw new Error(`文件太大了（${(file.size / 1e6).toFixed(1)} MB），工作簿文件最多 ${(MAX_IMPORT_BYTES / 1e6).toFixed(0)} MB，无法导入。`);
  }
  try {
    return new Uint8Array(await file.arrayBuffer());
  } catch (error) {
    throw new Error("无法读取这个文件，请确认它没有被移动或删除。");
  }
}

/**
 * A text file's bytes as text, and how they were read: UTF-8 (with or without BOM), else GBK
 * (GB18030, its superset: what Excel on a Chinese Windows saves as "CSV"), else an Error that says
 * what to do.
 */
export function decodeText(bytes) {
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" }; // drops a BOM
  } catch (error) {
    // not UTF-8: try the Chinese Windows encoding below
  }
  try {
    return { text: new TextDecoder("gb18030", { fatal: true }).decode(bytes), encoding: "gbk" };
  } catch (error) {
    throw new Error("认不出这个文件的文字编码：请在 Excel 或 WPS 里“另存为”“CSV UTF-8（逗号分隔）”后再导入。");
  }
}

// The text of a chosen file (UTF-8 or GBK), or an Error whose message the page can show as is.
export async function readFile(file) {
  return decodeText(await readBytes(file)).text;
}

