// The page's side of the worker protocol: answers matched by id, a timeout per call with a Chinese
// message, a fresh worker after one broke. A stand-in Worker plays the core.
import assert from "node:assert/strict";
import { beforeEach, test } from "node:test";

import { CALL, INIT, LOAD, READY, RESULT } from "../../overrides/assets/crossdept/modules/protocol.js";

globalThis.CROSSDEPT_MANIFEST = {
  runtime: { worker: "w.js", pyodide: "py/", wheel: "c.whl", snapshot: "", xlsx: { module: "crossdept_xlsx", wheels: ["x/a.whl", "x/b.whl"] } },
};
globalThis.location = { protocol: "http:" };
globalThis.navigator = { onLine: true };

const workers = [];
// Answers init with ready, and each call as `behaviour(request)` says: a response, "hang", or "error".
let behaviour = () => ({ ok: true, result: {} });
class FakeWorker {
  constructor(url) {
    this.url = url;
    this.terminated = false;
    workers.push(this);
  }
  postMessage(message) {
    queueMicrotask(() => {
      if (this.terminated) return;
      if (message.type === INIT) this.onmessage({ data: { type: READY, ms: 1, python: "3.14", phases: {}, snapshot: false } });
      if (message.type === LOAD) {
        this.loads = [...(this.loads || []), message];
        this.onmessage({ data: { type: RESULT, id: message.id, response: "ready" } });
      }
      if (message.type === CALL) {
        this.calls = [...(this.calls || []), message];
        const answer = behaviour(JSON.parse(message.request));
        if (answer === "hang") return;
        const reply = answer === "error" ? { type: RESULT, id: message.id, error: "计算核心出错了" } : { type: RESULT, id: message.id, response: JSON.stringify(answer) };
        setTimeout(() => !this.terminated && this.onmessage({ data: reply }), answer.delay || 0);
      }
    });
  }
  terminate() { this.terminated = true; }
}
globalThis.Worker = FakeWorker;

const client = await import("../../overrides/assets/crossdept/modules/core-client.js");

beforeEach(() => {
  behaviour = () => ({ ok: true, result: {} });
});

test("answers reach their own calls even when they come back out of order", async () => {
  behaviour = (request) => ({ ok: true, result: request.data, delay: request.data.wait });

  const [slow, fast] = await Promise.all([
    client.callCore({ worksheet: "value", action: "quantify", data: { wait: 30, n: 1 } }),
    client.callCore({ worksheet: "value", action: "quantify", data: { wait: 0, n: 2 } }),
  ]);

  assert.equal(slow.result.n, 1);
  assert.equal(fast.result.n, 2);
  assert.equal(client.coreStatus().state, "ready");
});

test("a call that takes too long is given up with a Chinese message, and the next call gets a fresh worker", async () => {
  const before = workers.length;
  behaviour = () => "hang";

  await assert.rejects(client.callCore({ worksheet: "x", action: "y" }, { timeoutMs: 20 }), (error) => {
    assert.ok(error instanceof client.CoreError);
    assert.match(error.message, /时间太长.*再试一次/);
    return true;
  });
  assert.equal(workers[workers.length - 1].terminated, true);

  behaviour = () => ({ ok: true, result: { again: true } });
  const answer = await client.callCore({ worksheet: "x", action: "y" });
  assert.equal(answer.result.again, true);
  assert.equal(workers.length, before + 1);
});

test("a call the runtime could not run rejects with the worker's Chinese message", async () => {
  behaviour = () => "error";

  await assert.rejects(client.callCore({ worksheet: "x", action: "y" }), /计算核心出错了/);
});

test("every state change is heard, and a listener that returns false stops listening", async () => {
  const heard = [];
  client.onCoreState((state) => {
    heard.push(state);
    return heard.length < 2;
  });
  behaviour = () => "hang";
  await client.callCore({ worksheet: "x", action: "y" }, { timeoutMs: 5 }).catch(() => {});
  behaviour = () => ({ ok: true, result: {} });
  await client.callCore({ worksheet: "x", action: "y" });

  assert.deepEqual(heard, ["ready", "idle"]);
});

test("an extension is loaded once per worker, before the first call that needs it, and again in a fresh worker", async () => {
  behaviour = () => ({ ok: true, result: { filename: "a.xlsx" } });
  await client.callCore({ worksheet: "x", action: "y" }, { extension: "xlsx" });
  await client.callCore({ worksheet: "x", action: "y" }, { extension: "xlsx" });
  const worker = workers[workers.length - 1];

  assert.equal(worker.loads.length, 1);
  assert.equal(worker.loads[0].module, "crossdept_xlsx");
  assert.ok(worker.loads[0].wheels.every((url) => /\/x\/[ab]\.whl$/.test(url)), worker.loads[0].wheels.join());
  assert.deepEqual(worker.calls.slice(-2).map((c) => c.module), ["crossdept_xlsx", "crossdept_xlsx"]);

  behaviour = () => "hang";
  await client.callCore({ worksheet: "x", action: "y" }, { timeoutMs: 5 }).catch(() => {});
  behaviour = () => ({ ok: true, result: {} });
  await client.callCore({ worksheet: "x", action: "y" }, { extension: "xlsx" });
  assert.notEqual(workers[workers.length - 1], worker);
  assert.equal(workers[workers.length - 1].loads.length, 1);
});
