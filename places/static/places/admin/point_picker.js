// The place form's point picker: click the map or drag the marker to fill the latitude and
// longitude; typing numbers moves the marker.
"use strict";
(function () {
  function setup(element) {
    const latitude = document.getElementById(element.dataset.latInput);
    const longitude = document.getElementById(element.dataset.lonInput);
    const config = JSON.parse(element.dataset.config);
    const map = L.map(element).setView(config.center, config.zoom);
    L.tileLayer(config.tiles, { attribution: config.attribution, maxZoom: config.maxZoom })
      .addTo(map);
    let marker = null;

    function write(point) {
      latitude.value = point.lat.toFixed(6);
      longitude.value = point.lng.toFixed(6);
    }
    function show(point) {
      if (marker) {
        marker.setLatLng(point);
        return;
      }
      marker = L.marker(point, {
        icon: L.icon(config.icon),
        draggable: true,
        title: element.getAttribute("aria-label"),
      });
      marker.on("dragend", function () { write(marker.getLatLng()); });
      marker.addTo(map);
    }
    function read() {
      const lat = parseFloat(latitude.value);
      const lon = parseFloat(longitude.value);
      if (Number.isFinite(lat) && Number.isFinite(lon)) {
        show([lat, lon]);
        map.setView([lat, lon], Math.max(map.getZoom(), 15));
      }
    }
    map.on("click", function (event) {
      show(event.latlng);
      write(event.latlng);
    });
    latitude.addEventListener("change", read);
    longitude.addEventListener("change", read);
    read();
  }
  document.addEventListener("DOMContentLoaded", function () {
    if (window.L) {
      document.querySelectorAll(".point-picker").forEach(setup);
    }
  });
})();
