/* Inlined in every page's <head> by the plugin (not served as a file): sets, before the
   first paint, the state dossier.js would set after loading, so nothing jumps when it
   runs (Lighthouse's layout-shift audit). If dossier.js then fails to load, the page
   falls back to its no-JavaScript form once everything else has loaded. */
(function () {
  var root = document.documentElement;
  root.classList.add("dz-js");
  try {
    var mode = localStorage.getItem("dossier.readingMode"); /* dossier.js's KEY */
    if (mode === "fr" || mode === "en" || mode === "both" || mode === "notes") root.setAttribute("data-dz-mode", mode);
  } catch (e) { /* storage blocked: the default mode */ }
  addEventListener("load", function () {
    if (!window.dossierReady) root.classList.remove("dz-js");
  });
})();
