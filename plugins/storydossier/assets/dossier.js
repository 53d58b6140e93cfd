/* Dossier pages: reading modes, gloss details, copy-a-link. Progressive: without this
   script every gloss is expanded and both languages are shown. Safe to run again on
   each of Material's instant-navigation page swaps (document$). */
(function () {
  "use strict";
  var KEY = "dossier.readingMode";
  var PARALLEL = "dossier.parallel";
  var MODES = ["notes", "fr", "en", "both"];
  var root = document.documentElement;

  function stored() {
    try { var m = localStorage.getItem(KEY); return MODES.indexOf(m) >= 0 ? m : "notes"; }
    catch (e) { return "notes"; }
  }
  function applyMode(mode) {
    root.setAttribute("data-dz-mode", mode);
    var buttons = document.querySelectorAll("[data-dz-mode-choice]");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].setAttribute("aria-pressed", String(buttons[i].getAttribute("data-dz-mode-choice") === mode));
    }
  }
  function announce(text) {
    var box = document.querySelector(".dz-copied");
    if (!box) {
      box = document.createElement("div");
      box.className = "dz-copied";
      box.setAttribute("role", "status");
      document.body.appendChild(box);
    }
    box.textContent = text;
    setTimeout(function () { box.textContent = ""; }, 2000);
  }
  /* On phones a quotation's note is a native popover (popovertarget opens and closes
     it, Escape and a click outside close it; the browser exposes its expanded state to
     assistive technology). data-dz-open lets CSS draw the chip as open. */
  function syncExpanded(event) {
    var chip = chipOf(event.target);
    if (chip) chip.toggleAttribute("data-dz-open", event.newState === "open");
  }
  function chipOf(note) {
    return document.querySelector('.dz-toggle[aria-controls="' + note.id + '"]');
  }
  /* On wide screens the notes stand in the margin, each beside the line of its chip and
     below the one before it; the chip unfolds its note there instead of a popover. */
  var WIDE = window.matchMedia ? window.matchMedia("(min-width: 60em)") : null;
  function wide() {
    var parallel = document.getElementById("dz-parallel");
    return !!(WIDE && WIDE.matches) && !(parallel && parallel.checked);
  }
  function layoutNotes() {
    var text = document.querySelector("[data-dz-page=source] .dz-text");
    if (!text) return;
    text.style.minHeight = "";
    if (!wide()) { text.removeAttribute("data-dz-laid"); return; }
    var origin = text.getBoundingClientRect().top, floor = 0;
    var notes = text.querySelectorAll(".dz-note");
    for (var i = 0; i < notes.length; i++) {
      var chip = chipOf(notes[i]);
      if (!chip) continue;
      var at = Math.max(chip.getBoundingClientRect().top - origin - 2, floor);
      notes[i].style.top = at + "px";
      floor = at + notes[i].offsetHeight + 10;
    }
    text.style.minHeight = floor + "px";
    text.setAttribute("data-dz-laid", "");
  }
  function unfold(note, open) {
    var shown = document.querySelectorAll(".dz-note.dz-open");
    for (var i = 0; i < shown.length; i++) {
      shown[i].classList.remove("dz-open");
      var other = chipOf(shown[i]);
      if (other) other.removeAttribute("data-dz-open");
    }
    var chip = chipOf(note);
    note.classList.toggle("dz-open", open);
    if (chip) chip.toggleAttribute("data-dz-open", open);
    layoutNotes();
  }
  /* A deep link to a quotation (or to its note) opens the note. */
  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (!target) return;
    var note = target.classList.contains("dz-note") ? target : document.getElementById(id + "-details");
    if (!note || !chipOf(note)) return;
    if (wide()) unfold(note, true);
    else if (note.showPopover) { try { note.showPopover(); } catch (e) { /* already open */ } }
  }
  /* Printing: the page's address and the day it was printed, at the foot of each page. */
  function printFooter() {
    var article = document.querySelector("[data-dz-printed]");
    if (!article) return;
    var style = document.getElementById("dz-print-page");
    if (!style) {
      style = document.createElement("style");
      style.id = "dz-print-page";
      document.head.appendChild(style);
    }
    var day = new Date().toLocaleDateString(root.lang || undefined, { day: "numeric", month: "long", year: "numeric" });
    style.textContent = "@page{@bottom-left{content:" + JSON.stringify(location.href) +
      ";font-size:7pt}@bottom-right{content:" + JSON.stringify(article.getAttribute("data-dz-printed") + " " + day) + ";font-size:7pt}}";
  }
  function setup() {
    window.dossierReady = true; /* early.js keeps its no-JS fallback otherwise */
    root.classList.add("dz-js");
    applyMode(stored());
    var groups = document.querySelectorAll(".dz-modes, .dz-filter");
    for (var g = 0; g < groups.length; g++) groups[g].hidden = false;
    applyFilter();
    var toggles = document.querySelectorAll(".dz-toggle:not([data-dz-ready])");
    for (var i = 0; i < toggles.length; i++) {
      var toggle = toggles[i];
      var details = document.getElementById(toggle.getAttribute("aria-controls"));
      if (!details) continue;
      toggle.setAttribute("data-dz-ready", "");
      toggle.hidden = false;
      details.addEventListener("toggle", syncExpanded);
    }
    var parallel = document.getElementById("dz-parallel");
    if (parallel) {
      try { parallel.checked = localStorage.getItem(PARALLEL) === "1"; } catch (e) { /* no storage */ }
    }
    layoutNotes();
    openTarget();
    printFooter();
    registerFromURL();
    if (document.fonts && document.fonts.ready) document.fonts.ready.then(layoutNotes);
  }
  /* The register's filters: native radios (CSS hides what they leave out, even without
     script); the script keeps them in the address and counts what is shown. */
  var FILTERS = ["speaker", "fidelity", "text"];
  function registerFromURL() {
    var form = document.querySelector(".dz-reg-filters");
    if (!form) return;
    var params = new URLSearchParams(location.search);
    FILTERS.forEach(function (name) {
      var radio = form.querySelector('input[name="' + name + '"][value="' + (params.get(name) || "").replace(/[^a-z0-9-]/g, "") + '"]');
      if (radio) radio.checked = true;
    });
    registerStatus();
  }
  function registerStatus() {
    var status = document.querySelector(".dz-reg-status");
    if (!status) return;
    var rows = document.querySelectorAll(".dz-register tbody tr"), shown = 0;
    for (var i = 0; i < rows.length; i++) if (rows[i].offsetParent !== null) shown++;
    var template = status.getAttribute(shown < 2 ? "data-dz-template-one" : "data-dz-template");
    status.textContent = template.replace("{shown}", shown).replace("{total}", rows.length);
  }
  function registerToURL() {
    var params = new URLSearchParams(location.search);
    FILTERS.forEach(function (name) {
      var chosen = document.querySelector('.dz-reg-filters input[name="' + name + '"]:checked');
      if (chosen && chosen.value) params.set(name, chosen.value); else params.delete(name);
    });
    var query = params.toString();
    history.replaceState(history.state, "", location.pathname + (query ? "?" + query : "") + location.hash);
    registerStatus();
  }
  var pending = 0;
  function relayout() {
    if (!pending) pending = requestAnimationFrame(function () { pending = 0; layoutNotes(); });
  }
  addEventListener("resize", relayout);
  /* a paragraph swapped for its other language, or side-by-side reading chosen */
  document.addEventListener("change", function (event) {
    var target = event.target;
    if (target.id === "dz-parallel") {
      try { localStorage.setItem(PARALLEL, target.checked ? "1" : "0"); } catch (e) { /* no storage */ }
    }
    if (target.id === "dz-parallel" || (target.classList && target.classList.contains("dz-switch"))) relayout();
    if (target.closest && target.closest(".dz-reg-filters")) registerToURL();
  });
  addEventListener("hashchange", openTarget);
  addEventListener("beforeprint", printFooter);
  document.addEventListener("keydown", function (event) {
    var open = event.key === "Escape" && document.querySelector(".dz-note.dz-open");
    if (!open) return;
    unfold(open, false);
    var chip = chipOf(open);
    if (chip) chip.focus();
  });
  function selectedActors() {
    return new URLSearchParams(location.search).getAll("actor");
  }
  function applyFilter() {
    var filter = document.querySelector(".dz-filter");
    if (!filter) return;
    var chosen = selectedActors();
    var chips = filter.querySelectorAll("[data-dz-actor]");
    for (var i = 0; i < chips.length; i++) {
      var id = chips[i].getAttribute("data-dz-actor");
      chips[i].setAttribute("aria-pressed", String(id ? chosen.indexOf(id) >= 0 : !chosen.length));
    }
    var shown = 0;
    var items = document.querySelectorAll(".dz-event, .dz-tl-row");
    for (var j = 0; j < items.length; j++) {
      var actors = (items[j].getAttribute("data-actors") || "").split(" ");
      var keep = !chosen.length || chosen.some(function (a) { return actors.indexOf(a) >= 0; });
      items[j].classList.toggle("dz-hidden-by-filter", !keep);
      if (keep && items[j].classList.contains("dz-event")) shown++;
    }
    /* a heading, a timeline stop or a break with nothing left under it goes too */
    var groups = document.querySelectorAll(".dz-day, .dz-month, .dz-tl-period");
    for (var k = 0; k < groups.length; k++) {
      groups[k].classList.toggle("dz-hidden-by-filter",
        !groups[k].querySelector(".dz-event:not(.dz-hidden-by-filter), .dz-tl-row:not(.dz-hidden-by-filter)"));
    }
    var gaps = document.querySelectorAll(".dz-tl-gap");
    for (var m = 0; m < gaps.length; m++) gaps[m].classList.toggle("dz-hidden-by-filter", chosen.length > 0);
    var status = document.querySelector(".dz-filter-status");
    if (status) {
      status.textContent = chosen.length ? status.getAttribute(shown < 2 ? "data-dz-template-one" : "data-dz-template")
        .replace("{shown}", shown).replace("{total}", document.querySelectorAll(".dz-event").length) : "";
    }
  }
  function toggleActor(id) {
    var params = new URLSearchParams(location.search);
    var chosen = params.getAll("actor");
    params.delete("actor");
    if (id) {
      var at = chosen.indexOf(id);
      if (at >= 0) chosen.splice(at, 1); else chosen.push(id);
      chosen.forEach(function (a) { params.append("actor", a); });
    }
    var query = params.toString();
    history.replaceState(history.state, "", location.pathname + (query ? "?" + query : "") + location.hash);
    applyFilter();
  }
  document.addEventListener("click", function (event) {
    var target = event.target.closest ? event.target : null;
    if (!target) return;
    var chip = target.closest(".dz-filter [data-dz-actor]");
    if (chip) {
      toggleActor(chip.getAttribute("data-dz-actor"));
      return;
    }
    var toggle = target.closest(".dz-toggle");
    if (toggle && wide()) {  /* its note is in the margin: unfold it there */
      event.preventDefault();
      var note = document.getElementById(toggle.getAttribute("aria-controls"));
      if (note) unfold(note, !toggle.hasAttribute("data-dz-open"));
      return;
    }
    var choice = target.closest("[data-dz-mode-choice]");
    if (choice) {
      var mode = choice.getAttribute("data-dz-mode-choice");
      try { localStorage.setItem(KEY, mode); } catch (e) { /* private mode: not remembered */ }
      applyMode(mode);
      layoutNotes();
      return;
    }
    var cite = target.closest(".dz-cite");
    if (cite && navigator.clipboard) {
      navigator.clipboard.writeText(cite.getAttribute("data-dz-cite")).then(function () {
        announce(cite.getAttribute("data-dz-copied"));
      }, function () { /* nothing to copy to */ });
      return;
    }
    var anchor = target.closest(".dz-anchor, .dz-permalink");
    if (anchor && navigator.clipboard && window.isSecureContext) {
      var url = anchor.href;
      navigator.clipboard.writeText(url).then(function () {
        announce(anchor.getAttribute("data-dz-copied") || "✓");
      }, function () { /* the link still works as a plain anchor */ });
    }
  });
  // Material's document$ emits on each instant-navigation swap; on file:// it may never
  // emit, so the first page is also set up from the DOM itself (setup is idempotent).
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setup);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
