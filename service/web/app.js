// Faktakoll chat page: asks /api/chat (Server-Sent Events), shows figures, sources, caveats, charts.
"use strict";

const TEXTS = {
  sv: {
    tagline: "Verifierade siffror ur Malmö stads redovisningar av internationellt arbete",
    factsLink: "Faktatabell", projectsLink: "Projekt", reviewLink: "Granska text", rowLabel: "Avser", rowValue: "Värde", questionLabel: "Din fråga", ask: "Fråga", source: "Källa", close: "Stäng",
    copy: "Kopiera med källor", copied: "Kopierat", readable: "Läsbar version (OCR-rättad)", keyLabel: "API-nyckel",
    toggle: "English", toggleLabel: "Switch to English", sources: "Källor", version: "Korpusversion",
    page: "s.", caveat: "Obs", status: {answered: "Besvarad", partial: "Delvis redovisat",
      not_reported: "Redovisas inte", unclear: "Oklart"},
    searching: "Söker i rapporterna…", failed: "Något gick fel", you: "Du",
    unavailable: "Tjänsten når inte sina källor just nu. Försök igen om en stund.", needKey: "Ange en API-nyckel.",
    placeholder: "Hur mycket EU-medel fick miljönämnden 2024?", chart: "Diagram",
    title: "Faktakoll – Malmö stads internationella arbete", conversation: "Samtal", closeLabel: "Stäng källa",
    guideTitle: "Vad du kan fråga om", examplesTitle: "Prova att fråga", section: "avsnitt",
    summary: (c) => `${c.documents.length} rapporter om åren ${list(c.years, "och")}, med ${num(c.facts)} siffror: ` +
      `${num(c.table_facts)} ur tabeller och nyckeltal, ${num(c.text_figures)} i löptext.`,
    docLine: (d) => `${d.title} – ${num(d.facts)} siffror, ` +
      (d.pages ? `${d.pages} sidor` : "utan sidnummer (citeras med avsnitt)"),
    orgs: (n) => `${n} nämnder och Malmö stad som helhet`,
    unofficial: "ej officiell källa", computed: "beräknat", calculation: "Beräknat",
  },
  en: {
    tagline: "Verified figures from the City of Malmö's reports on international work",
    factsLink: "Facts table", projectsLink: "Projects", reviewLink: "Check a text", rowLabel: "Item", rowValue: "Value", questionLabel: "Your question", ask: "Ask", source: "Source", close: "Close",
    copy: "Copy with sources", copied: "Copied", readable: "Readable version (OCR repaired)", keyLabel: "API key",
    toggle: "Svenska", toggleLabel: "Byt till svenska", sources: "Sources", version: "Corpus version",
    page: "p.", caveat: "Note", status: {answered: "Answered", partial: "Partly reported",
      not_reported: "Not reported", unclear: "Unclear"},
    searching: "Searching the reports…", failed: "Something went wrong", you: "You",
    unavailable: "The service cannot reach its sources just now. Please try again shortly.", needKey: "Enter an API key.",
    placeholder: "How much EU funding did the environment committee get in 2024?", chart: "Chart",
    title: "Faktakoll – the City of Malmö's international work", conversation: "Conversation",
    closeLabel: "Close source", guideTitle: "What you can ask about", examplesTitle: "Try asking",
    section: "section",
    summary: (c) => `${c.documents.length} reports on the years ${list(c.years, "and")}, with ${num(c.facts)} ` +
      `figures: ${num(c.table_facts)} from tables and key figures, ${num(c.text_figures)} in running text.`,
    docLine: (d) => `${d.title} – ${num(d.facts)} figures, ` +
      (d.pages ? `${d.pages} pages` : "no page numbers (cited by section)"),
    orgs: (n) => `${n} committees and the City of Malmö as a whole`,
    unofficial: "not an official source", computed: "computed", calculation: "Computed",
  },
};

let lang = localStorage.getItem("faktakoll-lang") || "sv";
let conversationId = null;
let coverage = null;
const $ = (id) => document.getElementById(id);
const t = () => TEXTS[lang];
const num = (n) => n.toLocaleString(lang === "sv" ? "sv-SE" : "en-GB");
const list = (items, and) => items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} ${and} ${items.at(-1)}`;

function applyLanguage() {
  document.documentElement.lang = lang;
  document.querySelectorAll("[data-i18n]").forEach((el) => {
    const value = t()[el.dataset.i18n];
    if (typeof value === "string") el.textContent = value;
  });
  $("lang-toggle").textContent = t().toggle;
  $("lang-toggle").setAttribute("aria-label", t().toggleLabel);
  $("question").placeholder = t().placeholder;
  document.title = t().title;
  $("conversation").setAttribute("aria-label", t().conversation);
  $("panel-close").setAttribute("aria-label", t().closeLabel);
  renderGuide();
}

// The home page: what the reports cover, example questions (click to ask), how answers are checked.
function renderGuide() {
  if (!coverage) return;
  $("coverage-summary").textContent = t().summary(coverage);
  const docs = $("coverage-docs");
  docs.textContent = "";
  for (const d of coverage.documents) docs.appendChild(el("li", {}, t().docLine(d)));
  const committees = coverage.organisations.filter((o) => o.id !== "malmo_stad");
  $("coverage-orgs-summary").textContent = t().orgs(committees.length);
  $("coverage-orgs").textContent = committees.map((o) => (lang === "en" ? o.name_en : o.name)).join(", ");
  const examples = $("examples");
  examples.textContent = "";
  for (const example of coverage.examples) {
    const button = el("button", {type: "button", class: "example"}, example[lang]);
    button.addEventListener("click", () => ask(example[lang]));
    examples.appendChild(button);
  }
  $("checking").textContent = coverage.checking[lang];
}

async function loadCoverage() {
  const res = await fetch("/api/coverage", {headers: headers()});
  if (!res.ok) return;
  coverage = await res.json();
  renderGuide();
  $("guide").hidden = $("conversation").childElementCount > 0;
}

function headers() {
  const h = {"Content-Type": "application/json"};
  const key = localStorage.getItem("faktakoll-key");
  if (key) h["X-API-Key"] = key;
  return h;
}

function el(tag, attrs = {}, text = "") {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text) node.textContent = text;
  return node;
}

// "[3]" in answer text becomes a button that opens source 3.
function withCitations(parent, text, answer) {
  const parts = text.split(/(\[\d+\])/);
  for (const part of parts) {
    const m = part.match(/^\[(\d+)\]$/);
    if (m) {
      const n = Number(m[1]);
      const btn = el("button", {type: "button", class: "cite", "aria-label": `${t().source} ${n}`}, `[${n}]`);
      btn.addEventListener("click", () => openSource(answer.citations[n - 1], btn));
      parent.appendChild(btn);
    } else if (part) {
      parent.appendChild(document.createTextNode(part));
    }
  }
}

function renderText(container, answer) {
  let list = null;
  for (const line of answer.text.split("\n")) {
    if (line.startsWith("- ")) {
      if (!list) { list = el("ul"); container.appendChild(list); }
      const li = el("li");
      withCitations(li, line.slice(2), answer);
      list.appendChild(li);
    } else {
      list = null;
      const p = el("p");
      withCitations(p, line, answer);
      container.appendChild(p);
    }
  }
}

// The table's reported rows as bars (a computed row or one the reports do not state is no bar).
function renderChart(container, answer) {
  const rows = answer.table.filter((row) => row.value !== null && !row.computed);
  if (rows.length < 2) return;
  const max = Math.max(...rows.map((row) => row.value));
  const width = 560, barH = 26, gap = 10, labelW = 170;
  const height = rows.length * (barH + gap);
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", `${t().chart}: ` + rows.map((row) => `${row.label} ${row.display}`).join(", "));
  rows.forEach((row, i) => {
    const y = i * (barH + gap);
    const w = max > 0 ? Math.max(2, ((width - labelW - 150) * row.value) / max) : 2;
    const name = document.createElementNS(svg.namespaceURI, "text");
    name.setAttribute("x", 0); name.setAttribute("y", y + barH * 0.7); name.textContent = row.label;
    const bar = document.createElementNS(svg.namespaceURI, "rect");
    bar.setAttribute("x", labelW); bar.setAttribute("y", y); bar.setAttribute("width", w);
    bar.setAttribute("height", barH); bar.setAttribute("class", "bar");
    const val = document.createElementNS(svg.namespaceURI, "text");
    val.setAttribute("x", labelW + w + 6); val.setAttribute("y", y + barH * 0.7); val.textContent = row.display;
    svg.append(name, bar, val);
  });
  container.appendChild(svg);
}

// The figures shown large: an answer's own one or two figures (status answered, each matching the question);
// the nearest figures of an answer that is not reported stay plain lines in its text, and a list is its lines.
const HEADLINE_FIGURES = 2;
function answerFigures(answer) {
  const own = answer.figures.filter((f) => !(f.relaxed && f.relaxed.length));
  const headline = answer.status === "answered" && !answer.table.length && own.length === answer.figures.length;
  return headline && own.length <= HEADLINE_FIGURES ? own : [];
}

function renderAnswer(answer) {
  const node = $("answer-template").content.firstElementChild.cloneNode(true);
  const badge = node.querySelector(".badge");
  badge.textContent = t().status[answer.status] || answer.status;
  badge.dataset.status = answer.status;
  const figs = node.querySelector(".figures");
  for (const f of answerFigures(answer)) {
    const card = el("div", {class: "figure"});
    card.append(el("span", {class: "figure-value"}, f.display), el("span", {class: "figure-label"}, f.label));
    figs.appendChild(card);
  }
  renderText(node.querySelector(".text"), answer);
  if (answer.table.length) {
    const table = node.querySelector(".series");
    table.hidden = false;
    const head = el("tr");
    [t().rowLabel, t().rowValue].forEach((k) => head.appendChild(el("th", {scope: "col"}, k)));
    table.tHead.appendChild(head);
    for (const row of answer.table) {
      const tr = el("tr");
      const value = el("td");
      withCitations(value, row.citation ? `${row.display} [${row.citation}]` : row.display, answer);
      if (row.computed) value.appendChild(el("span", {class: "computed"}, t().computed));
      tr.append(el("td", {}, row.label), value);
      table.tBodies[0].appendChild(tr);
    }
    renderChart(node.querySelector(".chart"), answer);
  }
  const computations = node.querySelector(".computations");
  for (const c of answer.computations || []) {  // the work the text does not already show
    if (!answer.text.includes(c.text)) computations.appendChild(el("li", {}, `${t().calculation}: ${c.text}`));
  }
  const caveats = node.querySelector(".caveats");
  for (const c of answer.caveats) caveats.appendChild(el("p", {class: "caveat"}, `${t().caveat}: ${c}`));
  const sources = node.querySelector(".sources");
  for (const c of answer.citations) {
    const li = el("li");
    const btn = el("button", {type: "button", class: "source-link"},
      `${c.title}${c.page ? `, ${t().page} ${c.page}` : (c.section ? `, ${c.section}` : "")}`);
    btn.addEventListener("click", () => openSource(c, btn));
    li.appendChild(btn);
    if (c.official === false) li.appendChild(el("span", {class: "unofficial"}, t().unofficial));
    sources.appendChild(li);
  }
  node.querySelector(".version").textContent = `${t().version} ${answer.corpus_version}`;
  node.querySelector(".copy").textContent = t().copy;  // a template's content is not translated by applyLanguage
  node.querySelector(".copy").addEventListener("click", (e) => copyAnswer(answer, e.target));
  return node;
}

function plainText(answer) {
  const lines = [answer.question, "", answer.text];
  for (const row of answer.table) lines.push(`${row.label}  ${row.display}`);
  for (const c of answer.caveats) lines.push(`${t().caveat}: ${c}`);
  lines.push("", `${t().sources}:`);
  for (const c of answer.citations) {
    const where = c.page ? `, ${t().page} ${c.page}` : (c.section ? `, ${c.section}` : "");
    lines.push(`[${c.n}] ${c.title}${where}: "${c.quote.replace(/\s+/g, " ")}"`);
  }
  lines.push("", `${t().version} ${answer.corpus_version}`);
  return lines.join("\n");
}

function copyAnswer(answer, button) {
  return SourcePanel.copy(plainText(answer), button, t().copied, t().copy);
}

// The passage behind a citation, in the panel shared with the Granska page (source.js).
function openSource(citation, opener) {
  return SourcePanel.open(citation, opener, t(), headers());
}

async function ask(question) {
  const conv = $("conversation");
  $("guide").hidden = true;
  conv.appendChild(el("p", {class: "question"}, question));
  $("status").textContent = t().searching;
  $("ask-button").disabled = true;
  try {
    const res = await fetch("/api/chat", {
      method: "POST", headers: headers(),
      body: JSON.stringify({question, lang, conversation_id: conversationId}),
    });
    if (res.status === 401) { $("key-row").hidden = false; $("status").textContent = t().needKey; return; }
    if (!res.ok) {
      const body = await res.json().catch(() => ({}));
      if (res.status === 503) { console.warn(body.error); $("status").textContent = t().unavailable; return; }
      $("status").textContent = `${t().failed}: ${(body.error && body.error.message) || res.status}`;
      return;
    }
    const answer = await readStream(res);
    conversationId = answer.conversation_id;
    conv.appendChild(renderAnswer(answer));
    $("status").textContent = "";
    conv.lastElementChild.scrollIntoView({block: "start"});
  } catch (err) {
    $("status").textContent = err instanceof Unavailable ? err.message : `${t().failed}: ${err}`;
  } finally {
    $("ask-button").disabled = false;
  }
}

class Unavailable extends Error {}

async function readStream(res) {
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "", done = null;
  for (;;) {
    const {value, done: end} = await reader.read();
    if (value) buffer += decoder.decode(value, {stream: true});
    let cut;
    while ((cut = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, cut); buffer = buffer.slice(cut + 2);
      const name = (block.match(/^event: (.*)$/m) || [])[1];
      const data = JSON.parse((block.match(/^data: (.*)$/m) || [])[1] || "null");
      if (name === "status") $("status").textContent = data.message;
      if (name === "done") done = data;
      if (name === "error") {  // a store away: the operator's details go to the console, the reader gets a sentence
        console.warn(data);
        throw new Unavailable(data.status === 503 ? t().unavailable : `${t().failed}: ${data.message}`);
      }
    }
    if (end) break;
  }
  if (!done) throw new Error("stream ended early");
  return done;
}

$("ask-form").addEventListener("submit", (e) => {
  e.preventDefault();
  const key = $("api-key").value.trim();
  if (key) localStorage.setItem("faktakoll-key", key);
  const q = $("question").value.trim();
  if (!q) return;
  $("question").value = "";
  ask(q);
});
$("lang-toggle").addEventListener("click", () => {
  lang = lang === "sv" ? "en" : "sv";
  localStorage.setItem("faktakoll-lang", lang);
  applyLanguage();
});
applyLanguage();
loadCoverage();
$("question").focus();
