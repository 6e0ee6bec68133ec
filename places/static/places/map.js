// Draw the maps of a page from their JSON data blocks. Every page that has a map also lists
// the same places in plain HTML, so without this script (or without tiles) nothing is lost.
// Leaflet (40 KB) is fetched only when a map is drawn: at once on the map page, and on a
// reader's request ("Show the map") on section and place pages, to spare prepaid data.
"use strict";
(function () {
  const elements = document.querySelectorAll(".map[data-markers]");
  let leaflet = null;

  function load(tag, attributes) {
    return new Promise(function (resolve, reject) {
      const element = document.createElement(tag);
      Object.assign(element, attributes, { onload: resolve, onerror: reject });
      document.head.appendChild(element);
    });
  }

  function loadLeaflet(element) {
    leaflet = leaflet || Promise.all([
      load("link", { rel: "stylesheet", href: element.dataset.leafletCss }),
      load("script", { src: element.dataset.leafletJs }),
    ]);
    return leaflet;
  }

  function data(id) {
    const element = document.getElementById(id);
    return element ? JSON.parse(element.textContent) : null;
  }

  function popup(marker) {
    // The map is drawn left to right (dir="ltr" on its box); its popups read in the page's
    // direction, each line in its own: a French name or a Latin address inside Arabic text.
    const container = document.createElement("div");
    container.dir = document.documentElement.dir || "ltr";
    const title = document.createElement("a");
    title.href = marker.url;
    title.textContent = marker.name;
    title.className = "popup-title";
    title.dir = "auto";
    container.appendChild(title);
    for (const text of [marker.category, marker.address]) {
      if (text) {
        const line = document.createElement("div");
        line.textContent = text;
        line.dir = "auto";
        container.appendChild(line);
      }
    }
    return container;
  }

  function draw(element) {
    const markers = data(element.dataset.markers) || [];
    const config = data(element.dataset.config);
    // Shown only now: Leaflet needs the box's size to place the markers.
    element.classList.add("map-ready");
    const map = L.map(element, { scrollWheelZoom: false }).setView(config.center, config.zoom);
    L.tileLayer(config.tiles, { attribution: config.attribution, maxZoom: config.maxZoom })
      .addTo(map);
    const icon = L.icon(config.icon);
    const points = markers.map(function (marker) {
      const point = [marker.lat, marker.lon];
      L.marker(point, { icon: icon, title: marker.name, alt: marker.name })
        .bindPopup(popup(marker)).addTo(map);
      return point;
    });
    if (config.line && points.length > 1) {
      // A discovery route: join the stops in their order.
      L.polyline(points, { color: "#0b3d6b", weight: 4, opacity: 0.8 }).addTo(map);
    }
    if (points.length > 1) {
      map.fitBounds(points, { padding: [24, 24], maxZoom: 16 });
    } else if (points.length === 1) {
      map.setView(points[0], config.zoom);
    }
  }

  elements.forEach(function (element) {
    const label = element.dataset.onDemand;
    if (!label) {
      loadLeaflet(element).then(function () { draw(element); });
      return;
    }
    const button = document.createElement("button");
    button.type = "button";
    button.className = "button";
    button.textContent = label;
    element.before(button);
    button.addEventListener("click", function () {
      button.remove();
      loadLeaflet(element).then(function () { draw(element); });
    });
  });
})();
