// The SCORM package's launch page (scorm.html, written by crossdept_site/scorm.py): the one page that
// lives as long as the learner stays in the course, so it holds the LMS session while the course's
// pages change in its frame (a page that started a session would end it on every link). With no LMS,
// or an LMS that refuses, it simply shows the course.
import { connect } from "../lms-api.js";
import { startSession } from "../lms-session.js";
import { LMS_REPORT } from "../lms.js";
import { manifest } from "../manifest.js";
import * as progress from "../progress.js";

const frame = document.getElementById("cd-course");
let start = "index.html";

const adapter = connect(manifest.lms.scorm);
if (adapter) {
  const session = startSession(adapter, manifest.lms);
  // Only the course in our own frame, from our own origin, reports to the LMS.
  window.addEventListener("message", ({ source, origin, data }) => {
    if (source === frame.contentWindow && origin === location.origin && data && data.type === LMS_REPORT) session.handle(String(data.report));
  });
  progress.restore(session.state.pages);
  if (session.location !== null) start = session.location;
  // pagehide is the dependable one (also for the back-forward cache); unload for LMSs that tear
  // the frame down without it. A hidden tab commits, in case it is never shown again.
  window.addEventListener("pagehide", () => session.end());
  window.addEventListener("unload", () => session.end());
  document.addEventListener("visibilitychange", () => document.visibilityState === "hidden" && session.commit());
}

frame.src = start;
