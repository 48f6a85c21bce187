// The site's search worker: Material's search interface, MiniSearch underneath.
//
// Material runs search in a web worker that speaks four messages (SETUP, READY, QUERY, RESULT:
// src/templates/assets/javascripts/integrations/search/worker/message in Material's sources) and
// lets a site bring its own worker (`__config.search`, set in overrides/main.html). This one keeps
// Material's index (search/search_index.json), its result list and its highlighting, and replaces
// Lunr with MiniSearch (npm, shipped in assets/vendor/) for what readers of notes need:
// - words split where a reader would: `.libPaths()` is found by `libPaths`, `lib` and `paths`,
//   `Node.js` by `node.js`, `node` and `js`; `C#`, `C++`, `.NET`, `x-ray`, `2.0` also as written;
// - Chinese and Japanese split into words (the browser's own Intl.Segmenter, nothing downloaded);
// - one typo forgiven in a word of five letters or more, a missing or extra space or hyphen in a
//   name (`route53`, `x ray`, `cloud front`);
// - exact words above prefixes above typos, and no prefix for numbers (`5` never finds `53`);
// - a service's names (page tags) weigh most, then titles, then text, times the page's boost.
// It works from file:// too, under iframe-worker's shim (the offline bundle), as Material's does.

/* global MiniSearch */
"use strict";

var SETUP = 0;
var READY = 1;
var QUERY = 2;
var RESULT = 3;

// Characters that always end a word; what is left may be a name like `Node.js` or `C++`.
var HARD = /[\s,;:!?=()[\]{}"'`<>|\\/*…“”‘’«»]+/u;
// Where a written word splits into its parts.
var PART = /[.\-_+#@&$%^~]+/u;
var CAMEL = /(?<=\p{Ll})(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll})/u;
var CJK = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]/u;
var TAG = /<[^>]*>/g;
var segmenter = typeof Intl !== "undefined" && Intl.Segmenter ? new Intl.Segmenter(undefined, { granularity: "word" }) : null;

function cjkWords(text) {
  // Chinese and Japanese have no spaces: the browser's segmenter finds the words; without one,
  // overlapping pairs of characters still let any two-character word match.
  var words = [];
  if (segmenter) {
    for (var piece of segmenter.segment(text)) if (piece.isWordLike) words.push(piece.segment);
    return words;
  }
  var chars = Array.from(text);
  for (var i = 0; i < chars.length; i++) words.push(chars.length > 1 && i + 1 < chars.length ? chars[i] + chars[i + 1] : chars[i]);
  return words;
}

// The terms of a piece of text: each word as written, its parts, and the parts of camelCase.
function terms(text) {
  var out = [];
  var words = text.split(HARD);
  for (var w = 0; w < words.length; w++) {
    var word = words[w].replace(/[.\-_]+$/u, "");
    if (!word) continue;
    if (CJK.test(word)) {
      var pieces = word.split(/([\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]+)/u);
      for (var p = 0; p < pieces.length; p++) {
        if (!pieces[p]) continue;
        if (CJK.test(pieces[p])) out.push.apply(out, cjkWords(pieces[p]));
        else out.push.apply(out, terms(pieces[p]));
      }
      continue;
    }
    out.push(word);
    var parts = word.split(PART).filter(Boolean);
    if (parts.length > 1) {
      out.push.apply(out, parts);
      out.push(parts.join("")); // `x-ray` is also `xray`
    } else if (parts.length === 1 && parts[0] !== word) {
      out.push(parts[0]); // `.NET` is also `NET`, `C#` also `C`
    }
    for (var i = 0; i < parts.length; i++) {
      var camel = parts[i].split(CAMEL).filter(Boolean);
      if (camel.length > 1) out.push.apply(out, camel);
    }
  }
  return out;
}

function tokenize(text, field) {
  if (field === "tags") {
    // A name is also found without its spaces and hyphens: `Route 53` by `route53`.
    var out = [];
    text.split("\u241E").forEach(function (name) {
      out.push.apply(out, terms(name));
      var joined = name.replace(/[\s\-_.]+/gu, "");
      if (joined && joined !== name) out.push(joined);
    });
    return out;
  }
  return terms(text.replace(TAG, " "));
}

function processTerm(term) {
  var lower = term.toLowerCase();
  return lower.length ? lower : null;
}

// How far a query term may stretch: prefixes for words being typed (not for numbers, so `5`
// never matches `53`), one typo from five letters on, two from ten.
function prefix(term) {
  return term.length >= 2 && !/^\p{N}+$/u.test(term);
}

function fuzzy(term) {
  if (/\p{N}/u.test(term) || CJK.test(term)) return 0;
  // Two edits from eight letters on: a swapped pair (`redshfit`) is two edits to Levenshtein.
  return term.length >= 8 ? 2 : term.length >= 5 ? 1 : 0;
}

// A word typed in capitals (`NET`, `EC2`, `HOC`) is an acronym: it means itself, not every word
// it begins, and no near miss.
function isAcronym(word) {
  var letters = word.replace(/[^\p{L}]/gu, "");
  return letters.length > 0 && letters.length <= 6 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

// Edit distance of two short strings (names), for a name typed with one slip.
function distance(a, b) {
  if (Math.abs(a.length - b.length) > 2) return 3;
  var previous = [];
  for (var j = 0; j <= b.length; j++) previous.push(j);
  for (var i = 1; i <= a.length; i++) {
    var current = [i];
    for (var k = 1; k <= b.length; k++) {
      current.push(Math.min(previous[k] + 1, current[k - 1] + 1, previous[k - 1] + (a[i - 1] === b[k - 1] ? 0 : 1)));
    }
    previous = current;
  }
  return previous[b.length];
}

var docs = [];
var plain = [];
var stripped = [];
var byLocation = new Map();
var index = null;
var suggestions = false;

function setup(data) {
  docs = data.docs;
  plain = [];
  stripped = [];
  suggestions = !!(data.options && data.options.suggest);
  byLocation = new Map();
  // A page's names (tags) and boost are written once, on its first entry (`for_the_site` in
  // hooks/notes_kb/glue/search.py): every other entry of the page takes them from there.
  var firstOfPage = new Map();
  docs.forEach(function (doc, id) {
    byLocation.set(doc.location, id);
    var page = doc.location.split("#")[0];
    var first = firstOfPage.get(page);
    if (first === undefined) {
      firstOfPage.set(page, doc);
    } else {
      if (!("tags" in doc) && "tags" in first) doc.tags = first.tags;
      if (!("boost" in doc) && "boost" in first) doc.boost = first.boost;
    }
    doc.names = (doc.tags || []).map(joined);
    doc.joinedTitle = joined(doc.title);
    // Prepared once here, so that no query pays for reading a long page the first time.
    plain[id] = normalized(doc.title + " " + doc.text.slice(0, PHRASE_REACH));
    stripped[id] = unescapeHTML(doc.text.replace(TAG, " ")).replace(/\s+/g, " ").trim();
  });
  index = new MiniSearch({
    idField: "id",
    fields: ["title", "tags", "text"],
    extractField: function (doc, field) {
      if (field === "id") return doc.id;
      if (field === "tags") return (doc.tags || []).join("\u241E");
      return doc[field];
    },
    tokenize: tokenize,
    processTerm: processTerm,
    searchOptions: {
      boost: { tags: 3, title: 2, text: 1 },
      prefix: prefix,
      fuzzy: fuzzy,
      weights: { prefix: 0.35, fuzzy: 0.25 },
      combineWith: "OR",
      boostDocument: function (id) {
        var boost = docs[id].boost;
        return typeof boost === "number" ? boost : 1;
      },
    },
  });
  index.addAll(
    docs.map(function (doc, id) {
      return { id: id, title: doc.title, tags: doc.tags, text: doc.text };
    })
  );
}

// Text as a run of lower-case words, for comparing a query with names, titles and phrases.
function normalized(text) {
  return (" " + text.replace(TAG, " ").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ") + " ").replace(/\s+/g, " ");
}

function joined(text) {
  return normalized(text).replace(/ /g, "");
}

// What a page says first says what it is about: phrases are looked for in its first part only.
var PHRASE_REACH = 3000;

function plainText(id) {
  return plain[id];
}

// Past what MiniSearch scores word by word: the page about a thing above pages that mention it.
// A query that is one of a page's names, or its title, weighs most; the query's words side by
// side in the page (a phrase: "serverless compute") weigh more than the same words apart.
function rescore(id, score, query) {
  var doc = docs[id];
  var wanted = joined(query);
  var names = doc.names;
  if (names.indexOf(wanted) >= 0) return score * 8;
  if (wanted.length >= 5 && names.some(function (name) { return distance(name, wanted) <= (wanted.length >= 8 ? 2 : 1); })) return score * 4;
  if (doc.joinedTitle === wanted) return score * 6;
  var words = normalized(query);
  if (words.split(" ").filter(Boolean).length > 1 && plainText(id).indexOf(words) >= 0) return score * 2.5;
  return score;
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// Mark the matched terms in HTML text (never inside a tag): at word starts, at camelCase
// boundaries, anywhere in Chinese or Japanese. The per-query pattern is a plain alternation
// (cheap to compile); where a match may start is decided by the character before it.
var WORD_CHAR = /[\p{L}\p{N}]/u;
var LOWER = /\p{Ll}/u;
var UPPER = /\p{Lu}/u;

function startsWord(text, at) {
  if (at === 0 || CJK.test(text[at])) return true;
  var before = text[at - 1];
  return !WORD_CHAR.test(before) || (LOWER.test(before) && UPPER.test(text[at]));
}

function highlight(html, matched) {
  if (!html || !matched.length) return html;
  var pattern = new RegExp(
    matched
      .slice()
      .sort(function (a, b) {
        return b.length - a.length;
      })
      .map(escapeRegExp)
      .join("|"),
    "gi"
  );
  return html
    .split(/(<[^>]*>)/)
    .map(function (part) {
      if (part.charAt(0) === "<") return part;
      return part.replace(pattern, function (match, offset) {
        return startsWord(part, offset) ? "<mark>" + match + "</mark>" : match;
      });
    })
    .join("");
}


function escapeHTML(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function unescapeHTML(text) {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");
}

// The part of a long text around its first match, as plain text with the matches marked: a
// result shows why it matched without the cost of marking a whole long page.
var TEASER = 360;

function teaser(id, matched) {
  var text = stripped[id];
  if (text.length <= TEASER) return highlight(escapeHTML(text), matched);
  var start = 0;
  if (matched.length) {
    var first = new RegExp(matched.map(escapeRegExp).join("|"), "i").exec(text);
    if (first) start = Math.max(0, first.index - 60);
  }
  var cut = text.slice(start, start + TEASER);
  return highlight((start > 0 ? "…" : "") + escapeHTML(cut) + (start + TEASER < text.length ? "…" : ""), matched);
}

function queryTerms(query) {
  var words = query.trim().split(/\s+/u).filter(Boolean);
  var extra = [];
  // A name written with a space too many (`cloud front`, `x ray`) is also looked up joined.
  for (var i = 0; i + 1 < words.length; i++) extra.push(words[i] + words[i + 1]);
  return { words: words, joined: extra };
}

function search(query) {
  if (!index) return { items: [] };
  var parsed = queryTerms(query);
  if (!parsed.words.length) return { items: [] };
  var plainWords = parsed.words.filter(function (word) { return !isAcronym(word); });
  var acronyms = parsed.words.filter(isAcronym);
  var queries = [];
  if (plainWords.length) queries.push(plainWords.join(" "));
  // … and its plural (`HOC` finds `HOCs`).
  var plurals = acronyms.map(function (word) { return word + "s"; });
  if (acronyms.length) queries.push({ queries: [acronyms.concat(plurals).join(" ")], prefix: false, fuzzy: false });
  queries = queries.concat(parsed.joined);
  // A word as typed counts more than the parts it splits into (`F#` above a lone `f`).
  var written = new Set(
    parsed.words.map(function (word) {
      return word.replace(HARD, "").replace(/[.\-_]+$/u, "").toLowerCase();
    })
  );
  var boostTerm = function (term) {
    return written.has(term) || written.size === 0 ? 1 : 0.4;
  };
  var results = index.search({ combineWith: "OR", queries: queries }, { boostTerm: boostTerm }).slice(0, 400);
  results.forEach(function (result) {
    result.score = rescore(result.id, result.score, query);
  });
  results.sort(function (a, b) {
    return b.score - a.score;
  });
  var asked = {};
  parsed.words.forEach(function (word) {
    terms(word).forEach(function (term) {
      asked[term.toLowerCase()] = true;
    });
  });
  var groups = new Map();
  var order = [];
  results.slice(0, 200).forEach(function (result) {
    var doc = docs[result.id];
    var matched = result.terms;
    var found = {};
    matched.forEach(function (term) {
      found[term] = true;
    });
    // Query words nothing matched show as "Missing" under the result, as Material does.
    Object.keys(asked).forEach(function (term) {
      if (!result.queryTerms.includes(term) && !found[term]) found[term] = false;
    });
    var item = {
      location: doc.location,
      title: highlight(doc.title, matched),
      text: teaser(result.id, matched),
      score: result.score,
      terms: found,
    };
    var page = doc.location.split("#")[0];
    if (!groups.has(page)) {
      groups.set(page, []);
      order.push(page);
    }
    groups.get(page).push(item);
  });
  var items = order.slice(0, 50).map(function (page) {
    var group = groups.get(page);
    if (
      !group.some(function (item) {
        return item.location === page;
      })
    ) {
      var article = docs[byLocation.get(page)];
      if (article) group.push({ location: article.location, title: article.title, text: teaser(byLocation.get(page), []), score: 0, terms: {} });
    }
    return group;
  });
  var result = { items: items };
  if (suggestions) {
    var last = parsed.words[parsed.words.length - 1].toLowerCase();
    result.suggest = index.autoSuggest(last, { fuzzy: 0, prefix: true }).slice(0, 1).map(function (s) {
      return s.suggestion;
    });
  }
  return result;
}

function base() {
  // Under iframe-worker (file://) this script runs in an iframe: find where it was loaded from.
  if (typeof parent !== "undefined" && "IFrameWorker" in parent) {
    var script = document.querySelector("script[src]");
    return script.src.replace(/[^/]*$/, "");
  }
  return self.location.href.replace(/[^/]*$/, "");
}

async function handle(message) {
  switch (message.type) {
    case SETUP:
      if (typeof MiniSearch === "undefined") await importScripts(base() + "vendor/minisearch/minisearch.js");
      setup(message.data);
      return { type: READY };
    case QUERY:
      try {
        return { type: RESULT, data: search(message.data) };
      } catch (error) {
        console.warn("Search failed for", message.data, error);
        return { type: RESULT, data: { items: [] } };
      }
    default:
      throw new TypeError("Invalid message type");
  }
}

addEventListener("message", async function (event) {
  postMessage(await handle(event.data));
});
