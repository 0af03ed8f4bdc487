// Search page: Pagefind's JS API, ranked in the order a reader expects, honest about misses.
//   1. pages whose name is the query (organizations, topics: the names in the search data),
//   2. pages holding the typed syllables together, those with them in a section heading first,
//   3. pages holding them apart, under their own line.
// A word in no page gets the nearest words of the index; a word only the other language's pages
// hold points there. The query and the filters live in the URL (?q=…&org=…), kept by the
// language switch. Text rules (folding, names, excerpts) are in search-text.js.

const script = document.currentScript || document.querySelector("script[data-root]");
const say = (template, values) => template.replace(/\{(\w)\}/g, (_, key) => values[key]);
const { makeText, makeWords, excerpt, excerptSpan, WORD_SEPARATORS } = await import(new URL(script.dataset.text, location.href).href);
const root = new URL(script.dataset.root, location.href);
const lang = document.documentElement.lang;
const other = document.querySelector(".lang-switch");
const form = document.querySelector(".search-form");
const input = document.getElementById("q");
const statusLine = document.getElementById("search-status");
const hint = document.getElementById("search-hint");
const list = document.getElementById("search-results");
const filterBox = document.getElementById("search-filters");
const filterDetails = document.getElementById("search-filter-box");
const more = document.getElementById("search-more");
const examples = document.getElementById("search-examples");
const PAGE = 10;
const PAGE_LENGTH = 0.5;  // Pagefind's default 0.75 favours short pages more
const chosen = {};  // filter name → Set of values as indexed
let pagefind = null;
let data = null;   // this language's search data (vankien/searchdata.py)
let text = null;
const wordLists = {};  // lang → makeWords(…), fetched on the first miss
let latest = 0;
let ranked = [];   // Pagefind results not shown as names, best first
let shown = 0;
let together = 0;  // how many of `ranked` hold the typed syllables together
let phraseFolded = "";

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  node.append(...children);
  return node;
}

function link(query, label) {
  const url = new URL(location.href);
  url.searchParams.set("q", query);
  const anchor = element("a", { href: url.search }, label);
  anchor.addEventListener("click", (event) => { event.preventDefault(); input.value = query; run(); });
  return anchor;
}

function excerptNode(pieces) {
  const holder = element("p", { class: "excerpt" });
  for (const [words, marked] of pieces) holder.append(marked ? element("mark", {}, text.unfold(words)) : text.unfold(words));
  return holder;
}

// The word positions where each heading's section ends (the next heading), for excerpts.
function sectionEnds(result) {
  const starts = (result.anchors || []).filter((a) => /^h\d$/i.test(a.element)).map((a) => a.location).sort((a, b) => a - b);
  return (location) => starts.find((s) => s > location) ?? Infinity;
}

// The excerpts a result shows: its first sections holding matches (other than the page's own
// title), else the page itself, each as {section, locations, from, to}.
function excerptPlans(result) {
  const end = sectionEnds(result);
  const sections = (result.sub_results || [])
    .filter((s) => s.url !== result.url && s.url.includes("#") && s.title !== result.meta.title).slice(0, 3);
  if (!sections.length) return [{ section: null, locations: result.weighted_locations || result.locations || [], from: 0, to: Infinity }];
  return sections.map((section) => {
    const from = section.anchor?.location ?? 0;
    return { section, locations: section.weighted_locations || section.locations || [], from, to: end(from) };
  });
}

// The words of a result's text where its excerpts fall. A long page's fragment holds only its
// opening; the rest is in text files (vankien/searchtext.py), of which only those the excerpts
// read are fetched. Without them (an old browser, a failed fetch) excerpts come from the opening.
async function resultWords(result, plans) {
  const words = (result.raw_content || result.content || "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").split(WORD_SEPARATORS);
  const about = result.vankien_text;
  if (!about) return words;
  const inline = words.length;
  const chunks = new Set();
  for (const { locations, from, to } of plans) {
    const [lo, hi] = excerptSpan(locations, about.words, from, to);
    for (let at = Math.max(lo, about.inline); at < hi; at += about.chunk) chunks.add(Math.floor((at - about.inline) / about.chunk));
    if (hi > about.inline) chunks.add(Math.floor((hi - 1 - about.inline) / about.chunk));
  }
  try {
    await Promise.all([...chunks].map(async (n) => {
      const text = await loadText(`text/${about.id}.${n}.pf_text`);
      text.split(" ").forEach((word, i) => { words[about.inline + n * about.chunk + i] = word; });
    }));
    words.length = about.words;
  } catch {
    words.length = inline;
  }
  return words;
}

function resultNode(result) {
  const item = element("li", { class: "search-result" });
  item.append(element("h2", {}, element("a", { href: result.url }, text.unfold(result.meta.title || result.url))));
  if (result.meta.kind) item.append(element("p", { class: "muted small" }, text.unfold(result.meta.kind)));
  const plans = excerptPlans(result);
  if (plans[0].section) {
    const sub = element("ul", { class: "sections", "aria-label": script.dataset.sections });
    for (const { section, locations, from, to } of plans) {
      sub.append(element("li", {}, element("a", { href: section.url }, text.unfold(section.title)),
        excerptNode(excerpt(result.words, locations, from, to))));
    }
    item.append(sub);
  } else {
    item.append(excerptNode(excerpt(result.words, plans[0].locations)));
  }
  return item;
}

function nameNode(name) {
  const item = element("li", { class: "search-result search-name" });
  item.append(element("h2", {}, element("a", { href: name.url }, name.title)));
  if (name.kind) item.append(element("p", { class: "muted small" }, name.kind));
  return item;
}

// -- filters and the URL ------------------------------------------------------------------

const facetOf = (name, value) => data.facets[text.unfold(name)]?.[text.unfold(value)];  // "org=quan-doan-binh-tan"

function writeUrl(query) {
  const url = new URL(location.href);
  url.search = "";
  if (query) url.searchParams.set("q", query);
  for (const [name, values] of Object.entries(chosen)) {
    for (const value of values) {
      const facet = facetOf(name, value);
      if (facet) url.searchParams.append(...facet.split("="));
    }
  }
  history.replaceState(null, "", url);
  if (other) {  // the same query and filters on the other language's search page
    const target = new URL(other.href);
    target.search = url.search;
    other.href = target.href;
  }
}

function readUrl(available) {
  const params = new URL(location.href).searchParams;
  for (const [name, values] of Object.entries(available)) {
    for (const value of Object.keys(values)) {
      const [param, key] = (facetOf(name, value) || "=").split("=");
      if (param && params.getAll(param).includes(key)) (chosen[name] ??= new Set()).add(value);
    }
  }
}

function renderFilters(available, counts) {
  filterBox.replaceChildren();
  const active = Object.values(chosen).reduce((n, set) => n + set.size, 0);
  if (active) {
    const reset = element("button", { type: "button", class: "search-reset" }, script.dataset.reset);
    reset.addEventListener("click", () => { for (const set of Object.values(chosen)) set.clear(); run(); });
    filterBox.append(reset);
  }
  filterDetails.querySelector("summary").dataset.active = active ? ` (${active})` : "";
  Object.entries(available).forEach(([name, values], group) => {
    const box = element("fieldset", {}, element("legend", {}, text.unfold(name)));
    Object.keys(values).sort().forEach((value, index) => {
      const facet = facetOf(name, value);  // keys are unique per filter (ids, or text_id)
      const id = facet ? `f-${facet.replace("=", "-")}` : `f-${group}-${index}`;
      const checkbox = element("input", { type: "checkbox", id, value });
      checkbox.checked = chosen[name]?.has(value) ?? false;
      checkbox.addEventListener("change", () => {
        chosen[name] ??= new Set();
        checkbox.checked ? chosen[name].add(value) : chosen[name].delete(value);
        run().then(() => {  // on a phone the list hides the results: bring them into view
          if (matchMedia("(max-width: 39.99rem)").matches) statusLine.scrollIntoView({ block: "start" });
        });
      });
      const count = counts?.[name]?.[value] ?? 0;
      box.append(element("div", { class: count || checkbox.checked ? "filter-option" : "filter-option empty" }, checkbox,
        element("label", { for: id }, text.unfold(value), " ", element("span", { class: "count" }, `(${count})`))));
    });
    filterBox.append(box);
  });
  filterDetails.hidden = !input.value.trim();
}

function passesFilters(name) {  // a name's page shows only when it has one of each filter's ticked values
  return Object.entries(chosen).every(([filter, values]) => !values.size || [...values].some((value) => name.facets.includes(facetOf(filter, value))));
}

// -- searching ------------------------------------------------------------------------------

// A JSON file of the search data (vankien/searchdata.py), fetched gzip-compressed where the
// browser can unpack it (a host may not compress JSON itself); a host that sends the .gz file
// with Content-Encoding has had the browser unpack it already.
// A gzip-compressed file of the bundle as text (DecompressionStream: browsers since 2023).
async function loadText(name) {
  const bytes = new Uint8Array(await (await fetch(new URL(`pagefind/${name}`, root))).arrayBuffer());
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return new TextDecoder().decode(bytes);
  return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"))).text();
}

async function loadJson(name) {
  if (typeof DecompressionStream === "undefined") return (await fetch(new URL(`pagefind/${name}`, root))).json();
  return JSON.parse(await loadText(`${name}.gz`));
}

async function words(language) {
  wordLists[language] ??= loadJson(`vankien-words.${language}.json`).then(makeWords).catch(() => makeWords([]));
  return wordLists[language];
}

// The query with one typed word replaced (the word as folded; the query as typed).
function replaceWord(query, word, replacement) {
  const typed = query.split(/(\s+)/);
  const at = typed.findIndex((token) => text.queryWords(token)[0] === word);
  if (at >= 0) typed[at] = replacement;
  return typed.join("");
}

// Words of the query that no page holds, and what to do instead: {notes: nodes for the hint line,
// query: the query to run (corrected when every missing word has a sure correction, else the
// known words alone), sure: whether that query answers the reader (a correction), none: run nothing}.
async function missingWords(typed) {
  const here = await words(lang);
  const typedWords = text.queryWords(typed);
  const missing = typedWords.filter((word, i) => !here.has(word, i === typedWords.length - 1 && !/\s$/.test(input.value)));
  if (!missing.length) return null;
  const quoted = missing.map((w) => `“${w}”`).join(", ");
  const otherLang = lang === "vi" ? "en" : "vi";
  if (other) {
    const there = await words(otherLang);
    const away = missing.filter((word) => there.has(word, true));
    if (away.length * 2 > missing.length) {  // mostly words of the other language: its search answers
      const link = element("a", { href: other.href, class: "search-other", hreflang: otherLang }, script.dataset.otherLink);
      return { notes: [say(script.dataset.otherLanguage, { w: away.map((w) => `“${w}”`).join(", ") }), " ", link], none: true };
    }
  }
  const plain = text.fold(typed) === typed.toLowerCase();  // typed without diacritics: answer the same way
  const notes = [say(script.dataset.unknown, { w: quoted })];
  let corrected = typed, sure = true, rest = typed;
  let choices = [typed];  // corrected queries to try, nearest words first
  for (const word of missing) {
    rest = replaceWord(rest, word, "");
    const near = here.nearest(word);
    if (!near.length) { sure = false; choices = []; continue; }
    // Sure: one edit away in a word of four letters or more, or two letters swapped ("dnag").
    sure &&= near[0].distance === 1 && (word.length >= 4 || near[0].swap);
    corrected = replaceWord(corrected, word, plain ? near[0].folded : near[0].written);
    choices = choices.flatMap((q) => near.map((n) => replaceWord(q, word, plain ? n.folded : n.written))).slice(0, 9);
    notes.push(" ", say(script.dataset.nearest, { w: `“${word}”` }), " ");
    near.forEach((candidate, i) => {
      const label = candidate.written === candidate.folded ? candidate.written : `${candidate.written} (${candidate.folded})`;
      notes.push(i ? ", " : "", link(replaceWord(typed, word, plain ? candidate.folded : candidate.written), label));
    });
  }
  rest = rest.trim().split(/\s+/).join(" ");
  if (!sure && /\s/.test(typed)) {  // the words around decide: the first correction that some page holds as typed
    for (const choice of choices) {
      if ((await pagefind.search(`"${text.foldLetters(choice)}"`)).results.length) { corrected = choice; sure = true; break; }
    }
  }
  if (sure) notes.push(" ", say(script.dataset.showing, { q: corrected }));
  return { notes, query: sure ? corrected : rest, sure, none: !sure && !rest };
}

async function find(query, filters) {
  const folded = text.foldLetters(query);
  // Vietnamese words are written as separate syllables ("hồ bơi", "kết nạp"): pages holding the
  // typed syllables together come first, then pages holding them anywhere.
  const asPhrase = /\s/.test(folded.trim()) && !folded.includes('"');
  const [phrase, loose] = await Promise.all([
    asPhrase ? pagefind.search(`"${folded}"`, { filters }) : null,
    pagefind.search(folded, { filters }),
  ]);
  const names = text.namesFor(query).filter(passesFilters);
  const named = new Set(names.map((n) => n.id));
  // Pagefind scores every phrase match alike: order them as the plain search ranks them.
  const inPhrase = new Set(phrase ? phrase.results.map((r) => r.id) : loose.results.map((r) => r.id));
  const ordered = [...loose.results.filter((r) => inPhrase.has(r.id)), ...(phrase ? phrase.results : []), ...loose.results];
  const seen = new Set(named);
  const results = ordered.filter((r) => !seen.has(r.id) && seen.add(r.id));
  const holding = results.filter((r) => inPhrase.has(r.id)).length;
  return { names, results, together: holding, phrase: !!phrase, counts: loose.filters, folded };
}

async function run() {
  const typed = input.value.trim();
  const ticket = ++latest;
  writeUrl(typed);
  if (!typed) {
    list.replaceChildren();
    hint.replaceChildren();
    statusLine.textContent = "";
    filterDetails.hidden = true;
    more.hidden = true;
    examples.hidden = false;
    return;
  }
  examples.hidden = true;
  const filters = Object.fromEntries(Object.entries(chosen).filter(([, v]) => v.size).map(([k, v]) => [k, { any: [...v] }]));
  const miss = await missingWords(typed);
  const query = miss ? miss.query : typed;
  const found = miss?.none ? { names: [], results: [], together: 0, phrase: false, counts: {} } : await find(query, filters);
  if (ticket !== latest) return;
  ranked = found.results;
  together = miss && !miss.sure ? 0 : found.together;  // the rest of the words are not what was typed
  phraseFolded = found.phrase && !(miss && !miss.sure) ? text.fold(query) : "";
  shown = 0;
  list.replaceChildren(...found.names.map(nameNode));
  const held = found.names.length + together;
  if (!held && ranked.length && (found.phrase || miss)) {
    list.append(element("li", { class: "search-apart muted" }, miss && !miss.sure ? say(script.dataset.restLine, { q: query }) : script.dataset.apart));
  }
  await showMore(ticket);
  if (ticket !== latest) return;
  renderFilters(await pagefind.filters(), found.counts);
  const n = found.names.length + ranked.length;
  const shownQuery = miss?.sure ? query : typed;
  let template = n === 0 ? script.dataset.none : n === 1 ? script.dataset.one : script.dataset.count;
  if (!held && /\s/.test(shownQuery) && (found.phrase || (miss && !miss.sure))) template = script.dataset.noPhrase;
  statusLine.textContent = say(template, { q: shownQuery, n: n.toLocaleString(lang) });
  hint.replaceChildren(...(miss ? miss.notes : []));
}

async function showMore(ticket = latest) {
  const batch = await Promise.all(ranked.slice(shown, shown + PAGE).map((r) => r.data()));
  await Promise.all(batch.map(async (result) => { result.words = await resultWords(result, excerptPlans(result)); }));
  if (ticket !== latest) return;
  if (shown === 0 && phraseFolded) {  // sections whose heading holds the phrase come first
    const inHeading = (r) => (r.sub_results || []).some((s) => s.url.includes("#") && text.fold(text.unfold(s.title || "")).includes(phraseFolded));
    const head = batch.slice(0, Math.min(together, batch.length));
    const order = head.map((r, i) => [inHeading(r) ? 0 : 1, i]).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(([, i]) => i);
    const results = ranked.slice(0, head.length);
    order.forEach((from, to) => { batch[to] = head[from]; ranked[to] = results[from]; });
  }
  batch.forEach((result, offset) => {
    if (together && shown + offset === together) {  // the rest only hold the syllables apart
      list.append(element("li", { class: "search-apart muted" }, script.dataset.apart));
    }
    list.append(resultNode(result));
  });
  shown += batch.length;
  more.hidden = shown >= ranked.length;
  more.querySelector("button").textContent = say(script.dataset.more, { n: Math.min(PAGE, ranked.length - shown) });
}

async function start() {
  try {
    pagefind = await import(new URL("pagefind/pagefind.js", root).href);
    // A short page does not outrank a document for words both hold (measured: python -m vankien.rankbench).
    await pagefind.options({ baseUrl: root.pathname, excerptLength: 24, ranking: { pageLength: PAGE_LENGTH } });
    const [, loaded] = await Promise.all([pagefind.init(), loadJson(`vankien.${lang}.json`)]);
    data = loaded;
    text = makeText(data);
  } catch (error) {
    statusLine.textContent = script.dataset.failed;
    return;
  }
  input.value = new URL(location.href).searchParams.get("q") || "";
  filterDetails.open = matchMedia("(min-width: 64rem)").matches;  // on phones, results come first
  more.querySelector("button").addEventListener("click", () => showMore());
  readUrl(await pagefind.filters());  // also loads the filter index, without which searches return no counts
  let timer = null;
  input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(run, 150); });
  form.addEventListener("submit", (event) => { event.preventDefault(); run(); });
  run();
}

start();
