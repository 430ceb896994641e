/* Test LMS host: ?version=12|2004&launch=PATH[&state=JSON]. Installs a scorm-again API on this
 * window, records every SetValue, and frames the SCO the way an LMS player does. */
(function () {
  "use strict";
  var query = new URLSearchParams(window.location.search);
  var version = query.get("version");
  var settings = { autocommit: false, lmsCommitUrl: false, logLevel: 5 };
  var api = version === "2004" ? new Scorm2004API(settings) : new Scorm12API(settings);
  if (query.get("state")) {
    api.loadFromJSON(JSON.parse(query.get("state")));
  }
  window.recorded = [];
  window.terminations = 0;
  var setter = version === "2004" ? "SetValue" : "LMSSetValue";
  var finisher = version === "2004" ? "Terminate" : "LMSFinish";
  api.on(setter + ".cmi.*", function (element, value) {
    window.recorded.push([element, value]);
  });
  api.on(finisher, function () { window.terminations += 1; });
  /* window.lmsDown = true makes every write and commit fail, as a lost session would.
   * window.refused lists every write the runtime itself refused, with its error code. */
  window.lmsDown = false;
  window.refused = [];
  var errorMethod = version === "2004" ? "GetLastError" : "LMSGetLastError";
  ["LMSSetValue", "LMSCommit", "SetValue", "Commit"].forEach(function (method) {
    var original = api[method];
    if (!original) { return; }
    api[method] = function () {
      if (window.lmsDown) { return "false"; }
      var result = original.apply(api, arguments);
      if (String(result) !== "true") {
        window.refused.push([method].concat(Array.prototype.slice.call(arguments),
                                            [api[errorMethod]()]));
      }
      return result;
    };
  });
  if (version === "2004") { window.API_1484_11 = api; } else { window.API = api; }
  window.addEventListener("DOMContentLoaded", function () {
    document.getElementById("sco").src = query.get("launch");
  });
}());
