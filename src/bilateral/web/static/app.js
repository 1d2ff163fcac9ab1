// bilateral dashboard: a little vanilla JS. No inline scripts (the CSP forbids them):
// chart data travels in <script type="application/json"> blocks, read here.
"use strict";

(function () {
  // Dyad picker: filter the list as the user types (the form also works without JS).
  const search = document.getElementById("dyad-search");
  const rows = document.querySelectorAll("#dyad-list .dyad-row");
  if (search && rows.length) {
    search.addEventListener("input", function () {
      const needle = search.value.trim().toLowerCase();
      rows.forEach(function (row) {
        row.hidden = needle !== "" && !row.dataset.search.includes(needle);
      });
    });
  }

  // Warmth, delivery and taken timeline (Plotly, served by this server from the plotly package).
  // A click on a point opens the sentences behind it (the analysis stage's cell ids).
  document.querySelectorAll(".chart[data-source]").forEach(function (el) {
    const block = document.getElementById(el.dataset.source);
    if (!block || typeof Plotly === "undefined") { return; }
    const data = JSON.parse(block.textContent);
    const traces = [];
    const series = [["warmth", "#d97706", "lines+markers"], ["delivery", "#059669", "lines+markers"],
                    ["taken", "#7f1d1d", "lines+markers"], ["denials", "#b91c1c", "markers"]];
    data.directions.forEach(function (d, i) {
      series.forEach(function (s) {
        traces.push({
          x: d.periods, y: d[s[0]], name: d.label + " " + s[0], type: "scatter", mode: s[2],
          line: { color: s[1], dash: i === 0 ? "solid" : "dot" },
          marker: { color: s[1], symbol: i === 0 ? "circle" : "diamond", size: 8 },
          customdata: d.periods.map(function (p) {
            return ["ev", d.source, d.target, s[0], "all", p].join("-");
          })
        });
      });
    });
    if (traces.every(function (t) { return !t.x.length; })) {
      el.textContent = "No dated events between them.";
      el.classList.add("empty");
      return;
    }
    Plotly.newPlot(el, traces, {
      margin: { t: 40, r: 10, b: 50, l: 50 }, height: 340,
      xaxis: { type: "category", title: { text: data.by } },
      yaxis: { title: { text: "events" }, rangemode: "tozero" },
      legend: { orientation: "h", x: 0, y: 1.15 }
    }, { displaylogo: false, responsive: true });
    el.on("plotly_click", function (ev) {
      const pt = ev.points && ev.points[0];
      if (pt && pt.customdata) {
        window.location.href = "/evidence/" + encodeURIComponent(pt.customdata) + "?by=" + encodeURIComponent(data.by);
      }
    });
  });

  // Corrections: POST JSON with the write token (typed once in the header, kept for this tab).
  const token = document.getElementById("write-token");
  if (token) {
    token.value = sessionStorage.getItem("bilateral-write-token") || "";
    token.addEventListener("change", function () { sessionStorage.setItem("bilateral-write-token", token.value); });
  }

  function saveCorrection(key, field, value, note, out) {
    if (token) { sessionStorage.setItem("bilateral-write-token", token.value); }
    out.textContent = "saving…";
    return fetch("/api/events/" + encodeURIComponent(key) + "/corrections", {
      method: "POST",
      headers: { "content-type": "application/json", "x-write-token": token ? token.value : "" },
      body: JSON.stringify({ field: field, value: value, note: note || null })
    }).then(function (resp) {
      return resp.json().then(function (body) { return { ok: resp.ok, body: body }; });
    }).then(function (res) {
      if (res.ok) {
        out.textContent = "saved";
        window.location.reload();
      } else {
        const detail = res.body.detail;
        out.textContent = "not saved: " + (typeof detail === "string" ? detail : JSON.stringify(detail));
      }
    }).catch(function (err) { out.textContent = "not saved: " + err; });
  }

  // The full form of the event page.
  const form = document.getElementById("correction-form");
  if (form) {
    const field = document.getElementById("correction-field");
    const value = document.getElementById("correction-value");
    field.addEventListener("change", function () {
      const options = value.dataset[field.value].split(",");
      value.replaceChildren.apply(value, options.map(function (v) {
        const opt = document.createElement("option");
        opt.textContent = v;
        return opt;
      }));
    });
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      saveCorrection(form.dataset.key, field.value, value.value, document.getElementById("correction-note").value,
                     document.getElementById("correction-result"));
    });
  }

  // The one-line forms of the evidence views ("mark wrong", "status → realized", …).
  document.querySelectorAll("form.quick-fix").forEach(function (f) {
    f.addEventListener("submit", function (ev) {
      ev.preventDefault();
      const choice = f.elements.fix.value;
      const out = f.querySelector("output");
      if (!choice) { out.textContent = "pick a correction"; return; }
      const cut = choice.indexOf(":");
      saveCorrection(f.dataset.key, choice.slice(0, cut), choice.slice(cut + 1), null, out);
    });
  });

  // Article view: bring the selected event into view.
  const selected = document.querySelector("mark.event-mark.selected");
  if (selected) { selected.scrollIntoView({ block: "center" }); }
})();
