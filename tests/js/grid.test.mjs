// The grid's pure parts: reading a block pasted from a spreadsheet, and undo/redo that puts back
// only what a change touched.
import assert from "node:assert/strict";
import { test } from "node:test";

import { revert, history } from "../../overrides/assets/crossdept/modules/grid-history.js";
import { choiceValue, isBlock, parseBlock, placeBlock } from "../../overrides/assets/crossdept/modules/grid-paste.js";

const PRIORITY = { accepts: { P0: "P0", P1: "P1", P2: "P2", 必需: "P0", 重要: "P1", 备选: "P2" }, labels: { "P0 必需": "P0", "P1 重要": "P1", "P2 备选": "P2" } };
const COLUMNS = [
  { key: "resource", label: "资源" },
  { key: "department", label: "持有部门" },
  { key: "priority", label: "优先级", type: "choice", choice: PRIORITY },
  { key: "needed_by", label: "需求时间", type: "date" },
];

test("a block copied from Excel is read as rows of cells, quoted cells keeping their line breaks, tabs and quotes", () => {
  const text = '小程序接口\tIT部门\r\n"门店\r\n试点"\t"区域""销售""部"\r\n';

  assert.deepEqual(parseBlock(text), [["小程序接口", "IT部门"], ["门店\n试点", '区域"销售"部']]);
});

test("a cell that only starts with a quote is taken as typed, and empty cells stay in their place", () => {
  assert.deepEqual(parseBlock('"引号开头\t下一格'), [['"引号开头', "下一格"]]);
  assert.deepEqual(parseBlock("a\t\tc"), [["a", "", "c"]]);
});

test("only text with a tab or a line break inside is a block; a word with the trailing line break of a copied cell is not", () => {
  assert.equal(isBlock("IT部门\r\n"), false);
  assert.equal(isBlock("IT部门"), false);
  assert.equal(isBlock("IT部门\t财务部"), true);
  assert.equal(isBlock("第一行\n第二行"), true);
});

test("choices are mapped through the spellings the core accepts and the list's own labels", () => {
  assert.equal(choiceValue("必需", PRIORITY), "P0");
  assert.equal(choiceValue("p1", PRIORITY), "P1");
  assert.equal(choiceValue("P2 备选", PRIORITY), "P2");
  assert.equal(choiceValue(" 重要 ", PRIORITY), "P1");
  assert.equal(choiceValue("紧急", PRIORITY), "紧急"); // kept as typed: the core says what it accepts
});

test("a pasted block fills from the focused cell, skips a copied header, and says how many rows it needs", () => {
  const block = [["持有部门", "优先级"], ["IT部门", "必需"], ["财务部", "P1 重要"], ["", ""]];

  const placed = placeBlock(block, COLUMNS, 4, 1);

  assert.deepEqual(placed.cells, [
    { row: 4, key: "department", value: "IT部门" }, { row: 4, key: "priority", value: "P0" },
    { row: 5, key: "department", value: "财务部" }, { row: 5, key: "priority", value: "P1" },
  ]);
  assert.equal(placed.rows, 6);
  assert.equal(placed.dropped, 0);
});

test("columns past the table's last are counted, not pasted", () => {
  const placed = placeBlock([["3月15日", "多余1", "多余2"]], COLUMNS, 0, 3);

  assert.deepEqual(placed.cells, [{ row: 0, key: "needed_by", value: "3月15日" }]);
  assert.equal(placed.dropped, 2);
});

const row = (id, cells = {}) => ({ _id: id, ...cells });

test("undoing a paste removes the rows it added and puts back the cells it changed, leaving another tab's edits", () => {
  const before = [row("a", { resource: "旧" })];
  const after = [row("a", { resource: "新" }), row("b", { resource: "粘贴" })];
  const current = [row("a", { resource: "新", owner: "另一个标签页写的" }), row("b", { resource: "粘贴" }), row("c", { resource: "另一个标签页加的" })];

  assert.deepEqual(revert(current, before, after), [row("a", { resource: "旧", owner: "另一个标签页写的" }), row("c", { resource: "另一个标签页加的" })]);
});

test("undoing a delete brings the row back where it was, and undoing a move restores the order", () => {
  const rows = [row("a"), row("b"), row("c")];

  assert.deepEqual(revert([row("a"), row("c")], rows, [row("a"), row("c")]), rows);
  assert.deepEqual(revert([row("b"), row("a"), row("c")], rows, [row("b"), row("a"), row("c")]), rows);
});

test("typing in one cell is one change; another change in between starts a new one; redo reapplies", () => {
  const h = history();
  const s0 = [row("a", { resource: "" })];
  const s1 = [row("a", { resource: "系" })];
  const s2 = [row("a", { resource: "系统" })];
  const s3 = [row("a", { resource: "系统", owner: "李" })];
  h.record(s0, s1, { group: "a/resource" });
  h.record(s1, s2, { group: "a/resource" });
  h.record(s2, s3, { group: "a/owner" });

  const first = h.undo(s3);
  assert.deepEqual(first.rows, s2);
  const second = h.undo(first.rows);
  assert.deepEqual(second.rows, s0);
  assert.equal(h.undo(second.rows), null);
  assert.deepEqual(h.redo(second.rows).rows, s2);
});

test("a table refused for one bad row is analysed again without it, and the rows kept are named by their place", async () => {
  const { callWithValidRows, leftOut } = await import("../../overrides/assets/crossdept/modules/results/valid-rows.js");
  const asked = [];
  const core = async (request) => {
    asked.push(request.data.rows.map((r) => r.resource));
    const bad = request.data.rows.findIndex((r) => r.needed_by === "02/30/2026");
    return bad < 0 ? { ok: true, result: { rows: request.data.rows.length } } : { ok: false, errors: [{ field: `rows[${bad}].needed_by`, message: "2026年2月没有30日" }] };
  };
  const request = { worksheet: "resources", action: "plan", data: { rows: [{ resource: "接口" }, { resource: "试点", needed_by: "02/30/2026" }, { resource: "培训" }], project: {} } };

  const { response, errors, kept } = await callWithValidRows(core, request);

  assert.deepEqual(asked, [["接口", "试点", "培训"], ["接口", "培训"]]);
  assert.equal(response.ok, true);
  assert.deepEqual(kept, [0, 2]);
  assert.equal(leftOut(errors), "第 2 行");
});

test("a problem that is not a row's leaves nothing to show", async () => {
  const { callWithValidRows } = await import("../../overrides/assets/crossdept/modules/results/valid-rows.js");
  const refusal = { ok: false, errors: [{ field: "today", message: "今天的日期无法识别" }] };

  const { response, kept } = await callWithValidRows(async () => refusal, { data: { rows: [{}] } });

  assert.equal(response, refusal);
  assert.deepEqual(kept, []);
});
