// Files the learner imports: the text of a CSV whatever Excel saved it as, and bytes to and from base64.
import assert from "node:assert/strict";
import { test } from "node:test";

globalThis.CROSSDEPT_MANIFEST = { workbook: { max_chars: 2_000_000 } };
const files = await import("../../overrides/assets/crossdept/modules/files.js");

const HEADER = "资源,持有部门,优先级";

test("UTF-8 with a BOM (Excel's CSV UTF-8) reads as text without the BOM", () => {
  const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(HEADER)]);

  assert.deepEqual(files.decodeText(bytes), { text: HEADER, encoding: "utf-8" });
});

test("GBK (a Chinese Excel's plain CSV) is recognised and read", () => {
  // 资源 in GBK: D7CA D4B4
  const bytes = new Uint8Array([0xd7, 0xca, 0xd4, 0xb4, 0x2c, 0x50, 0x30]);

  assert.deepEqual(files.decodeText(bytes), { text: "资源,P0", encoding: "gbk" });
});

test("bytes that are neither give a Chinese message that says how to save the file", () => {
  assert.throws(() => files.decodeText(new Uint8Array([0xff, 0xff, 0xff])), /CSV UTF-8/);
});

test("base64 carries any bytes there and back, also past one chunk", () => {
  const bytes = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 7) % 256);

  assert.deepEqual(files.fromBase64(files.toBase64(bytes)), bytes);
});
