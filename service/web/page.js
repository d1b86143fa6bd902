// Shared by every page: the language the reader chose (kept in localStorage) and the headers of the page's own
// requests (the API key when one is set, and X-Faktakoll-Client, which gives the pages a rate-limit budget apart
// from scripts calling the API from the same address or with the same key).
"use strict";

const Page = (() => {
  const LANG_KEY = "faktakoll-lang", API_KEY = "faktakoll-key";

  function headers(extra = {}) {
    const h = {"X-Faktakoll-Client": "page", ...extra};
    const key = localStorage.getItem(API_KEY);
    if (key) h["X-API-Key"] = key;
    return h;
  }

  const setKey = (key) => localStorage.setItem(API_KEY, key);
  const lang = () => localStorage.getItem(LANG_KEY) || "sv";

  // The toggle switches sv <-> en, remembers it and calls `apply` (the page re-renders in the new language).
  function onToggle(apply) {
    document.getElementById("lang-toggle").addEventListener("click", () => {
      localStorage.setItem(LANG_KEY, lang() === "sv" ? "en" : "sv");
      apply(lang());
    });
  }

  // The page's static words: every [data-i18n] node, the toggle button and the document's language.
  function translate(texts) {
    document.documentElement.lang = lang();
    document.querySelectorAll("[data-i18n]").forEach((node) => {
      const value = texts[node.dataset.i18n];
      if (typeof value === "string") node.textContent = value;
    });
    const toggle = document.getElementById("lang-toggle");
    toggle.textContent = texts.toggle;
    toggle.setAttribute("aria-label", texts.toggleLabel);
  }

  return {headers, setKey, lang, onToggle, translate};
})();
