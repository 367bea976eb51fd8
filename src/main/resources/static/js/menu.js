// Runs as soon as the header is read (not deferred), so a phone never shows the unfolded menu first.
// Without JavaScript the header's links simply wrap onto several lines.
(function () {
  document.documentElement.classList.add("js");
  var toggle = document.querySelector(".site-header .menu-toggle");
  var menu = document.getElementById("site-menu");
  if (toggle && menu) {
    toggle.addEventListener("click", function () {
      var open = menu.classList.toggle("open");
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    });
  }
  // an open drop-down closes on a click elsewhere or on Escape (focus goes back to its summary)
  document.addEventListener("click", function (event) {
    document.querySelectorAll(".site-header details.dropdown[open]").forEach(function (details) {
      if (!details.contains(event.target)) details.removeAttribute("open");
    });
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    document.querySelectorAll(".site-header details.dropdown[open]").forEach(function (details) {
      details.removeAttribute("open");
      details.querySelector("summary").focus();
    });
  });
})();
