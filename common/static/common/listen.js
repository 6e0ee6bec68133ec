// « Listen »: the page read aloud by the browser's own voice (the Web Speech API), sentence by
// sentence, the sentence being read highlighted. The control appears only when the browser has
// a voice for the page's language (FALC pages say lang="fr"); otherwise nothing is shown, since
// a button that cannot speak would be a lie. Pages with a recording use an <audio> instead.
"use strict";
(function () {
  const box = document.querySelector(".speak[data-speak]");
  if (!box || !window.speechSynthesis || !window.SpeechSynthesisUtterance) return;
  const synth = window.speechSynthesis;
  const page = document.documentElement.lang || "fr";
  let sentences = [];
  let current = -1;
  let run = 0; // each reading's number: events of a cancelled one are ignored
  let paused = false;
  let play = null;
  let stop = null;

  function primary(tag) {
    return tag.toLowerCase().replace("_", "-").split("-")[0];
  }

  function voiceFor(lang) {
    const voices = synth.getVoices();
    const exact = voices.find(function (voice) { return voice.lang.toLowerCase() === lang.toLowerCase(); });
    return exact || voices.find(function (voice) { return primary(voice.lang) === primary(lang); }) || null;
  }

  function split(text, lang) {
    if (window.Intl && Intl.Segmenter) {
      const segments = new Intl.Segmenter(lang, { granularity: "sentence" }).segment(text);
      return Array.from(segments, function (s) { return { start: s.index, end: s.index + s.segment.length }; });
    }
    const found = [];
    const pattern = /[^.!?؟።]+[.!?؟።]*\s*/g;
    let match;
    while ((match = pattern.exec(text)) !== null) {
      found.push({ start: match.index, end: match.index + match[0].length });
    }
    return found;
  }

  // A Range over the text nodes of a block, from one offset of its text to another.
  function range(nodes, start, end) {
    const r = document.createRange();
    for (const item of nodes) {
      const length = item.node.data.length;
      if (start >= item.at && start <= item.at + length) { r.setStart(item.node, start - item.at); break; }
    }
    for (const item of nodes) {
      const length = item.node.data.length;
      if (end >= item.at && end <= item.at + length) { r.setEnd(item.node, end - item.at); break; }
    }
    return r;
  }

  function collect() {
    const found = [];
    document.querySelectorAll(box.dataset.speak).forEach(function (block) {
      const nodes = [];
      let text = "";
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        nodes.push({ node: walker.currentNode, at: text.length });
        text += walker.currentNode.data;
      }
      const holder = block.closest("[lang]");
      const lang = holder ? holder.lang : page;
      const voice = voiceFor(lang);
      if (!voice) return; // a French name on an Arabic page, and no French voice: skip it
      split(text, lang).forEach(function (part) {
        const words = text.slice(part.start, part.end).trim();
        if (words) found.push({ text: words, lang: voice.lang, voice: voice, range: range(nodes, part.start, part.end), block: block });
      });
    });
    return found;
  }

  function highlight(sentence) {
    if (window.CSS && CSS.highlights && window.Highlight) {
      if (sentence) CSS.highlights.set("speaking", new Highlight(sentence.range));
      else CSS.highlights.delete("speaking");
    }
    document.querySelectorAll(".speaking").forEach(function (e) { e.classList.remove("speaking"); });
    if (sentence) {
      sentence.block.classList.add("speaking");
      sentence.block.scrollIntoView({ block: "nearest" });
    }
  }

  function reset() {
    run += 1;
    current = -1;
    paused = false;
    highlight(null);
    play.textContent = box.dataset.play;
    play.setAttribute("aria-pressed", "false");
    stop.hidden = true;
  }

  function speak(index, reading) {
    if (reading !== run) return;
    if (index >= sentences.length) { reset(); return; }
    current = index;
    const sentence = sentences[index];
    const utterance = new SpeechSynthesisUtterance(sentence.text);
    utterance.lang = sentence.lang;
    try { utterance.voice = sentence.voice; } catch (error) { /* the language alone chooses */ }
    utterance.onstart = function () { if (reading === run) highlight(sentence); };
    utterance.onend = function () { speak(index + 1, reading); };
    synth.speak(utterance);
  }

  function toggle() {
    if (current < 0) {
      sentences = collect();
      synth.cancel();
      run += 1;
      play.textContent = box.dataset.pause;
      play.setAttribute("aria-pressed", "true");
      stop.hidden = false;
      speak(0, run);
    } else if (paused) {
      paused = false;
      synth.resume();
      play.textContent = box.dataset.pause;
      play.setAttribute("aria-pressed", "true");
    } else {
      paused = true;
      synth.pause();
      play.textContent = box.dataset.resume;
      play.setAttribute("aria-pressed", "false");
    }
  }

  function show() {
    if (play || !voiceFor(page)) return;
    const label = document.createElement("span");
    label.className = "speak-label";
    label.textContent = box.dataset.label;
    play = document.createElement("button");
    play.type = "button";
    play.className = "button";
    play.textContent = box.dataset.play;
    play.setAttribute("aria-pressed", "false");
    play.addEventListener("click", toggle);
    stop = document.createElement("button");
    stop.type = "button";
    stop.className = "button button-secondary";
    stop.textContent = box.dataset.stop;
    stop.hidden = true;
    stop.addEventListener("click", function () { synth.cancel(); reset(); });
    box.append(label, play, stop);
    box.hidden = false;
  }

  show();
  // Browsers load their voices late: the list may still be empty here.
  synth.addEventListener("voiceschanged", show);
  window.addEventListener("pagehide", function () { synth.cancel(); });
})();
