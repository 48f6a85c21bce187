"""Frames per second while a reader pans a topic's graph, in headless Chromium.

The site of the notes is built, served on 127.0.0.1 and its topic graph page opened in Debian's
Chromium (Playwright, as the browser tests and the search timing do). Once the graph is drawn,
the page drags it with the mouse (mousedown on the drawing, one mousemove per animation frame
going round a circle, mouseup), as a reader pans, for `SECONDS`, and counts the
requestAnimationFrame callbacks: a frame the renderer takes too long to draw delays the next
callback, so the count is the frame rate the reader sees. Each run starts from the whole graph
in view, after a one-second drag that is not counted; the median of the runs is reported.
"""

from __future__ import annotations

import statistics
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from playwright.sync_api import sync_playwright

from searchtime import BROWSER_ARGS, CHROMIUM, build_site, served

SECONDS = 3.0
"""How long each run drags the graph."""
RUNS = 5
"""Runs per measurement (the median counts)."""
VIEWPORT = {"width": 1280, "height": 900}
"""The browser window, in CSS pixels (a laptop screen)."""

# Drag the drawing in a circle of 120 px, one mouse move per frame, counting frames; returns
# frames per second, and the node count as a check that the whole graph is there.
_DRAG = """async (seconds) => {
  const figure = document.querySelector(".kb-graph--topic");
  const cy = figure.kbGraph;
  cy.fit(undefined, 24);
  const box = figure.querySelector(".kb-graph__canvas").getBoundingClientRect();
  const x0 = box.left + box.width / 2, y0 = box.top + box.height / 2;
  const mouse = (type, x, y, target) => target.dispatchEvent(new MouseEvent(type, {
    bubbles: true, cancelable: true, clientX: x, clientY: y, button: 0, buttons: type === "mouseup" ? 0 : 1 }));
  // Start on empty canvas (pressing on a node and moving pans nothing).
  const near = (x, y) => cy.nodes().some((node) => {
    const at = node.renderedPosition();
    return Math.hypot(at.x + box.left - x, at.y + box.top - y) < 24;
  });
  let start = [x0, y0];
  for (let step = 1; near(start[0], start[1]) && step < 200; step += 1) {
    start = [x0 + 9 * step * Math.cos(step), y0 + 9 * step * Math.sin(step) / 2];
  }
  const canvas = figure.querySelector(".kb-graph__canvas canvas:last-child") || figure.querySelector("canvas");
  mouse("mousedown", start[0], start[1], canvas);
  let frames = 0;
  const began = performance.now();
  await new Promise((resolve) => {
    const frame = (now) => {
      frames += 1;
      const t = (now - began) / 1000;
      if (t >= seconds) { resolve(); return; }
      const x = start[0] + 120 * Math.sin(t * 2 * Math.PI / 1.5);
      const y = start[1] + 120 * (1 - Math.cos(t * 2 * Math.PI / 1.5));
      mouse("mousemove", x, y, window);
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  const elapsed = (performance.now() - began) / 1000;
  mouse("mouseup", start[0], start[1], window);
  return { fps: frames / elapsed, nodes: cy.nodes().length, moved: cy.pan() };
}"""


@dataclass
class GraphFps:
    """Frames per second while panning a topic graph."""

    runs: list[float] = field(default_factory=list)
    """Frames per second of each run."""
    nodes: int = 0
    """Nodes drawn (services, categories and layers)."""
    status: str = "ok"
    """`ok`, or what went wrong."""

    def as_dict(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "runs_fps": [round(value, 1) for value in self.runs],
            "median_fps": statistics.median(self.runs) if self.runs else None,
            "nodes": self.nodes,
            "seconds_per_run": SECONDS,
        }


def measure_graph_fps(notes_dir: Path, work: Path, runs: int = RUNS) -> GraphFps:
    """Build the site of `notes_dir` (one topic), serve it and pan its graph `runs` times."""
    result = GraphFps()
    if not CHROMIUM.exists():
        result.status = f"skipped: no Chromium at {CHROMIUM}"
        return result
    site, failure = build_site(notes_dir, work, "graph-site-")
    if failure:
        result.status = failure
        return result
    pages = sorted(site.glob("*/graph/index.html"))
    if not pages:
        result.status = "no graph page in the site"
        return result
    return pan_graph(site, pages[0].parent.relative_to(site).as_posix() + "/", runs, result)


def pan_graph(site: Path, page: str, runs: int, result: GraphFps | None = None) -> GraphFps:
    """Serve the built `site` and pan the graph of `page` (`zcp/graph/`) `runs` times."""
    result = result or GraphFps()
    with served(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=BROWSER_ARGS)
        page_ = browser.new_page(viewport=VIEWPORT)  # type: ignore[arg-type]
        page_.goto(url + page)
        page_.wait_for_function("document.querySelector('.kb-graph--topic')?.kbGraph", timeout=120_000)
        page_.locator(".kb-graph__canvas").scroll_into_view_if_needed()
        # One short drag first: the first frames after the graph is drawn still finish its
        # first drawing, which is load time, not panning.
        page_.evaluate(_DRAG, 1.0)
        for _ in range(runs):
            measured = page_.evaluate(_DRAG, SECONDS)
            result.runs.append(measured["fps"])
            result.nodes = measured["nodes"]
        browser.close()
    return result


if __name__ == "__main__":
    # `python bench/graphfps.py SITE_DIR PAGE`: pan an already built site's graph (for tuning).
    measured = pan_graph(Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else RUNS)
    print(measured.as_dict())
