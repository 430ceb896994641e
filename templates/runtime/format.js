/* scormbuild runtime: one formatter per SCORM data type, each matching the pattern Moodle's
 * player checks (mod/scorm/datamodels/scorm_12.js, scorm_13.js) and the standard's type. */
(function (global) {
  "use strict";

  function pad(number, width) {
    var text = String(number);
    while (text.length < width) { text = "0" + text; }
    return text;
  }

  function centiseconds(ms) { return Math.max(0, Math.round(ms / 10)); }

  var format = {
    /* SCORM 1.2 CMITimespan HHHH:MM:SS.SS (RTE 3.4.2; Moodle accepts 2-4 hour digits). */
    timespan12: function (ms) {
      var cs = centiseconds(ms);
      return pad(Math.min(Math.floor(cs / 360000), 9999), 4) + ":" +
        pad(Math.floor(cs / 6000) % 60, 2) + ":" + pad(Math.floor(cs / 100) % 60, 2) + "." +
        pad(cs % 100, 2);
    },
    /* SCORM 1.2 CMITime HH:MM:SS, local time of day (cmi.interactions.n.time). */
    time12: function (date) {
      return pad(date.getHours(), 2) + ":" + pad(date.getMinutes(), 2) + ":" +
        pad(date.getSeconds(), 2);
    },
    /* SCORM 2004 timeinterval (ISO 8601 duration, RTE 4.1.1.4), at most 2 decimals. */
    duration2004: function (ms) {
      var cs = centiseconds(ms);
      var seconds = (cs % 6000) / 100;
      return "PT" + Math.floor(cs / 360000) + "H" + (Math.floor(cs / 6000) % 60) + "M" +
        (seconds % 1 ? seconds.toFixed(2) : String(seconds)) + "S";
    },
    /* SCORM 2004 time(second,10,0) in UTC. Moodle's pattern (scorm_13.js) takes at most 2
     * fractional digits and a zone only after them: toISOString()'s .000Z is refused. */
    timestamp2004: function (date) {
      return date.getUTCFullYear() + "-" + pad(date.getUTCMonth() + 1, 2) + "-" +
        pad(date.getUTCDate(), 2) + "T" + pad(date.getUTCHours(), 2) + ":" +
        pad(date.getUTCMinutes(), 2) + ":" + pad(date.getUTCSeconds(), 2) + "." +
        pad(Math.floor(date.getUTCMilliseconds() / 10), 2) + "Z";
    },
    /* A score as SCORM's real(10,7): at most 7 decimals, no exponent. */
    decimal: function (value) {
      return String(Math.round(value * 1e7) / 1e7);
    },
    /* Learner text inside a response: at most `max` UTF-16 units (what Moodle's patterns
     * count), no control characters, no surrogate half left over by the cut. */
    text: function (value, max) {
      return String(value).replace(/[\u0000-\u001f\u007f]/g, " ").slice(0, max)
        .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(^|[^\ud800-\udbff])[\udc00-\udfff]/g, "$1");
    }
  };

  global.scormbuild = global.scormbuild || {};
  global.scormbuild.format = format;
}(window));
