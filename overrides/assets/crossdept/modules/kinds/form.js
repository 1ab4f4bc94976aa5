// Worksheet kind "form": labelled fields in, the core's outputs shown beside them (e.g. the value
// calculator). Every edit is saved at once; results are recomputed after a short pause. A form
// that is one of the project workbook's sheets (the value calculator) reads and writes the current
// project through the workbook store; any other form keeps its own record.
import { callCore } from "../core-client.js";
import { trackCore } from "../core-status.js";
import { el } from "../dom.js";
import { copyButton } from "../files.js";
import { formFiles } from "../form-files.js";
import { manifest } from "../manifest.js";
import { projectBar } from "../project-bar.js";
import { recordNotice } from "../record-notice.js";
import { flagList } from "../results/common.js";
import { onOtherTab, store as records } from "../storage.js";
import { suggestDepartments } from "../suggest-departments.js";
import * as projects from "../workbook-store.js";

export function mountForm(root, definition) {
  const DEBOUNCE_MS = 200;
  const id = definition.id;
  // A form that is one of the workbook's sheets (the value calculator) lives in the current project.
  const inWorkbook = projects.FORMS.includes(id);
  const rec = inWorkbook ? null : records.record(`worksheet:${id}`, { version: 1 });
  const stored = () => (inWorkbook ? projects.current().workbook.worksheets[id] : rec.load());
  const data = stored();
  const inputs = new Map();
  const errorSlots = new Map();
  const status = el("p", { class: "cd-status", role: "status" });
  const general = el("p", { class: "cd-error cd-general", role: "alert", hidden: "" });
  const saveNote = el("p", { class: "cd-save-note", "aria-live": "polite" });

  const form = el("form", { class: "cd-form", novalidate: "", onsubmit: (e) => e.preventDefault() });
  for (const field of definition.fields) {
    const inputId = `cd-${id}-${field.key}`;
    const attrs = { id: inputId, name: field.key, autocomplete: "off", "aria-describedby": `${inputId}-help ${inputId}-error` };
    if (field.placeholder) attrs.placeholder = field.placeholder;
    let input;
    if (field.type === "textarea") input = el("textarea", attrs);
    else if (field.type === "choice") {
      input = el("select", attrs, el("option", { value: "", text: "—" }),
        ...field.choices.map((c) => (typeof c === "string" ? { value: c, label: c } : c)).map((c) => el("option", { value: c.value, text: c.label })));
    } else input = el("input", { ...attrs, type: "text" }); // dates too: people type 3天后, 1月15日
    if (field.type === "number") input.setAttribute("inputmode", "decimal");
    input.value = data[field.key] ?? "";
    input.addEventListener(field.type === "choice" ? "change" : "input", () => onEdit());
    inputs.set(field.key, input);
    const error = el("p", { class: "cd-error", id: `${inputId}-error`, hidden: "" });
    errorSlots.set(field.key, error);
    form.append(
      el("div", { class: "cd-field", "data-field": field.key },
        el("label", { for: inputId, text: field.label }),
        el("div", { class: "cd-input" }, input, field.unit ? el("span", { class: "cd-unit", text: field.unit }) : null,
          field.suggest === "departments" && inWorkbook ? suggestDepartments(input) : null),
        el("p", { class: "cd-help", id: `${inputId}-help`, text: field.help || "" }),
        error),
    );
  }

  const outputs = el("div", { class: "cd-outputs", "aria-live": "polite" });
  const outputNodes = new Map();
  const copyButtons = [];
  for (const output of definition.outputs || []) {
    const value = el("div", { class: "cd-output-value", "data-output": output.key });
    // style "details": a long text (a whole sheet in Markdown) folded under its label until opened.
    const folded = output.style === "details";
    const box = el(folded ? "details" : "div", { class: `cd-output cd-output-${output.style || "text"}` },
      el(folded ? "summary" : "div", { class: "cd-output-label", text: output.label }), value);
    if (output.copy) {
      const button = copyButton(el, "复制", () => value.textContent);
      copyButtons.push(button);
      box.append(button);
    }
    outputNodes.set(output.key, value);
    outputs.append(box);
  }
  // Results never outlive their inputs: with a field in error, nothing stale stays on screen to copy.
  // An output that is a list is the core's flags: each with its severity and the section that explains it.
  const staleNote = el("p", { class: "cd-output-stale", role: "status", hidden: "", text: "输入已修改，结果正在重新计算……" });
  outputs.prepend(staleNote);
  let slowTimer = null;
  function showOutputs(result) {
    outputNodes.forEach((node, key) => {
      const value = result ? result[key] : null;
      if (Array.isArray(value)) node.replaceChildren(value.length ? flagList(el, value, manifest.topics) : el("p", { text: "没有需要特别注意的问题。" }));
      else node.textContent = value ?? "";
    });
    copyButtons.forEach((button) => (button.disabled = !result || !button.previousElementSibling?.textContent));
    outputs.dataset.state = result ? "current" : "cleared";
    clearTimeout(slowTimer);
    delete outputs.dataset.slow;
    staleNote.hidden = true;
  }

  // Between an edit and the core's answer the figures on screen belong to the old inputs: not
  // copyable, and faded with a line saying so once the wait is long enough to notice.
  function markStale() {
    if (outputs.dataset.state !== "current") return;
    outputs.dataset.state = "stale";
    copyButtons.forEach((button) => (button.disabled = true));
    slowTimer = setTimeout(() => {
      outputs.dataset.slow = "true";
      staleNote.hidden = false;
    }, 400);
  }

  // A form whose core knows a worked example (the course's part-8 case) can load it.
  const example = definition.example_action ? el("button", { type: "button", class: "md-button md-button--primary cd-load-example", text: "载入课程示例" }) : null;
  example?.addEventListener("click", async () => {
    const filled = [...inputs.values()].some((input) => input.value.trim());
    if (filled && !window.confirm("载入示例会替换这里已经填写的内容，确定吗？")) return;
    try {
      const response = await callCore({ worksheet: id, action: definition.example_action, data: {} });
      if (!response.ok) throw new Error(response.errors.map((e) => e.message).join("；"));
      inputs.forEach((input, key) => (input.value = response.result[key] ?? ""));
      onEdit();
    } catch (error) {
      general.textContent = `暂时无法载入示例：${error.message}`;
      general.hidden = false;
    }
  });
  const clear = el("button", { type: "button", class: "md-button cd-clear", text: "清空重填" });
  clear.addEventListener("click", () => {
    if (!window.confirm("清空这个工作表里填写的全部内容？")) return;
    inputs.forEach((input) => (input.value = ""));
    onEdit();
  });

  // Downloads and the printed sheet, where the definition asks for them (form-files.js).
  const filesOut = formFiles(definition, () => collect(), () => (inWorkbook ? (projects.current().workbook.project.name || "").trim() : ""));

  root.replaceChildren(...[
    el("div", { class: "cd-head" }, el("h2", { class: "cd-title", text: definition.title }), definition.description ? el("p", { class: "cd-description", text: definition.description }) : null),
    inWorkbook ? projectBar(root, id) : "", // replaceChildren writes a null as the text "null"
    rec ? recordNotice(rec) : "",
    status, form, general, outputs, el("div", { class: "cd-actions" }, example, clear, saveNote),
    filesOut?.bar, filesOut?.printView,
  ].filter(Boolean));

  function collect() {
    const values = {};
    inputs.forEach((input, key) => (values[key] = input.value));
    return values;
  }

  function showErrors(errors) {
    errorSlots.forEach((slot, key) => {
      slot.hidden = true;
      slot.textContent = "";
      inputs.get(key).removeAttribute("aria-invalid");
    });
    const other = [];
    for (const error of errors) {
      const slot = errorSlots.get(error.field);
      if (slot) {
        slot.textContent = error.message;
        slot.hidden = false;
        inputs.get(error.field).setAttribute("aria-invalid", "true");
      } else other.push(error.message);
    }
    general.textContent = other.join("；");
    general.hidden = other.length === 0;
  }

  let timer = null;
  let generation = 0;
  async function compute() {
    const mine = ++generation;
    let response;
    try {
      response = await callCore({ worksheet: id, action: definition.action, data: collect() });
    } catch (error) {
      if (mine !== generation) return;
      showOutputs(null);
      general.textContent = error.message;
      general.hidden = false;
      root.dataset.computed = "unavailable";
      return;
    }
    if (mine !== generation) return; // a newer edit already asked
    if (response.ok) {
      showErrors([]);
      showOutputs(response.result);
    } else {
      showErrors(response.errors);
      showOutputs(null);
    }
    await filesOut?.refresh(response.ok, () => mine === generation).catch(() => {});
    if (mine !== generation) return;
    root.dataset.computed = String(mine);
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(() => compute(), DEBOUNCE_MS);
  }

  function onEdit() {
    markStale();
    const ok = inWorkbook ? projects.setForm(id, collect()) : rec.save(collect());
    if (inWorkbook) projects.persist();
    saveNote.textContent = ok ? "已自动保存在本机浏览器" : "无法保存到浏览器（存储已满或被禁用），请导出或复制你的内容";
    schedule();
  }


  // Another tab edited the same worksheet, or another project was chosen: show its values,
  // except in the field this tab is typing in.
  function refresh() {
    const fresh = stored();
    inputs.forEach((input, key) => {
      if (document.activeElement !== input) input.value = fresh[key] ?? "";
    });
    schedule();
  }
  if (inWorkbook) {
    projects.subscribe((state, source) => {
      if (!root.isConnected) return false; // the page was swapped by instant navigation
      if (source !== "cell") refresh();
      return true;
    });
  } else {
    onOtherTab(rec, () => root.isConnected && (refresh(), true));
  }

  showOutputs(null);
  trackCore(root, status);
  schedule();
}
