// The "not found" page (404.html) is sent for any missing path, at any depth. Its URLs are relative
// to its <base>, the course's root. Material reads its own root (where the search index and the
// sitemap are) from the page's configuration and resolves it against the page's address, which
// here is wherever the reader landed: give it the <base> instead.
// A classic script run before Material's bundle (404.html); a file, as the CSP allows no inline script.
(function () {
  var element = document.getElementById("__config");
  if (!element) return;
  var config = JSON.parse(element.textContent);
  config.base = document.baseURI;
  element.textContent = JSON.stringify(config);
})();
