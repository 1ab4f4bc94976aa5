// The timeline's ticks: as many as the width holds, whatever the span (a date years past included).
import assert from "node:assert/strict";
import { test } from "node:test";

globalThis.window = {}; // charts.js looks for ResizeObserver on load
const { tickStep } = await import("../../overrides/assets/crossdept/modules/charts.js");

test("a plan of a few weeks gets a tick a week", () => {
  assert.equal(tickStep(40, 600), 7);
});

test("a date six years past on a phone gets ticks no closer than a label needs", () => {
  for (const plot of [150, 300, 900]) {
    const step = tickStep(6 * 365, plot);
    assert.ok((6 * 365) / step <= Math.floor(plot / 48), `${step} days on ${plot} px`);
  }
});

test("a span no listed step covers still fits", () => {
  const step = tickStep(100 * 365, 100);
  assert.ok((100 * 365) / step <= 2);
});
