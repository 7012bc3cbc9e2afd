//! Splits German compounds into their parts: `Kinderschutzfachkräfte` → `kinderschutz`
//! (`kinder` + `schutz`) + `fachkräfte`.
//!
//! A split is accepted only where every part is a word of the [`Lexicon`] (the curated parts
//! list or the corpus's own vocabulary), optionally joined by a linking element (`-s-`,
//! `-es-`, `-n-`, `-en-`, `-er-`, `-e-`, `-ns-`). Of all such splits the one with the fewest
//! parts wins (then the one whose shortest part is longest), and each part is split again, so
//! the result is a tree: `kinderschutz` and its leaves `kinder`, `schutz`. The step keeps the
//! compound itself and adds every node of the tree at the compound's position, marked as a
//! part (`~kinder`), so that a whole-word match still outranks a match of a part alone.
//! Expects lower-cased, folded tokens; runs after stop-word removal and before stemming.

use std::sync::Arc;

use super::lexicon::Lexicon;
use super::part_cache::PartCache;
use super::{AnalysisStep, AnalyzedToken, Origin};

/// Linking elements between parts, longest first.
const LINKS: [&str; 8] = ["ens", "es", "en", "er", "ns", "s", "n", "e"];
/// Parts shorter than this are not split off (`ab`, `an`, `zu` are prefixes, not parts).
const MIN_PART_CHARS: usize = 3;
/// Words shorter than this are not split.
const MIN_COMPOUND_CHARS: usize = 7;
/// The prefix that marks a part in the index, so a part never counts as the whole word.
pub const PART_MARK: char = '~';

/// One node of a split: the part as written in the compound (with its lemma when the part is
/// an irregular plural: `zentren` → `zentrum`), and its own parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split {
    pub part: String,
    pub children: Vec<Split>,
}

/// A part of a compound's first split: its byte range in the compound (without the linking
/// element that may follow it) and its lemma (see [`Split`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrittenPart {
    pub start: usize,
    pub end: usize,
    pub lemma: String,
}

#[derive(Debug, Clone)]
pub struct Decompounder {
    lexicon: Lexicon,
    /// The splits of parts, shared by the clones (same lexicon): the same parts recur in many
    /// compounds (`kinderschutz` in `Kinderschutzfachkräfte`, `Kinderschutzkonzept` …), and
    /// each is split once.
    part_splits: Arc<PartCache<Vec<Split>>>,
}

/// Beyond this many parts the cache of part splits is cleared, bounding memory.
const PART_SPLITS_LIMIT: usize = 100_000;

impl Decompounder {
    pub fn new(lexicon: Lexicon) -> Decompounder {
        Decompounder { lexicon, part_splits: Arc::new(PartCache::new(PART_SPLITS_LIMIT)) }
    }

    /// The parts of `word`, or an empty list when it is not a compound of known words.
    pub fn split(&self, word: &str) -> Vec<Split> {
        self.top_level_parts(word)
            .into_iter()
            .map(|part| Split { children: self.part_split(&word[part.start..part.end]), part: part.lemma })
            .collect()
    }

    /// [`Decompounder::split`] of a part, from the cache when the part was split before. A
    /// part too short to be split is answered at once, without the cache.
    fn part_split(&self, part: &str) -> Vec<Split> {
        // A part has at least as many bytes as characters.
        if part.len() < MIN_COMPOUND_CHARS {
            return Vec::new();
        }
        self.part_splits.get_or_compute(part, || self.split(part))
    }

    /// The last part of `word` as written (`hilfe` of `jugendhilfe`), for elliptic compounds.
    pub fn head(&self, word: &str) -> Option<String> {
        let parts = self.best_segmentation(word)?;
        if parts.len() < 2 {
            return None;
        }
        parts.last().map(|&(a, b)| word[a..b].to_string())
    }

    /// The parts of the first split of `word` with where they stand in it, or an empty list
    /// when it is not a compound of known words: what a query recombines with the synonyms of
    /// a part (`einwanderer|familien` → `zuwandererfamilien`).
    pub fn top_level_parts(&self, word: &str) -> Vec<WrittenPart> {
        if !self.may_split(word) {
            return Vec::new();
        }
        match self.best_segmentation(word) {
            Some(parts) if parts.len() > 1 => parts
                .into_iter()
                .map(|(start, end)| WrittenPart {
                    start,
                    end,
                    lemma: lemma(&self.lexicon, &word[start..end]),
                })
                .collect(),
            _ => Vec::new(),
        }
    }

    /// Whether `word` is long enough, all letters, and not one of the words never split
    /// (`Dienstag` is no `Dienst`).
    fn may_split(&self, word: &str) -> bool {
        word.chars().count() >= MIN_COMPOUND_CHARS
            && word.chars().all(char::is_alphabetic)
            && !self.lexicon.is_unsplittable(word)
    }

    /// Splits `word` into the fewest lexicon words (with linking elements between them); among
    /// equals, the one whose shortest part is longest. The whole word alone does not count.
    /// The parts are byte ranges of `word` (without the linking elements between them).
    fn best_segmentation(&self, word: &str) -> Option<Vec<(usize, usize)>> {
        // Forward over byte offsets: only places where a part (and its link) ends are tried as
        // starts, and the lexicon lists the words starting at a place in one walk of its FST.
        // Each place keeps only its best segmentation's size and its last part (a back-pointer):
        // a place is final before it is read, so the parts are recovered at the end.
        let n = word.len();
        let suffix_ends = derived_modifier_ends(word);
        let mut best: Vec<Option<Step>> = vec![None; n + 1];
        best[0] = Some(Step { parts: 0, shortest: usize::MAX, part: None });
        let mut ends = Vec::new();
        for i in 0..n {
            let Some(before) = best[i] else { continue };
            self.lexicon.word_ends_into(word, i, &mut ends);
            if i > 0 && !ends.contains(&n) && self.is_inflected_head(word, i, &ends) {
                ends.push(n);
            }
            // A derived noun before a linking `s` is a modifier even when the lexicon lacks it.
            for &j in suffix_ends.iter().filter(|&&j| j > i) {
                if !ends.contains(&j) {
                    ends.push(j);
                }
            }
            for &j in &ends {
                let part_chars = char_count(&word[i..j]);
                if part_chars < MIN_PART_CHARS
                    || (i == 0 && j == n)
                    || (j == n && !self.may_be_head(word, i, before.part))
                {
                    continue;
                }
                let step = Step {
                    parts: before.parts + 1,
                    shortest: before.shortest.min(part_chars),
                    part: Some((i, j)),
                };
                let next = word.as_bytes().get(j).copied();
                for link in std::iter::once("").chain(LINKS) {
                    let k = j + link.len();
                    // Every link starts with `e`, `n` or `s`: most are ruled out by one byte.
                    let may_follow = link.is_empty() || next == Some(link.as_bytes()[0]);
                    if k > n || (k == n && !link.is_empty()) || !may_follow || !word[j..].starts_with(link) {
                        continue;
                    }
                    let current = best[k].as_ref().map(|s| (s.parts, s.shortest));
                    if is_better(step.parts, step.shortest, current) {
                        best[k] = Some(step);
                    }
                }
            }
        }
        let mut parts = Vec::new();
        let mut at = best[n]?;
        while let Some((start, end)) = at.part {
            parts.push((start, end));
            at = best[start].expect("a part starts where a segmentation ends");
        }
        parts.reverse();
        Some(parts)
    }
}

/// The best segmentation of a word's beginning as the DP keeps it: how many parts, the
/// shortest part in characters, and the last part's byte range (`None` at the start).
#[derive(Clone, Copy)]
struct Step {
    parts: usize,
    shortest: usize,
    part: Option<(usize, usize)>,
}

/// Characters of a piece of a word: its length when it is ASCII, as most folded words are.
fn char_count(piece: &str) -> usize {
    if piece.is_ascii() {
        piece.len()
    } else {
        piece.chars().count()
    }
}

/// Endings that are words of their own elsewhere but never the head of a compound: the
/// feminine plural `-innen` (`Familienbegleiterinnen` is not `Familienbegleiter` + `innen`).
const SUFFIXES_NOT_HEADS: [&str; 1] = ["innen"];

/// Endings of inflected participles and adjectives that are also nouns (`Ende`, `Samen`):
/// a head only after a linking element (`Jahr|es|ende`, `Woche|n|ende`), never right after
/// a stem (`pass|ende`, `Lehr|ende`, `gemein|samen`).
const SUFFIXES_HEADS_AFTER_LINK: [&str; 10] =
    ["ende", "enden", "endem", "ender", "endes", "same", "samen", "samem", "samer", "sames"];

/// Suffixes of derived nouns that always take the linking `s` as a compound's modifier
/// (`Koordinierung|s|stelle`, `Gesundheit|s|wesen`, `Prävention|s|kette`), folded.
const LINKED_SUFFIXES: [&str; 7] = ["ung", "heit", "keit", "schaft", "ion", "tat", "ling"];

/// Whether `modifier` (folded) ends in a suffix that takes the linking `s` before a head
/// (`vorbeugung` → `vorbeugungs|programm`).
pub fn takes_linking_s(modifier: &str) -> bool {
    LINKED_SUFFIXES.iter().any(|suffix| modifier.ends_with(suffix))
}

/// The ends of modifiers made by [`LINKED_SUFFIXES`]: byte offsets just after such a suffix
/// that a linking `s` and at least a short word follow.
/// Every such end is the place of an `s`: each suffix is tested before each `s` of the word,
/// in the order a search for each suffix with its `s` in turn would find them (no suffix with
/// its `s` can overlap itself), without setting up a substring search per suffix and word.
fn derived_modifier_ends(word: &str) -> Vec<usize> {
    let mut ends = Vec::new();
    for suffix in LINKED_SUFFIXES {
        let linking_s = word.bytes().enumerate().filter(|&(_, b)| b == b's').map(|(at, _)| at);
        for end in linking_s.filter(|&end| word[..end].ends_with(suffix)) {
            if word[end + 1..].chars().count() >= MIN_PART_CHARS
                && word[..end].chars().count() >= MIN_MODIFIER_CHARS
            {
                ends.push(end);
            }
        }
    }
    ends
}

/// A modifier recognised by its suffix alone must be at least this long (`Lösungs-` yes, `ungs-` no).
const MIN_MODIFIER_CHARS: usize = 6;

impl Decompounder {
    /// Whether `word[i..]` may be the head after `last_part`: not a suffix (see
    /// [`SUFFIXES_NOT_HEADS`]), and one of [`SUFFIXES_HEADS_AFTER_LINK`] only after a linking
    /// element (`jahr|es|ende`, `jahres|ende`; not `pass|ende`).
    fn may_be_head(&self, word: &str, i: usize, last_part: Option<(usize, usize)>) -> bool {
        let rest = &word[i..];
        if SUFFIXES_NOT_HEADS.contains(&rest) {
            return false;
        }
        if !SUFFIXES_HEADS_AFTER_LINK.contains(&rest) {
            return true;
        }
        last_part.is_some_and(|(start, end)| end < i || self.ends_in_link(&word[start..end]))
    }

    /// Whether `part` is a lexicon word followed by a linking element (`jahres`, `lebens`,
    /// `wochen`), as corpus words often are.
    fn ends_in_link(&self, part: &str) -> bool {
        ["es", "s", "en", "n"].iter().any(|link| {
            part.strip_suffix(link)
                .is_some_and(|stem| stem.chars().count() >= MIN_PART_CHARS && self.lexicon.contains(stem))
        })
    }

    /// Whether `word[i..]` is a known word with an inflection ending (`wesens`, `krafte`) or
    /// an irregular plural (`zentren`), given the ends of the lexicon words starting at `i`.
    fn is_inflected_head(&self, word: &str, i: usize, ends: &[usize]) -> bool {
        let n = word.len();
        let inflected = HEAD_INFLECTIONS.iter().any(|ending| {
            word.ends_with(ending) && n - ending.len() > i && ends.contains(&(n - ending.len()))
        });
        inflected || (word.ends_with("en") && lemma(&self.lexicon, &word[i..]) != word[i..])
    }
}

/// Fewer parts win; among equals, the longer shortest part.
fn is_better(parts: usize, shortest: usize, than: Option<(usize, usize)>) -> bool {
    match than {
        None => true,
        Some((other_parts, other_shortest)) => {
            parts < other_parts || (parts == other_parts && shortest > other_shortest)
        }
    }
}

/// Inflection endings a compound's last part may carry (`Sozialwesens`, `Fachkräften`).
const HEAD_INFLECTIONS: [&str; 6] = ["s", "es", "n", "en", "e", "er"];

/// The lemma of a part that is an irregular Latin plural the lexicon knows in the singular
/// (`zentren` → `zentrum`, `gremien` → `gremium`); otherwise the part itself.
fn lemma(lexicon: &Lexicon, part: &str) -> String {
    if let Some(stem) = part.strip_suffix("en") {
        let singular = format!("{stem}um");
        if lexicon.contains(&singular) {
            return singular;
        }
    }
    part.to_string()
}

impl AnalysisStep for Decompounder {
    fn apply(&self, tokens: Vec<AnalyzedToken>) -> Vec<AnalyzedToken> {
        let mut out = Vec::with_capacity(tokens.len());
        for token in tokens {
            // A verb joined from a separated particle (`findet … statt` → `stattfinden`) is not
            // split: its parts are the clause's own words (see `separable`).
            let whole = matches!(token.origin, Origin::Part | Origin::Stem);
            let splits = if whole { Vec::new() } else { self.split(&token.text) };
            let mut parts = Vec::new();
            push_parts(&mut parts, &token, &splits, true);
            out.push(token);
            out.extend(parts);
        }
        out
    }
}

/// Adds every node of the split tree as a marked part token, each node before its own parts;
/// leaves, the parts of the first split (`top_level`) and the written length are marked.
fn push_parts(out: &mut Vec<AnalyzedToken>, template: &AnalyzedToken, splits: &[Split], top_level: bool) {
    for split in splits {
        let mut token = template.derived(format!("{PART_MARK}{}", split.part), Origin::Part);
        token.marks.leaf = split.children.is_empty();
        token.marks.top_level = top_level;
        token.marks.written_chars = u8::try_from(split.part.chars().count()).unwrap_or(u8::MAX);
        out.push(token);
        push_parts(out, template, &split.children, false);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decompounder() -> Decompounder {
        let curated = Lexicon::parse_curated(
            "Kinder\nSchutz\nFach\nKraft\nFachkräfte\nPrävention\nKette\nArmut\nFolgen\nFamilie\nZentrum\n\
             Netzwerk\nKoordinatorin\nBegrüßung\nPaket\nBaby\nGesundheit\nKind\nJugend\nHilfe\nSchule\nGrund\nKonferenz\n",
        );
        Decompounder::new(Lexicon::new(curated, None))
    }

    /// The ends as a search for each suffix with its linking `s` finds them: the reference.
    fn searched_modifier_ends(word: &str) -> Vec<usize> {
        let mut ends = Vec::new();
        for suffix in LINKED_SUFFIXES {
            for (at, _) in word.match_indices(&format!("{suffix}s")) {
                let end = at + suffix.len();
                if word[end + 1..].chars().count() >= MIN_PART_CHARS
                    && word[..end].chars().count() >= MIN_MODIFIER_CHARS
                {
                    ends.push(end);
                }
            }
        }
        ends
    }

    #[test]
    fn derived_modifier_ends_are_those_a_search_for_each_suffix_finds() {
        // (word, the modifiers it starts with, by their ends)
        let cases: [(&str, &[&str]); 8] = [
            ("vorbeugungsprogramm", &["vorbeugung"]),
            ("gesundheitsamt", &["gesundheit"]),
            ("koordinierungsstellenleitungsteam", &["koordinierung", "koordinierungsstellenleitung"]),
            ("präventionskette", &["prävention"]),
            ("wirtschaftsförderungsamt", &["wirtschaftsförderung", "wirtschaft"]),
            ("ungsamt", &[]),
            ("sss", &[]),
            ("", &[]),
        ];
        for (word, modifiers) in cases {
            let ends = derived_modifier_ends(word);
            assert_eq!(ends, searched_modifier_ends(word), "ends in {word:?}");
            let found: Vec<&str> = ends.iter().map(|&end| &word[..end]).collect();
            assert_eq!(found, *modifiers, "modifiers of {word:?}");
        }
    }

    fn leaves(split: &[Split]) -> Vec<String> {
        split
            .iter()
            .flat_map(|s| if s.children.is_empty() { vec![s.part.clone()] } else { leaves(&s.children) })
            .collect()
    }

    fn nodes(split: &[Split]) -> Vec<String> {
        split.iter().flat_map(|s| std::iter::once(s.part.clone()).chain(nodes(&s.children))).collect()
    }

    /// (folded word, expected leaves): a failure means a compound of the field no longer splits,
    /// or splits into the wrong words.
    const LEAVES: &[(&str, &[&str])] = &[
        ("kinderschutzfachkrafte", &["kinder", "schutz", "fach", "krafte"]),
        ("praventionskette", &["pravention", "kette"]),
        ("armutsfolgenpravention", &["armut", "folgen", "pravention"]),
        ("familienzentren", &["familie", "zentrum"]),
        ("netzwerkkoordinatorin", &["netzwerk", "koordinatorin"]),
        ("begrussungspaket", &["begrussung", "paket"]),
        ("kindergesundheit", &["kinder", "gesundheit"]),
        ("praventionskonferenz", &["pravention", "konferenz"]),
        ("grundschule", &["grund", "schule"]),
        ("jugendhilfe", &["jugend", "hilfe"]),
    ];

    #[test]
    fn splits_compounds_of_the_field() {
        let d = decompounder();
        for (word, expected) in LEAVES {
            assert_eq!(leaves(&d.split(word)), expected.to_vec(), "splitting {word}");
        }
    }

    /// A part split once is taken from the cache the next time, by any clone: the splits must
    /// be those of a decompounder that splits everything afresh.
    #[test]
    fn cached_part_splits_are_the_splits_made_afresh() {
        let warm = decompounder();
        let clone = warm.clone();
        for (word, _) in LEAVES {
            warm.split(word);
        }
        assert!(!warm.part_splits.is_empty(), "the parts' splits are remembered");
        for word in ["kinderschutzfachkrafte", "fachkraftekinderschutz", "kinderschutzkette"] {
            let fresh = decompounder().split(word);
            assert_eq!(warm.split(word), fresh, "{word}, split by the warm decompounder");
            assert_eq!(clone.split(word), fresh, "{word}, split by its clone");
        }
        let cached = warm.part_splits.get("fachkrafte").map(|split| nodes(&split));
        assert_eq!(cached, Some(vec!["fach".to_string(), "krafte".to_string()]), "the part of a part");
    }

    #[test]
    fn derived_modifiers_split_before_the_linking_s() {
        // Neither "koordinierung" nor "sicherheit" is in the lexicon: the suffix and the
        // linking s mark them as modifiers.
        let d = decompounder();
        assert_eq!(leaves(&d.split("koordinierungsschule")), vec!["koordinierung", "schule"]);
        assert_eq!(leaves(&d.split("sicherheitskonferenz")), vec!["sicherheit", "konferenz"]);
        assert!(d.split("sprungschanze").is_empty(), "the rest must be a known word");
    }

    #[test]
    fn the_feminine_plural_is_no_part() {
        let curated = Lexicon::parse_curated("Familie\nBegleiter\nFamilienbegleiter\nInnen\n");
        let d = Decompounder::new(Lexicon::new(curated, None));
        let parts: Vec<String> = d.split("familienbegleiterinnen").iter().map(|s| s.part.clone()).collect();
        assert!(!parts.contains(&"innen".to_string()), "{parts:?}");
    }

    #[test]
    fn marks_the_parts_of_the_first_split_and_their_written_length() {
        let curated =
            Lexicon::parse_curated("Jugend\nAmt\nJugendamt\nMitarbeiter\nArbeiter\nEltern\nArbeit\n");
        let d = Decompounder::new(Lexicon::new(curated, None));
        let word = AnalyzedToken {
            text: "jugendamtsmitarbeiter".into(),
            offset_from: 0,
            offset_to: 21,
            position: 0,
            origin: Origin::Word,
            marks: Default::default(),
        };
        let marked: Vec<(String, bool, u8)> = d
            .apply(vec![word])
            .into_iter()
            .filter(|t| t.origin == Origin::Part)
            .map(|t| (t.text, t.marks.top_level, t.marks.written_chars))
            .collect();
        let top: Vec<&str> = marked.iter().filter(|m| m.1).map(|m| m.0.as_str()).collect();
        assert_eq!(top, vec!["~jugendamt", "~mitarbeiter"], "{marked:?}");
        assert!(marked.contains(&("~jugend".to_string(), false, 6)), "{marked:?}");
    }

    #[test]
    fn keeps_intermediate_compounds() {
        let d = decompounder();
        let all = nodes(&d.split("kinderschutzfachkrafte"));
        assert!(
            all.contains(&"kinderschutz".to_string()) || all.contains(&"fachkrafte".to_string()),
            "{all:?}"
        );
        for part in ["kinder", "schutz", "fachkrafte"] {
            assert!(all.contains(&part.to_string()), "{part} missing in {all:?}");
        }
    }

    #[test]
    fn leaves_plain_words_alone() {
        let d = decompounder();
        for word in ["kinder", "pravention", "steuerung", "verbesserung", "unterstutzung", "kinder2017"] {
            assert!(d.split(word).is_empty(), "{word} is not a compound of known words");
        }
    }

    /// A lexicon like a grown one: besides the parts, the words that make false splits
    /// (`gemein`, `samen`, `pass`, `ende`, `dienst`, `donner`, `einwand`) and corpus forms with
    /// a linking element (`jahres`, `wochen`).
    fn grown_decompounder() -> Decompounder {
        let text = "Einwand\nEinwander\nEinwanderer\nFamilien\nFamilie\nJugend\nAmt\nJugendamt\n\
                    Mitarbeit\nMitarbeiter\nArbeiter\nArbeit\nKinder\nSchutz\nKinderschutz\nFach\n\
                    Fachkräfte\nKraft\nNaht\nStelle\nStellen\nEltern\nSozial\nRaum\nSozialraum\n\
                    Orientierung\nGemein\nGemeinsam\nSamen\nPass\nEnde\nLehr\nDienst\nTag\nDonner\n\
                    Frei\nLand\nRat\nJahr\nJahres\nWoche\nWochen\nVorsitz\n!Dienstag\n!Donnerstag\n!Freitag\n";
        let lexicon = Lexicon::new(Lexicon::parse_curated(text), None)
            .with_unsplittable(Lexicon::parse_unsplittable(text));
        Decompounder::new(lexicon)
    }

    /// (folded word, the parts of its first split; none: not split): the compounds split
    /// into their longest known parts; words that only look like compounds stay whole.
    const FIRST_SPLITS: &[(&str, &[&str])] = &[
        ("einwandererfamilien", &["einwanderer", "familien"]),
        ("jugendamtsmitarbeiter", &["jugendamt", "mitarbeiter"]),
        ("kinderschutzfachkrafte", &["kinderschutz", "fachkrafte"]),
        ("nahtstellen", &["naht", "stellen"]),
        ("elternarbeit", &["eltern", "arbeit"]),
        ("sozialraumorientierung", &["sozialraum", "orientierung"]),
        ("landrat", &["land", "rat"]),
        ("jahresende", &["jahres", "ende"]),
        ("wochenende", &["wochen", "ende"]),
        // inflected adjectives and participles: `-samen`, `-ende` are endings, not nouns
        ("gemeinsamen", &[]),
        ("passende", &[]),
        ("lehrende", &[]),
        ("vorsitzende", &[]),
        // weekday names are marked never to split
        ("dienstag", &[]),
        ("donnerstag", &[]),
        ("freitag", &[]),
    ];

    #[test]
    fn splits_into_the_longest_parts_and_leaves_look_alikes_whole() {
        let d = grown_decompounder();
        for (word, expected) in FIRST_SPLITS {
            let parts: Vec<String> =
                d.top_level_parts(word).iter().map(|p| word[p.start..p.end].to_string()).collect();
            assert_eq!(parts, expected.to_vec(), "first split of {word}");
            let tree: Vec<String> = d.split(word).iter().map(|s| s.part.clone()).collect();
            assert_eq!(tree.is_empty(), expected.is_empty(), "{word}: {tree:?}");
        }
    }

    #[test]
    fn head_of_a_compound() {
        let d = decompounder();
        assert_eq!(d.head("jugendhilfe").as_deref(), Some("hilfe"));
        assert_eq!(d.head("kinder"), None);
    }
}
