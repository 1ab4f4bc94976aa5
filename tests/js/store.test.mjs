// The store's promises, with node's own test runner over an in-memory localStorage.
import assert from "node:assert/strict";
import { test } from "node:test";

import { createStore, KEEP_ASIDE } from "../../overrides/assets/crossdept/modules/store.js";

class MemoryStorage {
  constructor(entries = {}, { quota = Infinity } = {}) {
    this.map = new Map(Object.entries(entries));
    this.quota = quota;
  }
  get length() { return this.map.size; }
  key(i) { return [...this.map.keys()][i] ?? null; }
  getItem(k) { return this.map.has(k) ? this.map.get(k) : null; }
  setItem(k, v) {
    const used = [...this.map].reduce((n, [key, value]) => n + (key === k ? 0 : key.length + value.length), 0);
    if (used + k.length + v.length > this.quota) throw new Error("QuotaExceededError");
    this.map.set(k, String(v));
  }
  removeItem(k) { this.map.delete(k); }
}

let tick = 0;
const clock = () => new Date(Date.UTC(2026, 10, 23, 12, 0, tick++));

test("a record is stored under a key scoped to the site's path, so two copies of the course keep separate data", () => {
  const storage = new MemoryStorage();
  const staging = createStore({ storage, scope: "/course-staging/", clock }).record("worksheet:quiz", { version: 1 });
  const live = createStore({ storage, scope: "/course/", clock }).record("worksheet:quiz", { version: 1 });

  staging.save({ answers: { q1: ["a"] } });

  assert.deepEqual(live.load(), {});
  assert.deepEqual(staging.load(), { answers: { q1: ["a"] } });
  assert.ok(storage.getItem("crossdept@/course-staging/:worksheet:quiz"));
});

test("bumping a record's version migrates it forward and keeps every saved answer", () => {
  const storage = new MemoryStorage();
  const v1 = createStore({ storage, scope: "/", clock }).record("worksheet:journal", { version: 1 });
  v1.save({ rounds: [{ started: "2026-03-01T10:00", answers: { a: { text: "第一轮", saved: "2026-03-01T10:05" } } }] });

  const migrations = {
    1: (data) => ({ ...data, rounds: data.rounds.map((r) => ({ ...r, note: "" })) }),
    2: (data) => ({ ...data, version2: true }),
  };
  const v3 = createStore({ storage, scope: "/", clock }).record("worksheet:journal", { version: 3, migrations });
  const data = v3.load();

  assert.equal(data.rounds[0].answers.a.text, "第一轮");
  assert.equal(data.rounds[0].answers.a.saved, "2026-03-01T10:05");
  assert.equal(data.rounds[0].note, "");
  assert.equal(data.version2, true);
  assert.equal(v3.notice(), "");
  assert.ok(v3.save(data));
  assert.equal(JSON.parse(storage.getItem(v3.key)).version, 3);
});

test("an unreadable record is kept aside once with a message, and the next save does not lose it", () => {
  const storage = new MemoryStorage({ "crossdept@/:progress": '{"version": 1, "data": {"pages": {' });
  const store = createStore({ storage, scope: "/", clock });
  const record = store.record("progress", { version: 1, empty: () => ({ pages: {} }) });

  assert.deepEqual(record.load(), { pages: {} });
  assert.match(record.notice(), /已损坏/);
  record.load(); // a second page load finds the same broken text: nothing new is kept
  record.save({ pages: { "day48/": {} } });

  const kept = record.keptAside();
  assert.equal(kept.length, 1);
  assert.equal(kept[0].text, '{"version": 1, "data": {"pages": {');
});

test("kept-aside copies are pruned to the newest few, one per distinct text", () => {
  const storage = new MemoryStorage();
  const store = createStore({ storage, scope: "/", clock });
  const record = store.record("workbook", { version: 1 });
  for (let i = 0; i < KEEP_ASIDE + 3; i++) {
    storage.setItem(record.key, `broken ${i}`);
    record.load();
  }

  const kept = record.keptAside().map((k) => k.text);
  assert.deepEqual(kept, Array.from({ length: KEEP_ASIDE }, (_, i) => `broken ${i + 3}`));
});

test("a record from a newer version of the site is kept as it is and never written over", () => {
  const newer = JSON.stringify({ version: 9, saved: "x", data: { answers: { q: ["b"] } } });
  const storage = new MemoryStorage({ "crossdept@/:worksheet:quiz": newer });
  const record = createStore({ storage, scope: "/", clock }).record("worksheet:quiz", { version: 1 });

  assert.deepEqual(record.load(), {});
  assert.match(record.notice(), /更新版本/);
  assert.equal(record.readOnly(), true);
  assert.equal(record.save({ answers: {} }), false);
  assert.equal(storage.getItem(record.key), newer);
});

test("a record an older build kept under its own key is adopted, in its own shape too", () => {
  const storage = new MemoryStorage({
    "crossdept:worksheet:quiz-day48": JSON.stringify({ version: 1, data: { attempt: 2 } }),
    "crossdept:workbook": JSON.stringify({ version: 1, current: "p1", projects: [{ id: "p1" }] }),
  });
  const legacyKey = (name) => ({ "worksheet:quiz-day48": "crossdept:worksheet:quiz-day48", workbook: "crossdept:workbook" })[name];
  const store = createStore({ storage, scope: "/c/", clock, legacyKey });

  assert.deepEqual(store.record("worksheet:quiz-day48", { version: 1 }).load(), { attempt: 2 });
  const workbook = store.record("workbook", { version: 1, legacy: (old) => ({ current: old.current, projects: old.projects }) });
  assert.deepEqual(workbook.load(), { current: "p1", projects: [{ id: "p1" }] });
  assert.ok(storage.getItem("crossdept:workbook"), "the old record stays where it was");
});

test("a full storage makes save report failure instead of throwing", () => {
  const storage = new MemoryStorage({}, { quota: 60 });
  const record = createStore({ storage, scope: "/", clock }).record("worksheet:journal", { version: 1 });

  assert.equal(record.save({ text: "很长的一段反思".repeat(20) }), false);
});
