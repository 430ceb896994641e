/* scormbuild competentiewijzer: ratings per competence, averages per cluster, and the profile
 * drawn as inline SVG (no external resource, allowed by the page's strict CSP). */
(function (global, document) {
  "use strict";

  var SVG = "http://www.w3.org/2000/svg";

  function competences(config) {
    return config.clusters.reduce(function (all, cluster) {
      return all.concat(cluster.competences);
    }, []);
  }

  /* The ratings as one digit per competence, in the config's order; 0 = not rated yet. */
  function read(form, config) {
    return competences(config).map(function (id) {
      var checked = form.querySelector("input[name='r-" + id + "']:checked");
      return checked ? checked.value : "0";
    }).join("");
  }

  function restore(form, config, ratings) {
    competences(config).forEach(function (id, i) {
      var input = form.querySelector("input[name='r-" + id + "'][value='" + ratings.charAt(i) + "']");
      if (input) { input.checked = true; }
    });
  }

  function averages(config, ratings) {
    var list = competences(config);
    return config.clusters.map(function (cluster) {
      var sum = cluster.competences.reduce(function (total, id) {
        return total + Number(ratings.charAt(list.indexOf(id)));
      }, 0);
      return { label: cluster.label,
               value: Math.round(sum / cluster.competences.length * 10) / 10 };
    });
  }

  function node(name, attributes, text) {
    var element = document.createElementNS(SVG, name);
    Object.keys(attributes).forEach(function (key) { element.setAttribute(key, attributes[key]); });
    if (text !== undefined) { element.textContent = text; }
    return element;
  }

  /* Horizontal bars, label above each bar so the chart stays legible at 360 px. */
  function draw(container, rows, max, caption) {
    var rowHeight = 46;
    var svg = node("svg", { viewBox: "0 0 320 " + rows.length * rowHeight, role: "img",
                            "aria-label": caption, width: "100%" });
    svg.appendChild(node("title", {}, caption));
    rows.forEach(function (row, i) {
      var y = i * rowHeight;
      svg.appendChild(node("text", { x: 0, y: y + 14, "font-size": 12, fill: "#1d1f24" },
                           row.label));
      svg.appendChild(node("rect", { x: 0, y: y + 20, width: 280, height: 16, fill: "#eef2f7" }));
      svg.appendChild(node("rect", { x: 0, y: y + 20, width: Math.round(280 * row.value / max),
                                     height: 16, fill: "#0b5cad" }));
      svg.appendChild(node("text", { x: 286, y: y + 33, "font-size": 12, fill: "#1d1f24" },
                           String(row.value)));
    });
    container.textContent = "";
    container.appendChild(svg);
  }

  global.scormbuild.wijzer = {
    competences: competences, read: read, restore: restore, averages: averages, draw: draw
  };
}(window, document));
