// « Copy » beside the link, the iframe code and the GeoJSON address on the partners page. The
// texts stay selectable without JavaScript; the buttons appear only where the clipboard works.
"use strict";
(function () {
  const labels = document.getElementById("copy-labels");
  if (!labels || !navigator.clipboard) return;
  document.querySelectorAll(".copy[data-copy]").forEach(function (box) {
    const source = document.getElementById(box.dataset.copy);
    const button = document.createElement("button");
    button.type = "button";
    button.className = "button button-secondary";
    button.textContent = labels.dataset.copy;
    const status = document.createElement("span");
    status.setAttribute("role", "status");
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(source.textContent).then(function () {
        status.textContent = labels.dataset.copied;
      }, function () {
        status.textContent = labels.dataset.failed;
      });
    });
    box.append(button, " ", status);
    box.hidden = false;
  });
})();
