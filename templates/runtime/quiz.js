/* scormbuild quiz engine: reads answers from the rendered questions, grades them, shows
 * feedback, and describes each answer as a neutral interaction record that the SCORM adapter
 * encodes in its own version's syntax. Knows nothing of SCORM versions. */
(function (global, document) {
  "use strict";

  function normalise(text) {
    return String(text).trim().replace(/\s+/g, " ").toLowerCase();
  }

  function values(fieldset, selector) {
    return Array.prototype.map.call(fieldset.querySelectorAll(selector), function (input) {
      return input.value;
    });
  }

  function sameList(a, b) {
    return a.length === b.length && a.every(function (value, i) { return value === b[i]; });
  }

  function sorted(list) { return list.slice().sort(); }

  /* Per question type: how to read the learner's answer from the form, whether it is complete,
   * whether it is right, and the interaction type it reports as (SCORM RTE interaction types). */
  var KINDS = {
    single: {
      interaction: "choice",
      read: function (f) { return values(f, "input:checked"); },
      complete: function (r) { return r.length === 1; },
      right: function (q, r) { return sameList(r, q.correct); }
    },
    multiple: {
      interaction: "choice",
      read: function (f) { return values(f, "input:checked"); },
      complete: function (r) { return r.length > 0; },
      right: function (q, r) { return sameList(sorted(r), sorted(q.correct)); }
    },
    truefalse: {
      interaction: "true-false",
      read: function (f) { return values(f, "input:checked"); },
      complete: function (r) { return r.length === 1; },
      right: function (q, r) { return r[0] === q.correct[0]; }
    },
    ordering: {
      interaction: "sequencing",
      read: function (f) {
        var placed = [];
        f.querySelectorAll("select[data-sb-item]").forEach(function (select) {
          if (select.value) { placed[Number(select.value) - 1] = select.getAttribute("data-sb-item"); }
        });
        return placed;
      },
      complete: function (r, q) {
        return r.filter(Boolean).length === q.options.length && r.length === q.options.length;
      },
      right: function (q, r) { return sameList(r, q.correct); }
    },
    matching: {
      interaction: "matching",
      read: function (f) {
        return Array.prototype.map.call(f.querySelectorAll("select[data-sb-left]"), function (s) {
          return [s.getAttribute("data-sb-left"), s.value];
        });
      },
      complete: function (r) { return r.every(function (pair) { return pair[1]; }); },
      right: function (q, r) {
        return r.every(function (pair) { return pair[0] === pair[1]; });
      }
    },
    text: {
      interaction: "fill-in",
      read: function (f) { return [f.querySelector("input").value]; },
      complete: function (r) { return normalise(r[0]) !== ""; },
      right: function (q, r) { return q.correct.indexOf(normalise(r[0])) >= 0; }
    },
    numeric: {
      interaction: "numeric",
      read: function (f) { return [f.querySelector("input").value.trim().replace(",", ".")]; },
      complete: function (r) { return r[0] !== "" && isFinite(Number(r[0])); },
      right: function (q, r) {
        return Math.abs(Number(r[0]) - q.correct[0]) <= q.correct[1] + 1e-9;
      }
    }
  };

  /* The correct answer as a neutral response, for cmi.interactions.n.correct_responses. */
  function correctResponses(q) {
    if (q.type === "matching") {
      return [q.pairs.map(function (id) { return [id, id]; })];
    }
    if (q.type === "text") { return q.correct.map(function (text) { return [text]; }); }
    if (q.type === "numeric") {
      return [[q.correct[0] - q.correct[1], q.correct[0] + q.correct[1]]];
    }
    return [q.correct];
  }

  /* A small deterministic generator (mulberry32), so a shuffle is the same all attempt long. */
  function random(seed) {
    return function () {
      seed = (seed + 0x6d2b79f5) | 0;
      var t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  function hash(text) {
    var h = 2166136261;
    for (var i = 0; i < text.length; i += 1) { h = Math.imul(h ^ text.charCodeAt(i), 16777619); }
    return h;
  }

  /* Reorder the children of `container` that carry `attribute`, stable for (seed, id). */
  function shuffle(container, attribute, seed, id) {
    var items = Array.prototype.slice.call(container.querySelectorAll("[" + attribute + "]"));
    var next = random(hash(id + ":" + seed));
    for (var i = items.length - 1; i > 0; i -= 1) {
      var j = Math.floor(next() * (i + 1));
      var swap = items[i]; items[i] = items[j]; items[j] = swap;
    }
    items.forEach(function (item) { item.parentNode.appendChild(item); });
  }

  /* Fill the form of question `q` with a saved response (for resume). */
  function restore(fieldset, q, response) {
    if (q.type === "text" || q.type === "numeric") {
      fieldset.querySelector("input").value = response[0] || "";
    } else if (q.type === "ordering") {
      response.forEach(function (id, i) {
        var select = fieldset.querySelector("select[data-sb-item='" + id + "']");
        if (select) { select.value = String(i + 1); }
      });
    } else if (q.type === "matching") {
      response.forEach(function (pair) {
        var select = fieldset.querySelector("select[data-sb-left='" + pair[0] + "']");
        if (select) { select.value = pair[1]; }
      });
    } else {
      fieldset.querySelectorAll("input").forEach(function (input) {
        input.checked = response.indexOf(input.value) >= 0;
      });
    }
  }

  /* A response packed into a few characters for suspend_data: option and pair positions in
   * base 36, t/f, or the learner's text (at most 60 characters, the input's maxlength) without
   * the characters JSON would escape, so each answer costs at most 62 characters saved. The
   * build checks the worst case against SCORM 1.2's 4,096 (check/saved_state.py). */
  var TEXT_LIMIT = 60;

  function pack(q, r) {
    if (q.type === "text" || q.type === "numeric") {
      return global.scormbuild.format.text(r[0], TEXT_LIMIT).replace(/["\\]/g, "'");
    }
    if (q.type === "truefalse") { return r[0] === "true" ? "t" : "f"; }
    if (q.type === "matching") {
      return q.pairs.map(function (left) {
        var chosen = r.filter(function (pair) { return pair[0] === left; })[0];
        return chosen && chosen[1] ? q.pairs.indexOf(chosen[1]).toString(36) : "-";
      }).join("");
    }
    return r.map(function (id) { return q.options.indexOf(id).toString(36); }).join("");
  }

  function unpack(q, text) {
    if (q.type === "text" || q.type === "numeric") { return [text]; }
    if (q.type === "truefalse") { return [text === "t" ? "true" : "false"]; }
    var ids = q.type === "matching" ? q.pairs : q.options;
    var chosen = text.split("").map(function (c) { return c === "-" ? "" : ids[parseInt(c, 36)]; });
    if (q.type === "matching") {
      return q.pairs.map(function (left, i) { return [left, chosen[i] || ""]; });
    }
    return chosen;
  }

  /* The response in the neutral form the SCORM adapters encode; choices and pairs in the
   * order the author defined them, whatever order the shuffle showed. */
  function neutral(q, r) {
    if (q.type === "numeric") { return [Number(r[0])]; }
    if (q.type === "multiple") {
      return r.slice().sort(function (a, b) { return q.options.indexOf(a) - q.options.indexOf(b); });
    }
    if (q.type === "matching") {
      return r.slice().sort(function (a, b) { return q.pairs.indexOf(a[0]) - q.pairs.indexOf(b[0]); });
    }
    return r;
  }

  global.scormbuild = global.scormbuild || {};
  global.scormbuild.quiz = {
    pack: pack,
    unpack: unpack,
    neutral: neutral,
    kinds: KINDS,
    normalise: normalise,
    correctResponses: correctResponses,
    shuffle: shuffle,
    restore: restore
  };
}(window, document));
