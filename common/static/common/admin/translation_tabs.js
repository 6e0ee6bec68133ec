// Name django-modeltranslation's "all fields" language switch, which has no label.
// Deferred, so it runs once the admin's scripts are loaded and queues its ready handler after
// modeltranslation's, which builds the tabs.
"use strict";
(function () {
  const script = document.currentScript;
  const $ = window.django && window.django.jQuery;
  if (!$) {
    return;
  }
  $(function () {
    // The select that switches every field to one language has no name.
    $("#modeltranslation-main-switch").attr("aria-label", script.dataset.switchLabel);
  });
})();
