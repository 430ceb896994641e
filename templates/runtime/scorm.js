/* scormbuild runtime: find the LMS's SCORM API and talk to it through one adapter per version.
 *
 * The API search follows the standard algorithm (SCORM 1.2 RTE 3.3.6.1; SCORM 2004 RTE 3.1.5):
 * walk up window.parent, then try window.opener and its parents, at most 500 steps.
 * Both adapters expose the same small interface, so the player never asks which version runs.
 */
(function (global) {
  "use strict";

  var MAX_STEPS = 500;

  function findIn(win, name) {
    var steps = 0;
    try {
      while (win && !win[name] && win.parent && win.parent !== win && steps < MAX_STEPS) {
        steps += 1;
        win = win.parent;
      }
      return win && win[name] ? win[name] : null;
    } catch (e) {
      return null; // a cross-origin frame ends the search
    }
  }

  function findApi(name) {
    var api = findIn(global, name);
    if (!api && global.opener) {
      api = findIn(global.opener, name);
    }
    return api;
  }

  /* Two-digit helpers shared by the time formatters. */
  function pad(number, width) {
    var text = String(number);
    while (text.length < width) { text = "0" + text; }
    return text;
  }

  /* SCORM 1.2 CMITimespan HHHH:MM:SS.SS (Moodle accepts 2-4 hour digits). */
  function timespan12(ms) {
    var centis = Math.round(ms / 10);
    var hours = Math.floor(centis / 360000);
    var minutes = Math.floor(centis / 6000) % 60;
    var seconds = Math.floor(centis / 100) % 60;
    return pad(Math.min(hours, 9999), 4) + ":" + pad(minutes, 2) + ":" + pad(seconds, 2) + "." +
      pad(centis % 100, 2);
  }

  /* SCORM 2004 timeinterval (ISO 8601 duration), at most 2 decimals on seconds. */
  function duration2004(ms) {
    var centis = Math.round(ms / 10);
    var hours = Math.floor(centis / 360000);
    var minutes = Math.floor(centis / 6000) % 60;
    var seconds = (centis % 6000) / 100;
    return "PT" + hours + "H" + minutes + "M" + seconds.toFixed(2).replace(/\.00$/, "") + "S";
  }

  function call(api, method, args) {
    try {
      return String(api[method].apply(api, args));
    } catch (e) {
      return "false";
    }
  }

  function Scorm12(api) { this.api = api; this.version = "1.2"; }
  Scorm12.prototype = {
    initialize: function () { return call(this.api, "LMSInitialize", [""]) === "true"; },
    get: function (key) { return call(this.api, "LMSGetValue", [key]); },
    set: function (key, value) { return call(this.api, "LMSSetValue", [key, String(value)]) === "true"; },
    commit: function () { return call(this.api, "LMSCommit", [""]) === "true"; },
    terminate: function () { return call(this.api, "LMSFinish", [""]) === "true"; },
    location: function () { return this.get("cmi.core.lesson_location"); },
    setLocation: function (value) { return this.set("cmi.core.lesson_location", value); },
    isCompleted: function () {
      var status = this.get("cmi.core.lesson_status");
      return status === "completed" || status === "passed";
    },
    setCompleted: function () { return this.set("cmi.core.lesson_status", "completed"); },
    setIncomplete: function () { return this.set("cmi.core.lesson_status", "incomplete"); },
    setExit: function (suspend) { return this.set("cmi.core.exit", suspend ? "suspend" : ""); },
    setSessionTime: function (ms) { return this.set("cmi.core.session_time", timespan12(ms)); }
  };

  function Scorm2004(api) { this.api = api; this.version = "2004"; }
  Scorm2004.prototype = {
    initialize: function () { return call(this.api, "Initialize", [""]) === "true"; },
    get: function (key) { return call(this.api, "GetValue", [key]); },
    set: function (key, value) { return call(this.api, "SetValue", [key, String(value)]) === "true"; },
    commit: function () { return call(this.api, "Commit", [""]) === "true"; },
    terminate: function () { return call(this.api, "Terminate", [""]) === "true"; },
    location: function () { return this.get("cmi.location"); },
    setLocation: function (value) { return this.set("cmi.location", value); },
    isCompleted: function () { return this.get("cmi.completion_status") === "completed"; },
    setCompleted: function () { return this.set("cmi.completion_status", "completed"); },
    setIncomplete: function () { return this.set("cmi.completion_status", "incomplete"); },
    setExit: function (suspend) { return this.set("cmi.exit", suspend ? "suspend" : "normal"); },
    setSessionTime: function (ms) { return this.set("cmi.session_time", duration2004(ms)); }
  };

  /* Without an LMS every call succeeds and nothing is kept. */
  function Standalone() { this.version = null; }
  Standalone.prototype = {
    get: function () { return ""; },
    set: function () { return true; },
    commit: function () { return true; },
    terminate: function () { return true; },
    location: function () { return ""; },
    setLocation: function () { return true; },
    isCompleted: function () { return false; },
    setCompleted: function () { return true; },
    setIncomplete: function () { return true; },
    setExit: function () { return true; },
    setSessionTime: function () { return true; }
  };

  /* SCORM 2004 first: an LMS offering both expects the newer one to be used. An API that
   * refuses to initialise is treated as absent, so the module still works. */
  function connect() {
    var api2004 = findApi("API_1484_11");
    var api12 = api2004 ? null : findApi("API");
    var adapter = api2004 ? new Scorm2004(api2004) : api12 ? new Scorm12(api12) : null;
    return adapter && adapter.initialize() ? adapter : new Standalone();
  }

  global.scormbuild = global.scormbuild || {};
  global.scormbuild.scorm = {
    connect: connect,
    format: { timespan12: timespan12, duration2004: duration2004 }
  };
}(window));
