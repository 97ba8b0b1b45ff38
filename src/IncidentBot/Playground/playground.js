// The playground: plain JavaScript over the public HTTP API, so the page doubles as its living documentation.
// Every text that comes from the documents or the question is inserted as text (never as HTML).
"use strict";

const ShownCitations = 3;
let latestAsk = 0;
const RequestedCitations = 8;

const $ = (id) => document.getElementById(id);
const count = (n, noun) => `${n.toLocaleString("en")} ${noun}${n === 1 ? "" : "s"}`;
const when = (iso) => new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });

function el(tag, props, ...children) {
  const node = document.createElement(tag);
  Object.assign(node, props || {});
  for (const child of children) {
    if (child !== null && child !== undefined) node.append(child);
  }
  return node;
}

// Matched words arrive as UTF-16 ranges of the text (the same units as JavaScript strings).
function highlighted(text, ranges) {
  const fragment = document.createDocumentFragment();
  let at = 0;
  for (const { start, length } of [...(ranges || [])].sort((a, b) => a.start - b.start)) {
    if (start < at || start + length > text.length) continue;
    fragment.append(text.slice(at, start), el("mark", { textContent: text.slice(start, start + length) }));
    at = start + length;
  }
  fragment.append(text.slice(at));
  return fragment;
}

function safeUrl(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : null;
  } catch {
    return null;
  }
}

function citationItem(citation) {
  const where = [`¶${citation.paragraph}`, citation.date].filter(Boolean).join(", ");
  const url = citation.url ? safeUrl(citation.url) : null;
  const title = url
    ? el("a", { href: url, textContent: citation.title, rel: "noopener noreferrer", target: "_blank" })
    : document.createTextNode(citation.title);
  const head = el("div", { className: "cite-head" }, el("span", { className: "cite-num", textContent: `[${citation.n}]` }), title,
    el("span", { className: "muted", textContent: ` — ${where}` }));
  return el("li", { className: "citation" }, head, el("p", { className: "snippet" }, highlighted(citation.snippet, citation.highlights)));
}

function citationList(citations) {
  const list = el("ol", { className: "citations" });
  citations.slice(0, ShownCitations).forEach((c) => list.append(citationItem(c)));
  const rest = citations.slice(ShownCitations);
  if (rest.length === 0) return list;
  const more = el("button", { type: "button", className: "link more-sources", textContent: `More sources (${rest.length})` });
  more.addEventListener("click", () => {
    rest.forEach((c) => list.append(citationItem(c)));
    more.remove();
    // The button is gone: keep keyboard users where the new sources start.
    const first = list.children[ShownCitations];
    first.tabIndex = -1;
    first.focus();
  });
  return el("div", null, list, more);
}

function didYouMean(answer) {
  const suggestions = (answer.didYouMean || []).filter((s) => s.suggestions.length > 0);
  if (suggestions.length === 0) return null;
  let corrected = answer.question;
  const parts = [];
  for (const s of suggestions) {
    parts.push(`${s.suggestions.map((w) => `"${w}"`).join(" or ")} (not "${s.word}")`);
    const escaped = s.word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    corrected = corrected.replace(new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, "u"), (_, before) => before + s.suggestions[0]);
  }
  const retry = el("button", { type: "button", className: "link", textContent: `Ask “${corrected}”` });
  retry.addEventListener("click", () => { $("question").value = corrected; ask(); });
  return el("p", { className: "did-you-mean" }, `Did you mean ${parts.join(", ")}? `, retry);
}

function renderAnswer(answer) {
  const meta = el("p", { className: "meta", textContent:
    `${answer.answered ? `Confidence ${Math.round(answer.confidence * 100)} % · ` : ""}answered in ${answer.elapsedMs} ms` });
  if (answer.answered) {
    return el("article", { className: "card answered" },
      el("blockquote", { className: "answer-text" }, highlighted(answer.answer, answer.highlights), " ",
        el("span", { className: "muted", textContent: "[1]" })),
      didYouMean(answer), meta,
      el("h3", { className: "visually-hidden", textContent: "Sources" }), citationList(answer.citations));
  }

  const card = el("article", { className: "card unanswered" },
    el("p", { className: "answer-text", textContent: answer.message }), didYouMean(answer), meta);
  if (answer.citations.length > 0) {
    card.append(el("h3", { textContent: "Closest passages (not an answer)" }), citationList(answer.citations));
  }
  return card;
}

function renderError(message) {
  // #result is a polite live region already: no role="alert" on top (it would be announced twice).
  return el("article", { className: "card error" }, el("p", { textContent: message }));
}

async function readError(response) {
  try {
    return (await response.json()).error || `HTTP ${response.status}`;
  } catch {
    return `HTTP ${response.status}`;
  }
}

async function ask() {
  const question = $("question").value.trim();
  if (!question) {
    $("question").focus();
    return;
  }
  const params = new URLSearchParams({ q: question, top: String(RequestedCitations) });
  if ($("as-of").value) params.set("as_of", $("as-of").value);
  const result = $("result");
  const ticket = ++latestAsk;
  result.setAttribute("aria-busy", "true");
  $("ask").disabled = true;
  let content;
  try {
    const response = await fetch(`/api/ask?${params}`, { headers: { Accept: "application/json" } });
    content = response.ok ? renderAnswer(await response.json()) : renderError(await readError(response));
  } catch {
    content = renderError("The service cannot be reached. Is it still running?");
  }

  // Only the latest question's reply is shown, whichever reply arrives last.
  if (ticket !== latestAsk) return;
  $("ask").disabled = false;
  result.setAttribute("aria-busy", "false");
  result.replaceChildren(el("h2", { id: "result-heading", className: "visually-hidden", textContent: "Answer" }), content);
}

async function loadStatus() {
  try {
    const body = await (await fetch("/readyz", { headers: { Accept: "application/json" } })).json();
    const index = body.index;
    $("index-status").textContent = index
      ? `${count(index.documents, "document")}, ${count(index.paragraphs, "paragraph")}, ${count(index.sentences, "sentence")}; built ${when(index.builtAt)}.`
      : `Not ready yet${body.reason ? `: ${body.reason}` : ""}.`;
    return Boolean(index);
  } catch {
    $("index-status").textContent = "The service cannot be reached.";
    return false;
  }
}

async function loadSources() {
  const list = $("sources");
  try {
    const response = await fetch("/api/sources", { headers: { Accept: "application/json" } });
    if (!response.ok) {
      list.replaceChildren(el("li", { className: "muted", textContent: await readError(response) }));
      return;
    }
    const sources = await response.json();
    list.replaceChildren(...sources.map((s) => {
      const url = s.url ? safeUrl(s.url) : null;
      const title = url ? el("a", { href: url, textContent: s.title, rel: "noopener noreferrer", target: "_blank" }) : el("span", { textContent: s.title });
      const details = [s.date, count(s.paragraphs, "paragraph")].filter(Boolean).join(" · ");
      const file = s.title === s.source ? null : el("div", { className: "file", textContent: s.source });
      return el("li", null, title, el("div", { className: "muted", textContent: details }), file);
    }));
  } catch {
    list.replaceChildren(el("li", { className: "muted", textContent: "The service cannot be reached." }));
  }
}

function describeReindex(status, body) {
  if (status === 401) return "That admin key is not right.";
  if (status === 403) return "Reindexing over HTTP is turned off (no Admin:ApiKey is configured).";
  if (!body) return `Reindex failed (HTTP ${status}).`;
  const golden = body.golden ? ` Golden questions: ${body.golden.passed} of ${body.golden.questions} pass.` : "";
  const warnings = body.warnings && body.warnings.length ? ` ${body.warnings.length} warning(s): ${body.warnings.join("; ")}` : "";
  if (body.status === "built") return `Index rebuilt in ${(body.elapsedMs / 1000).toFixed(1)} s: ${count(body.index.documents, "document")}, ${count(body.index.sentences, "sentence")}.${golden}${warnings}`;
  if (body.status === "unchanged") return "Index unchanged: the documents have not changed since it was built. Use Force to rebuild anyway.";
  return `Reindex failed: ${body.error || "unknown error"} The previous index keeps answering.${warnings}`;
}

async function reindex() {
  const key = $("admin-key").value;
  if (!key) {
    $("admin-key").focus();
    return;
  }
  const status = $("reindex-status");
  const progress = $("reindex-progress");
  const elapsed = $("reindex-elapsed");
  const started = performance.now();

  // The status (a live region) is said once at the start and once at the end; the seconds tick silently.
  const tick = setInterval(() => { elapsed.textContent = `${((performance.now() - started) / 1000).toFixed(0)} s`; }, 1000);
  status.className = "";
  status.textContent = "Reindexing…";
  elapsed.textContent = "";
  progress.hidden = false;
  $("reindex").disabled = true;
  try {
    const response = await fetch(`/api/reindex${$("force").checked ? "?force=true" : ""}`, {
      method: "POST",
      headers: { Authorization: `Bearer ${key}`, Accept: "application/json" },
    });
    let body = null;
    try { body = await response.json(); } catch { body = null; }
    status.textContent = describeReindex(response.status, body);
    status.className = response.ok ? "good" : "bad";
    if (response.ok) await Promise.all([loadStatus(), loadSources()]);
  } catch {
    status.textContent = "The service cannot be reached.";
    status.className = "bad";
  } finally {
    clearInterval(tick);
    elapsed.textContent = "";
    progress.hidden = true;
    $("reindex").disabled = false;
  }
}

document.addEventListener("DOMContentLoaded", () => {
  $("ask-form").addEventListener("submit", (event) => { event.preventDefault(); ask(); });
  $("reindex-form").addEventListener("submit", (event) => { event.preventDefault(); reindex(); });
  document.addEventListener("keydown", (event) => {
    const typing = event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement;
    if (event.key === "/" && !typing) {
      event.preventDefault();
      $("question").focus();
    }
  });
  const initial = new URLSearchParams(location.search).get("q");
  if (initial) {
    $("question").value = initial;
  }
  loadStatus().then((ready) => {
    loadSources();
    if (initial && ready) ask();
  });
});
