// Instant navigation on any host, and starting the core when a link to a worksheet page is pointed at.
import assert from "node:assert/strict";
import { test } from "node:test";

globalThis.CROSSDEPT_MANIFEST = {
  runtime: { built_for: { port: "8000", path: "/" } },
  pages: { value: { url: "tools/value/", title: "价值" }, resources: { url: "tools/resources/", title: "资源" } },
};
const { isSitePage, materialKnowsLinks } = await import("../../overrides/assets/crossdept/modules/instant-anywhere.js");
const { worksheetPages } = await import("../../overrides/assets/crossdept/modules/prefetch.js");

const at8000 = { port: "8000", path: "/" };
const root = { port: "", path: "/" };

test("Material's sitemap matches where port and path are the build's, whatever the host name", () => {
  assert.equal(materialKnowsLinks(at8000, new URL("http://127.0.0.1:8000/")), true);
  assert.equal(materialKnowsLinks(at8000, new URL("https://intranet:8000/")), true);
  assert.equal(materialKnowsLinks(root, new URL("https://intranet/")), true);
  assert.equal(materialKnowsLinks({}, new URL("http://anywhere:9/x/")), true);
});

test("another port or another folder is where the page keeps navigation instant itself", () => {
  assert.equal(materialKnowsLinks(at8000, new URL("http://127.0.0.1:9000/")), false);
  assert.equal(materialKnowsLinks(at8000, new URL("http://intranet/")), false);
  assert.equal(materialKnowsLinks(root, new URL("http://intranet/course/")), false);
});

test("only pages of this site, not its files, not this page's anchors, not other sites", () => {
  const root = new URL("http://intranet/course/");
  const here = new URL("http://intranet/course/day48/");
  const page = (href) => isSitePage(new URL(href, here), here, root);

  assert.equal(page("../tools/value/"), true);
  assert.equal(page("../tools/value/#结果"), true);
  assert.equal(page("http://intranet/course/404.html"), true);
  assert.equal(page("#第一节"), false);
  assert.equal(page("../assets/crossdept/backup.json"), false);
  assert.equal(page("../sw.js"), false);
  assert.equal(page("http://intranet/other/"), false);
  assert.equal(page("http://elsewhere/course/tools/value/"), false);
});

test("the worksheet pages are the manifest's, as absolute URLs", () => {
  const pages = worksheetPages();

  assert.equal(pages.size, 2);
  assert.ok([...pages].every((url) => url.startsWith("file://") && /tools\/(value|resources)\/$/.test(url)));
});
