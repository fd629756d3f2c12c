// Filters the finding cards by kind, speaker and outlet. The choice lives in the address's
// "#" part (#kind=...&speaker=...&outlet=...), so a filtered view can be linked to.
(function () {
  "use strict";
  var cards = Array.prototype.slice.call(document.querySelectorAll("article.finding"));
  var selects = {
    kind: document.getElementById("filter-kind"),
    speaker: document.getElementById("filter-speaker"),
    outlet: document.getElementById("filter-outlet")
  };
  var shown = document.getElementById("shown");
  var noneShown = document.getElementById("none-shown");
  var listOf = function (card, name) {
    try { return JSON.parse(card.getAttribute("data-" + name) || "[]"); } catch (e) { return []; }
  };
  var apply = function () {
    var kind = selects.kind.value, speaker = selects.speaker.value, outlet = selects.outlet.value;
    var visible = 0;
    cards.forEach(function (card) {
      var keep = (!kind || card.getAttribute("data-kind") === kind) &&
        (!speaker || listOf(card, "speakers").indexOf(speaker) >= 0) &&
        (!outlet || listOf(card, "outlets").indexOf(outlet) >= 0);
      card.hidden = !keep;
      if (keep) { visible += 1; }
    });
    shown.textContent = "Showing " + visible + " of " + cards.length + " findings";
    noneShown.hidden = visible > 0 || cards.length === 0;
    var params = new URLSearchParams();
    Object.keys(selects).forEach(function (name) {
      if (selects[name].value) { params.set(name, selects[name].value); }
    });
    var hash = params.toString();
    if (hash !== location.hash.replace(/^#/, "")) {
      history.replaceState(null, "", hash ? "#" + hash : location.pathname + location.search);
    }
  };
  var fromHash = function () {
    var params = new URLSearchParams(location.hash.replace(/^#/, ""));
    Object.keys(selects).forEach(function (name) {
      var wanted = params.get(name) || "";
      var known = Array.prototype.some.call(selects[name].options, function (o) { return o.value === wanted; });
      selects[name].value = known ? wanted : "";
    });
    apply();
  };
  Object.keys(selects).forEach(function (name) { selects[name].addEventListener("change", apply); });
  document.getElementById("filter-reset").addEventListener("click", function () {
    Object.keys(selects).forEach(function (name) { selects[name].value = ""; });
    apply();
  });
  window.addEventListener("hashchange", fromHash);
  fromHash();
  document.body.setAttribute("data-ready", "true");
})();
