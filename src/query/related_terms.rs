//! The related terms of a query word in the plan: the other core terms of a theme whose core
//! term the word is (`Monitoring` → `Sozialberichterstattung`, `Kennzahl`; see
//! [`crate::analysis::related_terms`]). They join the word's group at their low weight, searched
//! as the term itself (a word, or a phrase for a term of several words), never through their
//! parts or word family; at search time [`prune`] drops them for a word that is generic in the
//! indexed texts, and drops a related term that is generic there (both only add noise).

use super::plan::{phrase, Alternative};
use crate::analysis::synonyms::Expansion;
use crate::analysis::{GermanAnalyzer, Origin};

/// What a related term `expansion` is searched as: the single term of a one-word term, the
/// phrase of a term of several words; None when it analyses to nothing.
pub(super) fn alternative(analyzer: &GermanAnalyzer, expansion: &Expansion) -> Option<Alternative> {
    phrase(&analyzer.analyze(&expansion.alternative), expansion.weight, Origin::Related)
}

/// Whether an alternative is a related term.
pub(super) fn is_related(alternative: &Alternative) -> bool {
    matches!(
        alternative,
        Alternative::Term { origin: Origin::Related, .. }
            | Alternative::Phrase { origin: Origin::Related, .. }
    )
}

/// Drops the related terms of `group` when its word (`word_term`, the first whole-word term) is
/// generic in the indexed texts, and each related term that is (`is_generic`).
pub(super) fn prune(
    group: &mut Vec<Alternative>,
    word_term: Option<&str>,
    is_generic: impl Fn(&str) -> bool,
) {
    let word_is_generic = word_term.is_some_and(&is_generic);
    group.retain(|alternative| match alternative {
        Alternative::Term { term, origin: Origin::Related, .. } => !word_is_generic && !is_generic(term),
        Alternative::Phrase { origin: Origin::Related, .. } => !word_is_generic,
        _ => true,
    });
}
