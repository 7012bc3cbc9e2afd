//! Term proximity: neighbouring words of the query that stand close together in a passage.
//!
//! BM25 scores each word on its own, so a passage where `Schutz` and `Gewalt` are two
//! hundred words apart scores like one that says `Schutz vor Gewalt`. Proximity models
//! (Büttcher et al. 2006; Tao & Zhai 2007) add a bonus when query words stand close together,
//! a general gain on multi-word queries. This module owns the list of those pairs: for every
//! two neighbouring content words of the query (the words the user typed, after stop words
//! and question frames; not synonyms, phrases or exclusions), their primary search terms (the
//! stems), searched as a sloppy phrase within [`NEAR_WORDS_SLOP`] words in either order, and
//! weighted like a literal match of the rarer word ([`NEAR_WORDS_WEIGHT`]). `--exact` keeps it:
//! it rewards the literal words, no synonyms. The pair only adds: a passage with
//! the words far apart still matches through the words themselves.

use super::parse::Occurrence;
use super::plan::{idf, is_generic_share, Alternative, PlannedClause};
use crate::analysis::Origin;

/// What a pair of neighbouring query words found close together counts, relative to a literal
/// match of the rarer of the two (see [`weigh`]): like one more word. Measured on the dev set
/// (nDCG@10, baseline 0.787), slop 3: 0.787 at 0.5 and 0.7, 0.790 at 1.0 and 1.4; scaled to
/// the commoner word instead, 0.787–0.788 (the pair of a generic and a specific word,
/// `Kinder in Armut`, then adds next to nothing). The gain is small because a passage is
/// already a short window: words in one passage are never far apart.
pub const NEAR_WORDS_WEIGHT: f32 = 1.0;
/// The window: tantivy's slop for two terms is the distance between the second term's
/// position and the one right after the first, so `Schutz vor Gewalt` (slop 1) and
/// `Gewalt und Schutz` (slop 2) match; the second word may follow the first with up to this
/// many words between them, or precede it with up to two fewer. Dev set at weight 1.0: slop 1
/// 0.790, 2 0.788, 3 0.790, 4 0.788, 5 0.788; wider windows join the items of a list (`Kita,
/// Schule und Beruf`) that the query does not ask for together.
pub const NEAR_WORDS_SLOP: u32 = 3;

/// Two neighbouring words of the query and what their standing close together adds.
#[derive(Debug, Clone, PartialEq)]
pub struct NearPair {
    /// The two words as the user wrote them (their clauses' text).
    pub words: [String; 2],
    /// Their primary search terms.
    pub terms: [String; 2],
    /// At most this many words between them (see [`NEAR_WORDS_SLOP`]).
    pub slop: u32,
    pub weight: f32,
}

/// The pairs of neighbouring content words of `clauses`, in query order: each word's primary
/// term (its first whole-word term), unweighted by the index yet (see [`weigh`]).
pub fn pairs(clauses: &[PlannedClause]) -> Vec<NearPair> {
    let words: Vec<(&str, &str)> = clauses
        .iter()
        .filter(|c| c.occur == Occurrence::Should && !c.is_phrase && !c.is_synonym)
        .flat_map(|c| c.groups.iter().filter_map(|g| primary_term(g).map(|t| (c.source.as_str(), t))))
        .collect();
    words
        .windows(2)
        .filter(|pair| pair[0].1 != pair[1].1)
        .map(|pair| NearPair {
            words: [pair[0].0.to_string(), pair[1].0.to_string()],
            terms: [pair[0].1.to_string(), pair[1].1.to_string()],
            slop: NEAR_WORDS_SLOP,
            weight: NEAR_WORDS_WEIGHT,
        })
        .collect()
}

/// The first whole-word term of a word's alternatives (its stem), if any.
fn primary_term(group: &[Alternative]) -> Option<&str> {
    group.iter().find_map(|a| match a {
        Alternative::Term { term, origin: Origin::Word | Origin::Stem, .. } => Some(term.as_str()),
        _ => None,
    })
}

/// Weighs the pairs by the index: `doc_freq` tells how many of the `passages` hold a term. A
/// phrase scores the summed idf of its terms, so the weight is scaled by the rarer term's idf
/// over the sum: the pair counts [`NEAR_WORDS_WEIGHT`] of a literal match of the rarer word,
/// never like both words again. A pair of two generic words
/// (see [`is_generic_share`]: `Kind` and `Familie` in texts on prevention meet by chance)
/// and a pair with a word no passage holds are dropped.
pub fn weigh(pairs: &mut Vec<NearPair>, doc_freq: impl Fn(&str) -> u64, passages: u64) {
    pairs.retain_mut(|pair| {
        let dfs = [doc_freq(&pair.terms[0]), doc_freq(&pair.terms[1])];
        if dfs.contains(&0) || dfs.iter().all(|&df| is_generic_share(df, passages)) {
            return false;
        }
        let idfs = dfs.map(|df| idf(df, passages));
        let summed = idfs[0] + idfs[1];
        if summed > 0.0 {
            pair.weight *= idfs[0].max(idfs[1]) / summed;
        }
        true
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::plan::QueryPlan;

    fn planned_pairs(query: &str) -> Vec<[String; 2]> {
        let config = crate::config::ConfigFiles::bundled().load_analysis().expect("bundled config loads");
        let plan = QueryPlan::new(&config.german_analyzer(None), query, Some(&config.synonyms));
        plan.near_pairs.into_iter().map(|p| p.terms).collect()
    }

    /// (query, the stems paired): neighbouring content words, stop words skipped; no pair for
    /// one word, a phrase, an exclusion or a word repeated.
    const PAIRS: &[(&str, &[[&str; 2]])] = &[
        ("Schutz vor Gewalt", &[["schutz", "gewalt"]]),
        ("Übergang von Kita und Schule", &[["ubergang", "kita"], ["kita", "schul"]]),
        ("kommunale Gesundheitsförderung", &[["kommunal", "gesundheitsfoerder"]]),
        ("Kinderschutz", &[]),
        ("\"Frühe Hilfen\" Elternarbeit -Kita", &[]),
        ("Schule und Schulen", &[]),
    ];

    #[test]
    fn neighbouring_content_words_of_the_query_are_paired() {
        for (query, expected) in PAIRS {
            let expected: Vec<[String; 2]> = expected.iter().map(|p| p.map(str::to_string)).collect();
            assert_eq!(planned_pairs(query), expected, "{query}");
        }
    }

    fn pair(first: &str, second: &str) -> NearPair {
        NearPair {
            words: [first.to_string(), second.to_string()],
            terms: [first.to_string(), second.to_string()],
            slop: NEAR_WORDS_SLOP,
            weight: NEAR_WORDS_WEIGHT,
        }
    }

    #[test]
    fn pairs_weigh_like_the_rarer_word_and_two_generic_words_or_an_absent_one_are_dropped() {
        // Of 200 passages: kind 60 and famili 40 (generic), erzieh 8, hilf 30 (generic), netz 0.
        let doc_freq = |term: &str| match term {
            "kind" => 60,
            "famili" => 40,
            "hilf" => 30,
            "erzieh" => 8,
            _ => 0,
        };
        let mut pairs = vec![pair("hilf", "erzieh"), pair("kind", "famili"), pair("erzieh", "netz")];
        weigh(&mut pairs, doc_freq, 200);
        assert_eq!(pairs.len(), 1, "{pairs:?}");
        let expected = NEAR_WORDS_WEIGHT * idf(8, 200) / (idf(8, 200) + idf(30, 200));
        assert!((pairs[0].weight - expected).abs() < 1e-6, "{pairs:?}");
        assert_eq!(pairs[0].terms, ["hilf".to_string(), "erzieh".to_string()]);
    }
}
