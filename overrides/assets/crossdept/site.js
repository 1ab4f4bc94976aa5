// Site-wide fixes to Material's markup that a template override would have to copy whole files for.
(() => {
  // Material's search overlay is a role="dialog" without a name (axe: aria-dialog-name).
  const search = document.querySelector(".md-search[role=dialog]");
  if (search && !search.hasAttribute("aria-label")) search.setAttribute("aria-label", "搜索课程");
})();
