//! The surface forms of every known place in one Aho-Corasick automaton, so that a line is
//! searched for all of them in a single pass instead of once per form.
//!
//! Built once per gazetteer (see [`super::Gazetteer`]). It finds the same mentions as searching
//! each form on its own (`mentions::scan`): every occurrence of every spelling, overlapping ones
//! included, each checked by `mentions::mention`; which of overlapping mentions counts is
//! decided afterwards (`mentions::resolve`). The few places discovered in a document are not
//! in it: an automaton costs more to build than their forms cost to search for one by one.
//!
//! A mention starts a word (`mentions::mention` rejects the rest), and the word it starts is
//! the spelling's first word (followed by a genitive "s" at most), so the automaton is walked
//! anchored only from the word starts whose word may begin a spelling (see [`FirstWords`]):
//! one hash of a capitalised word instead of a step through the automaton for every byte of
//! every line of a build, most of them into memory no cache holds.

use std::collections::HashMap;
use std::hash::BuildHasher;

use aho_corasick::automaton::Automaton;
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::{Anchored, MatchKind, PatternID};

use super::mentions::{self, Form, Hit};
use crate::analysis::letters;

#[derive(Clone)]
pub(super) struct FormIndex {
    forms: Vec<Form>,
    /// One pattern per distinct spelling (a form's text or its all-caps spelling).
    /// `MatchKind::Standard`, the kind that reports overlapping matches: "Kreis Steinfurt" must
    /// not hide the "Steinfurt" inside it before the mention checks have run. A contiguous
    /// NFA: with the forms of every German Gemeinde (some 100,000 spellings) a DFA would take
    /// hundreds of MB; used as its own type rather than behind `AhoCorasick` so that each step
    /// of the search is a direct call.
    automaton: NFA,
    /// For each pattern, the forms spelled that way (indexes into `forms`), in list order.
    spelled_by: Vec<Vec<usize>>,
    /// The bytes some spelling starts with: a word starting otherwise is not walked.
    first_bytes: [bool; 256],
    /// The first words of the spellings.
    first_words: FirstWords,
}

impl FormIndex {
    pub fn new(forms: Vec<Form>) -> FormIndex {
        let mut patterns: Vec<&str> = Vec::new();
        let mut spelled_by: Vec<Vec<usize>> = Vec::new();
        let mut pattern_of: HashMap<&str, usize> = HashMap::new();
        for (index, form) in forms.iter().enumerate() {
            // An empty spelling would match everywhere; the gazetteer parser never yields one.
            for variant in form.variants().filter(|v| !v.is_empty()) {
                let pattern = *pattern_of.entry(variant).or_insert_with(|| {
                    patterns.push(variant);
                    spelled_by.push(Vec::new());
                    patterns.len() - 1
                });
                if spelled_by[pattern].last() != Some(&index) {
                    spelled_by[pattern].push(index);
                }
            }
        }
        let mut first_bytes = [false; 256];
        let mut first_words = FirstWords::default();
        for pattern in &patterns {
            first_bytes[usize::from(pattern.as_bytes()[0])] = true;
            first_words.insert(first_word(pattern));
        }
        let automaton = NFA::builder()
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .expect("the place forms fit an Aho-Corasick automaton");
        FormIndex { forms, automaton, spelled_by, first_bytes, first_words }
    }

    /// How many forms are known.
    pub fn len(&self) -> usize {
        self.forms.len()
    }

    /// Appends every mention of a known form in a line (see the module doc); hits are numbered
    /// by the form's place in the list, so discovered forms are numbered from [`Self::len`].
    pub fn scan(&self, line: &str, found: &mut Vec<Hit>) {
        // A spelling's matches never overlap each other, as with `str::match_indices`: the end
        // of each pattern's last match taken. Few patterns match in a line, so a list will do.
        let mut last_end: Vec<(PatternID, usize)> = Vec::new();
        let bytes = line.as_bytes();
        let mut previous_in_word = false;
        for (start, c) in line.char_indices() {
            let word_start = !previous_in_word;
            previous_in_word = letters::is_alphanumeric(c);
            if !word_start
                || !self.first_bytes[usize::from(bytes[start])]
                || !self.may_start_here(line, start)
            {
                continue;
            }
            for (pattern, end) in self.spellings_at(bytes, start) {
                match last_end.iter_mut().find(|(p, _)| *p == pattern) {
                    Some((_, last)) if start < *last => continue,
                    Some((_, last)) => *last = end,
                    None => last_end.push((pattern, end)),
                }
                for &index in &self.spelled_by[pattern.as_usize()] {
                    found.extend(mentions::mention(line, start, end, &self.forms[index], index));
                }
            }
        }
    }

    /// Whether the word at `start` is the first word of a spelling, or such a word and a
    /// genitive "s" (possibly, in rare cases wrongly: see [`FirstWords`]).
    fn may_start_here(&self, line: &str, start: usize) -> bool {
        let word = first_word(&line[start..]);
        // A spelling that starts with a mark ("(") has an empty first word; so has the text.
        self.first_words.may_contain(word)
            || word.strip_suffix('s').is_some_and(|stem| self.first_words.may_contain(stem))
    }

    /// The spellings that start at `start`, shortest first, with where each ends.
    fn spellings_at(&self, bytes: &[u8], start: usize) -> Vec<(PatternID, usize)> {
        let automaton = &self.automaton;
        let mut spellings = Vec::new();
        let Ok(mut state) = automaton.start_state(Anchored::Yes) else {
            return spellings;
        };
        for (at, &byte) in bytes.iter().enumerate().skip(start) {
            state = automaton.next_state(Anchored::Yes, state, byte);
            if automaton.is_dead(state) {
                break;
            }
            if automaton.is_match(state) {
                let end = at + 1;
                // A state also holds the spellings that end here but start later (the
                // "Steinfurt" in "Kreis Steinfurt"): they are found from their own start.
                for index in 0..automaton.match_len(state) {
                    let pattern = automaton.match_pattern(state, index);
                    if end - automaton.pattern_len(pattern) == start {
                        spellings.push((pattern, end));
                    }
                }
            }
        }
        spellings
    }
}

/// The letters and digits `text` starts with (what `mentions::mention` takes for a word).
fn first_word(text: &str) -> &str {
    let end = text.char_indices().find(|&(_, c)| !letters::is_alphanumeric(c)).map_or(text.len(), |(i, _)| i);
    &text[..end]
}

/// A Bloom filter of the spellings' first words: 64 KB that stay in the cache, where a hash
/// set of 100,000 words would not. A word it lacks begins no spelling; the few words it holds
/// wrongly (about one in a hundred) cost only a walk of the automaton that finds nothing.
#[derive(Clone)]
struct FirstWords {
    bits: Box<[u64]>,
}

impl FirstWords {
    /// Bits in the filter (a power of two).
    const BITS: usize = 1 << 19;

    fn insert(&mut self, word: &str) {
        for bit in Self::bits_of(word) {
            self.bits[bit / 64] |= 1 << (bit % 64);
        }
    }

    fn may_contain(&self, word: &str) -> bool {
        Self::bits_of(word).into_iter().all(|bit| self.bits[bit / 64] & (1 << (bit % 64)) != 0)
    }

    /// The word's two bits, from the two halves of one 64-bit hash.
    fn bits_of(word: &str) -> [usize; 2] {
        let hash = rustc_hash::FxBuildHasher.hash_one(word);
        let mask = Self::BITS as u64 - 1;
        [(hash & mask) as usize, ((hash >> 32) & mask) as usize]
    }
}

impl Default for FirstWords {
    fn default() -> Self {
        FirstWords { bits: vec![0; Self::BITS / 64].into_boxed_slice() }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    /// The automaton must find exactly what searching each form on its own finds.
    #[test]
    fn same_mentions_as_one_search_per_form() {
        let claimed: HashSet<String> = ["Aachen".to_string()].into();
        let mut forms = mentions::forms_of(0, "Kreis Steinfurt", false, &claimed);
        forms.extend(mentions::forms_of(1, "Steinfurt", true, &claimed));
        forms.extend(mentions::forms_of(2, "Essen", true, &claimed));
        forms.extend(mentions::forms_of(3, "Städteregion Aachen", false, &claimed));
        forms.extend(mentions::forms_of(4, "Aachen", true, &claimed));
        forms.extend(mentions::forms_of(4, "Aachener", true, &claimed));
        forms.extend(mentions::forms_of(5, "Aa", true, &claimed));
        forms.extend(mentions::forms_of(6, "Rhein-Sieg-Kreis", false, &claimed));
        let known = FormIndex::new(forms.clone());
        let lines = [
            "Der Kreis Steinfurt und die Stadt Steinfurt, STEINFURT, Kreises Steinfurt",
            "In Essen isst man gesundes Essen; Essener Straße, ESSEN",
            "Städteregion Aachen, Aachener Kinder, Aachens Schulen, AACHEN-Nord, AaAaAa Aa",
            "Der Rhein-Sieg-Kreises Plan: Rhein-Sieg-Kreis-Mitte, RHEIN-SIEG-KREIS",
            // Word starts after marks and dashes, genitives, a name inside a word.
            "„Essen“ – Steinfurts Kinder (Aachen) NeuEssen, Essens/Aachens",
            "",
        ];
        let spans =
            |hits: Vec<Hit>| -> Vec<(usize, u32)> { hits.iter().map(|h| (h.candidate, h.weight)).collect() };
        for line in lines {
            let mut found = Vec::new();
            known.scan(line, &mut found);
            let expected = spans(mentions::hits(&forms, line));
            assert!(!expected.is_empty() || line.is_empty(), "the case {line:?} should find something");
            mentions::resolve(&mut found);
            assert_eq!(spans(found), expected, "mentions in {line:?}");
        }
    }

    #[test]
    fn the_first_word_filter_holds_every_spelling() {
        let claimed = HashSet::new();
        let mut forms = Vec::new();
        for (candidate, name) in
            ["Kreis Steinfurt", "Rhein-Sieg-Kreis", "Bad Honnef", "Übach-Palenberg"].iter().enumerate()
        {
            forms.extend(mentions::forms_of(candidate, name, !mentions::is_explicit(name), &claimed));
        }
        let known = FormIndex::new(forms.clone());
        for form in &forms {
            for variant in form.variants() {
                assert!(known.first_words.may_contain(first_word(variant)), "{variant:?} is filtered out");
            }
        }
        assert_eq!(first_word("Rhein-Sieg-Kreis"), "Rhein");
        assert_eq!(first_word("Übach-Palenberg"), "Übach");
        assert_eq!(first_word("(Kreis)"), "");
    }
}
