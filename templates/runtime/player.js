/* scormbuild player: shows one page at a time, runs the quiz, keeps the learner's state in
 * suspend_data so they can leave and come back, and reports through the adapter from
 * scorm.js. Without JavaScript every page stays visible, one below the other. */
(function (global, document) {
  "use strict";

  var sb = global.scormbuild;
  var config = JSON.parse(document.getElementById("sb-config").textContent);
  var strings = config.strings;
  var quiz = config.quiz;
  var wijzer = config.wijzer;
  var connection = sb.scorm.connect();
  var lms = connection.lms;
  var words = connection.words;
  var pages = slice(document.querySelectorAll("section[data-sb-page]"));
  var fieldsets = slice(document.querySelectorAll("fieldset[data-sb-question]"));
  var result = document.getElementById("sb-result");
  var started = Date.now();
  var questionShownAt = Date.now();
  var current = 0;
  var ended = false;
  var retry = { timer: null, delay: 1000, failing: false };
  /* Everything needed to resume: pages seen, attempt, question, packed answers, checks. */
  var state = { seen: {}, attempt: 1, question: 0, answers: [], checked: [], right: [],
                ratings: "", shown: false, finished: false };

  function slice(list) { return Array.prototype.slice.call(list); }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (match, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? values[name] : match;
    });
  }

  function say(message) { document.getElementById("sb-status").textContent = message; }

  function pageId(index) { return pages[index].getAttribute("data-sb-page"); }

  /* ---- state in suspend_data (compact: SCORM 1.2 allows 4,096 characters) ---- */

  function encodeState() {
    return JSON.stringify({
      v: 1,
      s: pages.map(function (p, i) { return state.seen[pageId(i)] ? 1 : 0; }).join(""),
      a: state.attempt,
      q: state.question,
      r: state.answers,
      c: state.checked.map(function (c) { return c ? 1 : 0; }).join(""),
      k: state.right.map(function (c) { return c ? 1 : 0; }).join(""),
      w: state.ratings,
      f: (state.finished ? 1 : 0) + (state.shown ? 2 : 0)
    });
  }

  function decodeState(text) {
    var saved;
    try { saved = JSON.parse(text); } catch (e) { return; }
    if (!saved || saved.v !== 1) { return; }
    String(saved.s || "").split("").forEach(function (bit, i) {
      if (bit === "1" && pages[i]) { state.seen[pageId(i)] = true; }
    });
    state.attempt = saved.a || 1;
    state.question = Math.min(saved.q || 0, Math.max(fieldsets.length - 1, 0));
    state.answers = saved.r || [];
    state.checked = String(saved.c || "").split("").map(function (bit) { return bit === "1"; });
    state.right = String(saved.k || "").split("").map(function (bit) { return bit === "1"; });
    state.ratings = String(saved.w || "");
    state.finished = Boolean(saved.f & 1);
    state.shown = Boolean(saved.f & 2);
  }

  /* ---- talking to the LMS ---- */

  function commit() {
    clearTimeout(retry.timer);
    if (lms.flush()) {
      if (retry.failing) { say(strings.saved); }
      retry.failing = false;
      retry.delay = 1000;
      return true;
    }
    // Keep trying: Reliable holds every refused write and sends it again, in order.
    retry.failing = true;
    say(strings.save_failed);
    retry.timer = setTimeout(commit, retry.delay);
    retry.delay = Math.min(retry.delay * 2, 30000);
    return false;
  }

  /* Pages seen and questions answered (or competences rated), as a share of all of them. */
  function progress() {
    if (moduleDone()) { return 1; } // must agree with the completion status
    var seen = pages.filter(function (p, i) { return state.seen[pageId(i)]; }).length;
    var done = seen;
    var total = pages.length;
    if (quiz) {
      done += state.finished ? quiz.questions.length : state.checked.filter(Boolean).length;
      total += quiz.questions.length;
    }
    if (wijzer) {
      done += state.ratings.replace(/0/g, "").length;
      total += sb.wijzer.competences(wijzer).length;
    }
    return done / total;
  }

  function save() {
    words.measure(lms, progress());
    lms.set(words.location, pageId(current));
    lms.set(words.suspend, encodeState());
    return commit();
  }

  function moduleDone() {
    return quiz || wijzer ? state.finished :
      pages.every(function (p, i) { return state.seen[pageId(i)]; });
  }

  function end() {
    if (ended) { return; }
    ended = true;
    var exit = words.exit(!moduleDone());
    lms.set(exit[0], exit[1]);
    var time = words.sessionTime(Date.now() - started);
    lms.set(time[0], time[1]);
    save();
    lms.finish();
  }

  /* ---- pages ---- */

  function show(index, moveFocus) {
    current = Math.max(0, Math.min(index, pages.length - 1));
    pages.forEach(function (page, i) { page.hidden = i !== current; });
    state.seen[pageId(current)] = true;
    document.querySelector("[data-sb-nav=previous]").disabled = current === 0;
    document.querySelector("[data-sb-nav=next]").disabled = current === pages.length - 1;
    document.getElementById("sb-progress").textContent =
      fill(strings.page_of, { n: current + 1, total: pages.length });
    if (moveFocus) {
      var heading = pages[current].querySelector("h1");
      heading.setAttribute("tabindex", "-1");
      heading.focus();
      global.scrollTo(0, 0);
    }
    if (!quiz && !wijzer && moduleDone()) {
      words.progress(lms, true);
      say(strings.completed);
    }
    save();
  }

  function indexOfPage(id) {
    for (var i = 0; i < pages.length; i += 1) {
      if (pageId(i) === id) { return i; }
    }
    return -1;
  }

  /* ---- quiz ---- */

  function part(fieldset, selector) { return fieldset.querySelector(selector); }

  function arrange() {
    if (!quiz || !quiz.shuffle) { return; }
    fieldsets.forEach(function (fieldset) {
      var container = part(fieldset, ".sb-options, .sb-ordering");
      if (container) {
        // Seeded by learner and attempt: stable across a relaunch, different between learners.
        sb.quiz.shuffle(container, "data-sb-shuffle",
                        lms.get(words.learner) + ":" + state.attempt,
                        fieldset.getAttribute("data-sb-question"));
      }
    });
  }

  function lock(fieldset, locked) {
    fieldset.querySelectorAll("input, select").forEach(function (control) {
      control.disabled = locked;
    });
  }

  function showFeedback(index, response, right) {
    var fieldset = fieldsets[index];
    part(fieldset, ".sb-verdict").textContent = right ? strings.right : strings.wrong;
    part(fieldset, "[data-sb-feedback=correct]").hidden = !right;
    part(fieldset, "[data-sb-feedback=incorrect]").hidden = right;
    fieldset.querySelectorAll("[data-sb-feedback-option]").forEach(function (block) {
      block.hidden = response.indexOf(block.getAttribute("data-sb-feedback-option")) < 0;
    });
    fieldset.className = "sb-question " + (right ? "sb-right" : "sb-wrong");
    lock(fieldset, true);
    part(fieldset, "[data-sb-check]").hidden = true;
    var next = part(fieldset, "[data-sb-next-question]");
    next.hidden = false;
    next.textContent = index === fieldsets.length - 1 ? strings.show_result : strings.next_question;
  }

  function clearFeedback(fieldset) {
    part(fieldset, ".sb-verdict").textContent = "";
    fieldset.querySelectorAll("[data-sb-feedback], [data-sb-feedback-option]").forEach(
      function (block) { block.hidden = true; });
    fieldset.className = "sb-question";
    lock(fieldset, false);
    part(fieldset, "[data-sb-check]").hidden = false;
    part(fieldset, "[data-sb-next-question]").hidden = true;
  }

  function showQuestion(index, moveFocus) {
    state.question = index;
    fieldsets.forEach(function (fieldset, i) { fieldset.hidden = i !== index || state.shown; });
    result.hidden = !state.shown;
    questionShownAt = Date.now();
    if (moveFocus) {
      var legend = part(fieldsets[index], "legend");
      legend.setAttribute("tabindex", "-1");
      legend.focus();
    }
  }

  function check(index) {
    var q = quiz.questions[index];
    var kind = sb.quiz.kinds[q.type];
    var fieldset = fieldsets[index];
    var response = kind.read(fieldset);
    if (!kind.complete(response, q)) {
      part(fieldset, ".sb-verdict").textContent = strings.answer_first;
      return;
    }
    var right = kind.right(q, response);
    state.answers[index] = sb.quiz.pack(q, response);
    state.checked[index] = true;
    state.right[index] = right;
    showFeedback(index, response.map(function (r) { return String(r); }), right);
    part(fieldset, "[data-sb-next-question]").focus(); // the check button just disappeared
    words.interaction(lms, {
      id: q.id, kind: kind.interaction, objective: q.competence, time: new Date(),
      weight: q.weight, response: sb.quiz.neutral(q, response),
      correct: sb.quiz.correctResponses(q), result: right,
      latency: Date.now() - questionShownAt
    });
    save();
  }

  function scores() {
    var totals = {};
    var all = { got: 0, max: 0 };
    quiz.questions.forEach(function (q, i) {
      var got = state.checked[i] && state.right[i] ? q.weight : 0;
      totals[q.competence] = totals[q.competence] || { got: 0, max: 0 };
      totals[q.competence].got += got;
      totals[q.competence].max += q.weight;
      all.got += got;
      all.max += q.weight;
    });
    function percent(t) { return Math.round((t.max ? t.got / t.max : 0) * 10000) / 100; }
    var byCompetence = {};
    Object.keys(totals).forEach(function (id) { byCompetence[id] = percent(totals[id]); });
    return { raw: percent(all), competences: byCompetence };
  }

  function finishQuiz() {
    var outcome = scores();
    var passed = outcome.raw >= quiz.mastery;
    words.result(lms, outcome.raw, passed);
    words.objective(lms, quiz.objective, outcome.raw, passed);
    config.competences.forEach(function (c) {
      if (c.id in outcome.competences) {
        words.objective(lms, c.id, outcome.competences[c.id], outcome.competences[c.id] >= quiz.mastery);
      }
    });
    state.finished = true;
    state.shown = true;
    save();
    showResult(outcome);
  }

  function attemptsLeft() {
    return quiz.attempts === 0 ? Infinity : quiz.attempts - state.attempt;
  }

  function showResult(outcome) {
    var passed = outcome.raw >= quiz.mastery;
    result.querySelector("[data-sb-score]").textContent = fill(
      passed ? strings.score_passed : strings.score_failed,
      { score: outcome.raw, mastery: quiz.mastery });
    var rows = result.querySelector("[data-sb-competence-scores]");
    rows.textContent = "";
    config.competences.forEach(function (c) {
      if (!(c.id in outcome.competences)) { return; }
      var row = rows.insertRow();
      row.insertCell().textContent = c.label;
      row.insertCell().textContent = outcome.competences[c.id] + "%";
    });
    var left = attemptsLeft();
    result.querySelector("[data-sb-attempts]").textContent = left === Infinity ? "" :
      left > 0 ? fill(strings.attempts_left, { n: left }) : strings.no_attempts;
    result.querySelector("[data-sb-retry]").hidden = left <= 0;
    showQuestion(state.question, false);
    result.focus();
  }

  function restart() {
    state.attempt += 1;
    state.answers = [];
    state.checked = [];
    state.right = [];
    state.shown = false;
    document.getElementById("sb-quiz").reset();
    fieldsets.forEach(clearFeedback);
    arrange();
    showQuestion(0, true);
    save();
  }

  function resumeQuiz() {
    arrange();
    quiz.questions.forEach(function (q, i) {
      if (state.answers[i] === undefined || state.answers[i] === null) { return; }
      var response = sb.quiz.unpack(q, state.answers[i]);
      sb.quiz.restore(fieldsets[i], q, response);
      if (state.checked[i]) { showFeedback(i, response, Boolean(state.right[i])); }
    });
    if (state.shown) { showResult(scores()); } else { showQuestion(state.question, false); }
  }

  function onQuizClick(event) {
    var fieldset = event.target.closest("fieldset[data-sb-question]");
    var index = fieldsets.indexOf(fieldset);
    if (event.target.hasAttribute("data-sb-check")) {
      check(index);
    } else if (event.target.hasAttribute("data-sb-next-question")) {
      if (index === fieldsets.length - 1) { finishQuiz(); } else { showQuestion(index + 1, true); }
      save();
    } else if (event.target.hasAttribute("data-sb-retry")) {
      restart();
    }
  }

  /* ---- competentiewijzer ---- */

  function wijzerForm() { return document.getElementById("sb-wijzer"); }

  function showProfile() {
    var profile = document.getElementById("sb-profile");
    var rows = sb.wijzer.averages(wijzer, state.ratings);
    sb.wijzer.draw(profile.querySelector("[data-sb-chart]"), rows, wijzer.points,
                   fill(strings.profile_chart, { max: wijzer.points }));
    var body = profile.querySelector("[data-sb-cluster-scores]");
    body.textContent = "";
    rows.forEach(function (row) {
      var tr = body.insertRow();
      tr.insertCell().textContent = row.label;
      tr.insertCell().textContent = row.value + " / " + wijzer.points;
    });
    profile.hidden = false;
    profile.focus();
  }

  function reportProfile() {
    var ratings = sb.wijzer.read(wijzerForm(), wijzer);
    var open = ratings.split("0").length - 1;
    if (open) {
      document.getElementById("sb-wijzer-status").textContent = fill(strings.rate_all, { n: open });
      return;
    }
    document.getElementById("sb-wijzer-status").textContent = "";
    var total = 0;
    sb.wijzer.competences(wijzer).forEach(function (id, i) {
      var rating = Number(ratings.charAt(i));
      var raw = Math.round((rating - 1) / (wijzer.points - 1) * 10000) / 100;
      total += raw;
      words.interaction(lms, { id: id, kind: "likert", objective: id, time: new Date(),
                               weight: 1, response: [rating], correct: null, result: null,
                               latency: Date.now() - questionShownAt });
      words.objective(lms, id, raw, rating >= wijzer.proficient);
    });
    // The module's own objective: the mean rating, against the same pass mark.
    var mean = Math.round(total / ratings.length * 100) / 100;
    words.objective(lms, wijzer.objective, mean,
                    mean >= (wijzer.proficient - 1) / (wijzer.points - 1) * 100);
    words.progress(lms, true);
    state.ratings = ratings;
    state.finished = true;
    state.shown = true;
    save();
    showProfile();
  }

  function startWijzer() {
    sb.wijzer.restore(wijzerForm(), wijzer, state.ratings);
    if (state.shown) { showProfile(); }
    wijzerForm().addEventListener("change", function () {
      state.ratings = sb.wijzer.read(wijzerForm(), wijzer);
      save();
    });
    wijzerForm().querySelector("[data-sb-profile]").addEventListener("click", reportProfile);
  }

  /* ---- start ---- */

  function start() {
    document.documentElement.className += " js";
    if (lms.version === null) { say(strings.standalone); }
    decodeState(lms.get(words.suspend));
    if (!words.isDone(lms)) { words.progress(lms, false); }
    if (quiz) {
      resumeQuiz();
      document.getElementById("sb-quiz").addEventListener("click", onQuizClick);
      result.addEventListener("click", onQuizClick);
      document.getElementById("sb-quiz").addEventListener("submit", function (e) {
        e.preventDefault();
      });
    }
    if (wijzer) { startWijzer(); }
    // Where the LMS left the learner, else the page a link asked for (#page-<id>).
    var resumeAt = indexOfPage(lms.get(words.location) ||
                               global.location.hash.replace(/^#page-/, ""));
    show(resumeAt < 0 ? 0 : resumeAt, false);
    document.querySelector("[data-sb-nav=previous]").addEventListener("click", function () {
      show(current - 1, true);
    });
    document.querySelector("[data-sb-nav=next]").addEventListener("click", function () {
      show(current + 1, true);
    });
    document.addEventListener("click", function (event) {
      var link = event.target.closest ? event.target.closest("a[data-sb-goto]") : null;
      if (link) {
        event.preventDefault();
        show(indexOfPage(link.getAttribute("data-sb-goto")), true);
      }
    });
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "hidden" && !ended) { save(); }
    });
    global.addEventListener("pagehide", end);
    global.addEventListener("beforeunload", end);
    if (global.performance && performance.mark) { performance.mark("scormbuild-ready"); }
  }

  start();
}(window, document));
