/* scormbuild runtime: find the LMS's SCORM API and talk to it through one adapter per version.
 *
 * The API search follows the standard algorithm (SCORM 1.2 RTE 3.3.6.1; SCORM 2004 RTE 3.1.5):
 * walk up window.parent, then window.opener and its parents, at most 500 steps.
 * Both adapters expose one interface; each holds its version's element names and encodings,
 * so the player and quiz never ask which version runs. Writes go through `Reliable`, which
 * keeps every value an LMS refused and sends it again until the LMS takes it.
 */
(function (global) {
  "use strict";

  var format = global.scormbuild.format;
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
    return findIn(global, name) || (global.opener ? findIn(global.opener, name) : null);
  }

  /* An LMS call that throws counts as a failure, like "false" or a non-zero error code. */
  function call(api, method, args) {
    try {
      return String(api[method].apply(api, args));
    } catch (e) {
      return "false";
    }
  }

  function join(list, separator) { return list.map(String).join(separator); }

  /* SCORM 1.2 (RTE 3.4): CMIFeedback responses; the 1.2 result vocabulary says "wrong". */
  var V12 = {
    version: "1.2",
    methods: { init: "LMSInitialize", get: "LMSGetValue", set: "LMSSetValue",
               commit: "LMSCommit", finish: "LMSFinish", error: "LMSGetLastError" },
    location: "cmi.core.lesson_location",
    suspend: "cmi.suspend_data",
    learner: "cmi.core.student_id",
    exit: function (suspend) { return ["cmi.core.exit", suspend ? "suspend" : ""]; },
    sessionTime: function (ms) { return ["cmi.core.session_time", format.timespan12(ms)]; },
    encode: {
      choice: function (r) { return join(r, ","); },
      "true-false": function (r) { return r[0] === "true" ? "t" : "f"; },
      sequencing: function (r) { return join(r, ","); },
      matching: function (r) { return r.map(function (p) { return p[0] + "." + p[1]; }).join(","); },
      "fill-in": function (r) { return format.text(r[0], 255); },
      numeric: function (r) { return String(r[0]); },
      likert: function (r) { return String(r[0]); }
    },
    encodePattern: function (kind, r) {
      return kind === "numeric" ? format.decimal((r[0] + r[1]) / 2) : this.encode[kind](r);
    },
    progress: function (api, done) {
      var status = api.get("cmi.core.lesson_status");
      if (done && status !== "passed" && status !== "failed") {
        api.set("cmi.core.lesson_status", "completed");
      } else if (!done && (status === "not attempted" || status === "")) {
        api.set("cmi.core.lesson_status", "incomplete");
      }
    },
    isDone: function (api) {
      return ["completed", "passed", "failed"].indexOf(api.get("cmi.core.lesson_status")) >= 0;
    },
    measure: function () {}, // SCORM 1.2 has no progress measure
    result: function (api, raw, passed) {
      api.set("cmi.core.score.min", "0");
      api.set("cmi.core.score.max", "100");
      api.set("cmi.core.score.raw", format.decimal(raw));
      api.set("cmi.core.lesson_status", passed ? "passed" : "failed");
    },
    objective: function (api, id, raw, passed) {
      var base = "cmi.objectives." + api.objectiveIndex(id) + ".";
      api.set(base + "score.min", "0");
      api.set(base + "score.max", "100");
      api.set(base + "score.raw", format.decimal(raw));
      api.set(base + "status", passed ? "passed" : "failed");
    },
    interaction: function (api, record) {
      var base = "cmi.interactions." + api.nextInteraction() + ".";
      api.set(base + "id", record.id);
      api.set(base + "type", record.kind);
      if (record.objective) { api.set(base + "objectives.0.id", record.objective); }
      api.set(base + "time", format.time12(record.time));
      api.set(base + "weighting", format.decimal(record.weight));
      api.set(base + "student_response", this.encode[record.kind](record.response));
      if (record.correct) {
        api.set(base + "correct_responses.0.pattern",
                this.encodePattern(record.kind, record.correct[0]));
      }
      api.set(base + "result", record.result === null ? "neutral" :
              record.result ? "correct" : "wrong");
      api.set(base + "latency", format.timespan12(record.latency));
    }
  };

  /* SCORM 2004 4th Edition (RTE 4.2.9): response patterns joined with [,] and [.]. */
  var V2004 = {
    version: "2004",
    methods: { init: "Initialize", get: "GetValue", set: "SetValue", commit: "Commit",
               finish: "Terminate", error: "GetLastError" },
    location: "cmi.location",
    suspend: "cmi.suspend_data",
    learner: "cmi.learner_id",
    exit: function (suspend) { return ["cmi.exit", suspend ? "suspend" : "normal"]; },
    sessionTime: function (ms) { return ["cmi.session_time", format.duration2004(ms)]; },
    encode: {
      choice: function (r) { return join(r, "[,]"); },
      "true-false": function (r) { return r[0]; },
      sequencing: function (r) { return join(r, "[,]"); },
      matching: function (r) {
        return r.map(function (p) { return p[0] + "[.]" + p[1]; }).join("[,]");
      },
      "fill-in": function (r) { return format.text(r[0], 250).replace(/\[/g, "("); },
      numeric: function (r) { return String(r[0]); },
      likert: function (r) { return String(r[0]); }
    },
    encodePattern: function (kind, r) {
      if (kind === "numeric") { return format.decimal(r[0]) + "[:]" + format.decimal(r[1]); }
      if (kind === "fill-in") { return "{case_matters=false}" + this.encode[kind](r); }
      return this.encode[kind](r);
    },
    progress: function (api, done) {
      if (done) {
        api.set("cmi.completion_status", "completed");
      } else if (api.get("cmi.completion_status") !== "completed") {
        api.set("cmi.completion_status", "incomplete");
      }
    },
    isDone: function (api) { return api.get("cmi.completion_status") === "completed"; },
    measure: function (api, fraction) {
      api.set("cmi.progress_measure", format.decimal(Math.round(fraction * 100) / 100));
    },
    result: function (api, raw, passed) {
      api.set("cmi.score.min", "0");
      api.set("cmi.score.max", "100");
      api.set("cmi.score.raw", format.decimal(raw));
      api.set("cmi.score.scaled", format.decimal(raw / 100));
      api.set("cmi.success_status", passed ? "passed" : "failed");
      api.set("cmi.completion_status", "completed");
      api.set("cmi.progress_measure", "1");
    },
    objective: function (api, id, raw, passed) {
      var base = "cmi.objectives." + api.objectiveIndex(id) + ".";
      api.set(base + "score.min", "0");
      api.set(base + "score.max", "100");
      api.set(base + "score.raw", format.decimal(raw));
      api.set(base + "score.scaled", format.decimal(raw / 100));
      api.set(base + "success_status", passed ? "passed" : "failed");
      api.set(base + "completion_status", "completed");
    },
    interaction: function (api, record) {
      var base = "cmi.interactions." + api.nextInteraction() + ".";
      api.set(base + "id", record.id);
      api.set(base + "type", record.kind);
      if (record.objective) { api.set(base + "objectives.0.id", record.objective); }
      api.set(base + "timestamp", format.timestamp2004(record.time));
      api.set(base + "weighting", format.decimal(record.weight));
      api.set(base + "learner_response", this.encode[record.kind](record.response));
      if (record.correct) {
        for (var i = 0; i < record.correct.length; i += 1) {
          api.set(base + "correct_responses." + i + ".pattern",
                  this.encodePattern(record.kind, record.correct[i]));
        }
      }
      api.set(base + "result", record.result === null ? "neutral" :
              record.result ? "correct" : "incorrect");
      api.set(base + "latency", format.duration2004(record.latency));
    }
  };

  /* Talks to the LMS API; a write the LMS refuses is kept and sent again on the next flush. */
  function Reliable(api, words) {
    this.api = api;
    this.words = words;
    this.version = words.version;
    this.pending = [];
    this.terminated = false;
    this.objectives = null;
    this.interactions = null;
  }
  Reliable.prototype = {
    /* An objective's index, found by id among those the LMS holds (SCORM 2004 pre-fills the
     * manifest's objectives, primary first) and never assumed; a new one is appended with its
     * id. Kept here, because _count lags behind while writes are pending. */
    objectiveIndex: function (id) {
      if (!this.objectives) {
        this.objectives = { count: Number(this.get("cmi.objectives._count")) || 0, ids: {} };
        for (var n = 0; n < this.objectives.count; n += 1) {
          this.objectives.ids[this.get("cmi.objectives." + n + ".id")] = n;
        }
      }
      if (!(id in this.objectives.ids)) {
        this.objectives.ids[id] = this.objectives.count;
        this.set("cmi.objectives." + this.objectives.count + ".id", id);
        this.objectives.count += 1;
      }
      return this.objectives.ids[id];
    },
    /* The index for the next interaction: collections are filled in order (index = _count). */
    nextInteraction: function () {
      if (this.interactions === null) {
        this.interactions = Number(this.get("cmi.interactions._count")) || 0;
      }
      this.interactions += 1;
      return this.interactions - 1;
    },
    /* "ok"; "invalid" when the LMS rejects the value itself (error codes 4xx in both
     * versions: read-only, type mismatch, out of range...), which no retry can cure; else
     * "retry" (a false return, a general or commit failure, an exception). */
    outcome: function (method, args) {
      var result = call(this.api, method, args);
      var code = call(this.api, this.words.methods.error, []);
      if (result === "true" && (code === "0" || code === "")) { return "ok"; }
      return /^4\d\d$/.test(code) ? "invalid" : "retry";
    },
    get: function (key) { return call(this.api, this.words.methods.get, [key]); },
    set: function (key, value) {
      this.pending.push([key, String(value)]);
      return this.flushWrites();
    },
    /* Send pending writes in order; stop at the first the LMS cannot take now. */
    flushWrites: function () {
      while (this.pending.length) {
        if (this.outcome(this.words.methods.set, this.pending[0]) === "retry") { return false; }
        this.pending.shift();
      }
      return true;
    },
    /* Send what is pending, then commit; true only if the LMS took everything. */
    flush: function () {
      return this.flushWrites() && this.outcome(this.words.methods.commit, [""]) === "ok";
    },
    finish: function () {
      if (!this.terminated) {
        this.terminated = this.outcome(this.words.methods.finish, [""]) === "ok";
      }
      return this.terminated;
    }
  };

  /* Without an LMS every call succeeds and nothing is kept. */
  var Standalone = {
    version: null,
    get: function () { return ""; },
    set: function () { return true; },
    flush: function () { return true; },
    finish: function () { return true; },
    objectiveIndex: function () { return 0; },
    nextInteraction: function () { return 0; }
  };

  /* SCORM 2004 first: an LMS offering both expects the newer one to be used. An API that
   * refuses to initialise is treated as absent, so the module still works. */
  function connect() {
    var api2004 = findApi("API_1484_11");
    var api12 = api2004 ? null : findApi("API");
    var api = api2004 || api12;
    var words = api2004 ? V2004 : V12;
    if (api && call(api, words.methods.init, [""]) === "true") {
      return { lms: new Reliable(api, words), words: words };
    }
    return { lms: Standalone, words: V12 }; // its writes go nowhere
  }

  global.scormbuild.scorm = { connect: connect, versions: { "1.2": V12, "2004": V2004 } };
}(window));
