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
    ]).then(function () {
      // The cluster plugin extends Leaflet: after it. Routes draw their stops one by one, and
      // a single place needs no cluster.
      const config = data(element.dataset.config);
      const count = (data(element.dataset.markers) || []).length;
      if (config.line || count < 2) return null;
      return Promise.all([
        load("link", { rel: "stylesheet", href: config.clusterCss }),
        load("script", { src: config.clusterJs }),
      ]);
    });
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
    for (const text of [marker.category, marker.address, marker.approxLabel]) {
      if (text) {
        const line = document.createElement("div");
        line.textContent = text;
        line.dir = "auto";
        container.appendChild(line);
      }
    }
    return container;
  }

  // A pin in the category's colour with its pictogram, or the stop's number on a route. Built
  // as elements, colours set through the style object: the CSP refuses style attributes.
  function markerIcon(marker) {
    const pin = document.createElement("span");
    pin.className = "map-pin" + (marker.approx ? " map-pin-approx" : "");
    pin.style.backgroundColor = marker.colour || "#0b3d6b";
    if (marker.number) {
      pin.textContent = marker.number;
    } else {
      const pictogram = document.createElement("img");
      pictogram.src = marker.pictogram;
      pictogram.alt = "";
      pin.appendChild(pictogram);
    }
    return L.divIcon({
      html: pin, className: "map-marker", iconSize: [34, 34], iconAnchor: [17, 17],
      popupAnchor: [0, -17],
    });
  }

  function clusterIcon(count, label) {
    const circle = document.createElement("span");
    circle.className = "map-cluster-count";
    circle.setAttribute("aria-hidden", "true");
    circle.textContent = count;
    const text = document.createElement("span");
    text.className = "visually-hidden";
    text.textContent = label.replace("%(count)s", count);
    const box = document.createElement("span");
    box.append(circle, text);
    return L.divIcon({ html: box, className: "map-cluster", iconSize: [40, 40] });
  }

  function draw(element) {
    const markers = data(element.dataset.markers) || [];
    const config = data(element.dataset.config);
    const points = markers.map(function (marker) { return [marker.lat, marker.lon]; });
    // Shown only now: Leaflet needs the box's size to place the markers.
    element.classList.add("map-ready");
    const map = L.map(element, { scrollWheelZoom: false });
    // The first view at once, not flown to: no animation for a slow phone to play.
    if (points.length > 1) {
      map.fitBounds(points, { padding: [24, 24], maxZoom: 16, animate: false });
    } else {
      map.setView(points[0] || config.center, config.zoom, { animate: false });
    }
    L.tileLayer(config.tiles, { attribution: config.attribution, maxZoom: config.maxZoom })
      .addTo(map);
    const layer = L.markerClusterGroup ? L.markerClusterGroup({
      showCoverageOnHover: false,
      maxClusterRadius: 36,
      spiderfyDistanceMultiplier: 1.6,
      iconCreateFunction: function (cluster) {
        return clusterIcon(cluster.getChildCount(), config.labels.cluster);
      },
    }) : L.layerGroup();
    markers.forEach(function (marker, index) {
      if (marker.approx) marker.approxLabel = config.labels.approx;
      L.marker(points[index], { icon: markerIcon(marker), title: marker.name })
        .bindPopup(popup(marker)).addTo(layer);
    });
    layer.addTo(map);
    if (config.line && points.length > 1) {
      // A discovery route: join the stops in their order.
      L.polyline(points, { color: "#0b3d6b", weight: 4, opacity: 0.8 }).addTo(map);
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
