// The source panel of the chat and Granska pages: a citation's passage (/api/sources/{id}) with its quote marked;
// and copying to the clipboard, which both pages do.
// The page holds the panel's markup (#source-panel); Escape or "Stäng" closes it and gives focus back.
"use strict";

const SourcePanel = (() => {
  const byId = (id) => document.getElementById(id);
  let lastFocus = null;

  // texts: the page's words {source, page, section}; headers: the request headers (an API key when one is set)
  async function open(citation, opener, texts, headers) {
    const id = citation && (citation.chunk_id || citation.fact_id);
    if (!id) return false;
    lastFocus = opener;
    const range = citation.span_start != null ? `?start=${citation.span_start}&end=${citation.span_end}` : "";
    const res = await fetch(`/api/sources/${encodeURIComponent(id)}${range}`, {headers});
    if (!res.ok) return false;
    const src = await res.json();
    byId("source-title").textContent = `${texts.source} [${citation.n}]`;
    byId("source-meta").textContent = `${src.title}${src.page ? `, ${texts.page} ${src.page}` : ""}` +
      (src.page_label ? ` (${src.page_label})` : "");
    byId("source-path").textContent = src.section_path.length ? `${texts.section}: ${src.section_path.join(" › ")}` : "";
    // the passage as clean text (no markup); the API keeps the verbatim context and its offsets
    const box = byId("source-text");
    box.textContent = "";
    const mark = document.createElement("mark");
    mark.textContent = src.text.slice(src.text_highlight_start, src.text_highlight_end);
    box.append(document.createTextNode(src.text.slice(0, src.text_highlight_start)), mark,
      document.createTextNode(src.text.slice(src.text_highlight_end)));
    byId("source-readable-box").hidden = !src.readable;
    byId("source-readable").textContent = src.readable || "";
    byId("source-panel").hidden = false;
    mark.scrollIntoView({block: "center"});
    byId("panel-close").focus({preventScroll: true});
    return true;
  }

  function close() {
    byId("source-panel").hidden = true;
    if (lastFocus) lastFocus.focus();
  }

  byId("panel-close").addEventListener("click", close);
  document.addEventListener("keydown", (e) => { if (e.key === "Escape" && !byId("source-panel").hidden) close(); });
  // Copy `text` to the clipboard (a hidden text area where the Clipboard API is refused); the button says
  // `done` for two seconds, then `label` again, and keeps what it copied in data-copied (read by the page tests).
  async function copy(text, button, done, label) {
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      const area = document.createElement("textarea"); area.value = text; document.body.appendChild(area);
      area.select(); document.execCommand("copy"); area.remove();
    }
    button.textContent = done;
    button.dataset.copied = text;
    setTimeout(() => { button.textContent = label; }, 2000);
  }

  return {open, close, copy};
})();
