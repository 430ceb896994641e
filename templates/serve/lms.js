/* scormbuild preview LMS: a recording SCORM 1.2 / 2004 runtime for `scormbuild serve`.
 *
 * It keeps the data model in sessionStorage (so "relaunch" resumes as Moodle would), records
 * every call, and draws the panel: status, score, objectives, interactions, suspend_data
 * against SCORM 1.2's 4,096 characters, session time. It stores what the SCO sets without
 * judging it: the package's own tests check formats against a real runtime.
 */
(function (global, document) {
  "use strict";

  var SUSPEND_LIMIT = 4096;
  var page = document.documentElement;
  var moduleId = page.getAttribute("data-module");
  var frame = document.getElementById("sb-sco");
  var log = document.getElementById("sb-calls");
  var version = sessionStorage.getItem("sb-version") || "1.2";
  var mode = sessionStorage.getItem("sb-mode") || "lms";

  function storeKey() { return "sb-cmi:" + moduleId + ":" + version; }
  function load() { return JSON.parse(sessionStorage.getItem(storeKey()) || "{}"); }
  function store(data) { sessionStorage.setItem(storeKey(), JSON.stringify(data)); }

  var data = load();
  var names = version === "2004" ?
    { init: "Initialize", get: "GetValue", set: "SetValue", commit: "Commit",
      finish: "Terminate", error: "GetLastError", text: "GetErrorString",
      diagnostic: "GetDiagnostic", status: "cmi.completion_status", success: "cmi.success_status",
      raw: "cmi.score.raw", suspend: "cmi.suspend_data", time: "cmi.session_time",
      entry: "cmi.entry" } :
    { init: "LMSInitialize", get: "LMSGetValue", set: "LMSSetValue", commit: "LMSCommit",
      finish: "LMSFinish", error: "LMSGetLastError", text: "LMSGetErrorString",
      diagnostic: "LMSGetDiagnostic", status: "cmi.core.lesson_status", success: null,
      raw: "cmi.core.score.raw", suspend: "cmi.suspend_data", time: "cmi.core.session_time",
      entry: "cmi.core.entry" };

  function record(call, args, result) {
    var line = document.createElement("li");
    line.textContent = call + "(" + args.map(JSON.stringify).join(", ") + ") → " +
      JSON.stringify(result);
    log.insertBefore(line, log.firstChild);
    while (log.childNodes.length > 200) { log.removeChild(log.lastChild); }
  }

  function count(prefix) {
    var highest = -1;
    Object.keys(data).forEach(function (key) {
      var match = key.slice(0, prefix.length) === prefix && /^(\d+)\./.exec(key.slice(prefix.length));
      if (match) { highest = Math.max(highest, Number(match[1])); }
    });
    return String(highest + 1);
  }

  function get(key) {
    if (/\._count$/.test(key)) { return count(key.replace(/_count$/, "")); }
    return Object.prototype.hasOwnProperty.call(data, key) ? data[key] : "";
  }

  var api = {};
  api[names.init] = function () { record(names.init, [], "true"); draw(); return "true"; };
  api[names.get] = function (key) { var v = get(key); record(names.get, [key], v); return v; };
  api[names.set] = function (key, value) {
    data[key] = String(value);
    record(names.set, [key, value], "true");
    draw();
    return "true";
  };
  api[names.commit] = function () { store(data); record(names.commit, [], "true"); draw(); return "true"; };
  api[names.finish] = function () { store(data); record(names.finish, [], "true"); draw(); return "true"; };
  api[names.error] = function () { return "0"; };
  api[names.text] = function () { return ""; };
  api[names.diagnostic] = function () { return ""; };

  function cell(row, text) { row.insertCell().textContent = text; }

  function draw() {
    document.getElementById("sb-version").textContent = mode === "lms" ?
      "SCORM " + version : "zonder LMS";
    document.getElementById("sb-status").textContent = get(names.status) || "–";
    document.getElementById("sb-success").textContent = names.success ? (get(names.success) || "–") : "–";
    document.getElementById("sb-score").textContent = get(names.raw) || "–";
    document.getElementById("sb-time").textContent = get(names.time) || "–";
    var suspend = get(names.suspend).length;
    var meter = document.getElementById("sb-suspend");
    meter.textContent = suspend + " / " + SUSPEND_LIMIT;
    meter.className = suspend > SUSPEND_LIMIT * 0.8 ? "sb-warn" : "";
    var objectives = document.getElementById("sb-objectives");
    objectives.textContent = "";
    for (var n = 0; n < Number(count("cmi.objectives.")); n += 1) {
      var base = "cmi.objectives." + n + ".";
      var row = objectives.insertRow();
      cell(row, get(base + "id"));
      cell(row, get(base + "score.raw") || "–");
      cell(row, get(base + "status") || get(base + "success_status") || "–");
    }
    var interactions = document.getElementById("sb-interactions");
    interactions.textContent = "";
    for (var i = 0; i < Number(count("cmi.interactions.")); i += 1) {
      var prefix = "cmi.interactions." + i + ".";
      var line = interactions.insertRow();
      cell(line, get(prefix + "id"));
      cell(line, get(prefix + "type"));
      cell(line, get(prefix + "student_response") || get(prefix + "learner_response"));
      cell(line, get(prefix + "result"));
    }
  }

  function launch() {
    delete global.API;
    delete global.API_1484_11;
    if (mode === "lms") {
      data[names.entry] = get(names.suspend) ? "resume" : "ab-initio";
      if (version === "2004") { global.API_1484_11 = api; } else { global.API = api; }
    }
    frame.src = frame.getAttribute("data-src") + global.location.hash;
    draw();
  }

  function relaunch() { global.location.reload(); }

  document.getElementById("sb-switch").addEventListener("click", function () {
    sessionStorage.setItem("sb-version", version === "1.2" ? "2004" : "1.2");
    sessionStorage.setItem("sb-mode", "lms");
    relaunch();
  });
  document.getElementById("sb-reset").addEventListener("click", function () {
    sessionStorage.removeItem(storeKey());
    relaunch();
  });
  document.getElementById("sb-relaunch").addEventListener("click", relaunch);
  document.getElementById("sb-standalone").addEventListener("click", function () {
    sessionStorage.setItem("sb-mode", mode === "lms" ? "standalone" : "lms");
    relaunch();
  });
  document.getElementById("sb-phone").addEventListener("click", function () {
    document.body.classList.toggle("sb-phone");
  });

  /* Live rebuild: when the build number changes, relaunch (resuming where the learner was);
   * when the sources have errors, show them over the page until they are fixed. */
  var build = page.getAttribute("data-build");
  var overlay = document.getElementById("sb-overlay");
  function poll() {
    var request = new XMLHttpRequest();
    request.open("GET", "/__scormbuild/status");
    request.onload = function () {
      var status = JSON.parse(request.responseText);
      overlay.hidden = !status.errors.length;
      overlay.querySelector("pre").textContent = status.errors.join("\n");
      if (String(status.build) !== build && !status.errors.length) {
        store(data);
        relaunch();
        return;
      }
      setTimeout(poll, 400);
    };
    request.onerror = function () { setTimeout(poll, 1000); };
    request.send();
  }

  global.scormbuildPreview = { data: function () { return data; } };
  launch();
  poll();
}(window, document));
