// Draws the CRM statistics and studio analytics charts (Chart.js, vendored) from the JSON the page embeds.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("crm-stats-data").textContent);
  var colours = ["#2e7d32", "#1565c0", "#c62828", "#6a1b9a", "#ef6c00"];
  var empty = "Даних за цей період немає";

  function lineChart(chart) {
    var canvas = document.getElementById("crm-chart-" + chart.id);
    new window.Chart(canvas, {
      type: "line",
      data: {
        labels: data.series.days,
        datasets: chart.lines.map(function (line, index) {
          return {
            label: line[1],
            data: data.series[line[0]],
            borderColor: colours[index % colours.length],
            backgroundColor: colours[index % colours.length],
            tension: 0.2,
          };
        }),
      },
      options: {
        maintainAspectRatio: false,
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
      },
    });
  }

  function barChart(id, rows, label) {
    var canvas = document.getElementById("crm-chart-" + id);
    if (!rows.length) {
      canvas.replaceWith(document.createTextNode(empty));
      return;
    }
    new window.Chart(canvas, {
      type: "bar",
      data: {
        labels: rows.map(function (row) { return row.label; }),
        datasets: [{ label: label, data: rows.map(function (row) { return row.value; }), backgroundColor: colours[1] }],
      },
      options: {
        indexAxis: "y",
        maintainAspectRatio: false,
        scales: { x: { beginAtZero: true, ticks: { precision: 0 } } },
      },
    });
  }

  data.charts.forEach(lineChart);
  // The bar charts a page has (the studio page has none).
  [["top_views", "Перегляди"], ["top_lists", "Нові записи"], ["top_teams", "Перегляди"]].forEach(
    function (bar) {
      if (data[bar[0]]) barChart(bar[0], data[bar[0]], bar[1]);
    }
  );
})();
