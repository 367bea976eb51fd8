// Sends the CSRF token with every htmx request (forms rendered by Thymeleaf carry it already).
document.addEventListener("htmx:configRequest", function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

// On a phone, tables turn into one card per row (see guildhall.css): each cell gets its column's name.
// Only tables with a header row; a cell's own data-label wins. Runs again on what htmx swaps in.
function labelTableCells(root) {
  root.querySelectorAll("table").forEach(function (table) {
    var head = table.tHead && table.tHead.rows[0];
    if (!head) return;
    var names = Array.prototype.map.call(head.cells, function (cell) { return cell.textContent.trim(); });
    Array.prototype.forEach.call(table.tBodies, function (body) {
      Array.prototype.forEach.call(body.rows, function (row) {
        Array.prototype.forEach.call(row.cells, function (cell, i) {
          if (!cell.hasAttribute("data-label") && cell.colSpan === 1 && names[i]) cell.setAttribute("data-label", names[i]);
        });
      });
    });
    table.classList.add("as-cards");
  });
}
document.addEventListener("DOMContentLoaded", function () { labelTableCells(document); });
document.addEventListener("htmx:afterSettle", function (event) { labelTableCells(event.detail.elt.parentNode || document); });
