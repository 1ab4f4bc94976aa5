// What a worksheet says about the core while it starts, works, or cannot: its data-core attribute
// (tests wait on it) and a status line, kept in step with core-client.js. When the core could not
// start because this device is offline and has never kept the runtime, the line offers to download
// the runtime for offline use (with its size), as soon as there is a network again.
import { canKeepRuntime, coreStatus, keepRuntime, onCoreState, runtimeMegabytes, startCore } from "./core-client.js";
import { el } from "./dom.js";

const STATUS_TEXT = {
  loading: "正在启动计算核心……表单已可填写，结果稍后出现。",
  ready: "结果由课程的 Python 计算核心在你的浏览器里算出，数据不离开本机。",
  failed: "计算核心没能启动，暂时无法给出结果；你填写的内容已保存在本机，不会丢失。",
};
const KEPT_TEXT = "计算核心已保存在本机，断网时也能使用。";

function offerDownload(status) {
  const button = el("button", { type: "button", class: "md-button cd-keep-runtime", hidden: "" });
  const note = el("span", { class: "cd-keep-note", role: "status" });
  const label = () => {
    button.disabled = !navigator.onLine;
    button.textContent = navigator.onLine
      ? `下载计算核心供离线使用（约 ${runtimeMegabytes()} MB）`
      : `联网后可下载计算核心供离线使用（约 ${runtimeMegabytes()} MB）`;
  };
  button.addEventListener("click", async () => {
    button.disabled = true;
    note.textContent = "正在下载……";
    const kept = await keepRuntime({ download: true });
    note.textContent = kept ? "已下载，正在启动计算核心。" : "没能下载完整：请检查网络后再试一次。";
    if (kept) startCore();
    else label();
  });
  window.addEventListener("online", label);
  window.addEventListener("offline", label);
  label();
  status.after(el("p", { class: "cd-keep" }, button, " ", note));
  return button;
}

export function trackCore(root, status) {
  let offer = null;
  onCoreState((state, error) => {
    if (!root.isConnected) return false; // the page was swapped by instant navigation
    root.dataset.core = state === "idle" ? "loading" : state;
    if (status) {
      status.textContent = STATUS_TEXT[root.dataset.core];
      if (state === "ready" && coreStatus().kept) status.textContent += KEPT_TEXT;
      if (state === "failed" && error) status.textContent += `原因：${error}`;
      // Offline with nothing kept: the one thing that helps is the runtime, downloaded once online.
      const offerIt = state === "failed" && !coreStatus().kept && canKeepRuntime() && !navigator.onLine;
      if (offerIt && !offer) offer = offerDownload(status);
      if (offer) offer.hidden = state !== "failed"; // offered once, it stays until the core starts
    }
    return true;
  });
}

/** Shows a response's errors in `general` (hidden when there are none); returns whether it was ok. */
export function showCoreErrors(general, response) {
  general.textContent = response.ok ? "" : response.errors.map((e) => e.message).join("；");
  general.hidden = response.ok;
  return response.ok;
}
