#!/usr/bin/env python3
"""Builds index-config/thesaurus-de.txt, praev's general German thesaurus layer, from
OpenThesaurus (text export, LGPL 2.1; see index-config/thesaurus-de.NOTICE.md).

Input: the synset file of the Debian package `openthesaurus-de-text`
(/usr/share/openthesaurus-de/openthesaurus.txt): one synset per line, terms separated by `;`,
each term optionally followed by marks in parentheses: `Resilienz (fachspr.)`.

The filter (what praev keeps is what a searcher of German municipal texts would accept as
"the same thing"):
  * a term marked with a register, region, age or figurative mark is dropped: colloquial
    (`ugs.`), vulgar (`derb`, `vulg.`), obsolete (`veraltet`, `veraltend`), pejorative,
    ironic, jocular, figurative (`fig.`), regional and Austrian/Swiss (`regional`, `österr.`,
    `schweiz.`, dialects), jargon, sayings, rare and poetic terms, and abbreviations (short
    forms are ambiguous in running text); technical, elevated and loan-word marks (`fachspr.`,
    `geh.`, `engl.`, `lat.`) are kept;
  * parentheses that are not marks are optional words (`(psychische) Robustheit`) and are
    removed;
  * only single words are kept (letters and inner hyphens, at least 4 letters, not all capitals):
    phrases in OpenThesaurus are mostly idioms and verb frames (`jemandem etwas beibringen`);
  * only synsets of nouns (every member capitalised): OpenThesaurus groups verbs and adjectives
    by loose senses (`entscheidend` ↔ `besonders`), and praev matches words by their stems,
    where verbs and adjectives meet nouns of other meanings;
  * a synset keeps at most MAX_SYNSET members after filtering; larger ones are vague
    (`Sache;Ding;Gegenstand;…`) and dropped whole, as are synsets left with fewer than two.

praev filters the result again when it builds an index: only members that occur in the indexed
corpus are ever searched (see src/analysis/thesaurus.rs).

usage: build.py [OPENTHESAURUS_TXT] [OUT_TXT]
Python 3 standard library only.
"""
import os
import re
import sys

DEFAULT_SOURCE = "/usr/share/openthesaurus-de/openthesaurus.txt"
DEFAULT_OUT = os.path.join(os.path.dirname(__file__), "..", "..", "index-config", "thesaurus-de.txt")
MAX_SYNSET = 10
MIN_LETTERS = 4

# Marks that drop a term (compared after lower-casing, one comma-separated item at a time).
DROP_MARKS = {
    "ugs.", "derb", "vulg.", "veraltet", "veraltend", "abwertend", "leicht abwertend",
    "stark abwertend", "oft abwertend", "salopp", "scherzhaft", "halb-scherzhaft",
    "scherzhaft-ironisch", "ironisch", "iron.", "oft ironisch", "oft iron.", "fig.", "auch fig.",
    "regional", "österr.", "schweiz.", "norddeutsch", "süddt.", "bair.", "ruhrdt.",
    "rheinisch", "kölsch", "schwäbisch", "berlinerisch", "hessisch", "plattdeutsch",
    "oberdeutsch", "westdeutsch", "sächsisch", "fränkisch", "ostdeutsch", "ddr",
    "jargon", "spruch", "sprichwort", "redensartlich", "sprichwörtlich", "kindersprache",
    "jugendsprachlich", "verhüllend", "poetisch", "literarisch", "historisch", "altertümelnd",
    "selten", "jägersprache", "emotional", "floskelhaft", "negativ", "abkürzung", "kurzform",
    "euphemistisch", "militärisch", "seemannssprache", "papierdeutsch", "weibl.", "männl.",
}
# Marks that keep a term: they say where a word comes from, not that it is out of place.
KEEP_MARKS = {
    "fachspr.", "geh.", "engl.", "lat.", "franz.", "griechisch", "ital.", "span.",
    "hauptform", "amtsdeutsch", "verwaltungsdeutsch", "bildungssprachlich", "juristisch",
    "medizinisch", "wissenschaftlich", "variabel", "offiziell", "plural", "biologisch",
    "botanisch", "zoologisch", "linguistisch", "sprachwissenschaft", "technisch",
}
WORD = re.compile(r"^[A-Za-zÄÖÜäöüß]+(?:-[A-Za-zÄÖÜäöüß]+)*$")
PAREN = re.compile(r"\(([^)]*)\)")


def marks_of(paren_text):
    """The marks of one parenthesis, or None when it is optional text rather than marks."""
    items = [item.strip().lower() for item in paren_text.split(",")]
    if items and all(item in DROP_MARKS or item in KEEP_MARKS for item in items):
        return items
    return None


def clean_term(raw):
    """The term without marks and optional words, or None when it is dropped."""
    for paren in PAREN.findall(raw):
        marks = marks_of(paren)
        if marks is not None and any(mark in DROP_MARKS for mark in marks):
            return None
    term = " ".join(PAREN.sub(" ", raw).split())
    if not WORD.match(term):
        return None
    letters = sum(ch.isalpha() for ch in term)
    if letters < MIN_LETTERS or term.isupper() or sum(ch.isupper() for ch in term) > 2:
        return None
    return term


def synsets(lines):
    """The kept synsets, in source order, each a list of distinct terms."""
    for line in lines:
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        terms = []
        for raw in line.split(";"):
            term = clean_term(raw)
            if term and term not in terms:
                terms.append(term)
        nouns = all(term[0].isupper() for term in terms)
        if nouns and 2 <= len(terms) <= MAX_SYNSET:
            yield terms


def header(source_line):
    return [
        "# General German thesaurus for praev: synsets of OpenThesaurus, one per line, `;`-separated.",
        "# Generated by tools/openthesaurus/build.py — do not edit; put domain synonyms into",
        "# synonyms.toml, which always wins over this file. Licence and attribution:",
        "# thesaurus-de.NOTICE.md (LGPL 2.1, © Daniel Naber and the OpenThesaurus contributors).",
        f"# Source: {source_line}",
        f"# Filter: no colloquial/vulgar/obsolete/figurative/regional/abbreviated terms, single",
        f"# words only, synsets of nouns with 2 to {MAX_SYNSET} members.",
    ]


def main(argv):
    source = argv[1] if len(argv) > 1 else DEFAULT_SOURCE
    out = argv[2] if len(argv) > 2 else DEFAULT_OUT
    with open(source, encoding="utf-8") as f:
        lines = f.read().splitlines()
    generated = next((l[1:].strip() for l in lines[:5] if "generated" in l.lower()), "unknown date")
    kept = list(synsets(lines))
    with open(out, "w", encoding="utf-8") as f:
        for line in header(f"openthesaurus-de-text, OpenThesaurus text export ({generated})"):
            f.write(line + "\n")
        for terms in kept:
            f.write(";".join(terms) + "\n")
    print(f"{out}: {len(kept)} synsets, {sum(map(len, kept))} terms", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv)
