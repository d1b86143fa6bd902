// Facts browser: filter, sort, download (Excel workbook or plain CSV) of /api/facts. The same figure
// stated twice in one document (a table row and its one-row total, a sentence read twice) is one row.
"use strict";

const TEXTS = {
  sv: {
    tagline: "Alla siffror som rapporterna anger, med källa och citat", askLink: "Fråga", projectsLink: "Projekt", reviewLink: "Granska text",
    toggle: "English", toggleLabel: "Switch to English",
    year: "År", org: "Organisation", fund: "Fond/program", metric: "Mått", kind: "Slag", kindAll: "alla",
    kindTable: "tabeller och nyckeltal", kindText: "siffror i löptext", filter: "Filtrera",
    excelCsv: "Ladda ner för Excel", plainCsv: "CSV för verktyg", what: "Avser", value: "Värde", source: "Källa",
    quote: "Citat", orgPlaceholder: "t.ex. ASF, miljönämnden", fundPlaceholder: "t.ex. ESF", all: "alla",
    facts: (n) => `${n} fakta`, merged: (n) => ` (${n} dubbletter ur samma källa sammanslagna)`,
    page: "s.", section: "avsnitt", goal: "mål", rounded: "avrundat", statedTwice: (n) => `anges ${n} gånger`,
    unofficial: "ej officiell källa", interpreted: "tolkat som",
    unknown: {org: (v) => `Ingen organisation heter ”${v}”.`, fund: (v) => `Ingen fond eller inget program heter ”${v}”.`,
      metric: (v) => `Inget mått heter ”${v}”.`},
    nearest: (names) => ` Närmast: ${names}.`, unknownHint: " Skriv ett av namnen (eller en förkortning) eller lämna fältet tomt.",
    unofficialTitle: "Dokumentet finns inte i korpusens manifest.toml och är inte en officiell källa.",
    metrics: {eu_funds_paid: "utbetalda EU-medel", project_count: "antal projekt",
      owned_project_count: "projekt som projektägare", partner_project_count: "projekt som projektpart",
      participating_units: "deltagande förvaltningar", total_budget: "budget", partners: "samverkansparter",
      countries: "länder", count: "antal", figure: "siffra i löptext"},
    roles: {utfall: "utfall", mal: "mål", budget: "budget", beviljat: "beviljat", rekvirera: "att rekvirera",
      utbetalt: "utbetalt", andel: "andel"},
  },
  en: {
    tagline: "Every figure the reports state, with its source and quote", askLink: "Ask", projectsLink: "Projects", reviewLink: "Check a text",
    toggle: "Svenska", toggleLabel: "Byt till svenska",
    year: "Year", org: "Organisation", fund: "Fund/programme", metric: "Measure", kind: "Kind", kindAll: "all",
    kindTable: "tables and key figures", kindText: "figures in running text", filter: "Filter",
    excelCsv: "Download for Excel", plainCsv: "CSV for tools", what: "Concerns", value: "Value", source: "Source",
    quote: "Quote", orgPlaceholder: "e.g. ASF, Environment Committee", fundPlaceholder: "e.g. ESF", all: "all",
    facts: (n) => `${n} facts`, merged: (n) => ` (${n} duplicates from the same source merged)`,
    page: "p.", section: "section", goal: "goal", rounded: "rounded", statedTwice: (n) => `stated ${n} times`,
    unofficial: "not an official source", interpreted: "read as",
    unknown: {org: (v) => `No organisation is named “${v}”.`, fund: (v) => `No fund or programme is named “${v}”.`,
      metric: (v) => `No measure is named “${v}”.`},
    nearest: (names) => ` Nearest: ${names}.`, unknownHint: " Write one of the names (or an abbreviation) or leave the field empty.",
    unofficialTitle: "The document is not listed in the corpus manifest.toml and is not an official source.",
    metrics: {eu_funds_paid: "EU funds paid", project_count: "number of projects",
      owned_project_count: "projects as owner", partner_project_count: "projects as partner",
      participating_units: "participating departments", total_budget: "budget", partners: "partners",
      countries: "countries", count: "count", figure: "figure in running text"},
    roles: {utfall: "outcome", mal: "target", budget: "budget", beviljat: "granted", rekvirera: "to claim",
      utbetalt: "paid", andel: "share"},
  },
};
let lang = Page.lang();
let rows = [];
let mergedAway = 0;
let failure = null;  // the API's error when a filter could not be read: {field, value, nearest, message, hint}
let interpreted = "";  // filters read from a misspelled name: "org=mn"
let documents = {};  // doc_id -> {short_name, title}
let organisations = {};  // id -> {name, name_en}: the nämnder, to name an org read from a misspelling
let sortKey = "year", sortDir = 1;
const FILTERS = ["year", "org", "fund", "metric", "source"];
const t = () => TEXTS[lang];
const $ = (id) => document.getElementById(id);

function what(r) {
  if (r.source === "text") return [r.quantity, r.stated_role && (t().roles[r.stated_role] || r.stated_role)]
    .filter(Boolean).join(", ");
  return [r.fund, r.goal && `${t().goal} ${r.goal}`, r.project, r.category].filter(Boolean).join(", ");
}

// One row per figure and source: same document, year, nämnd, measure, value and subject.
function figureKey(r) {
  const subject = r.source === "text" ? [r.quantity, r.section, r.quote] : [r.fund, r.goal, r.project, r.category];
  return JSON.stringify([r.doc_id, r.year, r.unit_org, r.metric, r.value, r.unit, ...subject]);
}

function merge(list) {
  const byKey = new Map();
  for (const r of list) {
    const key = figureKey(r);
    const seen = byKey.get(key);
    if (!seen) { byKey.set(key, {...r, quotes: [r.quote], pages: r.page ? [r.page] : [], times: 1}); continue; }
    seen.times += 1;
    if (!seen.quotes.includes(r.quote)) seen.quotes.push(r.quote);
    if (r.page && !seen.pages.includes(r.page)) seen.pages.push(r.page);
  }
  return [...byKey.values()];
}

function where(r) {
  const name = (documents[r.doc_id] || {}).short_name || r.title;
  if (r.pages.length) return `${name}, ${t().page} ${r.pages.join(", ")}`;
  return r.section ? `${name}, ${t().section} ${r.section}` : name;
}

async function loadDocuments() {
  const res = await fetch("/api/coverage", {headers: Page.headers()});
  if (!res.ok) return;
  const coverage = await res.json();
  documents = Object.fromEntries(coverage.documents.map((d) => [d.doc_id, d]));
  organisations = Object.fromEntries(coverage.organisations.map((o) => [o.id, o]));
}

// An unknown filter name said in the page's language from the 422's field, value and nearest names; an error
// without them (a bad year) keeps the API's own sentence.
function failureText(error) {
  const said = error.field && t().unknown[error.field];
  if (!said) return [error.message, error.hint].filter(Boolean).join(" – ");
  const nearest = (error.nearest || []).length ? t().nearest(error.nearest.join("; ")) : "";
  return said(error.value) + nearest + t().unknownHint;
}

// "org=mn" as the reader knows it: "Miljönämnden" (a förvaltning not in the coverage: the name on its rows).
function interpretedText() {
  return interpreted.split(", ").map((pair) => {
    const [name, id] = pair.split("=");
    if (name !== "org") return pair;
    const known = organisations[id];
    if (known) return lang === "en" ? known.name_en || known.name : known.name;
    return (rows.find((r) => r.org === id) || {}).org_name || id;
  }).join(", ");
}

// A document the manifest does not list: shown, but never as an official source.
function unofficial() {
  const mark = document.createElement("span");
  mark.className = "unofficial";
  mark.textContent = t().unofficial;
  mark.title = t().unofficialTitle;
  return mark;
}

function query() {
  const params = new URLSearchParams();
  for (const name of FILTERS) {
    const v = $(`f-${name}`).value.trim();
    if (v) params.set(name, v);
  }
  return params;
}

// The filters live in the address too, so a filtered view can be shared: read on opening, written on each load.
function fromAddress() {
  const given = new URLSearchParams(location.search);
  for (const name of FILTERS) if (given.has(name)) $(`f-${name}`).value = given.get(name);
}

function toAddress(params) {
  const search = params.toString();
  history.replaceState(null, "", search ? `${location.pathname}?${search}` : location.pathname);
}

let loads = 0;  // the latest load is shown: an earlier one that answers after it (the first, unfiltered) is dropped
async function load() {
  const mine = ++loads;
  const params = query();
  toAddress(params);
  const res = await fetch(`/api/facts?${params}`, {headers: Page.headers()});
  const body = await res.json();
  if (mine !== loads) return;
  // a name the API cannot read is said (with the nearest names), never shown as "0 fakta"; one it read from a
  // misspelling is named
  failure = res.ok ? null : body.error;
  interpreted = res.headers.get("X-Faktakoll-Interpreted") || "";
  if (!res.ok) { rows = []; render(); return; }
  const merged = merge(body);
  mergedAway = body.length - merged.length;
  rows = merged;
  for (const [id, format] of [["csv-link", "csv"], ["excel-link", "xlsx"]]) {
    params.set("format", format);
    $(id).href = `/api/facts?${params}`;
  }
  render();
}

function cells(r) {
  // a figure never breaks inside ("ca 25 500 000 kr"); a range may break at its dash
  const figure = r.display.split(/\s+–\s+/).map((side) => side.replace(/\s+/g, "\u00a0")).join(" – ");
  const shown = r.approximate && !/\b(ca|cirka)\b/i.test(r.display) ? `${figure} (${t().rounded})` : figure;
  const quote = r.quotes.map((q) => q.replace(/\s+/g, " ")).join(" · ");
  return [r.year, r.org_name, t().metrics[r.metric] || r.metric, what(r), shown, where(r), quote];
}

function render() {
  for (const r of rows) { r.what = what(r); r.metric_name = t().metrics[r.metric] || r.metric; }
  const sorted = [...rows].sort((a, b) => {
    const x = a[sortKey] ?? "", y = b[sortKey] ?? "";
    return (x > y ? 1 : x < y ? -1 : 0) * sortDir;
  });
  const tbody = document.querySelector("#facts tbody");
  tbody.textContent = "";
  for (const r of sorted) {
    const tr = document.createElement("tr");
    cells(r).forEach((value, i) => {
      const td = document.createElement("td");
      td.textContent = value;
      if (i === 4) td.className = "num";
      if (i === 4 && r.times > 1) td.title = t().statedTwice(r.times);
      if (i === 5) td.title = r.title;
      if (i === 5 && !r.official) td.appendChild(unofficial());
      if (i === 6) td.className = "quote quote-col";
      tr.appendChild(td);
    });
    if (!r.official) tr.className = "unofficial-row";
    tbody.appendChild(tr);
  }
  $("count").textContent = failure ? failureText(failure) : t().facts(rows.length)
    + (mergedAway ? t().merged(mergedAway) : "") + (interpreted ? ` (${t().interpreted} ${interpretedText()})` : "");
  $("count").classList.toggle("error", Boolean(failure));
  document.querySelectorAll("th button").forEach((b) => {
    b.parentElement.setAttribute("aria-sort", b.dataset.sort === sortKey ? (sortDir > 0 ? "ascending" : "descending") : "none");
  });
}

function metricOptions() {
  const select = $("f-metric");
  const chosen = select.value;
  select.textContent = "";
  for (const [value, label] of [["", t().all], ...Object.entries(t().metrics)]) {
    const option = document.createElement("option");
    option.value = value;
    option.textContent = label;
    select.appendChild(option);
  }
  select.value = chosen;
}

function applyLanguage() {
  Page.translate(t());
  $("f-org").placeholder = t().orgPlaceholder;
  $("f-fund").placeholder = t().fundPlaceholder;
  metricOptions();
  render();
}

$("filters").addEventListener("submit", (e) => { e.preventDefault(); load(); });
Page.onToggle((chosen) => { lang = chosen; applyLanguage(); });
document.querySelectorAll("th button").forEach((b) => b.addEventListener("click", () => {
  sortDir = sortKey === b.dataset.sort ? -sortDir : 1;
  sortKey = b.dataset.sort;
  render();
}));
applyLanguage();
fromAddress();
loadDocuments().then(load);
