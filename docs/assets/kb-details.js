// The full notes' sections: "Expand all" / "Collapse all", and which sections the reader opened
// kept while they navigate (sessionStorage, per page path and per section: the id of its anchor,
// else its position), restored on return, by link or by back/forward. Printing is left to
// Material, which opens every section on `beforeprint` and closes them again on `afterprint`:
// what it opens for the printout is not the reader's choice, so nothing is saved meanwhile.
(function () {
  "use strict";

  var printing = false;
  var tracked = null; // the tools of the page whose sections are tracked

  function storageKey() {
    return "kb-details:" + location.pathname;
  }

  function sections() {
    return Array.prototype.slice.call(document.querySelectorAll(".md-content article details"));
  }

  function idOf(details, index) {
    var anchor = details.querySelector(":scope > summary [id]");
    return anchor ? anchor.id : "#" + index;
  }

  function read() {
    try {
      return JSON.parse(sessionStorage.getItem(storageKey()) || "{}") || {};
    } catch (error) {
      return {};
    }
  }

  function save() {
    if (printing || !tracked || !document.contains(tracked)) return;
    var state = {};
    sections().forEach(function (details, index) { state[idOf(details, index)] = details.open; });
    try {
      sessionStorage.setItem(storageKey(), JSON.stringify(state));
    } catch (error) {
      // Storage full or refused: the sections simply start closed next time.
    }
  }

  // The section a #target is in stays open: Material opened it to show the target.
  function holdsTarget(details) {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id ? document.getElementById(id) : null;
    return target !== null && details.contains(target);
  }

  function restore() {
    var state = read();
    sections().forEach(function (details, index) {
      var open = state[idOf(details, index)];
      if (open === true) details.open = true;
      else if (open === false && details.open && !holdsTarget(details)) details.open = false;
    });
  }

  function setAll(open) {
    sections().forEach(function (details) { details.open = open; });
    save();
  }

  function enhance() {
    var tools = document.querySelector(".md-content article .kb-details-tools");
    tracked = tools;
    if (!tools) return;
    tools.hidden = false;
    tools.querySelectorAll("button[data-kb-details]").forEach(function (button) {
      button.addEventListener("click", function () {
        setAll(button.getAttribute("data-kb-details") === "open");
      });
    });
    restore();
  }

  // `toggle` does not bubble: listen in the capture phase, once, for every page.
  document.addEventListener("toggle", function (event) {
    if (event.target instanceof HTMLDetailsElement) save();
  }, true);
  window.addEventListener("pagehide", save);
  window.addEventListener("beforeprint", function () { printing = true; });
  window.addEventListener("afterprint", function () {
    // After Material's own `afterprint` has closed what it opened.
    setTimeout(function () { printing = false; save(); }, 0);
  });

  // Material's `document$` fires on first load and after each instant navigation.
  if (typeof document$ !== "undefined") {
    document$.subscribe(enhance);
  } else {
    enhance();
  }
})();
