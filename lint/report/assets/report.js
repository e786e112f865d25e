// Filter and search the report in the page itself: no server, no
// network. Without this script every finding is shown, as on paper.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) { return; }
  var q = form.elements.q, status = form.elements.status, host = form.elements.host;
  var sevs = form.querySelectorAll("input[name=sev]");
  var items = document.querySelectorAll("[data-filter]");
  var findings = document.querySelectorAll("article.finding");
  function wanted() {
    var s = {};
    for (var i = 0; i < sevs.length; i++) { s[sevs[i].value] = sevs[i].checked; }
    return s;
  }
  function apply(remember) {
    var text = q.value.trim().toLowerCase(), sev = wanted(), st = status.value, h = host.value;
    for (var i = 0; i < items.length; i++) {
      var el = items[i], d = el.dataset, ok = true;
      if (text && el.textContent.toLowerCase().indexOf(text) < 0) { ok = false; }
      if (d.severity !== undefined && !sev[d.severity]) { ok = false; }
      if (st && d.status !== undefined && d.status !== st) { ok = false; }
      if (h && d.host !== undefined && d.host !== h) { ok = false; }
      el.hidden = !ok;
    }
    var groups = document.querySelectorAll("section.group");
    for (var g = 0; g < groups.length; g++) {
      if (!groups[g].hidden) { groups[g].hidden = !groups[g].querySelector("article.finding:not([hidden])"); }
    }
    var shown = 0;
    for (var f = 0; f < findings.length; f++) { if (!findings[f].hidden && !findings[f].parentNode.hidden) { shown++; } }
    form.elements.shown.value = shown + " of " + findings.length + " findings shown";
    var state = [];
    if (text) { state.push("q=" + encodeURIComponent(text)); }
    var off = [];
    for (var k in sev) { if (!sev[k]) { off.push(k); } }
    if (off.length) { state.push("hide=" + off.join(",")); }
    if (st) { state.push("status=" + encodeURIComponent(st)); }
    if (h) { state.push("host=" + encodeURIComponent(h)); }
    if (remember === true && history.replaceState) {
      history.replaceState(null, "", state.length ? "#" + state.join("&") : location.pathname + location.search);
    }
  }
  // A link may carry a filter: report.html#status=waived&host=as2.
  function restore() {
    var parts = location.hash.replace(/^#/, "").split("&");
    for (var i = 0; i < parts.length; i++) {
      var kv = parts[i].split("="), v = decodeURIComponent(kv[1] || "");
      if (kv[0] === "q") { q.value = v; }
      if (kv[0] === "status") { status.value = v; }
      if (kv[0] === "host") { host.value = v; }
      if (kv[0] === "hide") {
        var off = v.split(",");
        for (var j = 0; j < sevs.length; j++) { sevs[j].checked = off.indexOf(sevs[j].value) < 0; }
      }
    }
  }
  form.hidden = false;
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  function changed() { apply(true); }
  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  if (/^#(q|status|host|hide)=/.test(location.hash)) { restore(); }
  apply();
})();
