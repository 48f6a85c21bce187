// Hover previews: pointing at a link to a service, section, category, flow layer or glossary term
// (or reaching it with the keyboard) shows a small card with its title, summary and first lines.
// The data comes with the page (<script type="application/json" class="kb-previews">, keyed by
// the href as written; see hooks/notes_kb/glue/previews.py): no request, so it works from file://.
// Mouse and pen show the card after a short delay; touch shows it only on a long press, so a tap
// still follows the link. Escape hides it; it stays while the pointer moves onto it (WCAG 1.4.13).
(function () {
  "use strict";

  var SHOW_DELAY = 300; // ms of pointing before the card shows
  var HIDE_DELAY = 200; // ms to move the pointer from the link onto the card
  var LONG_PRESS = 500; // ms of touch before the card shows
  var MARGIN = 8; // px kept between the card and the viewport's edges
  var GAP = 6; // px between the link and the card

  var previews = {};
  var card = null;
  var current = null; // the link whose card is shown
  var showTimer = 0;
  var hideTimer = 0;
  var pressTimer = 0;
  var pressStart = null;
  var pressed = null; // the link a long press showed a card for: its click is not a navigation
  var dismissed = null; // the link whose card Escape hid: not shown again until left
  var pointer = null; // where the pointer is, to place the card by the line of a wrapped link

  function load() {
    hide();
    previews = {};
    document.querySelectorAll("script.kb-previews").forEach(function (script) {
      try {
        Object.assign(previews, JSON.parse(script.textContent));
      } catch (error) {
        // A broken block only costs its previews.
      }
    });
    document.querySelectorAll(".md-content article a[href]").forEach(function (link) {
      if (Object.prototype.hasOwnProperty.call(previews, link.getAttribute("href"))) {
        link.setAttribute("data-kb-preview", "");
      }
    });
  }

  function linkOf(node) {
    var link = node && node.closest ? node.closest("a[data-kb-preview]") : null;
    return link && link.closest(".md-content article") ? link : null;
  }

  function inCard(node) {
    return card !== null && node instanceof Node && card.contains(node);
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function makeCard() {
    card = element("div", "kb-preview");
    card.id = "kb-preview";
    card.setAttribute("role", "tooltip");
    card.hidden = true;
    card.addEventListener("pointerenter", function () { clearTimeout(hideTimer); });
    card.addEventListener("pointerleave", function () { scheduleHide(); });
    document.body.appendChild(card);
  }

  function fill(data) {
    card.textContent = "";
    card.setAttribute("data-kind", data.k || "");
    if (data.m) card.appendChild(element("p", "kb-preview__meta", data.m));
    card.appendChild(element("p", "kb-preview__title", data.t));
    if (data.s) card.appendChild(element("p", "kb-preview__summary", data.s));
    if (data.l && data.l.length) {
      var list = element("ul", "kb-preview__lines");
      data.l.forEach(function (line) { list.appendChild(element("li", "", line)); });
      card.appendChild(list);
    }
  }

  // The line box of the link to place the card by: the one under the pointer for a link that
  // wraps onto two lines, else the first.
  function anchorRect(link) {
    var rects = link.getClientRects();
    if (rects.length === 0) return link.getBoundingClientRect();
    if (pointer) {
      for (var i = 0; i < rects.length; i++) {
        var r = rects[i];
        if (pointer.x >= r.left && pointer.x <= r.right && pointer.y >= r.top && pointer.y <= r.bottom) return r;
      }
    }
    return rects[0];
  }

  // Below the link when it fits, else above; never past the left or right edge.
  function place(link) {
    var rect = anchorRect(link);
    var width = document.documentElement.clientWidth;
    var height = document.documentElement.clientHeight;
    var w = card.offsetWidth;
    var h = card.offsetHeight;
    var below = rect.bottom + GAP;
    var above = rect.top - GAP - h;
    var top = below + h <= height - MARGIN || above < MARGIN && height - rect.bottom >= rect.top ? below : above;
    var left = Math.max(MARGIN, Math.min(rect.left, width - w - MARGIN));
    card.style.top = Math.round(Math.max(MARGIN, top)) + "px";
    card.style.left = Math.round(left) + "px";
    card.setAttribute("data-side", top === below ? "below" : "above");
  }

  function show(link) {
    clearTimeout(showTimer);
    clearTimeout(hideTimer);
    var data = previews[link.getAttribute("href")];
    if (!data || link === dismissed) return;
    // A link kept out of sight (the graph's node links, reached by Tab, sit in a clipped box) has
    // no place for a card: the graph marks and names the node itself.
    if (link.closest(".kb-graph")) return;
    var box = link.getBoundingClientRect();
    if (box.width < 2 || box.height < 2) return;
    if (card === null) makeCard();
    if (current && current !== link) current.removeAttribute("aria-describedby");
    fill(data);
    card.hidden = false;
    place(link);
    current = link;
    link.setAttribute("aria-describedby", card.id);
  }

  function hide() {
    clearTimeout(showTimer);
    clearTimeout(hideTimer);
    if (current) current.removeAttribute("aria-describedby");
    current = null;
    if (card) card.hidden = true;
  }

  function scheduleShow(link, delay) {
    clearTimeout(showTimer);
    clearTimeout(hideTimer);
    if (link === current) return;
    showTimer = setTimeout(function () { show(link); }, delay);
  }

  function scheduleHide() {
    clearTimeout(showTimer);
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, HIDE_DELAY);
  }

  document.addEventListener("pointerover", function (event) {
    if (event.pointerType === "touch") return;
    pointer = { x: event.clientX, y: event.clientY };
    var link = linkOf(event.target);
    if (link) scheduleShow(link, SHOW_DELAY);
    else if (inCard(event.target)) clearTimeout(hideTimer);
  });

  document.addEventListener("pointerout", function (event) {
    if (event.pointerType === "touch") return;
    var link = linkOf(event.target);
    if (!link || link.contains(event.relatedTarget)) return;
    if (link === dismissed) dismissed = null;
    if (inCard(event.relatedTarget)) return;
    if (link === current) scheduleHide();
    else clearTimeout(showTimer);
  });

  document.addEventListener("focusin", function (event) {
    var link = linkOf(event.target);
    // Keyboard focus only: a click focuses the link too, and the pointer already decides.
    if (link && link.matches(":focus-visible")) {
      pointer = null;
      scheduleShow(link, 0);
    }
  });

  document.addEventListener("focusout", function (event) {
    var link = linkOf(event.target);
    if (link === dismissed) dismissed = null;
    if (link && link === current && !link.matches(":hover")) hide();
    else if (link) clearTimeout(showTimer);
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && current) {
      dismissed = current;
      hide();
    }
  });

  // Touch: a long press shows the card (and keeps the press from opening the link or the
  // browser's link menu); a tap follows the link as always; a touch elsewhere hides the card.
  document.addEventListener("pointerdown", function (event) {
    if (event.pointerType !== "touch") return;
    var link = linkOf(event.target);
    if (!link) {
      if (!inCard(event.target)) hide();
      return;
    }
    pressed = null;
    pressStart = { x: event.clientX, y: event.clientY };
    clearTimeout(pressTimer);
    pressTimer = setTimeout(function () {
      pointer = pressStart;
      dismissed = null;
      show(link);
      pressed = link;
    }, LONG_PRESS);
  });

  document.addEventListener("pointermove", function (event) {
    if (event.pointerType !== "touch" || !pressStart) return;
    if (Math.abs(event.clientX - pressStart.x) > 10 || Math.abs(event.clientY - pressStart.y) > 10) {
      clearTimeout(pressTimer);
    }
  });

  ["pointerup", "pointercancel"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      if (event.pointerType === "touch") clearTimeout(pressTimer);
    });
  });

  document.addEventListener("click", function (event) {
    if (pressed && linkOf(event.target) === pressed) event.preventDefault();
    pressed = null;
  }, true);

  document.addEventListener("contextmenu", function (event) {
    if (pressed && linkOf(event.target) === pressed) event.preventDefault();
  });

  function follow() {
    if (current) place(current);
  }
  window.addEventListener("scroll", follow, { passive: true });
  window.addEventListener("resize", follow, { passive: true });

  // Material's `document$` fires on first load and after each instant navigation.
  if (typeof document$ !== "undefined") {
    document$.subscribe(load);
  } else {
    load();
  }
})();
