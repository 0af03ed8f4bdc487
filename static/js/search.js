// Search page: Pagefind's JS API with Vietnamese folding, filters with counts, section links.
// The index spells đ as "d" + U+0335 (see vankien/search.py): the query folds đ → d, and
// everything shown is turned back (d + U+0335 → đ) so readers see the published text.

const script = document.currentScript || document.querySelector('script[data-root]');
const root = new URL(script.dataset.root, location.href);
const form = document.querySelector(".search-form");
const input = document.getElementById("q");
const statusLine = document.getElementById("search-status");
const list = document.getElementById("search-results");
const filterBox = document.getElementById("search-filters");
const filterDetails = document.getElementById("search-filter-box");
const chosen = {};  // filter name → Set of raw (indexed) values
let pagefind = null;
let latest = 0;
let ranked = [];   // every result of the current search, best first
let shown = 0;     // how many of them are on the page
let together = 0;  // how many of them hold the typed syllables together
const PAGE = 10;
const more = document.getElementById("search-more");
const examples = document.getElementById("search-examples");

const STROKE = "\u0335";
const unfold = (text) => text.replaceAll("d" + STROKE, "đ").replaceAll("D" + STROKE, "Đ");
const foldQuery = (text) => text.normalize("NFC").replaceAll("đ", "d").replaceAll("Đ", "D");
const say = (template, values) => template.replace(/\{(\w)\}/g, (_, key) => values[key]);

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  node.append(...children);
  return node;
}

// Pagefind excerpts are HTML with <mark>; keep only text and <mark>, never other markup.
function excerptNode(html) {
  const holder = element("p", { class: "excerpt" });
  const parsed = new DOMParser().parseFromString(unfold(html), "text/html");
  for (const node of parsed.body.childNodes) {
    if (node.nodeName === "MARK") holder.append(element("mark", {}, node.textContent));
    else holder.append(node.textContent);
  }
  return holder;
}

function resultNode(data) {
  const item = element("li", { class: "search-result" });
  const title = unfold(data.meta.title || data.url);
  item.append(element("h2", {}, element("a", { href: data.url }, title)));
  if (data.meta.kind) item.append(element("p", { class: "muted small" }, unfold(data.meta.kind)));
  const sections = (data.sub_results || []).filter((s) => s.url !== data.url && s.url.includes("#")).slice(0, 3);
  if (sections.length) {
    const sub = element("ul", { class: "sections", "aria-label": script.dataset.sections });
    for (const section of sections) {
      sub.append(element("li", {}, element("a", { href: section.url }, unfold(section.title)), excerptNode(section.excerpt)));
    }
    item.append(sub);
  } else {
    item.append(excerptNode(data.excerpt));
  }
  return item;
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
  for (const [name, values] of Object.entries(available)) {
    const box = element("fieldset", {}, element("legend", {}, unfold(name)));
    for (const value of Object.keys(values).sort()) {
      const id = `f-${name}-${value}`.replace(/\W+/g, "-");
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
        element("label", { for: id }, unfold(value), " ", element("span", { class: "count" }, `(${count})`))));
    }
    filterBox.append(box);
  }
  filterDetails.hidden = !input.value.trim();
}

async function run() {
  const query = input.value.trim();
  const ticket = ++latest;
  const url = new URL(location.href);
  query ? url.searchParams.set("q", query) : url.searchParams.delete("q");
  history.replaceState(null, "", url);
  if (!query) {
    list.replaceChildren();
    statusLine.textContent = "";
    filterDetails.hidden = true;
    more.hidden = true;
    examples.hidden = false;
    return;
  }
  examples.hidden = true;
  const filters = Object.fromEntries(Object.entries(chosen).filter(([, v]) => v.size).map(([k, v]) => [k, { any: [...v] }]));
  const folded = foldQuery(query);
  // Vietnamese words are written as separate syllables ("hồ bơi", "kết nạp"): pages holding
  // the typed syllables together come first, then pages holding them anywhere.
  const asPhrase = /\s/.test(folded) && !folded.includes('"');
  const [phrase, search] = await Promise.all([
    asPhrase ? pagefind.search(`"${folded}"`, { filters }) : null,
    pagefind.search(folded, { filters }),
  ]);
  if (ticket !== latest) return;  // a newer search started meanwhile
  const seen = new Set();
  ranked = [...(phrase ? phrase.results : []), ...search.results].filter((r) => !seen.has(r.id) && seen.add(r.id));
  together = phrase ? phrase.results.length : 0;
  shown = 0;
  list.replaceChildren();
  await showMore(ticket);
  if (ticket !== latest) return;
  renderFilters(await pagefind.filters(), search.filters);
  const n = ranked.length;
  const template = n === 0 ? script.dataset.none : n === 1 ? script.dataset.one : script.dataset.count;
  statusLine.textContent = say(template, { q: query, n: n.toLocaleString(document.documentElement.lang) });
}

async function showMore(ticket = latest) {
  const found = await Promise.all(ranked.slice(shown, shown + PAGE).map((r) => r.data()));
  if (ticket !== latest) return;
  found.forEach((data, offset) => {
    if (together && shown + offset === together) {  // the rest only hold the syllables apart
      list.append(element("li", { class: "search-apart muted" }, script.dataset.apart));
    }
    list.append(resultNode(data));
  });
  shown += found.length;
  more.hidden = shown >= ranked.length;
  more.querySelector("button").textContent = say(script.dataset.more, { n: Math.min(PAGE, ranked.length - shown) });
}

async function start() {
  try {
    pagefind = await import(new URL("pagefind/pagefind.js", root).href);
    await pagefind.options({ baseUrl: root.pathname, excerptLength: 24 });
    await pagefind.init();
  } catch (error) {
    statusLine.textContent = script.dataset.failed;
    return;
  }
  input.value = new URL(location.href).searchParams.get("q") || "";
  filterDetails.open = matchMedia("(min-width: 64rem)").matches;  // on phones, results come first
  more.querySelector("button").addEventListener("click", () => showMore());
  await pagefind.filters();  // loads the filter index, without which searches return no counts
  let timer = null;
  input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(run, 150); });
  form.addEventListener("submit", (event) => { event.preventDefault(); run(); });
  run();
}

start();
