// Project cards of /api/projects: search by name as typed, filter by organisation, fund and year. Every
// text from the API goes into the page as text (textContent), never as markup.
"use strict";

const TEXTS = {
  sv: {
    title: "Faktakoll – projekt", heading: "Projekt",
    tagline: "Projekten som rapporterna nämner, med ägare, parter, fonder och källor",
    askLink: "Fråga", factsLink: "Faktatabell", reviewLink: "Granska text", toggle: "English", toggleLabel: "Switch to English",
    name: "Projektnamn", org: "Organisation", fund: "Fond/program", year: "År", search: "Sök",
    namePlaceholder: "t.ex. Malmökraften, HÅPP", orgPlaceholder: "t.ex. ASF, miljönämnden",
    fundPlaceholder: "t.ex. ESF, Erasmus+",
    loading: "Hämtar projekt…", count: (n) => (n === 1 ? "1 projekt" : `${n} projekt`),
    empty: "Inga projekt matchar sökningen. Prova ett annat namn eller ta bort ett filter.",
    aliases: "Även kallat", owner: "Projektägare", noOwner: "Rapporterna anger ingen projektägare.",
    reportedBy: "Redovisas av", partnerRole: "Projektpart", partners: "Samverkansparter", funds: "Fonder och program",
    years: "År i rapporterna", notStated: "anges inte", figures: "Siffror", sources: "Källor",
    value: "Värde", what: "Avser", source: "Källa", quote: "Citat", page: "s.", rounded: "avrundat",
    noFigures: "Rapporterna anger inga siffror för projektet.",
    unofficial: "ej officiell källa",
    unofficialTitle: "Dokumentet finns inte i korpusens manifest.toml och är inte en officiell källa.",
    unknown: {
      org: (v) => `Organisation: ingen organisation heter ”${v}”. Skriv ett namn eller en förkortning, t.ex. ASF.`,
      fund: (v) => `Fond/program: ingen fond eller inget program heter ”${v}”. Prova t.ex. ESF eller Erasmus+.`,
      year: (v) => `År: ”${v}” är inget år som går att söka på.`,
      q: (v) => `Projektnamn: ”${v}” går inte att söka på.`,
    },
    failed: "Projekten kunde inte hämtas.", detail: "Svar från tjänsten",
    metrics: {eu_funds_paid: "utbetalda EU-medel", figure: "siffra i löptext"},
    roles: {utfall: "utfall", mal: "mål", budget: "budget", beviljat: "beviljat", rekvirera: "att rekvirera",
      utbetalt: "utbetalt", andel: "andel"},
  },
  en: {
    title: "Faktakoll – projects", heading: "Projects",
    tagline: "The projects the reports name, with owner, partners, funds and sources",
    askLink: "Ask", factsLink: "Facts table", reviewLink: "Check a text", toggle: "Svenska", toggleLabel: "Byt till svenska",
    name: "Project name", org: "Organisation", fund: "Fund/programme", year: "Year", search: "Search",
    namePlaceholder: "e.g. Malmökraften, HÅPP", orgPlaceholder: "e.g. ASF, Environment Committee",
    fundPlaceholder: "e.g. ESF, Erasmus+",
    loading: "Loading projects…", count: (n) => (n === 1 ? "1 project" : `${n} projects`),
    empty: "No project matches the search. Try another name or remove a filter.",
    aliases: "Also called", owner: "Project owner", noOwner: "The reports name no project owner.",
    reportedBy: "Reported by", partnerRole: "Project partner (city)", partners: "Partners", funds: "Funds and programmes",
    years: "Years in the reports", notStated: "not stated", figures: "Figures", sources: "Sources",
    value: "Value", what: "Concerns", source: "Source", quote: "Quote", page: "p.", rounded: "rounded",
    noFigures: "The reports state no figures for the project.",
    unofficial: "not an official source",
    unofficialTitle: "The document is not listed in the corpus manifest.toml and is not an official source.",
    unknown: {
      org: (v) => `Organisation: no organisation is called “${v}”. Type a name or an abbreviation, e.g. ASF.`,
      fund: (v) => `Fund/programme: no fund or programme is called “${v}”. Try e.g. ESF or Erasmus+.`,
      year: (v) => `Year: “${v}” is not a year that can be searched.`,
      q: (v) => `Project name: “${v}” cannot be searched.`,
    },
    failed: "The projects could not be loaded.", detail: "The service answered",
    metrics: {eu_funds_paid: "EU funds paid", figure: "figure in running text"},
    roles: {utfall: "outcome", mal: "target", budget: "budget", beviljat: "granted", rekvirera: "to claim",
      utbetalt: "paid", andel: "share"},
  },
};
const FIELDS = ["q", "org", "fund", "year"];
let lang = Page.lang();
let projects = null;  // the last list from /api/projects (null before the first answer)
let failure = null;   // {field, value, message, hint} of the last request that failed
let documents = {};   // doc_id -> {short_name, title}
let requests = 0;     // only the newest request's answer is shown
const t = () => TEXTS[lang];
const $ = (id) => document.getElementById(id);

// An element with text (never markup) and attributes.
function el(tag, text, attrs = {}) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = text;
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  return node;
}


async function loadDocuments() {
  const res = await fetch("/api/documents", {headers: Page.headers()});
  if (res.ok) documents = Object.fromEntries((await res.json()).map((d) => [d.doc_id, d]));
}

// "Redovisning 2022, s. 23" (the full title on hover); a Markdown report has no pages.
function citation(docId, page, title) {
  const doc = documents[docId] || {};
  const name = doc.short_name || title || doc.title || docId;
  const node = el("cite", page ? `${name}, ${t().page} ${page}` : name);
  node.title = doc.title || title || docId;
  return node;
}

function fullCitation(source) {
  const title = (documents[source.doc_id] || {}).title || source.title;
  return source.page ? `${title}, ${t().page} ${source.page}` : title;
}

function unofficial() {
  return el("span", t().unofficial, {class: "unofficial", title: t().unofficialTitle});
}

function quote(text) {
  return el("blockquote", text.replace(/\s+/g, " ").trim(), {class: "quote"});
}

function query() {
  const params = new URLSearchParams();
  for (const name of FIELDS) {
    const value = $(`f-${name}`).value.trim();
    if (value) params.set(name, value);
  }
  return params;
}

async function load() {
  const params = query();
  const mine = ++requests;
  history.replaceState(null, "", params.toString() ? `?${params}` : location.pathname);
  $("count").textContent = t().loading;
  let res, body;
  try {
    res = await fetch(`/api/projects?${params}`, {headers: Page.headers()});
    body = await res.json();
  } catch (err) {
    res = null;
    body = {error: {message: String(err), hint: ""}};
  }
  if (mine !== requests) return;
  if (res && res.ok) {
    projects = body;
    failure = null;
  } else {
    projects = null;
    failure = describeFailure(body.error || {}, params);
  }
  render();
}

// Which filter an error is about: the API names it first ("org: no organisation named …", "query.year: …").
function describeFailure(error, params) {
  const found = /^(?:query\.)?(\w+)\s*:/.exec(error.message || "");
  const field = found && FIELDS.includes(found[1]) ? found[1] : null;
  return {field, value: field ? params.get(field) || "" : "", message: error.message || "", hint: error.hint || ""};
}

function renderFailure() {
  const box = $("error");
  box.textContent = "";
  box.hidden = !failure;
  for (const name of FIELDS) {
    $(`f-${name}`).removeAttribute("aria-invalid");
    $(`f-${name}`).removeAttribute("aria-describedby");
  }
  if (!failure) return;
  const lead = failure.field ? t().unknown[failure.field](failure.value) : t().failed;
  box.appendChild(el("span", lead, {class: "error-lead"}));
  const detail = [failure.message, failure.hint].filter(Boolean).join(" – ");
  if (detail) box.appendChild(el("span", `${t().detail}: ${detail}`, {class: "error-detail"}));
  if (failure.field) {
    $(`f-${failure.field}`).setAttribute("aria-invalid", "true");
    $(`f-${failure.field}`).setAttribute("aria-describedby", "error");
  }
}

function render() {
  renderFailure();
  const list = $("projects");
  list.textContent = "";
  if (!projects) { $("count").textContent = ""; return; }
  $("count").textContent = projects.length ? t().count(projects.length) : t().empty;
  for (const project of projects) list.appendChild(card(project));
}

function card(p) {
  const headingId = `project-${p.project_id}`;
  const article = el("article", null, {class: "project-card", "aria-labelledby": headingId});
  article.appendChild(el("h3", p.name, {id: headingId}));
  if (p.aliases.length) article.appendChild(el("p", `${t().aliases}: ${p.aliases.join(", ")}`, {class: "aliases"}));
  const facts = el("dl", null, {class: "project-facts"});
  row(facts, t().owner, owner(p));
  row(facts, t().reportedBy, names(p.reported_by_names));
  row(facts, t().partnerRole, names(p.partner_role_names || p.partner_role));
  row(facts, t().partners, partners(p));
  row(facts, t().funds, names(p.fund_names));
  row(facts, t().years, names(p.years.map(String)));
  article.appendChild(facts);
  article.appendChild(figures(p));
  article.appendChild(sources(p));
  return article;
}

function row(list, label, content) {
  list.appendChild(el("dt", label));
  const dd = el("dd");
  dd.appendChild(content);
  list.appendChild(dd);
}

function names(values) {
  if (!values.length) return el("span", t().notStated, {class: "not-stated"});
  return document.createTextNode(values.join(", "));
}

// The owner as the report writes it, with the sentence and where it stands; never one the reports do not name.
function owner(p) {
  const name = p.owner_name || p.owner;
  if (!name) return el("span", t().noOwner, {class: "not-stated no-owner"});
  const box = el("div", null, {class: "owner"});
  box.appendChild(el("strong", name, {class: "owner-name"}));
  if (p.owner_quote) box.appendChild(quote(p.owner_quote));
  if (p.owner_doc) box.appendChild(citation(p.owner_doc, p.owner_page, null));
  return box;
}

function partners(p) {
  const box = el("div");
  box.appendChild(names(p.partners));
  if (p.partners_quote && p.partners_quote !== p.owner_quote) box.appendChild(quote(p.partners_quote));
  return box;
}

function section(title, count) {
  const box = el("section", null, {class: "project-section"});
  box.appendChild(el("h4", `${title} (${count})`));
  return box;
}

// One row per figure, place and quote (a sentence read twice is one row), in year and page order.
function uniqueFacts(facts) {
  const seen = new Map();
  for (const f of facts) seen.set(JSON.stringify([f.doc_id, f.page, f.value, f.unit, f.quote]), f);
  return [...seen.values()].sort((a, b) => a.year - b.year || (a.page || 0) - (b.page || 0));
}

function what(f, p) {
  const fundName = (id) => p.fund_names[p.funds.indexOf(id)] || id;
  if (f.source === "text") return [f.quantity, f.stated_role && (t().roles[f.stated_role] || f.stated_role)]
    .filter(Boolean).join(", ");
  return [t().metrics[f.metric] || f.metric, f.fund && fundName(f.fund), f.category].filter(Boolean).join(", ");
}

function figures(p) {
  const facts = uniqueFacts(p.facts);
  const box = section(t().figures, facts.length);
  if (!facts.length) { box.appendChild(el("p", t().noFigures, {class: "not-stated"})); return box; }
  const table = el("table", null, {class: "project-figures"});
  const head = el("tr");
  for (const label of [t().value, t().year, t().what, t().source, t().quote]) head.appendChild(el("th", label, {scope: "col"}));
  table.appendChild(el("thead")).appendChild(head);
  const body = table.appendChild(el("tbody"));
  for (const f of facts) {
    const shown = f.approximate && !/\b(ca|cirka)\b/i.test(f.display) ? `${f.display} (${t().rounded})` : f.display;
    const tr = body.appendChild(el("tr"));
    tr.appendChild(el("td", shown, {class: "num"}));
    tr.appendChild(el("td", String(f.year)));
    tr.appendChild(el("td", what(f, p)));
    const where = tr.appendChild(el("td"));
    where.appendChild(citation(f.doc_id, f.page, f.title));
    if (!f.official) where.appendChild(unofficial());
    tr.appendChild(el("td", f.quote.replace(/\s+/g, " ").trim(), {class: "quote"}));
  }
  // a narrow screen scrolls the table sideways, the card keeps its width
  box.appendChild(el("div", null, {class: "figures-scroll", tabindex: "0", role: "region", "aria-label": t().figures}))
    .appendChild(table);
  return box;
}

function sources(p) {
  const seen = new Map();
  for (const s of p.sources) seen.set(JSON.stringify([s.doc_id, s.page, s.quote]), s);
  const box = section(t().sources, seen.size);
  const list = box.appendChild(el("ul", null, {class: "project-sources"}));
  for (const s of seen.values()) {
    const item = list.appendChild(el("li"));
    item.appendChild(el("cite", fullCitation(s)));
    if (!s.official) item.appendChild(unofficial());
    item.appendChild(quote(s.quote));
  }
  return box;
}

function applyLanguage() {
  Page.translate(t());
  document.title = t().title;
  $("f-q").placeholder = t().namePlaceholder;
  $("f-org").placeholder = t().orgPlaceholder;
  $("f-fund").placeholder = t().fundPlaceholder;
  render();
}

$("filters").addEventListener("submit", (e) => { e.preventDefault(); load(); });
Page.onToggle((chosen) => { lang = chosen; applyLanguage(); });
// A shared link (/projekt?q=malmokraften&year=2022) fills the form.
for (const [name, value] of new URLSearchParams(location.search)) {
  if (FIELDS.includes(name)) $(`f-${name}`).value = value;
}
applyLanguage();
loadDocuments().catch(() => {}).then(load);  // without titles a source shows its full document name
