// Faktakoll Granska text: a draft, pasted or a file, checked figure by figure (/api/review, /api/review/file).
// The draft is the user's text: it is only ever put on the page as text nodes, never as HTML.
"use strict";

const VERDICTS = ["correct", "rounded", "deviates", "other_role", "other_year", "not_in_reports", "unclear"];
const TO_CORRECT = ["deviates", "other_role", "other_year", "not_in_reports"];  // what "Kopiera rättelser" lists

const TEXTS = {
  sv: {
    title: "Faktakoll – granska text", tagline: "Varje siffra i en text kontrollerad mot Malmö stads redovisningar",
    askLink: "Fråga", factsLink: "Faktatabell", projectsLink: "Projekt", toggle: "English",
    toggleLabel: "Switch to English", heading: "Granska text",
    privacy: "Utkastet sparas inte och loggas inte: det granskas och glöms, bara antalet siffror räknas.",
    draftLabel: "Klistra in texten", fileLabel: "… eller välj en fil (.txt, .md, .docx, .pdf)", review: "Granska",
    fileHint: "En vald fil granskas i stället för texten i rutan.", keyLabel: "API-nyckel",
    clickHint: "Klicka på en markerad siffra (eller välj den med Tab och tryck Enter) för bedömning och källa.",
    reviewing: "Granskar varje siffra…", legend: "Färgerna", copy: "Kopiera rättelser", copied: "Kopierat",
    download: "Ladda ner rapport", version: "Korpusversion", source: "Källa", close: "Stäng", closeLabel: "Stäng källa",
    readable: "Läsbar version (OCR-rättad)", page: "s.", section: "avsnitt", openSource: "Visa källan",
    verdict: {correct: "Stämmer", rounded: "Avrundat", deviates: "Avviker", other_role: "Annan roll",
      other_year: "Annat år", not_in_reports: "Ej i rapporterna", unclear: "Oklart"},
    counted: {correct: () => "stämmer", rounded: (n) => (n === 1 ? "avrundad" : "avrundade"), deviates: () => "avviker",
      other_role: () => "annan roll", other_year: () => "annat år", not_in_reports: () => "ej i rapporterna",
      unclear: (n) => (n === 1 ? "oklar" : "oklara")},
    figures: (n) => (n === 1 ? "1 siffra" : `${num(n)} siffror`),
    noFigures: "Inga siffror att granska hittades i texten.",
    fromFile: (name) => `Texten ur ${name}`,
    asWritten: "Som skrivet", sentence: "Meningen", reported: "Rapporterna anger", reading: "Bedömning",
    sources: "Källor", notReported: "–",
    fixesHead: (n, total) => `Rättelser: ${n} av ${figuresText(total)}`, noFixes: "Inga siffror behöver rättas.",
    reportTitle: "Granskning av text", reportMade: (date) => `Granskad med Faktakoll ${date}`,
    reportAbout: "Varje siffra i texten kontrollerad mot Malmö stads redovisningar av internationellt arbete.",
    figure: "Siffra", where: "Källa", file: "granskning",
    errors: {
      empty: "Klistra in en text eller välj en fil först.",
      tooLarge: (name) => (name ? `${name} är för stor för en granskning.` : "Texten är för lång för en granskning.") +
        " Dela upp utkastet i mindre delar, eller spara det som .txt utan bilder.",
      rateLimited: "Du har gjort många granskningar på kort tid. Vänta en minut och försök igen.",
      unavailable: "Tjänsten når inte sina källor just nu. Försök igen om en stund.",
      needKey: "Ange en API-nyckel.", failed: "Granskningen gick inte att göra. Försök igen om en stund.",
    },
  },
  en: {
    title: "Faktakoll – check a text", tagline: "Every figure of a text checked against the City of Malmö's reports",
    askLink: "Ask", factsLink: "Facts table", projectsLink: "Projects", toggle: "Svenska",
    toggleLabel: "Byt till svenska", heading: "Check a text",
    privacy: "The draft is neither stored nor logged: it is checked and forgotten; only the number of figures is counted.",
    draftLabel: "Paste the text", fileLabel: "… or choose a file (.txt, .md, .docx, .pdf)", review: "Check",
    fileHint: "A chosen file is checked instead of the text in the box.", keyLabel: "API key",
    clickHint: "Click a marked figure (or reach it with Tab and press Enter) for its verdict and source.",
    reviewing: "Checking every figure…", legend: "The colours", copy: "Copy corrections", copied: "Copied",
    download: "Download report", version: "Corpus version", source: "Source", close: "Close", closeLabel: "Close source",
    readable: "Readable version (OCR repaired)", page: "p.", section: "section", openSource: "Show the source",
    verdict: {correct: "Correct", rounded: "Rounded", deviates: "Deviates", other_role: "Other role",
      other_year: "Other year", not_in_reports: "Not in the reports", unclear: "Unclear"},
    counted: {correct: () => "correct", rounded: () => "fairly rounded", deviates: (n) => (n === 1 ? "deviates" : "deviate"),
      other_role: () => "other role", other_year: () => "other year", not_in_reports: () => "not in the reports",
      unclear: () => "unclear"},
    figures: (n) => (n === 1 ? "1 figure" : `${num(n)} figures`),
    noFigures: "No figures to check were found in the text.",
    fromFile: (name) => `The text of ${name}`,
    asWritten: "As written", sentence: "Sentence", reported: "The reports state", reading: "Verdict",
    sources: "Sources", notReported: "–",
    fixesHead: (n, total) => `Corrections: ${n} of ${figuresText(total)}`, noFixes: "No figure needs correcting.",
    reportTitle: "Text check", reportMade: (date) => `Checked with Faktakoll ${date}`,
    reportAbout: "Every figure of the text checked against the City of Malmö's reports on international work.",
    figure: "Figure", where: "Source", file: "text-check",
    errors: {
      empty: "Paste a text or choose a file first.",
      tooLarge: (name) => (name ? `${name} is too large to check.` : "The text is too long to check.") +
        " Split the draft into smaller parts, or save it as .txt without images.",
      rateLimited: "You have made many checks in a short time. Wait a minute and try again.",
      unavailable: "The service cannot reach its sources just now. Please try again shortly.",
      needKey: "Enter an API key.", failed: "The check could not be made. Please try again shortly.",
    },
  },
};

let lang = Page.lang();
let shown = null;  // {result, text, name}: the review on the page
let selected = null;
const $ = (id) => document.getElementById(id);
const t = () => TEXTS[lang];
const num = (n) => n.toLocaleString(lang === "sv" ? "sv-SE" : "en-GB");
const figuresText = (n) => t().figures(n);
const chars = (text) => Array.from(text);  // the API's offsets count code points (an emoji is one), not UTF-16 units

function el(tag, attrs = {}, text = "") {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text) node.textContent = text;
  return node;
}

// "38 siffror: 29 stämmer, 6 avviker, 2 annan roll, 1 ej i rapporterna"
function summaryLine(result) {
  const total = result.claims.length;
  if (!total) return t().noFigures;
  const parts = VERDICTS.filter((v) => result.summary[v]).map((v) => `${num(result.summary[v])} ${t().counted[v](result.summary[v])}`);
  return `${t().figures(total)}: ${parts.join(", ")}`;
}

function where(c) {
  return `${c.title}${c.page ? `, ${t().page} ${c.page}` : (c.section ? `, ${c.section}` : "")}`;
}

function reportedText(claim) {
  return claim.reported ? claim.reported.display : t().notReported;
}

function renderLegend() {
  const legend = $("legend");
  legend.textContent = "";
  legend.setAttribute("aria-label", t().legend);
  for (const v of VERDICTS) {
    const item = el("li", {"data-verdict": v});
    item.append(el("span", {class: `swatch verdict-${v}`, "aria-hidden": "true"}), document.createTextNode(t().verdict[v]));
    legend.appendChild(item);
  }
}

// The draft as text with each figure a focusable mark in its verdict's colour.
function renderDraft() {
  const view = $("draft-view");
  view.textContent = "";
  view.lang = shown.result.lang;
  const text = chars(shown.text);
  let at = 0;
  shown.result.claims.forEach((claim, i) => {
    if (claim.start < at) return;  // overlaps a figure already marked
    view.append(document.createTextNode(text.slice(at, claim.start).join("")));
    const mark = el("mark", {class: `claim verdict-${claim.verdict}`, tabindex: "0", role: "button",
      "data-verdict": claim.verdict, "data-index": String(i), "aria-label": `${claim.figure}: ${t().verdict[claim.verdict]}`},
    text.slice(claim.start, claim.end).join(""));
    mark.addEventListener("click", () => select(i));
    mark.addEventListener("keydown", (e) => {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); select(i); }
    });
    view.appendChild(mark);
    at = claim.end;
  });
  view.append(document.createTextNode(text.slice(at).join("")));
}

function select(i) {
  selected = i;
  document.querySelectorAll("mark.claim").forEach((m) => {
    m.classList.toggle("selected", m.dataset.index === String(i));
    m.setAttribute("aria-pressed", m.dataset.index === String(i) ? "true" : "false");
  });
  renderDetail();
  $("claim-detail").scrollIntoView({block: "nearest"});
}

// The verdict of the figure chosen: as written, its sentence, the reported figure, the reading and its sources.
function renderDetail() {
  const box = $("claim-detail");
  box.textContent = "";
  if (selected === null) {
    box.appendChild(el("p", {class: "muted", id: "click-hint"}, t().clickHint));
    return;
  }
  const claim = shown.result.claims[selected];
  const head = el("h3", {class: "detail-head"});
  head.append(el("span", {class: `verdict-badge verdict-${claim.verdict}`}, t().verdict[claim.verdict]), " ",
    el("span", {class: "detail-figure"}, claim.figure));
  const facts = el("dl", {class: "detail-facts"});
  for (const [term, value] of [[t().sentence, claim.sentence], [t().reported, reportedText(claim)],
    [t().reading, claim.explanation]]) {
    facts.append(el("dt", {}, term), el("dd", {}, value));
  }
  box.append(head, facts);
  if (!claim.citations.length) return;
  box.appendChild(el("h4", {}, t().sources));
  const list = el("ul", {class: "detail-sources"});
  for (const c of claim.citations) {
    const item = el("li");
    item.append(el("span", {class: "source-where"}, where(c)), el("blockquote", {class: "quote"}, c.quote));
    if (c.chunk_id || c.fact_id) {
      const button = el("button", {type: "button", class: "source-link"}, t().openSource);
      button.addEventListener("click", () => SourcePanel.open(c, button, t(), Page.headers()));
      item.appendChild(button);
    }
    list.appendChild(item);
  }
  box.appendChild(list);
}

function renderResult() {
  const {result, name} = shown;
  $("summary").textContent = summaryLine(result);
  $("result-source").textContent = name ? t().fromFile(name) : "";
  $("version").textContent = `${t().version} ${result.corpus_version}`;
  const fixes = result.claims.some((c) => TO_CORRECT.includes(c.verdict));
  $("copy-fixes").disabled = !fixes;
  renderLegend();
  renderDraft();
  renderDetail();
  $("result").hidden = false;
}

// A plain-text list of the figures to correct: as written, the sentence, the reported figure and the source.
function correctionsText() {
  const {result} = shown;
  const fixes = result.claims.filter((c) => TO_CORRECT.includes(c.verdict));
  if (!fixes.length) return t().noFixes;
  const head = `${t().fixesHead(fixes.length, result.claims.length)} – Faktakoll, ${t().version.toLowerCase()}`;
  const lines = [`${head} ${result.corpus_version}`];
  fixes.forEach((c, k) => {
    lines.push("", `${k + 1}. "${c.figure}" – ${t().verdict[c.verdict]}`, `   ${t().sentence}: ${c.sentence}`,
      `   ${t().reported}: ${reportedText(c)}`, `   ${t().reading}: ${c.explanation}`);
    for (const s of c.citations) lines.push(`   ${t().source}: ${where(s)}: "${s.quote.replace(/\s+/g, " ")}"`);
  });
  return lines.join("\n");
}

function copyCorrections() {
  return SourcePanel.copy(correctionsText(), $("copy-fixes"), t().copied, t().copy);
}

const REPORT_STYLE = "body{font-family:system-ui,sans-serif;margin:2rem;color:#1d2430;line-height:1.45}" +
  "table{border-collapse:collapse;width:100%}th,td{border:1px solid #d9dee6;padding:.35rem .5rem;text-align:left;" +
  "vertical-align:top}th{background:#f6f7f9}blockquote{margin:.2rem 0;color:#5b6472}.muted{color:#5b6472}";

// A self-contained HTML file of every figure with its verdict, reported figure, reading and sources (to attach to
// a story); the colours are the legend's, read from the page. Built as DOM nodes, so the draft's text stays text.
function reportHtml(date) {
  const {result, name} = shown;
  const doc = document.implementation.createHTMLDocument(`${t().reportTitle} – Faktakoll`);
  doc.documentElement.lang = lang;
  const add = (parent, tag, text = "", cls = "") => {
    const node = parent.appendChild(doc.createElement(tag));
    if (text) node.textContent = text;
    if (cls) node.className = cls;
    return node;
  };
  const charset = doc.createElement("meta");
  charset.setAttribute("charset", "utf-8");
  doc.head.prepend(charset);
  add(doc.body, "h1", t().reportTitle);
  add(doc.body, "p", [t().reportMade(date), name && t().fromFile(name), t().reportAbout].filter(Boolean).join(". "),
    "muted");
  add(doc.body, "p", summaryLine(result));
  add(doc.body, "p", `${t().version} ${result.corpus_version}`, "muted");
  const head = add(add(add(doc.body, "table"), "thead"), "tr");
  for (const label of ["#", t().figure, t().sentence, t().reading, t().reported, t().where]) add(head, "th", label);
  const body = add(doc.body.querySelector("table"), "tbody");
  result.claims.forEach((c, k) => {
    const row = add(body, "tr");
    add(row, "td", String(k + 1));
    add(row, "td", c.figure);
    add(row, "td", c.sentence);
    const verdict = add(row, "td", "", `verdict-${c.verdict}`);
    add(verdict, "strong", t().verdict[c.verdict]);
    add(verdict, "div", c.explanation);
    add(row, "td", reportedText(c));
    const sources = add(row, "td");
    for (const s of c.citations) { add(sources, "div", where(s)); add(sources, "blockquote", s.quote); }
  });
  // the style goes in as text of the file: a <style> element made here would break this page's own policy
  const colours = VERDICTS.map((v) => `.verdict-${v}{background:${swatchColour(v)}}`).join("");
  const html = doc.documentElement.outerHTML.replace("</head>", `<style>${REPORT_STYLE}${colours}</style></head>`);
  return `<!doctype html>\n${html}\n`;
}

function swatchColour(verdict) {
  return getComputedStyle($("legend").querySelector(`.verdict-${verdict}`)).backgroundColor;
}

function downloadReport() {
  const date = new Date().toISOString().slice(0, 10);
  const url = URL.createObjectURL(new Blob([reportHtml(date)], {type: "text/html;charset=utf-8"}));
  const link = el("a", {href: url, download: `${t().file}-${date}.html`});
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

// "trasig.pdf kunde inte läsas: …" and its hint as two sentences (the message may begin with a file's name: as is)
function sentenceOf(message, hint) {
  return `${message}.${hint ? ` ${hint.charAt(0).toUpperCase()}${hint.slice(1)}.` : ""}`;
}

// One plain sentence for a refused review; the details of a store away go to the console.
async function refusal(res, file) {
  const body = await res.json().catch(() => ({}));
  const error = body.error || {};
  if (res.status === 401) { $("key-row").hidden = false; return t().errors.needKey; }
  if (res.status === 413) return t().errors.tooLarge(file && file.name);
  if (res.status === 429) return t().errors.rateLimited;
  if (res.status >= 500) { console.warn(error); return t().errors.unavailable; }
  if (file && res.status === 400 && error.message) return sentenceOf(error.message, error.hint);  // names the file
  return t().errors.failed;
}

function request(file, text) {
  if (file) {
    const form = new FormData();
    form.append("file", file);
    form.append("lang", lang);
    return fetch("/api/review/file", {method: "POST", headers: Page.headers(), body: form});
  }
  return fetch("/api/review", {method: "POST", headers: Page.headers({"Content-Type": "application/json"}),
    body: JSON.stringify({text, lang})});
}

function showError(message) {
  $("error").textContent = message;
  $("error").hidden = !message;
}

async function submit(event) {
  event.preventDefault();
  const key = $("api-key").value.trim();
  if (key) Page.setKey(key);
  const file = $("file").files[0] || null;
  const text = $("draft").value;
  showError("");
  if (!file && !text.trim()) { showError(t().errors.empty); return; }
  $("review-button").disabled = true;
  $("status").textContent = t().reviewing;
  try {
    const res = await request(file, text);
    if (!res.ok) { showError(await refusal(res, file)); return; }
    const result = await res.json();
    shown = {result, text: result.text ?? text, name: file ? file.name : null};
    selected = null;
    if (file) { $("draft").value = shown.text; $("file").value = ""; }  // "Granska" again checks the text as edited
    renderResult();
  } catch (err) {
    console.warn(err);
    showError(t().errors.failed);
  } finally {
    $("status").textContent = "";
    $("review-button").disabled = false;
  }
}

function applyLanguage() {
  Page.translate(t());
  $("panel-close").setAttribute("aria-label", t().closeLabel);
  document.title = t().title;
  if (shown) { renderResult(); if (selected !== null) select(selected); }
}

$("review-form").addEventListener("submit", submit);
$("copy-fixes").addEventListener("click", copyCorrections);
$("download").addEventListener("click", downloadReport);
Page.onToggle((chosen) => { lang = chosen; applyLanguage(); });
applyLanguage();
