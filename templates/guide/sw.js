// The service worker (guide/offline.py serves it at /sw.js). Pages come from the network when
// there is one; without it, from the copy the reader saved (guide/static/guide/offline.js), or
// the « not saved » page in the reader's language. Only this site's requests are touched.
"use strict";
const CORE = "core-{{ release }}";
const LANGUAGES = {{ languages|safe }};

function languageOf(url) {
  const first = url.pathname.split("/")[1];
  return LANGUAGES.includes(first) ? first : LANGUAGES[0];
}

function offlinePage(language) {
  return "/" + language + "/offline/unavailable/";
}

self.addEventListener("install", function (event) {
  event.waitUntil(
    caches.open(CORE).then(function (cache) { return cache.addAll({{ core|safe }}); })
      .then(function () { return self.skipWaiting(); })
  );
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys().then(function (keys) {
      return Promise.all(keys.filter(function (key) {
        return key.startsWith("core-") && key !== CORE;
      }).map(function (key) { return caches.delete(key); }));
    }).then(function () { return self.clients.claim(); })
  );
});

// The « not saved » page of each language the reader reads in, fetched once, in passing.
async function keepOfflinePage(language) {
  const cache = await caches.open(CORE);
  if (!(await cache.match(offlinePage(language)))) {
    try { await cache.add(offlinePage(language)); } catch (error) { /* next time */ }
  }
}

// A saved page read online is saved again as it is now.
async function refreshSaved(language, url, response) {
  const cache = await caches.open("saved-" + language);
  if (await cache.match(url.pathname)) await cache.put(url.pathname, response);
}

async function page(event, url) {
  const language = languageOf(url);
  try {
    const response = await fetch(event.request);
    if (response.ok && !response.redirected && url.search === "") {
      event.waitUntil(Promise.all([
        keepOfflinePage(language), refreshSaved(language, url, response.clone()),
      ]));
    }
    return response;
  } catch (error) {
    const cacheName = "saved-" + language;
    const saved = await caches.match(url.pathname, { cacheName: cacheName });
    // A word of the glossary: the glossary, where every word is explained.
    const glossary = url.pathname.startsWith("/" + language + "/glossary/") &&
      (await caches.match("/" + language + "/glossary/", { cacheName: cacheName }));
    return saved || glossary || (await caches.match(offlinePage(language))) ||
      (await caches.match(offlinePage(LANGUAGES[0]))) || Response.error();
  }
}

self.addEventListener("fetch", function (event) {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith("/admin/")) return;
  if (event.request.mode === "navigate") {
    event.respondWith(page(event, url));
  } else if (url.pathname.startsWith("/static/")) {
    // Hashed names never change: a copy is as good as the network.
    event.respondWith(caches.match(event.request).then(function (hit) {
      return hit || fetch(event.request);
    }));
  }
});
