"""Easy-to-read French (FALC) in the UI catalog: one sentence per line."""

import re
from pathlib import Path

import polib
from django.conf import settings

FALC_CATALOG = Path(settings.BASE_DIR) / "locale/fr_Falc/LC_MESSAGES/django.po"

# A sentence ends with . ! ? or … and the next one starts with a capital or a digit, maybe
# after an opening quote. French puts a space before ? and !, which changes nothing here.
TWO_SENTENCES = re.compile(r"[.!?…]\s+(?:«\s*)?[A-ZÀ-ÖØ-Ý0-9]")
# Templates show "\n" with linebreaksbr; strings with HTML (blocktranslate) break with <br>.
LINE_BREAK = re.compile(r"\n|<br\s*/?>")


def _falc_texts():
    for entry in polib.pofile(FALC_CATALOG):
        if entry.obsolete:
            continue
        texts = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        for text in texts:
            if text:
                yield entry.msgid, text


def test_two_sentences_on_one_line_are_spotted():
    assert TWO_SENTENCES.search("Qu'est-ce qui est difficile ? Vous pouvez ne rien écrire.")
    assert TWO_SENTENCES.search("Ces règles ont un nom. « L'information pour tous ».")
    assert not TWO_SENTENCES.search("Appelez le 112.")
    assert not TWO_SENTENCES.search("urgence pour la santé : c'est le SAMU.")


def test_falc_translations_put_each_sentence_on_its_own_line():
    crowded = [
        (msgid, line)
        for msgid, text in _falc_texts()
        for line in LINE_BREAK.split(text)
        if TWO_SENTENCES.search(line)
    ]
    assert crowded == []


def test_falc_translations_keep_the_line_breaks_of_the_source():
    dropped = [
        msgid
        for msgid, text in _falc_texts()
        if len(LINE_BREAK.findall(text)) < len(LINE_BREAK.findall(msgid))
    ]
    assert dropped == []
