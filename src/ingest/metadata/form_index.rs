//! The surface forms of every known place in one Aho-Corasick automaton, so that a line is
//! searched for all of them in a single pass instead of once per form.
//!
//! Built once per gazetteer (see [`super::Gazetteer`]). It finds the same mentions as searching
//! each form on its own (`mentions::scan`): every occurrence of every spelling, overlapping ones
//! included, each checked by `mentions::mention`; which of overlapping mentions counts is
//! decided afterwards (`mentions::resolve`). The few places discovered in a document are not
//! in it: an automaton costs more to build than their forms cost to search for one by one.

use std::collections::HashMap;

use aho_corasick::automaton::Automaton;
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::{Input, MatchKind, PatternID};

use super::mentions::{self, Form, Hit};

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
        let automaton = NFA::builder()
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .expect("the place forms fit an Aho-Corasick automaton");
        FormIndex { forms, automaton, spelled_by }
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
        let matches = self.automaton.try_find_overlapping_iter(Input::new(line));
        for m in matches.expect("a Standard automaton searches for overlapping matches") {
            let pattern = m.pattern();
            match last_end.iter_mut().find(|(p, _)| *p == pattern) {
                Some((_, end)) if m.start() < *end => continue,
                Some((_, end)) => *end = m.end(),
                None => last_end.push((pattern, m.end())),
            }
            for &index in &self.spelled_by[pattern.as_usize()] {
                found.extend(mentions::mention(line, m.start(), m.end(), &self.forms[index], index));
            }
        }
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
}
