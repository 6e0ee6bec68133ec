// Draw the maps of a page from their JSON data blocks. The page lists the same places in plain
// HTML, so without this script (or without tiles) nothing is lost.
"use strict";
(function () {
  if (!window.L) {
    return;
  }
  function data(id) {
    const element = document.getElementById(id);
    return element ? JSON.parse(element.textContent) : null;
  }
  function link(marker, label) {
    const container = document.createElement("div");
    const title = document.createElement("a");
    title.href = marker.url;
    title.textContent = marker.name;
    title.className = "popup-title";
    container.appendChild(title);
    for (const text of [marker.category, marker.address]) {
      if (text) {
        const line = document.createElement("div");
        line.textContent = text;
        container.appendChild(line);
      }
    }
    title.setAttribute("aria-label", label + " : " + marker.name);
    return container;
  }
  document.querySelectorAll(".map[data-markers]").forEach(function (element) {
    const markers = data(element.dataset.markers) || [];
    const config = data(element.dataset.config);
    // Shown only now that a map can be drawn; Leaflet needs the box's size to place markers.
    element.classList.add("map-ready");
    const map = L.map(element, { scrollWheelZoom: false }).setView(config.center, config.zoom);
    L.tileLayer(config.tiles, { attribution: config.attribution, maxZoom: config.maxZoom }).addTo(map);
    const points = [];
    for (const marker of markers) {
      const point = [marker.lat, marker.lon];
      points.push(point);
      L.marker(point, { title: marker.name, alt: marker.name })
        .bindPopup(link(marker, element.dataset.linkLabel))
        .addTo(map);
    }
    if (points.length > 1) {
      map.fitBounds(points, { padding: [24, 24], maxZoom: 16 });
    } else if (points.length === 1) {
      map.setView(points[0], config.zoom);
    }
  });
})();
