// Opened straight from the folder (file://): browsers run no ES module and no WebAssembly there,
// so the worksheet runtime never starts. This classic script (it does run from file://) says so
// at every worksheet, in one line the reader can act on, and makes the course's links open pages
// instead of folder listings (a link to "tools/value/" gets its "index.html").
(function () {
  if (location.protocol !== "file:") return;
  var MESSAGE = "工作表不能直接从文件夹打开（file://），浏览器不允许在这里运行计算核心。"
    + "请用网页服务器打开课程文件夹：在文件夹里运行 python3 -m http.server 8000，再用浏览器打开它给出的地址（127.0.0.1:8000）。";
  function fix() {
    var sheets = document.querySelectorAll(".cd-worksheet, [data-cd-progress], .cd-script-library");
    for (var i = 0; i < sheets.length; i++) {
      var sheet = sheets[i];
      if (sheet.querySelector(".cd-file-notice")) continue;
      var note = document.createElement("p");
      note.className = "cd-notice cd-file-notice";
      note.setAttribute("role", "alert");
      note.textContent = MESSAGE;
      sheet.prepend(note);
      if (sheet.dataset.core) sheet.dataset.core = "failed";
    }
    var links = document.querySelectorAll("a[href]");
    for (var j = 0; j < links.length; j++) {
      var href = links[j].getAttribute("href");
      if (/^(?![a-z]+:|\/\/|#)[^?#]*\/(#.*)?$/i.test(href)) links[j].setAttribute("href", href.replace(/\/(#.*)?$/, "/index.html$1"));
      else if (/^\.\.?(\/\.\.)*$/.test(href)) links[j].setAttribute("href", href + "/index.html");
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", fix);
  else fix();
})();
