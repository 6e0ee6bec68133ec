// The rich-text editor (Tiptap) makes a contenteditable textbox with no name: give it the label
// of the field it stands for (WCAG 4.1.2; axe: aria-input-field-name). Editors appear after the
// page loads, so watch for them.
(function () {
  "use strict";
  function name(editor) {
    if (editor.hasAttribute("aria-label")) return;
    const wrapper = editor.closest(".prose-editor");
    const field = wrapper && wrapper.querySelector("textarea[id]");
    const label = field && document.querySelector('label[for="' + CSS.escape(field.id) + '"]');
    if (label) editor.setAttribute("aria-label", label.textContent.trim());
  }
  new MutationObserver(function () {
    document.querySelectorAll(".prose-editor .tiptap").forEach(name);
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
