// Search results that land in a collapsed admonition: open it, so the reader sees the text the
// search found. Material highlights the `?h=` terms only in text that is already visible (its
// highlighter skips nodes with no offsetHeight) and opens a <details> only when the URL's #target
// is inside it, so matches in the body of a closed section would otherwise stay hidden.
(function () {
  "use strict";

  // Material's highlighter also matches a term at the start of a word, case-insensitively.
  function termPattern(query) {
    var terms = query
      .split(/[\s\-*+:~^]+/)
      .filter(function (term) { return term.length > 0; })
      .map(function (term) { return term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); });
    if (terms.length === 0) return null;
    return new RegExp("(^|[^\\p{L}\\p{N}])(" + terms.join("|") + ")", "iu");
  }

  function openMatchingDetails() {
    var query = new URL(location.href).searchParams.get("h");
    if (!query) return;
    var pattern = termPattern(query);
    var content = document.querySelector(".md-content");
    if (!pattern || !content) return;
    var first = null;
    content.querySelectorAll("details:not([open])").forEach(function (details) {
      var walker = document.createTreeWalker(details, NodeFilter.SHOW_TEXT);
      for (var node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.parentElement.closest("summary") === null && pattern.test(node.data)) {
          // Open every enclosing section too, innermost last, so nested matches show.
          for (var d = node.parentElement.closest("details"); d; d = d.parentElement.closest("details")) {
            d.open = true;
          }
          first = first || node.parentElement;
          break;
        }
      }
    });
    // Without a #target the browser stays at the top: bring the first match into view.
    if (first && !location.hash) first.scrollIntoView({ block: "center" });
  }

  // Material's `document$` fires on first load and after each instant navigation.
  if (typeof document$ !== "undefined") {
    document$.subscribe(openMatchingDetails);
  } else {
    openMatchingDetails();
  }
})();
