// « Add to a list »: without JavaScript the link starts a list with this one item; with it, the
// link adds the item to the list the helper was building (kept in this browser only).
"use strict";
(function () {
  const key = "handoff-list";
  function read() {
    try { return JSON.parse(localStorage.getItem(key)) || { s: [], p: [] }; } catch (e) { return { s: [], p: [] }; }
  }
  function split(value) { return value ? value.split(",").filter(Boolean) : []; }
  if (document.querySelector(".handoff")) {
    const params = new URLSearchParams(location.search);
    try { localStorage.setItem(key, JSON.stringify({ s: split(params.get("s")), p: split(params.get("p")) })); } catch (e) { /* private mode */ }
    return;
  }
  const list = read();
  document.querySelectorAll("a.handoff-add").forEach(function (link) {
    const s = list.s.slice();
    const p = list.p.slice();
    if (link.dataset.section && !s.includes(link.dataset.section)) s.push(link.dataset.section);
    if (link.dataset.place && !p.includes(link.dataset.place)) p.push(link.dataset.place);
    const query = [];
    if (s.length) query.push("s=" + s.map(encodeURIComponent).join(","));
    if (p.length) query.push("p=" + p.map(encodeURIComponent).join(","));
    link.href = link.pathname + "?" + query.join("&");
  });
})();
