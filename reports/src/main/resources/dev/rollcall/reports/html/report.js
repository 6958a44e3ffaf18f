// Filters and sorting for report.html, kept in the URL fragment so that a link carries them:
// report.html#severity=high&system=aws&rule=dormant-account&person=alice&q=admin&sort=rule.
// A key may hold several values separated by commas (severity=critical,high). system matches a
// kind (aws_iam) or a family (aws); person matches part of an owner's email, or "unowned"; q
// matches any text of a finding (account, people, rule, summary, evidence, clauses, fix).
// #finding=FINGERPRINT opens that finding and scrolls to it.
(function () {
  "use strict";
  var KEYS = ["system", "rule", "severity", "person", "q", "sort"];
  var form = document.getElementById("filters");
  var rows = Array.prototype.slice.call(document.querySelectorAll("details.finding"));
  // Each finding's text, lower case, searched by q (its summary line and its opened body).
  var texts = rows.map(function (row) { return row.textContent.replace(/\s+/g, " ").toLowerCase(); });

  // A malformed escape (a stray %) is taken as it is rather than stopping the page's script.
  function decode(text) {
    try {
      return decodeURIComponent(text);
    } catch (e) {
      return text;
    }
  }

  function parse(fragment) {
    var state = {};
    fragment.replace(/^#/, "").split("&").forEach(function (pair) {
      if (!pair) return;
      var i = pair.indexOf("=");
      var key = decode(i < 0 ? pair : pair.slice(0, i));
      var value = i < 0 ? "" : decode(pair.slice(i + 1).replace(/\+/g, " "));
      if ((KEYS.indexOf(key) >= 0 || key === "finding") && value.trim() !== "") {
        state[key] = value.trim().toLowerCase();
      }
    });
    return state;
  }

  function fragmentOf(state) {
    return KEYS.filter(function (k) { return state[k]; })
      .map(function (k) { return k + "=" + encodeURIComponent(state[k]); }).join("&");
  }

  function values(text) {
    return text.split(",").map(function (v) { return v.trim(); }).filter(function (v) { return v; });
  }

  function matches(row, state) {
    var d = row.dataset;
    if (state.q) {
      var text = texts[rows.indexOf(row)];
      if (!state.q.split(/\s+/).every(function (word) { return text.indexOf(word) >= 0; })) {
        return false;
      }
    }
    if (state.severity && values(state.severity).indexOf(d.severity) < 0) return false;
    if (state.rule && values(state.rule).indexOf(d.rule) < 0) return false;
    if (state.system && !values(state.system).some(function (v) {
      return d.system === v || d.system.indexOf(v + "_") === 0;
    })) return false;
    if (state.person && !values(state.person).some(function (v) {
      return d.person.indexOf(v) >= 0;
    })) return false;
    return true;
  }

  function sortKey(row, sort) {
    var d = row.dataset;
    switch (sort) {
      case "system": return [d.system, -d.rank, d.rule, d.account];
      case "rule": return [d.rule, -d.rank, d.account];
      case "person": return [d.person, -d.rank, d.rule];
      case "account": return [d.account, -d.rank, d.rule];
      case "age": return [-d.daysOpen, -d.rank, +d.order];
      default: return [-d.rank, +d.order];
    }
  }

  function compare(a, b) {
    for (var i = 0; i < a.length; i++) {
      if (a[i] < b[i]) return -1;
      if (a[i] > b[i]) return 1;
    }
    return 0;
  }

  function apply(state) {
    var shown = 0;
    rows.forEach(function (row) {
      row.hidden = !matches(row, state);
      if (!row.hidden) shown++;
    });
    document.querySelectorAll("section.findings").forEach(function (section) {
      var list = section.querySelector(".rows");
      var mine = list ? Array.prototype.slice.call(list.children) : [];
      mine.sort(function (a, b) {
        return compare(sortKey(a, state.sort), sortKey(b, state.sort)) || a.dataset.order - b.dataset.order;
      }).forEach(function (row) { list.appendChild(row); });
      var visible = mine.filter(function (row) { return !row.hidden; }).length;
      section.querySelector(".shown-count").textContent = visible;
      section.querySelector(".of-total").textContent =
        visible === mine.length ? "" : " of " + mine.length;
      section.dataset.shown = visible;
    });
    var active = fragmentOf(state);
    document.documentElement.dataset.filter = active;
    document.getElementById("shown").textContent = active
      ? "Showing " + shown + " of " + rows.length + " findings (" + active + ")."
      : "Showing all " + rows.length + " findings.";
    KEYS.forEach(function (k) {
      var field = form.elements[k];
      var value = state[k] || "";
      if (field.tagName === "SELECT" && value && !Array.prototype.some.call(field.options, function (o) {
        return o.value === value;
      })) {
        var option = document.createElement("option");
        option.value = value;
        option.textContent = value;
        field.appendChild(option);
      }
      field.value = value;
    });
  }

  // #finding=FINGERPRINT: that finding, opened, scrolled to and marked (its filters cleared).
  function target(state) {
    document.querySelectorAll("details.finding.target").forEach(function (row) {
      row.classList.remove("target");
    });
    if (!state.finding) return;
    var row = rows.filter(function (r) { return r.dataset.fingerprint === state.finding; })[0];
    if (!row) return;
    row.hidden = false;
    row.open = true;
    row.classList.add("target");
    document.documentElement.dataset.target = state.finding;
    row.scrollIntoView();
  }

  function setAll(open) {
    rows.forEach(function (row) { if (!row.hidden) row.open = open; });
  }

  // Printing shows every finding's evidence, clauses and fix: all are opened for the print and
  // closed again after, as they were.
  var printed = null;
  window.addEventListener("beforeprint", function () {
    printed = rows.filter(function (row) { return !row.open; });
    printed.forEach(function (row) { row.open = true; });
  });
  window.addEventListener("afterprint", function () {
    (printed || []).forEach(function (row) { row.open = false; });
    printed = null;
  });

  // Whether the page is wider than the window (the narrow layout should never be): a test reads it.
  function measure() {
    document.documentElement.dataset.overflow =
      document.documentElement.scrollWidth > window.innerWidth + 1 ? "yes" : "no";
  }

  function fromForm() {
    var state = {};
    KEYS.forEach(function (k) {
      var v = form.elements[k].value.trim().toLowerCase();
      if (v) state[k] = v;
    });
    return state;
  }

  function update() {
    var state = fromForm();
    var fragment = fragmentOf(state);
    history.replaceState(null, "", fragment ? "#" + fragment : location.pathname + location.search);
    apply(state);
  }

  form.addEventListener("change", update);
  form.addEventListener("input", update);
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  form.addEventListener("reset", function () { setTimeout(update, 0); });
  document.getElementById("expand-all").addEventListener("click", function () { setAll(true); });
  document.getElementById("collapse-all").addEventListener("click", function () { setAll(false); });
  window.addEventListener("hashchange", function () {
    var state = parse(location.hash);
    apply(state);
    target(state);
  });
  window.addEventListener("resize", measure);
  var initial = parse(location.hash);
  apply(initial);
  target(initial);
  measure();
})();
