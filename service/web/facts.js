// Facts browser: filter, sort, CSV download of /api/facts.
"use strict";

const METRICS = {
  eu_funds_paid: "utbetalda EU-medel", project_count: "antal projekt", owned_project_count: "projekt som projektägare",
  partner_project_count: "projekt som projektpart", participating_units: "deltagande förvaltningar",
  total_budget: "budget", partners: "samverkansparter", countries: "länder", count: "antal",
};
let rows = [];
let sortKey = "year", sortDir = 1;

function what(r) {
  return [r.fund, r.goal && `mål ${r.goal}`, r.project, r.category].filter(Boolean).join(", ");
}

// A document the manifest does not list: shown, but never as an official source.
function unofficial() {
  const mark = document.createElement("span");
  mark.className = "unofficial";
  mark.textContent = "ej officiell källa";
  mark.title = "Dokumentet finns inte i korpusens manifest.toml och är inte en officiell källa.";
  return mark;
}

function query() {
  const params = new URLSearchParams();
  for (const name of ["year", "org", "fund", "metric"]) {
    const v = document.getElementById(`f-${name}`).value.trim();
    if (v) params.set(name, v);
  }
  return params;
}

function headers() {
  const key = localStorage.getItem("faktakoll-key");
  return key ? {"X-API-Key": key} : {};
}

async function load() {
  const params = query();
  const res = await fetch(`/api/facts?${params}`, {headers: headers()});
  const body = await res.json();
  if (!res.ok) { document.getElementById("count").textContent = body.error.message; rows = []; render(); return; }
  rows = body.map((r) => ({...r, what: what(r)}));
  params.set("format", "csv");
  document.getElementById("csv-link").href = `/api/facts?${params}`;
  render();
}

function render() {
  const sorted = [...rows].sort((a, b) => {
    const x = a[sortKey] ?? "", y = b[sortKey] ?? "";
    return (x > y ? 1 : x < y ? -1 : 0) * sortDir;
  });
  const tbody = document.querySelector("#facts tbody");
  tbody.textContent = "";
  for (const r of sorted) {
    const tr = document.createElement("tr");
    const shown = r.approximate && !/\b(ca|cirka)\b/i.test(r.display) ? `${r.display} (avrundat)` : r.display;
    const cells = [r.year, r.org_name, METRICS[r.metric] || r.metric, r.what, shown,
      `${r.doc_id}${r.page ? `, s. ${r.page}` : ""}`, r.quote.replace(/\s+/g, " ")];
    cells.forEach((value, i) => {
      const td = document.createElement("td");
      td.textContent = value;
      if (i === 4) td.className = "num";
      if (i === 5 && !r.official) td.appendChild(unofficial());
      if (i === 6) td.className = "quote quote-col";
      tr.appendChild(td);
    });
    if (!r.official) tr.className = "unofficial-row";
    tbody.appendChild(tr);
  }
  document.getElementById("count").textContent = `${rows.length} fakta`;
  document.querySelectorAll("th button").forEach((b) => {
    b.parentElement.setAttribute("aria-sort", b.dataset.sort === sortKey ? (sortDir > 0 ? "ascending" : "descending") : "none");
  });
}

document.getElementById("filters").addEventListener("submit", (e) => { e.preventDefault(); load(); });
document.querySelectorAll("th button").forEach((b) => b.addEventListener("click", () => {
  sortDir = sortKey === b.dataset.sort ? -sortDir : 1;
  sortKey = b.dataset.sort;
  render();
}));
load();
