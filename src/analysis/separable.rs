//! Separable verbs meet their whole form: `Die Stadt spart hohe Ausgaben ein.` → `einsparen`;
//! `Jugendhilfe und Schule arbeiten eng zusammen.` → `zusammenarbeiten`; `Kommunen beugen
//! vor` → `vorbeugen`.
//!
//! In a German main clause the particle of a separable verb goes to the clause's end, far from
//! its verb, so neither word alone says what the clause is about: `spart … ein` is about
//! savings (`Einsparung`), `arbeiten … zusammen` about cooperation (`Zusammenarbeit`). When a
//! clause ends in a particle, the first word of the clause that makes a word of the corpus
//! vocabulary with it (particle + the verb's infinitive) gets that word at its position, and
//! the stemmer reduces it like any word; it is not decompounded (its parts are the clause's
//! own words, which are indexed already). Requiring the joined verb to be a
//! corpus word keeps `an`, `zu` or `vor` at a clause's end from joining anything else.
//!
//! Runs before stop words go (most particles are stop words) and expects lower-cased, folded
//! tokens with [`super::Marks::clause_end`] set by the tokenizer.

use super::lexicon::Lexicon;
use super::stop_words::StopWords;
use super::{AnalysisStep, AnalyzedToken, Origin};

/// Particles of separable verbs (folded), as they stand alone at a clause's end.
const PARTICLES: [&str; 27] = [
    "ab", "an", "auf", "aus", "bei", "bereit", "dar", "durch", "ein", "fest", "fort", "frei", "her", "hin",
    "los", "mit", "nach", "statt", "teil", "uber", "um", "vor", "weg", "weiter", "zu", "zuruck", "zusammen",
];

/// Endings of the finite verb before a separated particle: present, past, second person
/// (`spart`, `sparte`, `sparten`, `sparst`, `beugen`); the bare stem stands for `ich`.
const ENDINGS: [&str; 9] = ["eten", "ten", "est", "ete", "en", "st", "te", "et", "t"];

/// A particle is looked for at most this many words after the start of its clause.
const MAX_CLAUSE_WORDS: usize = 25;

/// The shortest verb stem joined (`geh`, `hab` and shorter are too often something else).
const MIN_STEM_CHARS: usize = 3;

#[derive(Clone, Debug)]
pub struct SeparableVerbs {
    lexicon: Lexicon,
    /// Stop words join nothing (`haben … vor`): they are not indexed, so a joined word at
    /// their position would fill a position the word count does not know.
    stop_words: StopWords,
}

impl SeparableVerbs {
    pub fn new(lexicon: Lexicon, stop_words: StopWords) -> SeparableVerbs {
        SeparableVerbs { lexicon, stop_words }
    }

    /// The joined infinitive of `particle` with the finite verb `word`, if the corpus knows it.
    fn joined(&self, particle: &str, word: &str) -> Option<String> {
        let stems =
            ENDINGS.iter().filter_map(|ending| word.strip_suffix(ending)).chain(std::iter::once(word));
        stems
            .filter(|stem| stem.chars().count() >= MIN_STEM_CHARS && stem.chars().all(char::is_alphabetic))
            .find_map(|stem| {
                let ending = if stem.ends_with("er") || stem.ends_with("el") { "n" } else { "en" };
                let joined = format!("{particle}{stem}{ending}");
                self.lexicon.contains(&joined).then_some(joined)
            })
    }
}

impl AnalysisStep for SeparableVerbs {
    fn apply(&self, mut tokens: Vec<AnalyzedToken>) -> Vec<AnalyzedToken> {
        let mut joined = Vec::new();
        let mut clause_start = 0;
        for i in 0..tokens.len() {
            let token = &tokens[i];
            if !token.marks.clause_end {
                continue;
            }
            let clause = clause_start..i;
            clause_start = i + 1;
            if token.origin != Origin::Word || !PARTICLES.contains(&token.text.as_str()) {
                continue;
            }
            let words = tokens[clause]
                .iter()
                .filter(|t| t.origin == Origin::Word)
                .take(MAX_CLAUSE_WORDS)
                .filter(|t| !self.stop_words.contains(&t.text));
            if let Some(verb) =
                words.into_iter().find_map(|t| self.joined(&token.text, &t.text).map(|j| (t, j)))
            {
                // An infinitive, like the verb forms' (`Stem`): stemmed next, never split.
                joined.push((verb.0.position, verb.0.derived(verb.1, Origin::Stem)));
            }
        }
        for token in &mut tokens {
            token.marks.clause_end = false;
        }
        if joined.is_empty() {
            return tokens;
        }
        let mut out = Vec::with_capacity(tokens.len() + joined.len());
        let mut joined = joined.into_iter().peekable();
        for token in tokens {
            let position = token.position;
            out.push(token);
            while let Some((_, verb)) = joined.next_if(|(at, _)| *at == position) {
                out.push(verb);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::WordTokenizer;
    use std::collections::HashSet;

    fn separable() -> SeparableVerbs {
        let words: HashSet<String> =
            ["einsparen", "zusammenarbeiten", "vorbeugen", "vorhaben", "teilnehmen", "mitmachen", "anbieten"]
                .into_iter()
                .map(String::from)
                .collect();
        let stop_words = StopWords::parse("haben\nwir\ndas\n");
        SeparableVerbs::new(Lexicon::new(words, None), stop_words)
    }

    /// The words joined in `text`, with the word whose position they take.
    fn joined(text: &str) -> Vec<(String, String)> {
        let tokens = WordTokenizer { max_word_chars: 64 }.tokenize(text);
        let words: Vec<(usize, String)> = tokens.iter().map(|t| (t.position, t.text.clone())).collect();
        let out = separable().apply(tokens);
        assert!(out.iter().all(|t| !t.marks.clause_end), "the mark does not outlive the step");
        let written = |position| words.iter().find(|(p, _)| *p == position).unwrap().1.clone();
        out.iter()
            .filter(|t| !words.iter().any(|(p, w)| *p == t.position && *w == t.text))
            .map(|t| (written(t.position), t.text.clone()))
            .collect()
    }

    fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
        expected.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
    }

    #[test]
    fn a_particle_at_the_clause_end_joins_its_verb() {
        let cases: [(&str, &[(&str, &str)]); 9] = [
            ("Jeder Euro spart später hohe Ausgaben ein.", &[("spart", "einsparen")]),
            ("Jugendhilfe und Schule arbeiten eng zusammen, sagte sie.", &[("arbeiten", "zusammenarbeiten")]),
            ("Kommunen in NRW beugen vor\nDie Stadt", &[("beugen", "vorbeugen")]),
            ("Wir sparten viel ein; das Land", &[("sparten", "einsparen")]),
            ("Die Stadt bietet Kurse an!", &[("bietet", "anbieten")]),
            // The particle must end the clause, and the joined verb must be a corpus word.
            ("Ein Verein spart ein Drittel der Kosten.", &[]),
            ("Die Eltern gehen zusammen.", &[]),
            // A clause ends at its punctuation: the verb of the one before does not join.
            ("Die Stadt spart. Ein", &[]),
            // A stop word joins nothing: it is not indexed.
            ("Das haben wir vor.", &[]),
        ];
        for (text, expected) in cases {
            assert_eq!(joined(text), pairs(expected), "{text}");
        }
    }
}
