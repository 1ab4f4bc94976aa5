// What a worksheet says about the core while it starts, works, or cannot: its data-core attribute
// (tests wait on it) and a status line, kept in step with core-client.js.
import { onCoreState } from "./core-client.js";

const STATUS_TEXT = {
  loading: "正在启动计算核心……表单已可填写，结果稍后出现。",
  ready: "结果由课程的 Python 计算核心在你的浏览器里算出，数据不离开本机。",
  failed: "计算核心没能启动，暂时无法给出结果；你填写的内容已保存在本机，不会丢失。",
};

export function trackCore(root, status) {
  onCoreState((state, error) => {
    if (!root.isConnected) return false; // the page was swapped by instant navigation
    root.dataset.core = state === "idle" ? "loading" : state;
    if (status) {
      status.textContent = STATUS_TEXT[root.dataset.core];
      if (state === "failed" && error) status.textContent += `原因：${error}`;
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
