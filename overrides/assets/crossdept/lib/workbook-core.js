// What the workbook pages ask the core, in one place: the request shapes, today's date (the core
// never reads the clock), the project as the core wants it, and links to the course sections the
// core's flags name. Everything here goes through crossdeptRuntime.callCore.
(() => {
  if (window.crossdeptWorkbookCore) return;
  const rt = () => window.crossdeptRuntime;
  const store = () => window.crossdeptStore;

  // The workbook's pages, as docs/ paths (tests/site checks they exist and are in the nav).
  const PAGES = {
    workbook: "tools/workbook.md",
    resources: "tools/resources.md",
    exchange: "tools/exchange.md",
    tracker: "tools/tracker.md",
    value: "tools/value.md",
  };
  const TITLES = { workbook: "项目工作簿", resources: "资源需求清单", exchange: "价值交换矩阵", tracker: "协调进度追踪表", value: "价值量化计算器" };

  // The learner's local date, not UTC: a follow-up due "today" means today where they sit.
  function today(date = new Date()) {
    const pad = (n) => String(n).padStart(2, "0");
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  }

  function addDays(iso, days) {
    const [y, m, d] = iso.split("-").map(Number);
    return today(new Date(y, m - 1, d + days));
  }

  function daysBetween(fromIso, toIso) {
    const [a, b] = [fromIso, toIso].map((iso) => {
      const [y, m, d] = iso.split("-").map(Number);
      return Date.UTC(y, m - 1, d);
    });
    return Math.round((b - a) / 86_400_000);
  }

  // docs path → URL on this site: kp325/six-steps.md#step-1 → <root>kp325/six-steps/#step-1.
  function pageUrl(section) {
    const [page, anchor] = section.split("#");
    const path = page.replace(/(^|\/)index\.md$/, "$1").replace(/\.md$/, "/");
    const root = new URL("../../", rt().urls.worker); // the worker lives in assets/crossdept/
    return new URL(path + (anchor ? `#${anchor}` : ""), root).href;
  }

  let playbook = null;
  // The playbook's topics by id ({title, section}), fetched once per visit.
  function topics() {
    if (!playbook) {
      playbook = rt().callCore({ worksheet: "playbook", action: "get", data: {} }).then((response) => {
        if (!response.ok) throw new Error("playbook");
        return Object.fromEntries(response.result.topics.map((t) => [t.id, t]));
      });
      playbook.catch(() => (playbook = null)); // a failed start may be retried on the next page
    }
    return playbook;
  }

  // The project for a sheet's request; a blank value falls back on the value calculator's sentence,
  // as the core's own workbook report does.
  async function projectFor(workbook) {
    const project = { ...workbook.project };
    const inputs = workbook.worksheets.value || {};
    if (!project.value && Object.values(inputs).some((v) => String(v ?? "").trim())) {
      const response = await rt().callCore({ worksheet: "value", action: "quantify", data: inputs });
      if (response.ok && response.result.sentence) project.value = response.result.sentence;
    }
    return project;
  }

  async function sheetRequest(sheet, action, extra = {}) {
    const book = store().toWorkbook();
    return { worksheet: sheet, action, data: { rows: book.worksheets[sheet].rows, project: await projectFor(book) }, today: today(), ...extra };
  }

  const call = (request) => rt().callCore(request);

  // The worked example, its dates moved by the days since it was written so follow-ups stay current.
  function shiftDates(workbook, from, to = today()) {
    const days = daysBetween(from, to);
    const book = JSON.parse(JSON.stringify(workbook));
    for (const sheet of ["resources", "exchange", "tracker"]) {
      for (const row of book.worksheets[sheet].rows) {
        for (const [key, value] of Object.entries(row)) {
          if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) row[key] = addDays(value, days);
        }
      }
    }
    return book;
  }

  window.crossdeptWorkbookCore = { PAGES, TITLES, today, addDays, daysBetween, pageUrl, topics, projectFor, sheetRequest, call, shiftDates };
})();
