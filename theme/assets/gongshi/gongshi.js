/* The larger-text switch: a real button, remembered across pages and visits. */
(function () {
  var KEY = "gongshi.large-text";
  var root = document.documentElement;
  function apply(on) {
    root.classList.toggle("gs-large", on);
    document.querySelectorAll("[data-gs-textsize]").forEach(function (button) {
      button.setAttribute("aria-pressed", on ? "true" : "false");
    });
  }
  function stored() {
    try { return localStorage.getItem(KEY) === "1"; } catch (e) { return false; }
  }
  function bind() {
    apply(stored());
    document.querySelectorAll("[data-gs-textsize]").forEach(function (button) {
      button.addEventListener("click", function () {
        var on = !root.classList.contains("gs-large");
        try { localStorage.setItem(KEY, on ? "1" : "0"); } catch (e) { /* private mode: this page only */ }
        apply(on);
      });
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", bind);
  } else {
    bind();
  }
})();

/* Code blocks scroll sideways on a phone: make each one reachable by keyboard
   so it can be scrolled without a mouse (axe scrollable-region-focusable). */
(function () {
  function focusable() {
    document.querySelectorAll(".md-typeset pre > code").forEach(function (code) {
      if (!code.hasAttribute("tabindex")) { code.setAttribute("tabindex", "0"); }
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", focusable);
  } else {
    focusable();
  }
})();
