// Text rules of the search page, as pure functions of the search data that the build writes
// (vankien/searchdata.py): the folding table, the abbreviations and the union words come from
// Python, never typed here. tests/test_search_text.py runs these in Node against the Python rules.

export const WORD_SEPARATORS = /[^\S\uFEFF]+/;  // how Pagefind splits a page's text into word positions
const SENTENCE_END = /[.!?;:…]["”’)\]]*$/;
const EXCERPT_WORDS = 26;

export function makeText(data) {
  const letters = Object.entries(data.fold);  // [["đ", "d"], ["Đ", "D"]]
  const abbreviations = data.abbreviations;
  const union = data.union;
  const names = data.names.map(([id, url, title, kind, keys, facets]) => ({ id, url, title, kind, keys, facets }));

  // "Đoàn viên" → "Doan vien" for Pagefind, which folds every other mark itself.
  const foldLetters = (text) => letters.reduce((t, [letter, plain]) => t.replaceAll(letter, plain), text.normalize("NFC"));
  // The index spells đ as d + a combining mark: turn it back into the published letter.
  const unfold = (text) => letters.reduce((t, [letter, plain]) => t.replaceAll(plain + data.mark, letter), text);
  // Without any diacritic, lower case: "Kết nạp Đảng" → "ket nap dang" (vankien.folding.fold).
  const fold = (text) => foldLetters(text).normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

  // The same steps as vankien.searchdata.spelled_out: "TP.HCM" → "thanh pho ho chi minh".
  function spelledOut(text) {
    const words = [];
    for (let token of fold(text).split(/\s+/)) {
      token = token.replace(/^[^a-z0-9&]+|[^a-z0-9&.]+$/g, "");
      const whole = abbreviations[token] || abbreviations[token.replaceAll(".", "")];
      if (whole) words.push(whole);
      else for (const word of token.match(/[a-z0-9]+/g) || []) words.push(abbreviations[word] || word);
    }
    return words.join(" ").split(/\s+/).filter(Boolean).join(" ");
  }

  function withoutUnion(text) {
    for (const words of union) text = text.replace(new RegExp(`(^| )${words}(?= |$)`, "g"), " ");
    return text.split(/\s+/).filter(Boolean).join(" ");
  }

  // Organization and topic pages whose name is the query, best first (a spelling earlier in
  // the page's keys is better; ties keep the shorter title).
  function namesFor(query) {
    const asked = new Set();
    for (const form of [spelledOut(query), withoutUnion(spelledOut(query))]) {
      if (form) { asked.add(form); asked.add(form.replaceAll(" ", "")); }
    }
    const found = [];
    for (const name of names) {
      const rank = name.keys.findIndex((key) => asked.has(key) || asked.has(key.replaceAll(" ", "")));
      if (rank >= 0) found.push([rank, name.title.length, name]);
    }
    return found.sort((a, b) => a[0] - b[0] || a[1] - b[1]).map((entry) => entry[2]);
  }

  // The words of a query as the word list compares them: folded, without punctuation.
  const queryWords = (query) => fold(query).match(/[a-z0-9&]+/g) || [];

  return { foldLetters, unfold, fold, spelledOut, namesFor, queryWords };
}

// Damerau–Levenshtein distance (adjacent swaps count one: "dnag" → "dang" is 1).
export function distance(a, b) {
  const rows = [];
  for (let i = 0; i <= a.length; i++) rows.push([i, ...Array(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) rows[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1);
    }
  }
  return rows[a.length][b.length];
}

// A word list ([[folded, written, count], …], sorted by folded) and what it answers.
export function makeWords(table) {
  const folded = table.map((row) => row[0]);
  // A word of the index; with `prefix`, also the start of one (the last word, still being typed).
  const has = (word, prefix = false) => {
    let low = 0, high = folded.length;
    while (low < high) { const mid = (low + high) >> 1; folded[mid] < word ? (low = mid + 1) : (high = mid); }
    return low < folded.length && (prefix ? folded[low].startsWith(word) : folded[low] === word);
  };
  // The nearest words of the index, best first: fewest edits (at most 1 for words of up to 4
  // letters, else 2), then the most frequent.
  const nearest = (word, count = 3) => {
    const limit = word.length <= 4 ? 1 : 2;
    const scored = [];
    for (const row of table) {
      if (Math.abs(row[0].length - word.length) > limit) continue;
      const d = distance(word, row[0]);
      if (d <= limit) scored.push([d, -row[2], row]);
    }
    const swapped = (a, b) => a.length === b.length && [...a].sort().join("") === [...b].sort().join("");
    return scored.sort((a, b) => a[0] - b[0] || a[1] - b[1]).slice(0, count)
      .map(([d, , row]) => ({ folded: row[0], written: row[1], distance: d, swap: d === 1 && swapped(word, row[0]) }));
  };
  return { has, nearest };
}

// The matches of `locations` within [from, to) as [position, score], sorted, and where the
// excerpt's window opens: on the match whose `length` words hold the best-scored matches.
// `locations` are word positions, or Pagefind's weighted locations ({location, balanced_score}):
// a whole word outscores a word it starts.
function bestWindow(locations, from, to, length) {
  const scored = locations.map((l) => (typeof l === "number" ? [l, 1] : [l.location, l.balanced_score ?? l.weight ?? 1]))
    .filter(([l]) => l >= from && l < to).sort((a, b) => a[0] - b[0]);
  let first = scored[0]?.[0] ?? from, best = 0;
  for (const [start] of scored) {
    const score = scored.filter(([l]) => l >= start && l < start + length).reduce((sum, [, s]) => sum + s, 0);
    if (score > best) { best = score; first = start; }
  }
  return { scored, first };
}

// The word positions [lo, hi) an excerpt reads, for a page of `total` words: what must be
// loaded of a long page's text before calling excerpt (vankien/searchtext.py).
export function excerptSpan(locations, total, from = 0, to = Infinity, length = EXCERPT_WORDS) {
  to = Math.min(to, total);
  const { first } = bestWindow(locations, from, to, length);
  return [Math.max(from, first - 12), Math.min(to, first + length)];
}

// An excerpt of a page's text around the matched word positions, from `from` to before `to`:
// it starts at a sentence when one starts a few words before the first match, else at a word
// (never at stray punctuation such as "- 2027)."). Returns [[text, marked], …] pieces.
// `content` is the text, or its words (only those excerptSpan names need be there).
export function excerpt(content, locations, from = 0, to = Infinity, length = EXCERPT_WORDS) {
  const words = typeof content === "string" ? content.split(WORD_SEPARATORS) : content;
  to = Math.min(to, words.length);
  const { scored, first } = bestWindow(locations, from, to, length);
  const inside = scored.map(([l]) => l);
  const reach = Math.max(from, first - 12);
  let start = reach === from ? from : Math.max(from, first - 4);  // no sentence starts near: a few words of context
  for (let i = first; i > reach; i--) {
    if (SENTENCE_END.test(words[i - 1])) { start = i; break; }
  }
  while (start < first && !/^[\p{L}\p{N}“"‘(]/u.test(words[start])) start++;
  let end = Math.min(to, start + length);
  for (let i = end; i > start + length - 8 && i > first + 1; i--) {
    if (SENTENCE_END.test(words[i - 1])) { end = i; break; }
  }
  const marked = new Set(inside);
  const pieces = [];
  for (let i = start; i < end; i++) {
    const text = (i > start ? " " : "") + words[i];
    const last = pieces[pieces.length - 1];
    if (marked.has(i)) {
      if (i > start) pieces.push([" ", false]);
      pieces.push([words[i], true]);
    } else if (last && !last[1]) last[0] += text;
    else pieces.push([text, false]);
  }
  if (start > from) pieces.unshift(["… ", false]);
  if (end < to && !SENTENCE_END.test(words[end - 1])) pieces.push([" …", false]);
  return pieces;
}
