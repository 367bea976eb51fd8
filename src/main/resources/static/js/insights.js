// Insights charts. Every chart is drawn from the table beside it (data-table="id"): the table is
// the source of truth that screen readers and people who prefer numbers read, and the chart
// cannot say anything the table does not. Cells carry their number in data-value; a hidden
// figure ("fewer than 5") has none and is left out of the chart.
(function () {
  "use strict";

  var palette = ["#1f5fbf", "#e07b00", "#1e7a3a", "#b3261e", "#6a3fb5", "#00838f", "#8d6e00", "#c2185b",
    "#455a64", "#7cb342", "#5c6bc0", "#f06292", "#26a69a", "#ffb300", "#8e24aa", "#3949ab"];

  function readTable(table, columns, limit) {
    var heads = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) { return th.textContent.trim(); });
    var rows = Array.prototype.slice.call(table.querySelectorAll("tbody tr")).filter(function (tr) { return tr.cells.length > 1; });
    if (limit) { rows = rows.slice(0, limit); }
    var categories = rows.map(function (tr) { return tr.cells[0].textContent.trim(); });
    var picked = columns ? columns.split(",").map(Number) : heads.map(function (_, i) { return i; }).slice(1);
    var series = picked.map(function (col) {
      return {
        name: heads[col],
        data: rows.map(function (tr) {
          var cell = tr.cells[col];
          var v = cell ? cell.getAttribute("data-value") : null;
          return v === null || v === "" ? null : Number(v);
        })
      };
    });
    return { categories: categories, series: series };
  }

  function option(kind, data, el) {
    var stacked = el.getAttribute("data-stacked") === "true";
    var percent = el.getAttribute("data-percent") === "true";
    var horizontal = kind === "hbar";
    var valueAxis = { type: "value", minInterval: percent ? 0 : 1, max: percent ? 100 : null,
      axisLabel: { formatter: percent ? "{value}%" : "{value}" } };
    var categoryAxis = { type: "category", data: data.categories,
      axisLabel: kind === "line" ? { interval: 0, rotate: 45 } : { interval: 0, width: horizontal ? 150 : 90, overflow: horizontal ? "truncate" : "break" } };
    return {
      animation: false,
      color: palette,
      tooltip: { trigger: "axis" },
      legend: data.series.length > 1 ? { top: 0 } : undefined,
      grid: { left: horizontal ? 160 : 48, right: 24, top: data.series.length > 1 ? 36 : 16, bottom: kind === "line" ? 64 : 32 },
      xAxis: horizontal ? valueAxis : categoryAxis,
      yAxis: horizontal ? Object.assign({}, categoryAxis, { inverse: true }) : valueAxis,
      series: data.series.map(function (s) {
        return { name: s.name, type: kind === "line" ? "line" : "bar", data: s.data, stack: stacked ? "all" : undefined,
          connectNulls: false, barMaxWidth: 48 };
      })
    };
  }

  function draw(el) {
    var table = document.getElementById(el.getAttribute("data-table"));
    if (!table || !window.echarts) { return; }
    var kind = el.getAttribute("data-chart");
    var chart = window.echarts.init(el, null, { renderer: "canvas" });
    var limit = Number(el.getAttribute("data-rows")) || 0;
    chart.setOption(option(kind, readTable(table, el.getAttribute("data-columns"), limit), el));
    el.setAttribute("data-drawn", "true");
    window.addEventListener("resize", function () { chart.resize(); });
  }

  function drawNetwork(el) {
    var source = document.getElementById(el.getAttribute("data-json"));
    if (!source || !window.echarts) { return; }
    var graph = JSON.parse(source.textContent);
    var departments = graph.departments;
    var chart = window.echarts.init(el, null, { renderer: "canvas" });
    chart.setOption({
      animation: false,
      color: palette,
      tooltip: { formatter: function (p) {
        if (p.dataType === "edge") { return p.data.label; }
        return p.data.name + "<br>" + (departments[p.data.category] || "") + "<br>" + p.data.value + " links";
      } },
      legend: [{ data: departments, type: "scroll", top: 0 }],
      series: [{
        type: "graph", layout: "force", roam: true, draggable: true,
        categories: departments.map(function (d) { return { name: d }; }),
        data: graph.nodes,
        links: graph.links.map(function (l) {
          return { source: l.source, target: l.target, label: l.label, lineStyle: { width: 1 + Math.log(1 + l.value) } };
        }),
        force: { repulsion: 60, edgeLength: [20, 80], gravity: 0.08, layoutAnimation: false },
        lineStyle: { color: "source", opacity: 0.35, width: 1 },
        emphasis: { focus: "adjacency" },
        label: { show: false }
      }]
    });
    chart.on("click", function (p) {
      if (p.dataType === "node" && p.data.href) { window.location.href = p.data.href; }
    });
    el.setAttribute("data-drawn", "true");
    window.addEventListener("resize", function () { chart.resize(); });
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("[data-chart]"), draw);
    Array.prototype.forEach.call(document.querySelectorAll("[data-network]"), drawNetwork);
  });
})();
