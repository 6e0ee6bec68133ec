// « Was this page useful? » without leaving the page. Without this script the form posts
// normally and the reader comes back to the page with a thank-you.
"use strict";
(function () {
  const form = document.querySelector("form[data-page-feedback]");
  if (!form || !window.fetch) {
    return;
  }
  const status = form.querySelector(".page-feedback-status");
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    const data = new FormData(form);
    if (event.submitter && event.submitter.name) {
      data.set(event.submitter.name, event.submitter.value);
    }
    fetch(form.action, { method: "POST", body: data, headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(response.status);
        }
        for (const child of form.children) {
          child.hidden = child !== status;
        }
        status.innerText = form.dataset.thanks; // keeps FALC's line breaks
      })
      .catch(function () {
        status.innerText = form.dataset.error;
      });
  });
})();
