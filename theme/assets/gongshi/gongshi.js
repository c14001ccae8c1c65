/* Elderly mode, the larger-text switch: a real button, remembered across pages and
   visits (localStorage); main.html applies the stored choice in <head>, before the
   first paint, so a reader who chose it never sees the small text first. */
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
        document.dispatchEvent(new CustomEvent("gongshi:textsize"));
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

/* A table wider than the screen scrolls inside its own box (never the page), with a
   visible hint just above it while it overflows (issue 13; tests/e2e/test_readable.py). */
(function () {
  var BOXES = ".gs-table, .md-typeset__scrollwrap";
  var HINT = "左右滑动查看全表";
  function mark(box) {
    var hint = box.previousElementSibling;
    if (!hint || !hint.classList.contains("gs-scroll-hint")) {
      hint = document.createElement("p");
      hint.className = "gs-scroll-hint";
      hint.textContent = "← " + HINT + " →";
      box.parentNode.insertBefore(hint, box);
    }
    hint.hidden = box.scrollWidth <= box.clientWidth + 1;
  }
  function markAll() {
    document.querySelectorAll(BOXES).forEach(mark);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", markAll);
  } else {
    markAll();
  }
  window.addEventListener("load", markAll);
  window.addEventListener("resize", markAll);
  document.addEventListener("gongshi:textsize", markAll);
})();
