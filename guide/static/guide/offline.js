// The guide on the phone. On every page: register the service worker (it shows the « not
// saved » page when the network is gone), and save the guide again when staff have published
// a new version since the reader saved it. On /<lang>/offline/: the button that saves it.
"use strict";
(function () {
  if (!("serviceWorker" in navigator) || !window.caches || !window.localStorage) return;
  navigator.serviceWorker.register("/sw.js");
  const root = document.documentElement;
  const language = root.dataset.language;
  const version = root.dataset.contentVersion;
  const key = "saved-" + language;
  const statics = /(?:href|src)="(\/static\/[^"]+)"/g;

  function state() {
    try { return JSON.parse(localStorage.getItem(key)); } catch (error) { return null; }
  }

  // Fetch every page of the list (and the static files they name) into a new copy, then put
  // it in place of the old one: a failed save leaves the previous copy whole.
  async function save(list, progress) {
    const fresh = await caches.open(key + "-new");
    let bytes = 0;
    let done = 0;
    const files = new Set();
    for (const url of list.urls) {
      const response = await fetch(url, { cache: "no-cache", credentials: "omit" });
      if (!response.ok) throw new Error(url);
      const body = await response.clone().text();
      bytes += new Blob([body]).size;
      for (const match of body.matchAll(statics)) files.add(match[1]);
      await fresh.put(url, response);
      done += 1;
      progress(done, list.urls.length + files.size);
    }
    for (const url of files) {
      const response = await fetch(url);
      if (response.ok) {
        bytes += (await response.clone().blob()).size;
        await fresh.put(url, response);
      }
      done += 1;
      progress(done, list.urls.length + files.size);
    }
    await caches.delete(key);
    const saved = await caches.open(key);
    for (const request of await fresh.keys()) await saved.put(request, await fresh.match(request));
    await caches.delete(key + "-new");
    const result = { version: list.version, bytes: bytes, date: new Date().toISOString() };
    localStorage.setItem(key, JSON.stringify(result));
    return result;
  }

  async function saveFrom(listUrl, progress) {
    const list = await (await fetch(listUrl, { cache: "no-cache" })).json();
    return save(list, progress);
  }

  const saved = state();
  const listUrl = "/" + language + "/offline/pages.json";
  if (saved && saved.version !== version && navigator.onLine) {
    saveFrom(listUrl, function () {}).catch(function () { /* next visit */ });
  }

  const box = document.getElementById("offline-save");
  if (!box) return;
  const button = box.querySelector("button");
  const status = box.querySelector("[role=status]");
  const remove = box.querySelector(".offline-remove");

  function kilobytes(bytes) {
    return Math.max(1, Math.round(bytes / 1024)).toLocaleString(root.lang);
  }

  function show(current) {
    if (current) {
      status.textContent = box.dataset.saved
        .replace("{kb}", kilobytes(current.bytes))
        .replace("{date}", new Date(current.date).toLocaleDateString(root.lang));
      button.textContent = box.dataset.again;
      remove.hidden = false;
    } else {
      button.textContent = box.dataset.save;
      remove.hidden = true;
    }
  }

  button.addEventListener("click", function () {
    button.disabled = true;
    saveFrom(listUrl, function (done, total) {
      status.textContent = box.dataset.progress.replace("{done}", done).replace("{total}", total);
    }).then(function (result) {
      show(result);
    }).catch(function () {
      status.textContent = box.dataset.failed;
    }).finally(function () {
      button.disabled = false;
    });
  });
  remove.addEventListener("click", function () {
    caches.delete(key).then(function () {
      localStorage.removeItem(key);
      status.textContent = box.dataset.removed;
      show(null);
    });
  });
  show(state());
  box.hidden = false;
  document.getElementById("offline-unsupported").hidden = true;
})();
