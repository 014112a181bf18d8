/* govlens dashboard: rankings, platform pages, province tile map, findings.
 * Reads window.GOVLENS (data.js). No network requests, no innerHTML: every text goes in with
 * textContent, every link is built here (http(s) URLs of platforms, our own relative paths). */
(function () {
  "use strict";
  var D = window.GOVLENS;
  if (!D) { return; }
  var T = D.labels, V = D.vocab, P = D.platforms;
  var byId = new Map();
  P.forEach(function (p, i) { byId.set(p.id, i); });
  var PAGE = 500, navigated = false;
  var state = { series: "", award: "", group: "", province: "*", level: "*", region: "*", q: "",
                sort: "rank", dir: 1, limit: PAGE, mapFw: D.main_framework, fProvince: "*" };

  function $(id) { return document.getElementById(id); }
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) { Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); }); }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function clear(e) { while (e.firstChild) { e.removeChild(e.firstChild); } return e; }
  function fmt(v, d) { return (v === null || v === undefined) ? "" : Number(v).toFixed(d === undefined ? 1 : d); }
  function fill(s, vals) { return String(s).replace(/\{(\w+)\}/g, function (m, k) { return k in vals ? vals[k] : m; }); }
  function safeUrl(u) { return /^https?:\/\//i.test(u || "") ? u : ""; }
  function label(map, v) { return (map && map[v]) || v || ""; }
  function provinceLabel(v) { return v || T.no_province; }
  function option(sel, value, text) { var o = el("option", { value: value }, text); sel.appendChild(o); return o; }

  /* ---------------------------------------------------------------- rankings */
  function series() { return D.series.filter(function (s) { return s.id === state.series; })[0] || D.series[0]; }
  function award() {
    var s = series(); if (!s) { return null; }
    return s.awards.filter(function (a) { return a.key === state.award; })[0] || s.awards[0];
  }
  function group() {
    var a = award(); if (!a) { return null; }
    return a.groups.filter(function (g) { return g.id === state.group; })[0] || a.groups[0];
  }
  function fillSelectors() {
    var ss = clear($("f-series")), sa = clear($("f-award")), sg = clear($("f-group"));
    D.series.forEach(function (s) { option(ss, s.id, s.label + " " + s.title); });
    var s = series(); if (!s) { return; }
    state.series = s.id; ss.value = s.id;
    s.awards.forEach(function (a) { option(sa, a.key, a.title); });
    var a = award(); state.award = a.key; sa.value = a.key;
    a.groups.forEach(function (g) { option(sg, g.id, g.title + " (" + g.rows.length + ")"); });
    var g = group(); state.group = g.id; sg.value = g.id;
  }
  function fillFilters() {
    var provinces = {}, levels = {}, regions = {};
    P.forEach(function (p) { provinces[p.province] = 1; levels[p.level] = 1; regions[p.region] = 1; });
    [["f-province", provinces, provinceLabel], ["f-level", levels, function (v) { return label(V.levels, v); }],
     ["f-region", regions, function (v) { return label(V.regions, v); }]].forEach(function (spec) {
      var sel = clear($(spec[0]));
      option(sel, "*", T.all);
      Object.keys(spec[1]).sort().forEach(function (v) { option(sel, v, spec[2](v)); });
    });
    var fp = clear($("fd-province"));
    option(fp, "*", T.all);
    Object.keys(provinces).sort().forEach(function (v) { option(fp, v, provinceLabel(v)); });
  }
  function rankingRows() {
    var a = award(), g = group();
    if (!a || !g) { return []; }
    var q = state.q.trim().toLowerCase();
    var rows = g.rows.map(function (r) {
      var p = P[r[0]], s = p.scores[a.framework] || {};
      return { p: p, rank: r[1], status: r[2], text: r[3], s: s };
    }).filter(function (r) {
      var p = r.p;
      return (state.province === "*" || p.province === state.province) &&
             (state.level === "*" || p.level === state.level) &&
             (state.region === "*" || p.region === state.region) &&
             (!q || p.name.toLowerCase().indexOf(q) >= 0);
    });
    var key = state.sort, dir = state.dir;
    rows.sort(function (x, y) {
      var a1, b1;
      if (key === "name") { a1 = x.p.name; b1 = y.p.name; return dir * a1.localeCompare(b1, D.lang) || x.rank - y.rank; }
      if (key === "province") { a1 = x.p.province; b1 = y.p.province; return dir * a1.localeCompare(b1, D.lang) || x.rank - y.rank; }
      if (key === "level") { a1 = x.p.level; b1 = y.p.level; return dir * a1.localeCompare(b1) || x.rank - y.rank; }
      if (key === "index") { return dir * ((y.s.index || 0) - (x.s.index || 0)) || x.rank - y.rank; }
      return dir * (x.rank - y.rank) || x.p.name.localeCompare(y.p.name, D.lang);
    });
    return rows;
  }
  function intervalText(s) {
    if (s.low === null || s.low === undefined || s.high === null || s.high === undefined) { return ""; }
    return fill(T.interval_text, { median: fmt(s.median, 0), low: Math.floor(s.low + 1e-9), high: Math.ceil(s.high - 1e-9) });
  }
  function statusText(r) {
    var out = [];
    if (r.status === "winner") { out.push(T.winner); }
    if (r.status === "nomination") { out.push(T.nomination); }
    if (r.s.vetoed) { out.push(T.vetoed); }
    return out.join(" · ");
  }
  function renderRankings() {
    var rows = rankingRows(), g = group(), body = clear($("rank-body"));
    var shown = rows.slice(0, state.limit);
    shown.forEach(function (r) {
      var tr = el("tr");
      tr.appendChild(el("td", { "class": "num" }, r.text || r.rank));
      var td = el("td", { "class": "name" });
      var a = el("a", { href: "#/platform/" + encodeURIComponent(r.p.id) }, r.p.name);
      td.appendChild(a); tr.appendChild(td);
      tr.appendChild(el("td", { "class": "num" }, fmt(r.s.index)));
      tr.appendChild(el("td", { "class": "num" }, intervalText(r.s)));
      tr.appendChild(el("td", { "class": "name" }, provinceLabel(r.p.province)));
      tr.appendChild(el("td", { "class": "name" }, label(V.levels, r.p.level)));
      tr.appendChild(el("td", { "class": "name" }, statusText(r)));
      body.appendChild(tr);
    });
    $("rank-count").textContent = fill(T.rows_shown, { n: rows.length, total: g ? g.rows.length : 0 });
    $("rank-empty").hidden = rows.length > 0;
    $("rank-more").hidden = rows.length <= state.limit;
    Array.prototype.forEach.call(document.querySelectorAll("#rank-table th[data-sort]"), function (th) {
      var k = th.getAttribute("data-sort");
      th.setAttribute("aria-sort", k === state.sort ? (state.dir > 0 ? "ascending" : "descending") : "none");
    });
  }

  /* ---------------------------------------------------------------- platform page */
  function renderPlatform(id) {
    var i = byId.get(id), box = clear($("platform-body"));
    if (i === undefined) { box.appendChild(el("p", null, T.no_rows)); return; }
    var p = P[i];
    $("platform-name").textContent = p.name;
    document.title = p.name + " · " + D.title;
    var dl = el("dl", { "class": "meta" });
    function row(k, v, node) { dl.appendChild(el("dt", null, k)); var dd = el("dd", null, node ? null : v); if (node) { dd.appendChild(node); } dl.appendChild(dd); }
    row(T.kind, label(V.kinds, p.kind));
    row(T.group, label(V.groups, p.group));
    row(T.region, label(V.regions, p.region) + (p.province ? " · " + p.province : ""));
    row(T.level, label(V.levels, p.level));
    var u = safeUrl(p.url);
    if (u) { var a = el("a", { href: u, rel: "nofollow noopener noreferrer", target: "_blank", "class": "url" }, u); row(T.url, "", a); }
    if (p.card) { row(T.scorecard, "", el("a", { href: p.card, id: "scorecard-link" }, T.open_scorecard)); }
    box.appendChild(dl);

    Object.keys(p.scores).forEach(function (fw) {
      var s = p.scores[fw];
      var sec = el("section", { "class": "fw" });
      sec.appendChild(el("h3", null, label(V.frameworks, fw)));
      var kpi = el("div", { "class": "kpi" });
      var k1 = el("div", null, T.index); k1.appendChild(el("b", null, s.index === null ? "—" : fmt(s.index))); kpi.appendChild(k1);
      var k2 = el("div", null, T.rank);
      k2.appendChild(el("b", null, s.rank === null ? "—" : (s.rank_text || fill(T.rank_text, { rank: s.rank, size: s.size }))));
      var it = intervalText(s); if (it) { k2.appendChild(el("small", { "class": "interval" }, T.rank_interval + " " + it)); }
      kpi.appendChild(k2);
      if (s.vetoed) { kpi.appendChild(el("div", { "class": "veto" }, T.vetoed)); }
      sec.appendChild(kpi);
      var names = V.dimensions[fw] || {}, ids = Object.keys(names).filter(function (d) { return d in s.dims; });
      if (ids.length) {
        var wrap = el("div", { "class": "scroll", tabindex: "0", role: "region", "aria-label": T.scores + " · " + label(V.frameworks, fw) });
        var tb = el("table"), th = el("thead"), hr = el("tr");
        hr.appendChild(el("th", { scope: "col" }, T.dimension)); hr.appendChild(el("th", { scope: "col", "class": "num" }, T.score));
        var hb = el("th", { scope: "col" }); hb.appendChild(el("span", { "class": "sr" }, T.score)); hr.appendChild(hb);
        th.appendChild(hr); tb.appendChild(th);
        var bd = el("tbody");
        ids.forEach(function (d) {
          var tr = el("tr"), v = s.dims[d];
          tr.appendChild(el("td", { "class": "name" }, names[d]));
          tr.appendChild(el("td", { "class": "num" }, fmt(v)));
          var bar = el("td"), box2 = el("span", { "class": "barbox" }), b = el("span", { "class": "bar" });
          b.style.width = Math.max(0, Math.min(100, v || 0)) + "%";
          box2.appendChild(b); bar.appendChild(box2); tr.appendChild(bar); bd.appendChild(tr);
        });
        tb.appendChild(bd); wrap.appendChild(tb); sec.appendChild(wrap);
      }
      box.appendChild(sec);
    });

    var prev = el("section", { "class": "previous" });
    prev.appendChild(el("h3", null, T.previous));
    if (p.previous && p.previous.old !== null) {
      var ch = p.previous.change, sign = ch > 0 ? "+" : "";
      prev.appendChild(el("p", { id: "previous-text" }, fill(T.previous_text, {
        old: fmt(p.previous.old), "new": fmt(p.previous.new), change: sign + fmt(ch),
        rank_old: p.previous.rank_old === null ? "—" : p.previous.rank_old,
        rank_new: p.previous.rank_new === null ? "—" : p.previous.rank_new })));
    } else {
      prev.appendChild(el("p", { "class": "muted" }, T.previous_none));
    }
    box.appendChild(prev);

    if (p.thumbs.length) {
      var th2 = el("section", { "class": "thumbs-sec" });
      th2.appendChild(el("h3", null, T.screenshots));
      var fig = el("div", { "class": "thumbs" });
      p.thumbs.forEach(function (src) {
        var lab = /-phone\.jpg$/.test(src) ? T.phone : T.desktop;
        var f = el("figure"), img = el("img", { src: "../scorecards/" + src, alt: p.name + " · " + lab, loading: "lazy" });
        f.appendChild(img); f.appendChild(el("figcaption", null, lab)); fig.appendChild(f);
      });
      th2.appendChild(fig); box.appendChild(th2);
    }

    var fs = el("section", { "class": "pfindings" });
    fs.appendChild(el("h3", null, T.findings + " (" + p.n_findings + ")"));
    if (!p.findings.length) { fs.appendChild(el("p", { "class": "muted" }, T.no_findings)); }
    else {
      var w = el("div", { "class": "scroll", tabindex: "0", role: "region", "aria-label": T.findings });
      var t = el("table"), h = el("thead"), r0 = el("tr");
      [T.finding_kind, T.finding_detail, T.finding_url, T.evidence_url].forEach(function (x) { r0.appendChild(el("th", { scope: "col" }, x)); });
      h.appendChild(r0); t.appendChild(h);
      var b2 = el("tbody");
      p.findings.forEach(function (f) {
        var tr = el("tr");
        tr.appendChild(el("td", { "class": "name" }, label(V.defects, f[0])));
        tr.appendChild(el("td", { "class": "detail" }, f[3] || ""));
        [f[1], f[2]].forEach(function (x) {
          var td = el("td", { "class": "url" }), uu = safeUrl(x);
          if (uu) { td.appendChild(el("a", { href: uu, rel: "nofollow noopener noreferrer", target: "_blank" }, uu)); }
          tr.appendChild(td);
        });
        b2.appendChild(tr);
      });
      t.appendChild(b2); w.appendChild(t); fs.appendChild(w);
      if (p.n_findings > p.findings.length) { fs.appendChild(el("p", { "class": "muted" }, fill(T.more_findings, { n: p.n_findings - p.findings.length }))); }
    }
    box.appendChild(fs);
  }

  /* ---------------------------------------------------------------- province tile map */
  var PALETTE = [["#eef3fa", "#1a1a1a"], ["#c9dcf0", "#1a1a1a"], ["#94bce3", "#1a1a1a"], ["#2f6fb0", "#ffffff"], ["#173f6e", "#ffffff"]];
  function provinceMeans(fw) {
    var acc = {};
    P.forEach(function (p) {
      var s = p.scores[fw];
      if (!s || s.index === null || !p.province) { return; }
      var a = acc[p.province] || (acc[p.province] = { sum: 0, n: 0 });
      a.sum += s.index; a.n += 1;
    });
    Object.keys(acc).forEach(function (k) { acc[k].mean = acc[k].sum / acc[k].n; });
    return acc;
  }
  function renderMap() {
    var fwSel = $("m-framework");
    if (!fwSel.options.length) {
      Object.keys(V.frameworks).forEach(function (fw) { option(fwSel, fw, V.frameworks[fw]); });
    }
    fwSel.value = state.mapFw;
    var means = provinceMeans(state.mapFw), vals = Object.keys(means).map(function (k) { return means[k].mean; });
    var lo = Math.min.apply(null, vals.length ? vals : [0]), hi = Math.max.apply(null, vals.length ? vals : [0]);
    function bin(v) { return hi > lo ? Math.min(PALETTE.length - 1, Math.floor((v - lo) / (hi - lo) * PALETTE.length)) : PALETTE.length - 1; }
    var grid = clear($("tiles"));
    grid.style.gridTemplateColumns = "repeat(" + D.tile_grid[0] + ", minmax(0, 1fr))";
    D.tiles.forEach(function (t) {
      var m = means[t.name];
      var tile = el(m ? "a" : "div", { "class": "tile" + (m ? "" : " empty"), "data-province": t.name });
      tile.style.gridColumn = String(t.col + 1); tile.style.gridRow = String(t.row + 1);
      tile.appendChild(el("span", { "class": "tn" }, t.name));
      if (m) {
        var c = PALETTE[bin(m.mean)];
        tile.style.background = c[0]; tile.style.color = c[1];
        tile.setAttribute("href", "#/rankings");
        tile.setAttribute("title", fill(T.map_tile, { province: t.name, mean: fmt(m.mean), n: m.n }));
        tile.appendChild(el("span", { "class": "tv" }, fmt(m.mean)));
        tile.addEventListener("click", function () { state.province = t.name; state.limit = PAGE; $("f-province").value = t.name; });
      } else {
        tile.setAttribute("title", fill(T.map_none, { province: t.name }));
        tile.appendChild(el("span", { "class": "tv" }, "—"));
      }
      grid.appendChild(tile);
    });
    var legend = clear($("legend"));
    PALETTE.forEach(function (c, i) {
      var a = lo + (hi - lo) * i / PALETTE.length, b = lo + (hi - lo) * (i + 1) / PALETTE.length;
      var sw = el("span", { "class": "sw" }, fmt(a) + "–" + fmt(b));
      sw.style.background = c[0]; sw.style.color = c[1];
      legend.appendChild(sw);
    });
    var body = clear($("map-body"));
    Object.keys(means).sort(function (x, y) { return means[y].mean - means[x].mean; }).forEach(function (k) {
      var tr = el("tr");
      tr.appendChild(el("td", { "class": "name" }, k));
      tr.appendChild(el("td", { "class": "num" }, fmt(means[k].mean)));
      tr.appendChild(el("td", { "class": "num" }, means[k].n));
      body.appendChild(tr);
    });
  }

  /* ---------------------------------------------------------------- findings */
  function renderFindings() {
    var prov = state.fProvince, counts = {}, plats = {};
    P.forEach(function (p) {
      if (prov !== "*" && p.province !== prov) { return; }
      Object.keys(p.kinds).forEach(function (k) { counts[k] = (counts[k] || 0) + p.kinds[k]; plats[k] = (plats[k] || 0) + 1; });
    });
    var kinds = Object.keys(counts).sort(function (a, b) { return plats[b] - plats[a] || counts[b] - counts[a] || (a < b ? -1 : 1); });
    var top = kinds.length ? plats[kinds[0]] : 1, body = clear($("findings-body"));
    kinds.forEach(function (k) {
      var tr = el("tr");
      tr.appendChild(el("td", { "class": "name" }, label(V.defects, k)));
      tr.appendChild(el("td", { "class": "num" }, plats[k]));
      tr.appendChild(el("td", { "class": "num" }, counts[k]));
      var td = el("td"), box = el("span", { "class": "barbox" }), b = el("span", { "class": "bar" });
      b.style.width = (100 * plats[k] / top).toFixed(1) + "%";
      box.appendChild(b); td.appendChild(box); tr.appendChild(td);
      body.appendChild(tr);
    });
    $("findings-count").textContent = fill(T.findings_count, { n: kinds.length });
    $("findings-empty").hidden = kinds.length > 0;
  }

  /* ---------------------------------------------------------------- routing */
  var VIEWS = ["rankings", "platform", "map", "findings"];
  function route() {
    var h = location.hash || "#/rankings", m = /^#\/(\w+)(?:\/(.*))?$/.exec(h), view = m ? m[1] : "rankings";
    if (VIEWS.indexOf(view) < 0) { view = "rankings"; }
    VIEWS.forEach(function (v) { $("view-" + v).hidden = v !== view; });
    Array.prototype.forEach.call(document.querySelectorAll("nav.views a"), function (a) {
      if (a.getAttribute("href") === "#/" + view) { a.setAttribute("aria-current", "page"); } else { a.removeAttribute("aria-current"); }
    });
    document.title = D.title;
    if (view === "rankings") { renderRankings(); }
    if (view === "platform") { renderPlatform(decodeURIComponent((m && m[2]) || "")); }
    if (view === "map") { renderMap(); }
    if (view === "findings") { renderFindings(); }
    window.scrollTo(0, 0);
  }

  function init() {
    fillSelectors(); fillFilters();
    Array.prototype.forEach.call(document.querySelectorAll("form.filters"), function (f) {
      f.addEventListener("submit", function (e) { e.preventDefault(); });
    });
    $("f-series").addEventListener("change", function (e) { state.series = e.target.value; state.award = ""; state.group = ""; state.limit = PAGE; fillSelectors(); renderRankings(); });
    $("f-award").addEventListener("change", function (e) { state.award = e.target.value; state.group = ""; state.limit = PAGE; fillSelectors(); renderRankings(); });
    $("f-group").addEventListener("change", function (e) { state.group = e.target.value; state.limit = PAGE; renderRankings(); });
    ["province", "level", "region"].forEach(function (k) {
      $("f-" + k).addEventListener("change", function (e) { state[k] = e.target.value; state.limit = PAGE; renderRankings(); });
    });
    $("f-q").addEventListener("input", function (e) { state.q = e.target.value; state.limit = PAGE; renderRankings(); });
    $("rank-more").addEventListener("click", function () { state.limit += PAGE; renderRankings(); });
    Array.prototype.forEach.call(document.querySelectorAll("#rank-table th[data-sort] button"), function (b) {
      b.addEventListener("click", function () {
        var k = b.parentNode.getAttribute("data-sort");
        state.dir = state.sort === k ? -state.dir : 1; state.sort = k; renderRankings();
      });
    });
    $("m-framework").addEventListener("change", function (e) { state.mapFw = e.target.value; renderMap(); });
    $("fd-province").addEventListener("change", function (e) { state.fProvince = e.target.value; renderFindings(); });
    $("back").addEventListener("click", function (e) {
      if (navigated) { e.preventDefault(); history.back(); }   /* back to the list as it was filtered */
    });
    window.addEventListener("hashchange", function () { navigated = true; route(); });
    route();
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
