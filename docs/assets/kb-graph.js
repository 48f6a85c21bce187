// Knowledge graphs: a service with the pages around it, or a whole topic (render/graph.py).
//
// Each graph on the page is a `.kb-graph` element holding one link per node (`data-kb-node` is
// the node's index) and the structure as inline JSON (`.kb-graph__data`: kind, colour and
// cluster per node, edges as flat index pairs). This draws it with Cytoscape.js: a node's label
// and address are its link's text and href, which MkDocs resolved for this build (directory URLs
// hosted, `.html` files offline), so nothing is fetched and file:// works. Selecting a node opens
// its page. The links stay in the page, visually hidden once the drawing is up: Tab reaches them,
// Enter opens one, and the node of the focused link is marked and named in the drawing's corner.
// Colours come from CSS custom properties (kb.css), read again when the reader switches palette.
(function () {
  "use strict";

  var SHAPES = { service: "ellipse", category: "round-rectangle", layer: "diamond", section: "rectangle" };
  var COLOURS = 12;
  // Above this many nodes a drag or zoom moves a cached picture of the graph (edges left out when
  // it must be redrawn meanwhile), drawn at pixel ratio 1: redrawing thousands of nodes and edges
  // on every frame would stutter.
  var LARGE = 400;
  var reducedMotion = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;

  // The palette's colours as the browser computes them (Cytoscape wants plain rgb() values).
  function readPalette(figure) {
    var probe = document.createElement("span");
    probe.hidden = true;
    figure.appendChild(probe);
    function read(name) {
      probe.style.color = "var(" + name + ")";
      return getComputedStyle(probe).color;
    }
    var palette = { colours: [] };
    for (var i = 0; i < COLOURS; i++) palette.colours.push(read("--kb-graph-" + i));
    ["neutral", "layer", "section", "edge", "text", "halo", "focus"].forEach(function (name) {
      palette[name] = read("--kb-graph-" + name);
    });
    figure.removeChild(probe);
    return palette;
  }

  function fill(palette, kind, colour) {
    if (colour >= 0) return palette.colours[colour % COLOURS];
    return palette[kind] || palette.neutral;
  }

  // `text`: the label size in px at zoom 1 (a small topic is drawn smaller, so its labels are larger).
  function stylesheet(palette, large, text) {
    return [
      {
        selector: "node",
        style: {
          "background-color": "data(fill)",
          shape: "data(shape)",
          width: large ? 12 : 16,
          height: large ? 12 : 16,
          label: "data(label)",
          color: palette.text,
          "font-size": text,
          "font-family": 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
          "text-valign": "bottom",
          "text-outline-color": palette.halo,
          "text-outline-width": 2,
          // Labels smaller than this on screen are not drawn: a zoomed-out topic shows its shape.
          "min-zoomed-font-size": large ? 7 : 0,
        },
      },
      { selector: "node[halign]", style: { "text-halign": "data(halign)", "text-valign": "data(valign)", "text-margin-x": "data(mx)" } },
      { selector: "node[kind = 'category']", style: { width: 26, height: 26, "font-size": large ? 22 : text + 1, "font-weight": 700 } },
      { selector: "node[kind = 'layer']", style: { width: 24, height: 24, "font-size": large ? 18 : text, "font-weight": 700 } },
      { selector: "node[?focus]", style: { width: 30, height: 30, "font-size": 13, "font-weight": 700, "border-width": 3, "border-color": palette.text } },
      { selector: "node.kb-focus, node.kb-hover", style: { "border-width": 4, "border-color": palette.focus, "z-index": 10 } },
      {
        selector: "edge",
        // Haystack edges are straight lines drawn without arrow or curve maths: the cheapest kind.
        style: { width: 1, "line-color": palette.edge, "curve-style": "haystack", "haystack-radius": 0 },
      },
    ];
  }

  // The smallest k with 3k(k+1) >= i: ring k around a cluster's centre holds 6k nodes, as many as
  // fit at k node spacings from it, so a cluster of any size is a disc.
  function ring(i) {
    return i === 0 ? 0 : Math.ceil((-3 + Math.sqrt(9 + 12 * i)) / 6);
  }

  // A topic: each category with its services in rings around it (Cytoscape's concentric layout
  // per cluster), the clusters on a circle, the flow layers in its middle.
  function topicLayout(cy, large) {
    var clusters = [];
    var byKey = {};
    cy.nodes().forEach(function (node) {
      var kind = node.data("kind");
      if (kind === "layer") return;
      var key = kind === "category" ? node.id() : String(node.data("cluster"));
      if (!byKey[key]) {
        byKey[key] = { nodes: [] };
        clusters.push(byKey[key]);
      }
      // The category first: the middle of its cluster.
      if (kind === "category") byKey[key].nodes.unshift(node);
      else byKey[key].nodes.push(node);
    });
    // A small topic shows its labels at once: room for them between nodes and between clusters.
    var spacing = large ? 6 : 30;
    var gap = large ? 40 : 60;
    clusters.forEach(function (cluster) {
      cluster.nodes.forEach(function (node, i) { node.scratch("_kbRing", ring(i)); });
      var eles = cy.collection(cluster.nodes);
      var size = Math.max.apply(null, cluster.nodes.map(function (n) { return n.outerWidth(); }));
      cluster.eles = eles;
      // Labels stick out sideways: a small topic's clusters keep room for them.
      cluster.radius = ring(cluster.nodes.length - 1) * (size + spacing) + size / 2 + (large ? 0 : 40);
    });
    var layers = cy.nodes("[kind = 'layer']");
    var inner = layers.length > 1 ? (layers.length * (large ? 40 : 60)) / (2 * Math.PI) + 40 : 0;
    var total = clusters.reduce(function (sum, c) { return sum + 2 * c.radius + gap; }, 0);
    var biggest = clusters.reduce(function (max, c) { return Math.max(max, c.radius); }, 0);
    // The clusters go round an ellipse as wide as the drawing area is: a wide screen gets a wide
    // graph, drawn larger than a circle would be. Ramanujan's approximation of its perimeter is
    // close enough to share it out.
    var stretch = Math.min(Math.max(cy.width() / Math.max(cy.height(), 1), 1), 2);
    var perimeter = Math.PI * (3 * (stretch + 1) - Math.sqrt((3 * stretch + 1) * (stretch + 3)));
    var radius = clusters.length > 1 ? Math.max(total / perimeter, inner + biggest + gap) : 0;
    var angle = -Math.PI / 2;
    clusters.forEach(function (cluster) {
      var share = ((2 * cluster.radius + gap) / total) * 2 * Math.PI;
      var middle = angle + share / 2;
      var centre = { x: stretch * radius * Math.cos(middle), y: radius * Math.sin(middle) };
      angle += share;
      cluster.eles.layout({
        name: "concentric",
        boundingBox: { x1: centre.x - 1, y1: centre.y - 1, w: 2, h: 2 },
        fit: false,
        animate: false,
        avoidOverlap: true,
        minNodeSpacing: spacing,
        concentric: function (node) { return -node.scratch("_kbRing"); },
        levelWidth: function () { return 1; },
      }).run();
      labelsAway(cluster.eles.filter(function (node, i) { return i > 0; }), centre);
    });
    if (layers.length) {
      // Flow order, clockwise from the top.
      layers.layout({ name: "circle", boundingBox: { x1: -inner, y1: -inner, w: 2 * inner, h: 2 * inner }, fit: false, animate: false }).run();
      labelsAway(layers, { x: 0, y: 0 });
    }
  }

  // A service page: the service in the middle, its categories and layers round it, then the
  // related services and the sections. Labels point away from the middle, so they do not cross
  // the edges or each other.
  function localLayout(cy) {
    var rank = { category: 2, layer: 2 };
    cy.layout({
      name: "concentric",
      fit: false,
      animate: false,
      minNodeSpacing: 36,
      concentric: function (node) { return node.data("focus") ? 3 : rank[node.data("kind")] || 1; },
      levelWidth: function () { return 1; },
    }).run();
    var centre = cy.nodes("[?focus]");
    labelsAway(cy.nodes().difference(centre), centre.position());
  }

  // Labels on the far side of each node from `centre`: around a ring they point outwards, so they
  // cross neither the edges to the middle nor each other.
  // One batch, one data() call per node: each change of data restyles the node.
  function labelsAway(nodes, centre) {
    nodes.cy().batch(function () {
      nodes.forEach(function (node) {
        var dx = node.position("x") - centre.x;
        var dy = node.position("y") - centre.y;
        var side = Math.abs(dx) > 8;
        node.data({
          halign: side ? (dx < 0 ? "left" : "right") : "center",
          valign: side ? "center" : dy < 0 ? "top" : "bottom",
          mx: side ? (dx < 0 ? -4 : 4) : 0,
        });
      });
    });
  }

  function mount(figure) {
    if (figure.classList.contains("kb-graph--ready") || typeof cytoscape === "undefined") return;
    var script = figure.querySelector(".kb-graph__data");
    var container = figure.querySelector(".kb-graph__canvas");
    var caption = figure.querySelector(".kb-graph__focus");
    if (!script || !container) return;
    var data = JSON.parse(script.textContent);
    var links = [];
    figure.querySelectorAll("a[data-kb-node]").forEach(function (link) {
      links[Number(link.getAttribute("data-kb-node"))] = link;
    });
    var palette = readPalette(figure);
    var large = data.nodes.length > LARGE;
    var text = large ? 9 : data.layout === "topic" ? 15 : 11;
    var elements = data.nodes.map(function (node, i) {
      return {
        group: "nodes",
        data: {
          id: String(i),
          kind: node[0],
          colour: node[1],
          cluster: node[2],
          shape: SHAPES[node[0]] || "ellipse",
          fill: fill(palette, node[0], node[1]),
          label: links[i] ? links[i].textContent : "",
          focus: i === data.focus,
        },
      };
    });
    for (var e = 0; e + 1 < data.edges.length; e += 2) {
      elements.push({ group: "edges", data: { id: "e" + e, source: String(data.edges[e]), target: String(data.edges[e + 1]) } });
    }
    // The drawing area shown (and the links hidden) before Cytoscape starts: it measures its
    // container.
    figure.classList.add("kb-graph--ready");
    // A large graph is drawn after the page's first paint: the text shows at once, the drawing
    // (a second or two for thousands of nodes) right after.
    if (large) requestAnimationFrame(function () { setTimeout(draw, 0); });
    else draw();

    function draw() {
      var cy = cytoscape({
        container: container,
        elements: elements,
        style: stylesheet(palette, large, text),
        layout: { name: "preset" },
        minZoom: 0.02,
        maxZoom: 4,
        autoungrabify: true,
        autounselectify: true,
        boxSelectionEnabled: false,
        textureOnViewport: large,
        hideEdgesOnViewport: large,
        pixelRatio: large ? 1 : "auto",
      });
      if (data.layout === "topic") topicLayout(cy, large);
      else localLayout(cy);
      cy.fit(undefined, 24);
      figure.kbGraph = cy;

      function linkOf(node) { return links[Number(node.id())]; }
      function name(node) {
        caption.textContent = node ? node.data("label") : "";
      }
      cy.on("tap", "node", function (event) {
        var link = linkOf(event.target);
        if (link) window.location.assign(link.href);
      });
      cy.on("mouseover", "node", function (event) {
        container.style.cursor = "pointer";
        event.target.addClass("kb-hover");
        name(event.target);
      });
      cy.on("mouseout", "node", function (event) {
        container.style.cursor = "";
        event.target.removeClass("kb-hover");
        name(null);
      });

      // Keyboard: the focused link's node is marked, named, and brought into view when outside it.
      links.forEach(function (link, i) {
        var node = cy.getElementById(String(i));
        link.addEventListener("focus", function () {
          node.addClass("kb-focus");
          name(node);
          var box = cy.extent();
          var at = node.position();
          var outside = at.x < box.x1 || at.x > box.x2 || at.y < box.y1 || at.y > box.y2;
          if (outside || (large && cy.zoom() < 1)) {
            cy.stop();
            cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), large ? 1.5 : cy.zoom()) }, { duration: reducedMotion ? 0 : 200 });
          }
        });
        link.addEventListener("blur", function () {
          node.removeClass("kb-focus");
          name(null);
        });
      });

      // Material switches palette by setting data-md-color-scheme on <body>.
      new MutationObserver(function () {
        palette = readPalette(figure);
        cy.batch(function () {
          cy.nodes().forEach(function (node) { node.data("fill", fill(palette, node.data("kind"), node.data("colour"))); });
        });
        cy.style(stylesheet(palette, large, text));
      }).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });
    }
  }

  function mountAll() {
    document.querySelectorAll(".kb-graph").forEach(mount);
  }

  // Material's `document$` fires on first load and after each instant navigation.
  if (typeof document$ !== "undefined") {
    document$.subscribe(mountAll);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", mountAll);
  } else {
    mountAll();
  }
})();
