// The evidence table of a Standpoint report: it reads the page's JSON block
// and lists the mentions, with search, sorting, paging and the filters that
// links in the charts set in the address (#actor=ID&toward=ID&stance=S&doc=ID).
// It builds every element with textContent, never from HTML strings.
(function () {
  "use strict";
  var PAGE = 100;
  var data = JSON.parse(document.getElementById("standpoint-data").textContent);
  var names = new Map(data.names.map(function (n) { return [n.id, n.name || n.id]; }));
  var stances = new Map(data.stances.map(function (s, i) { return [s.stance, { color: s.color, order: i }]; }));
  var name = function (id) { return names.get(id) || id; };

  var rows = data.evidence.map(function (r, i) {
    var doc = data.docs[r.doc] || { id: "" };
    var ctx = data.contexts[r.context] || "";
    var search = [r.actor, name(r.actor), r.actor_text, r.stance, r.cue, r.modality || "", r.target || "",
      (r.toward || []).map(name).join(" "), (r.toward || []).join(" "), ctx, doc.id, doc.title || "", doc.source || "", doc.date || ""]
      .join("\n").toLowerCase();
    return { r: r, i: i, doc: doc, ctx: ctx, search: search };
  });

  var keys = {
    date: function (x) { return x.doc.date || "\uffff"; },
    actor: function (x) { return name(x.r.actor).toLowerCase(); },
    stance: function (x) { var s = stances.get(x.r.stance); return s ? s.order : 1e9; },
    toward: function (x) { return (x.r.toward || []).map(name).join(", ").toLowerCase() || "\uffff"; },
    score: function (x) { return x.r.score; },
    doc: function (x) { return (x.doc.title || x.doc.id).toLowerCase(); }
  };
  var FILTERS = ["actor", "toward", "stance", "doc"];

  var state = { query: "", sort: null, desc: false, page: 0, filters: {} };
  var tbody = document.querySelector("#evidence tbody");
  var search = document.getElementById("search");

  function readHash() {
    state.filters = {};
    var params = new URLSearchParams(location.hash.replace(/^#/, ""));
    FILTERS.forEach(function (k) {
      var v = params.get(k);
      if (v !== null && v !== "") state.filters[k] = v;
    });
    state.page = 0;
  }

  function writeHash(filters) {
    var params = new URLSearchParams();
    FILTERS.forEach(function (k) { if (filters[k] !== undefined) params.set(k, filters[k]); });
    var h = params.toString();
    history.replaceState(null, "", h ? "#" + h : location.pathname + location.search);
    readHash();
    render();
  }

  function matches(x) {
    var f = state.filters;
    if (f.actor !== undefined && x.r.actor !== f.actor) return false;
    if (f.toward !== undefined && (x.r.toward || []).indexOf(f.toward) < 0) return false;
    if (f.stance !== undefined && x.r.stance !== f.stance) return false;
    if (f.doc !== undefined && x.doc.id !== f.doc) return false;
    if (state.query) {
      var words = state.query.toLowerCase().split(/\s+/).filter(Boolean);
      for (var i = 0; i < words.length; i++) {
        if (x.search.indexOf(words[i]) < 0) return false;
      }
    }
    return true;
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function link(text, filters, title) {
    var a = el("a", "", text);
    var params = new URLSearchParams();
    Object.keys(filters).forEach(function (k) { params.set(k, filters[k]); });
    a.href = "#" + params.toString();
    if (title) a.title = title;
    return a;
  }

  // sentence returns the context with the evidence, the actor and the cue
  // marked; spans are UTF-16 offsets, as the page's data gives them.
  function sentence(x) {
    var text = x.ctx, r = x.r;
    var clamp = function (n) { return Math.max(0, Math.min(text.length, n)); };
    var marks = [["ev", r.evidence_at], ["actor", r.actor_at], ["cue", r.cue_at]].filter(function (m) {
      return m[1] && m[1][0] >= 0 && m[1][1] > m[1][0];
    });
    var cuts = [0, text.length];
    marks.forEach(function (m) { cuts.push(clamp(m[1][0]), clamp(m[1][1])); });
    cuts.sort(function (a, b) { return a - b; });
    var frag = document.createDocumentFragment();
    for (var i = 0; i + 1 < cuts.length; i++) {
      var a = cuts[i], b = cuts[i + 1];
      if (a >= b) continue;
      var cls = marks.filter(function (m) { return m[1][0] <= a && b <= m[1][1]; }).map(function (m) { return m[0]; });
      var piece = text.slice(a, b);
      if (!cls.length) {
        frag.appendChild(document.createTextNode(piece));
        continue;
      }
      var mk = el("mark", cls.join(" "), piece);
      if (cls.indexOf("cue") >= 0) mk.title = "cue: " + r.cue;
      else if (cls.indexOf("actor") >= 0) mk.title = name(r.actor);
      frag.appendChild(mk);
    }
    return frag;
  }

  // ink returns a text colour that reads on the background colour bg.
  function ink(bg) {
    var n = parseInt(bg.slice(1), 16);
    var luma = 0.299 * (n >> 16 & 255) + 0.587 * (n >> 8 & 255) + 0.114 * (n & 255);
    return luma > 160 ? "#1f2328" : "#ffffff";
  }

  function signed(s) {
    return (s > 0 ? "+" : s < 0 ? "−" : "") + Math.abs(s).toFixed(1);
  }

  function rowOf(x) {
    var r = x.r, tr = document.createElement("tr");
    var st = stances.get(r.stance);
    if (st) tr.style.setProperty("--c", st.color);

    tr.appendChild(el("td", "date", x.doc.date || "—"));

    var actor = el("td", "actor");
    actor.appendChild(link(name(r.actor), { actor: r.actor }, r.actor));
    if (r.actor_text && r.actor_text !== name(r.actor)) actor.appendChild(el("span", "as", "as “" + r.actor_text + "”"));
    tr.appendChild(actor);

    var stance = el("td", "stance");
    var chip = el("span", "chip" + (r.negated ? " neg" : ""), r.stance);
    if (st) {
      chip.style.background = st.color;
      chip.style.color = ink(st.color);
    }
    chip.title = "cue: " + r.cue + (r.negated ? ", negated" : "");
    stance.appendChild(chip);
    if (r.negated) stance.appendChild(el("span", "tag", "negated"));
    if (r.modality) stance.appendChild(el("span", "tag", r.modality));
    tr.appendChild(stance);

    var sent = el("td", "sentence");
    sent.appendChild(sentence(x));
    if (r.target) sent.appendChild(el("span", "target", "target: " + r.target));
    tr.appendChild(sent);

    var toward = el("td", "toward");
    (r.toward || []).forEach(function (id, i) {
      if (i) toward.appendChild(document.createTextNode(", "));
      toward.appendChild(link(name(id), { toward: id }, id));
    });
    tr.appendChild(toward);

    tr.appendChild(el("td", "num " + (r.score > 0 ? "pos" : r.score < 0 ? "negs" : ""), signed(r.score)));

    var doc = el("td", "doc");
    var label = x.doc.title || x.doc.id;
    if (x.doc.url && /^https?:\/\//i.test(x.doc.url)) {
      var a = el("a", "", label);
      a.href = x.doc.url;
      a.target = "_blank";
      a.rel = "noopener noreferrer";
      a.title = x.doc.url;
      doc.appendChild(a);
      doc.appendChild(el("span", "src")).appendChild(link("all its mentions", { doc: x.doc.id }));
    } else {
      doc.appendChild(link(label, { doc: x.doc.id }, "all the mentions of " + x.doc.id));
    }
    if (x.doc.source) doc.appendChild(el("span", "src", x.doc.source));
    tr.appendChild(doc);
    return tr;
  }

  function renderFilters() {
    var box = document.getElementById("filters");
    box.textContent = "";
    FILTERS.forEach(function (k) {
      var v = state.filters[k];
      if (v === undefined) return;
      var label = k === "doc" ? "document" : k;
      var shown = k === "actor" || k === "toward" ? name(v) : v;
      var chip = el("span", "filter", label + ": " + shown);
      var x = el("button", "", "×");
      x.type = "button";
      x.title = "remove this filter";
      x.setAttribute("aria-label", "remove the filter " + label);
      x.addEventListener("click", function () {
        var f = Object.assign({}, state.filters);
        delete f[k];
        writeHash(f);
      });
      chip.appendChild(x);
      box.appendChild(chip);
    });
  }

  function render() {
    var list = rows.filter(matches);
    if (state.sort) {
      var key = keys[state.sort], dir = state.desc ? -1 : 1;
      list.sort(function (a, b) {
        var ka = key(a), kb = key(b);
        return (ka < kb ? -dir : ka > kb ? dir : 0) || a.i - b.i;
      });
    }
    var pages = Math.max(1, Math.ceil(list.length / PAGE));
    state.page = Math.min(state.page, pages - 1);
    var from = state.page * PAGE, shown = list.slice(from, from + PAGE);
    var frag = document.createDocumentFragment();
    shown.forEach(function (x) { frag.appendChild(rowOf(x)); });
    tbody.textContent = "";
    tbody.appendChild(frag);

    var count = list.length === 0 ? "No mention matches." :
      "Showing " + (from + 1) + "–" + (from + shown.length) + " of " + list.length + " mentions";
    if (data.corpus.listed < data.corpus.mentions) {
      count += " (the table lists the first " + data.corpus.listed + " of " + data.corpus.mentions + ")";
    }
    document.getElementById("count").textContent = count;
    document.getElementById("page").textContent = "Page " + (state.page + 1) + " of " + pages;
    document.getElementById("prev").disabled = state.page === 0;
    document.getElementById("next").disabled = state.page >= pages - 1;
    document.querySelectorAll("#evidence th[data-sort]").forEach(function (th) {
      if (th.dataset.sort === state.sort) th.setAttribute("aria-sort", state.desc ? "descending" : "ascending");
      else th.removeAttribute("aria-sort");
    });
    renderFilters();
  }

  search.addEventListener("input", function () {
    state.query = search.value.trim();
    state.page = 0;
    render();
  });
  document.querySelectorAll("#evidence th[data-sort]").forEach(function (th) {
    th.addEventListener("click", function () {
      var k = th.dataset.sort;
      if (state.sort === k && !state.desc) state.desc = true;
      else if (state.sort === k) { state.sort = null; state.desc = false; }
      else { state.sort = k; state.desc = false; }
      render();
    });
  });
  document.getElementById("prev").addEventListener("click", function () { state.page--; render(); });
  document.getElementById("next").addEventListener("click", function () { state.page++; render(); });
  window.addEventListener("hashchange", function () {
    readHash();
    render();
    document.getElementById("evidence-section").scrollIntoView();
  });
  readHash();
  render();
})();
