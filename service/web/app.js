// Faktakoll chat page: asks /api/chat (Server-Sent Events), shows figures, sources, caveats, a table with bars.
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
    placeholder: "Hur mycket EU-medel fick miljönämnden 2024?",
    title: "Faktakoll – Malmö stads internationella arbete", conversation: "Samtal", closeLabel: "Stäng källa",
    guideTitle: "Vad du kan fråga om", examplesTitle: "Prova att fråga", section: "avsnitt",
    summary: (c) => `${c.documents.length} rapporter om åren ${list(c.years, "och")}, med ${num(c.facts)} siffror: ` +
      `${num(c.table_facts)} ur tabeller och nyckeltal, ${num(c.text_figures)} i löptext.`,
    docLine: (d) => `${d.title} – ${num(d.facts)} siffror, ` +
      (d.pages ? `${d.pages} sidor` : "utan sidnummer (citeras med avsnitt)"),
    orgs: (n) => `${n} nämnder och Malmö stad som helhet`,
    unofficial: "ej officiell källa", computed: "beräknat", calculation: "Beräknat",
    newChat: "Ny konversation", langNote: "Svaren kommer på svenska. Välj English för svar på engelska.",
    tooMany: (s) => `Du har ställt många frågor på kort tid. Vänta ${s} sekunder och fråga igen.`,
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
    placeholder: "How much EU funding did the environment committee get in 2024?",
    title: "Faktakoll – the City of Malmö's international work", conversation: "Conversation",
    closeLabel: "Close source", guideTitle: "What you can ask about", examplesTitle: "Try asking",
    section: "section",
    summary: (c) => `${c.documents.length} reports on the years ${list(c.years, "and")}, with ${num(c.facts)} ` +
      `figures: ${num(c.table_facts)} from tables and key figures, ${num(c.text_figures)} in running text.`,
    docLine: (d) => `${d.title} – ${num(d.facts)} figures, ` +
      (d.pages ? `${d.pages} pages` : "no page numbers (cited by section)"),
    orgs: (n) => `${n} committees and the City of Malmö as a whole`,
    unofficial: "not an official source", computed: "computed", calculation: "Computed",
    newChat: "New conversation", langNote: "Answers come in English. Choose Svenska for answers in Swedish.",
    tooMany: (s) => `You have asked many questions in a short time. Wait ${s} seconds and ask again.`,
  },
};

let lang = Page.lang();
// The conversation of this tab (kept in sessionStorage, so a reload keeps it and a new tab starts afresh): the
// answers in order (each has its question) and the id the API continues follow-ups with.
const CHAT_KEY = "faktakoll-chat";
let {conversationId, answers} = JSON.parse(sessionStorage.getItem(CHAT_KEY) || "null") ||
  {conversationId: null, answers: []};
let coverage = null;
const $ = (id) => document.getElementById(id);
const t = () => TEXTS[lang];
const num = (n) => n.toLocaleString(lang === "sv" ? "sv-SE" : "en-GB");
const list = (items, and) => items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} ${and} ${items.at(-1)}`;

function applyLanguage() {
  Page.translate(t());
  $("question").placeholder = t().placeholder;
  document.title = t().title;
  $("conversation").setAttribute("aria-label", t().conversation);
  $("panel-close").setAttribute("aria-label", t().closeLabel);
  renderGuide();
  renderConversation();  // earlier answers' badges, headings and buttons in the chosen language
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
  const res = await fetch("/api/coverage", {headers: Page.headers()});
  if (!res.ok) return;
  coverage = await res.json();
  renderGuide();
  $("guide").hidden = answers.length > 0;
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

// The answer's table, one figure a row, each reported value with a bar under it (all bars to one scale); a row
// the reports do not state is a gap in its place (no bar, "ej redovisat"), a computed row has no bar. The table is
// the chart: no figure is shown twice.
function renderSeries(table, answer) {
  const reported = (row) => row.value !== null && !row.computed;
  const bars = answer.table.filter(reported);
  const max = bars.length > 1 ? Math.max(...bars.map((row) => Math.abs(row.value))) : 0;
  table.hidden = false;
  const head = el("tr");
  [t().rowLabel, t().rowValue].forEach((k) => head.appendChild(el("th", {scope: "col"}, k)));
  table.tHead.appendChild(head);
  for (const row of answer.table) {
    const tr = el("tr", row.value === null ? {class: "gap"} : {});
    const cell = el("div", {class: "series-cell"});
    const value = el("span", {class: "series-value"});
    withCitations(value, row.citation ? `${row.display} [${row.citation}]` : row.display, answer);
    if (row.computed) value.appendChild(el("span", {class: "computed"}, t().computed));
    cell.appendChild(value);
    if (max > 0 && reported(row)) {
      const bar = cell.appendChild(el("span", {class: "bar", "aria-hidden": "true"}));
      bar.style.width = `${Math.max(1, (100 * Math.abs(row.value)) / max)}%`;
    }
    const td = el("td");
    td.appendChild(cell);
    tr.append(el("td", {}, row.label), td);
    table.tBodies[0].appendChild(tr);
  }
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
  if (answer.table.length) renderSeries(node.querySelector(".series"), answer);
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
  return SourcePanel.open(citation, opener, t(), Page.headers());
}

// The conversation so far, each question above its answer, in the page's language (the answers' own text stays
// in the language it was answered in); the guide shows until the first answer.
function renderConversation() {
  const conv = $("conversation");
  conv.textContent = "";
  for (const answer of answers) conv.append(el("p", {class: "question"}, answer.question), renderAnswer(answer));
  $("guide").hidden = answers.length > 0 || !coverage;
  $("new-chat").hidden = answers.length === 0;
}

// The tab keeps the conversation across reloads; when it will not hold them all, the latest answers.
function save() {
  for (let from = 0; from <= answers.length; from++) {
    try {
      sessionStorage.setItem(CHAT_KEY, JSON.stringify({conversationId, answers: answers.slice(from)}));
      return;
    } catch { /* over the tab's storage quota: keep fewer */ }
  }
}

function newConversation() {
  conversationId = null;
  answers = [];
  sessionStorage.removeItem(CHAT_KEY);
  renderConversation();
  $("status").textContent = "";
  $("question").focus();
}

// Why a question got no answer, as one sentence in the page's language (the API's details go to the console).
class Refused extends Error {}
async function refusal(res) {
  const body = await res.json().catch(() => ({}));
  if (body.error) console.warn(body.error);
  if (res.status === 401) { $("key-row").hidden = false; return t().needKey; }
  if (res.status === 429) return t().tooMany(Number(res.headers.get("Retry-After")) || 60);
  if (res.status === 503) return t().unavailable;
  return `${t().failed}: ${(body.error && body.error.message) || res.status}`;
}

// A question in the page's language gets its answer in the page's language (the toggle decides, and the page
// says so). Refused, the question goes back into the field and the conversation (or the guide) stays as it was.
async function ask(question) {
  const bubble = $("conversation").appendChild(el("p", {class: "question"}, question));
  $("guide").hidden = true;
  $("status").textContent = t().searching;
  $("ask-button").disabled = true;
  try {
    const res = await fetch("/api/chat", {
      method: "POST", headers: Page.headers({"Content-Type": "application/json"}),
      body: JSON.stringify({question, lang, conversation_id: conversationId}),
    });
    if (!res.ok) throw new Refused(await refusal(res));
    const answer = await readStream(res);
    conversationId = answer.conversation_id;
    answers.push(answer);
    save();
    renderConversation();
    $("status").textContent = "";
    $("conversation").lastElementChild.previousElementSibling.scrollIntoView({block: "start"});
  } catch (err) {
    bubble.remove();
    if (!$("question").value) $("question").value = question;
    $("guide").hidden = answers.length > 0 || !coverage;
    $("status").textContent = err instanceof Refused ? err.message : `${t().failed}: ${err}`;
  } finally {
    $("ask-button").disabled = false;
  }
}

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
        throw new Refused(data.status === 503 ? t().unavailable : `${t().failed}: ${data.message}`);
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
  if (key) Page.setKey(key);
  const q = $("question").value.trim();
  if (!q) return;
  $("question").value = "";
  ask(q);
});
$("new-chat").addEventListener("click", newConversation);
Page.onToggle((chosen) => { lang = chosen; applyLanguage(); });
applyLanguage();
loadCoverage();
if (answers.length) $("conversation").lastElementChild.scrollIntoView({block: "end"});
$("question").focus();
