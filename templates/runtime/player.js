/* scormbuild player: shows one page of the module at a time, remembers where the learner is,
 * and reports completion once every page has been seen. Talks to the LMS only through the
 * adapter from scorm.js. Without JavaScript every page stays visible, one below the other.
 */
(function (global, document) {
  "use strict";

  var config = JSON.parse(document.getElementById("sb-config").textContent);
  var strings = config.strings;
  var pages = Array.prototype.slice.call(document.querySelectorAll("section[data-sb-page]"));
  var lms = global.scormbuild.scorm.connect();
  var started = Date.now();
  var current = 0;
  var seen = {};
  var finished = false;

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (match, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? values[name] : match;
    });
  }

  function say(message) {
    document.getElementById("sb-status").textContent = message;
  }

  function indexOfPage(id) {
    for (var i = 0; i < pages.length; i += 1) {
      if (pages[i].getAttribute("data-sb-page") === id) { return i; }
    }
    return -1;
  }

  function show(index, moveFocus) {
    current = Math.max(0, Math.min(index, pages.length - 1));
    pages.forEach(function (page, i) { page.hidden = i !== current; });
    var id = pages[current].getAttribute("data-sb-page");
    seen[id] = true;
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
    lms.setLocation(id);
    if (current === pages.length - 1 && !lms.isCompleted()) {
      lms.setCompleted();
      say(strings.completed);
    }
    if (!lms.commit()) { say(strings.save_failed); }
  }

  function finish() {
    if (finished) { return; }
    finished = true;
    lms.setSessionTime(Date.now() - started);
    lms.setExit(!lms.isCompleted());
    lms.commit();
    lms.terminate();
  }

  function start() {
    document.documentElement.className += " js";
    if (lms.version === null) { say(strings.standalone); }
    if (!lms.isCompleted()) { lms.setIncomplete(); }
    var resumeAt = indexOfPage(lms.location());
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
    global.addEventListener("pagehide", finish);
    global.addEventListener("beforeunload", finish);
  }

  start();
}(window, document));
