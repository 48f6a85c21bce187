// Sortable tables for `<div class="kb-sortable">` (the certification ratings). Written here rather
// than shipping tablesort because its headers are mouse-only: each heading here is a real <button>
// (keyboard and screen readers) and the column's order is announced through aria-sort.
(function () {
  "use strict";

  function cellValue(row, index) {
    var cell = row.cells[index];
    return cell ? cell.textContent.trim() : "";
  }

  function compare(a, b) {
    var x = parseFloat(a), y = parseFloat(b);
    // Numbers as numbers when both cells are numbers ("7.72" > "4.72"), text otherwise.
    if (!isNaN(x) && !isNaN(y) && /^[\d.,\s-]+$/.test(a) && /^[\d.,\s-]+$/.test(b)) return x - y;
    return a.localeCompare(b, undefined, { numeric: true, sensitivity: "base" });
  }

  function sortBy(table, index, button) {
    var header = button.closest("th");
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    table.querySelectorAll("th[aria-sort]").forEach(function (th) { th.removeAttribute("aria-sort"); });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (r1, r2) {
      var order = compare(cellValue(r1, index), cellValue(r2, index));
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }

  function enhance() {
    document.querySelectorAll(".kb-sortable table").forEach(function (table) {
      if (table.dataset.kbSortable) return;
      table.dataset.kbSortable = "true";
      var headings = table.tHead ? table.tHead.rows[0].cells : [];
      Array.prototype.forEach.call(headings, function (th, index) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "kb-sort";
        button.textContent = th.textContent;
        button.setAttribute("aria-label", "Sort by " + th.textContent);
        th.textContent = "";
        th.appendChild(button);
        button.addEventListener("click", function () { sortBy(table, index, button); });
      });
    });
  }

  // Material's `document$` fires on first load and after each instant navigation.
  if (typeof document$ !== "undefined") {
    document$.subscribe(enhance);
  } else {
    enhance();
  }
})();
