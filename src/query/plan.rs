//! From the user's query to what is searched: a plan of clauses and weighted alternatives.
//!
//! Each query word is analysed like the documents. Its whole-word terms (the stem, the base of
//! a gender form, the parts of a hyphenated word) are searched with full weight; the same term
//! as a part of an indexed compound (`~term`) with [`PART_WEIGHT`]; a compound's parts all
//! together (`Armutsfolgenprävention` finds `Prävention von Armutsfolgen`) with
//! [`ALL_PARTS_WEIGHT`], and close together like the compound itself ([`NEAR_PARTS_WEIGHT`]);
//! other members of its word family with [`ROOT_WEIGHT`]; its synonyms with their group's
//! weight. The search scores each written word by its best alternative (disjunction-max), so a
//! literal whole-word match always ranks above a part-only or synonym match, and adds
//! [`ALL_WORDS_WEIGHT`] when a passage holds every word of a query of two to four words. The
//! plan is what [`super::compile`] turns into the list of clauses that `--explain` prints and
//! the search runs (with the compound-part, section-heading and written-apart matches).

use crate::analysis::{AnalyzedToken, GermanAnalyzer, Origin, PART_MARK, ROOT_MARK};

use super::derived_forms;
use super::frames::{self, QuestionFrames};
use super::parse::{parse, Clause, Occurrence};
use super::part_synonyms;
use super::proximity::{self, NearPair};
use super::related_terms;
use crate::analysis::{SynonymSource, Synonyms};

/// Weight of a query term found as a part of an indexed compound.
pub const PART_WEIGHT: f32 = 0.6;
/// Weight of all parts of a query compound found as words or parts.
pub const ALL_PARTS_WEIGHT: f32 = 0.5;
/// Weight of each single part of a query compound (`Präventionskonferenz` also finds texts
/// about a `Konferenz` or `Prävention` alone, ranked below texts with both).
pub const SINGLE_PART_WEIGHT: f32 = 0.2;
/// A query compound's own parts alone are weighted by their place in it: the head (the last
/// part) names what the compound is a kind of (a `Handlungskonzept` is a `Konzept`, a
/// `Präventionskonferenz` a `Konferenz`), so a text about another `…konzept` is nearer than
/// one about `Handlung`; the modifiers only narrow it. Together as much as two
/// [`SINGLE_PART_WEIGHT`]s. Measured on the dev set against 0.2 each: nDCG@10 0.7966 → 0.7983
/// (5 queries up by 0.01–0.04, 3 down by ≤ 0.004); 0.25/0.1 0.7984, 0.3/0.1 0.7980, 0.4/0.1
/// 0.7968.
pub const HEAD_PART_WEIGHT: f32 = 0.25;
/// … and each modifier (every part before the head) like this.
pub const MODIFIER_PART_WEIGHT: f32 = 0.15;
/// Weight of another member of a word family (`Koordination` for `Koordinator`).
pub const ROOT_WEIGHT: f32 = 0.5;
/// Parts shorter than this are not searched on their own.
pub(super) const MIN_QUERY_PART_CHARS: usize = 4;
/// Weight of the two parts of a query compound standing close together, in either order (the
/// compound written apart: `Kindergesundheit` → `Gesundheit von Kindern`): like the compound
/// itself. Measured on the dev set: nDCG@10 0.782 → 0.795 (variant 0.712 → 0.80). At search
/// time it is scaled down to score at most like the whole word (see
/// [`QueryPlan::weigh_written_apart`]).
pub const NEAR_PARTS_WEIGHT: f32 = 1.0;
/// At most this many words between the two parts: one short noun phrase.
pub const NEAR_PARTS_SLOP: u32 = 4;
/// Bonus of a passage that holds every word of the query (in any of its forms); measured on
/// the dev set: nDCG@10 0.769 → 0.782, the same from 1.0 up.
pub const ALL_WORDS_WEIGHT: f32 = 1.0;
/// Weight of derived forms (gender base, completed elliptic compound, hyphen parts).
pub const DERIVED_WEIGHT: f32 = 0.8;
/// A query word that no passage holds in any form is findable only through its synonyms:
/// their weights are scaled so that the best counts like this (as much as a literal match of
/// another query word), instead of the lower weight that keeps them below the literal word.
pub const UNSEEN_WORD_SYNONYM_WEIGHT: f32 = 0.7;
/// A query compound that no passage holds (as a word or as a part) is findable only through
/// its parts: all of them together count like this (like the synonyms of an absent word),
/// instead of [`ALL_PARTS_WEIGHT`] …
pub const UNSEEN_COMPOUND_ALL_PARTS_WEIGHT: f32 = 0.7;
/// … and each part alone like this, instead of [`SINGLE_PART_WEIGHT`]. Measured on the dev
/// set: 0.4/0.8 cost 0.004 (a part alone of an absent compound is still weak evidence).
pub const UNSEEN_COMPOUND_SINGLE_PART_WEIGHT: f32 = 0.3;
/// A part held by more than this share of the passages (as a word or a part) is generic in
/// the indexed texts (`Kind`, `Familie`, `Arbeit` in texts on prevention). Two generic parts
/// near each other say little about the compound (they meet by chance), so their
/// written-apart match is not searched; one specific part keeps it (`Gesundheit von
/// Kindern`). Requiring both parts specific cost 0.004 on the dev set (Kindergesundheit
/// 0.82 → 0.56).
pub const GENERIC_PART_SHARE: f64 = 0.1;
/// … and held by at least this many passages: in a small index every word is frequent.
pub const GENERIC_PART_MIN_PASSAGES: u64 = 10;

/// Whether a term that `df` of the index's `passages` hold is generic there (see
/// [`GENERIC_PART_SHARE`] and [`GENERIC_PART_MIN_PASSAGES`]).
pub fn is_generic_share(df: u64, passages: u64) -> bool {
    df >= GENERIC_PART_MIN_PASSAGES && df as f64 > GENERIC_PART_SHARE * passages as f64
}

/// The written-apart match of a compound counts at most this share of the whole word: the
/// passage's other matches of the same two words (all parts, each part, a synonym phrase)
/// add their tie-breaker share on top, and the whole word must still rank first. Dev set:
/// 1.0 → 0.5 costs 0.002.
pub const WRITTEN_APART_SHARE: f32 = 0.5;

/// One way a clause can match.
#[derive(Debug, Clone, PartialEq)]
pub enum Alternative {
    /// A term in the text (or, marked, as a compound part).
    Term { term: String, weight: f32, origin: Origin },
    /// Every one of these terms, each as a word or as a part, anywhere in the passage (not
    /// searched when the weight is 0); `near`: the parts of a query word's own compound (not
    /// of a synonym's), rewarded with `near_weight` when the two stand close together (the
    /// compound written apart: `Gesundheit von Kindern`; not searched when it is 0).
    AllParts { terms: Vec<String>, weight: f32, near: bool, near_weight: f32 },
    /// Terms at relative positions.
    Phrase { terms: Vec<(usize, String)>, weight: f32, origin: Origin },
    /// A match through a synonym of one part of the query compound (see
    /// [`super::part_synonyms`]): `part` as written in the compound (folded), `part_term` its
    /// search term, `synonym_weight` the synonym's weight for the part, `source` where the
    /// synonym comes from; `alternative` is what is searched: the compound with the part
    /// replaced (a Term of origin `Synonym`), the synonym together with the other parts
    /// (`AllParts`, not `near`), or the synonym alone (a Term of origin `Part`).
    PartSynonym {
        part: String,
        part_term: String,
        synonym_weight: f32,
        source: SynonymSource,
        alternative: Box<Alternative>,
    },
}

impl Alternative {
    pub fn weight(&self) -> f32 {
        match self {
            Alternative::Term { weight, .. }
            | Alternative::AllParts { weight, .. }
            | Alternative::Phrase { weight, .. } => *weight,
            Alternative::PartSynonym { alternative, .. } => alternative.weight(),
        }
    }

    pub(super) fn scale_weight(&mut self, factor: f32) {
        match self {
            Alternative::Term { weight, .. }
            | Alternative::AllParts { weight, .. }
            | Alternative::Phrase { weight, .. } => *weight *= factor,
            Alternative::PartSynonym { alternative, .. } => alternative.scale_weight(factor),
        }
    }

    /// What is searched: the alternative itself, or the match of a part's synonym.
    pub fn searched(&self) -> &Alternative {
        match self {
            Alternative::PartSynonym { alternative, .. } => alternative,
            other => other,
        }
    }

    fn searched_mut(&mut self) -> &mut Alternative {
        match self {
            Alternative::PartSynonym { alternative, .. } => alternative,
            other => other,
        }
    }

    /// Whether this alternative comes from a synonym of the word (the parts of a synonym's
    /// compound are searched without `near`).
    fn is_synonym(&self) -> bool {
        match self {
            Alternative::Term { origin, .. } | Alternative::Phrase { origin, .. } => {
                matches!(origin, Origin::Synonym | Origin::Thesaurus)
            }
            Alternative::AllParts { near, .. } => !near,
            // Raised with the compound's own parts, not with the word's synonyms.
            Alternative::PartSynonym { .. } => false,
        }
    }
}

/// A clause of the query with its alternatives.
#[derive(Debug, Clone, PartialEq)]
pub struct PlannedClause {
    /// What the user wrote.
    pub source: String,
    pub occur: Occurrence,
    pub is_phrase: bool,
    /// A clause of synonyms of a run of query words, or one that a question frame added (a
    /// concept it asks for, a framing word at a low weight): not a word of the query.
    pub is_synonym: bool,
    /// Alternatives of one written word; several words in one clause (`Kita/Schule`) give
    /// several groups.
    pub groups: Vec<Vec<Alternative>>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct QueryPlan {
    pub clauses: Vec<PlannedClause>,
    /// What the question frames did with the query's words, one line per frame applied.
    pub frames: Vec<String>,
    /// Neighbouring words of the query, rewarded when they stand close together (see
    /// [`super::proximity`]).
    pub near_pairs: Vec<NearPair>,
}

impl QueryPlan {
    /// Plans `query` word by word, read through no question frames; `synonyms` is None for
    /// `--exact`. A search plans with the index's frames: [`QueryPlan::framed`].
    pub fn new(analyzer: &GermanAnalyzer, query: &str, synonyms: Option<&Synonyms>) -> QueryPlan {
        QueryPlan::framed(analyzer, &QuestionFrames::default(), query, synonyms)
    }

    /// Plans `query` read through `question_frames` (the index config's, see [`super::frames`]);
    /// `synonyms` is None for `--exact`.
    pub fn framed(
        analyzer: &GermanAnalyzer,
        question_frames: &QuestionFrames,
        query: &str,
        synonyms: Option<&Synonyms>,
    ) -> QueryPlan {
        let framed = question_frames.apply(parse(query));
        let mut clauses: Vec<PlannedClause> =
            framed.clauses.iter().filter_map(|c| plan_clause(analyzer, c)).collect();
        if let Some(synonyms) = synonyms {
            add_synonyms(analyzer, synonyms, &mut clauses);
        }
        clauses.extend(frames::planned_clauses(analyzer, question_frames, &framed));
        let near_pairs = proximity::pairs(&clauses);
        QueryPlan { clauses, frames: framed.notes, near_pairs }
    }

    /// The clauses of the words the user typed (not exclusions, not phrases, not synonym runs):
    /// what the all-words bonus requires (their indexes in [`QueryPlan::clauses`]).
    pub fn word_clauses(&self) -> Vec<usize> {
        self.clauses
            .iter()
            .enumerate()
            .filter(|(_, c)| c.occur == Occurrence::Should && !c.is_phrase && !c.is_synonym)
            .map(|(i, _)| i)
            .collect()
    }

    /// Raises the synonyms of every word that no passage holds in any of its own forms (see
    /// [`UNSEEN_WORD_SYNONYM_WEIGHT`]), and the parts of such a word when it is a compound (see
    /// [`UNSEEN_COMPOUND_ALL_PARTS_WEIGHT`]); `is_indexed` tells whether a term occurs in the
    /// index. The parts of a compound do not make it seen: `Nahtstellen` is absent even where
    /// `Naht` and `Stelle` are not.
    pub fn back_off_unseen_words(&mut self, is_indexed: impl Fn(&str) -> bool) {
        let seen = |term: &str| is_indexed(term) || is_indexed(&format!("{PART_MARK}{term}"));
        for clause in self.clauses.iter_mut().filter(|c| !c.is_phrase && !c.is_synonym) {
            for group in &mut clause.groups {
                let own_form_seen = group.iter().any(|a| match a {
                    Alternative::Term { term, origin, .. } => is_whole_word(*origin) && seen(term),
                    _ => false,
                });
                if own_form_seen {
                    continue;
                }
                raise_compound_parts(group, seen);
                let best_synonym =
                    group.iter().filter(|a| a.is_synonym()).map(Alternative::weight).fold(0.0_f32, f32::max);
                if best_synonym <= 0.0 {
                    related_terms::raise_unseen(group);
                    continue;
                }
                // The related terms rise with the synonyms, so they stay below them.
                let scale = UNSEEN_WORD_SYNONYM_WEIGHT / best_synonym;
                let raised = |a: &Alternative| a.is_synonym() || related_terms::is_related(a);
                for alternative in group.iter_mut().filter(|a| raised(a)) {
                    alternative.scale_weight(scale);
                }
            }
        }
    }

    /// Weighs the matches of a word that consist of several terms by the index, so that none
    /// outscores the word itself. `doc_freq` tells how many of the `passages` hold a term. A
    /// match of several terms scores the summed idf of its terms, which for common parts
    /// exceeds the idf of the rarer whole word: `Schutz von Kindern` outranked `Kinderschutz`.
    /// So the compound's parts (all of them anywhere; written apart), its synonyms' parts and
    /// its synonym phrases (`Schutz von Kindern` is no more specific for being written in
    /// several words) are scaled by the whole word's idf over their summed idf, and the
    /// written-apart match further by [`WRITTEN_APART_SHARE`]; two generic parts (see
    /// [`GENERIC_PART_SHARE`]) are not searched written apart at all. A word the index lacks
    /// keeps its weights (see [`QueryPlan::back_off_unseen_words`]). The pairs of neighbouring
    /// query words are weighed alike: by their idf, two generic words dropped (see
    /// [`proximity::weigh`]).
    pub fn weigh_written_apart(&mut self, doc_freq: impl Fn(&str) -> u64, passages: u64) {
        proximity::weigh(&mut self.near_pairs, &doc_freq, passages);
        let df_anywhere = |term: &str| doc_freq(term).max(doc_freq(&format!("{PART_MARK}{term}")));
        let is_generic = |term: &str| is_generic_share(df_anywhere(term), passages);
        let summed_idf = |terms: &mut dyn Iterator<Item = &String>| -> f32 {
            terms.map(|t| idf(doc_freq(t), passages)).sum()
        };
        for clause in self.clauses.iter_mut().filter(|c| !c.is_phrase && !c.is_synonym) {
            for group in &mut clause.groups {
                part_synonyms::prune(group, df_anywhere, is_generic);
                related_terms::prune(group, first_whole_word_term(group).as_deref(), is_generic);
                derived_forms::prune(group, &doc_freq, is_generic);
                let Some(whole_idf) = whole_word_idf(group, &doc_freq, passages) else { continue };
                let at_most_whole =
                    |summed: f32| if summed > 0.0 { (whole_idf / summed).min(1.0) } else { 1.0 };
                for alternative in group.iter_mut().map(Alternative::searched_mut) {
                    match alternative {
                        Alternative::Phrase { terms, weight, .. } => {
                            *weight *= at_most_whole(summed_idf(&mut terms.iter().map(|(_, t)| t)));
                        }
                        Alternative::AllParts { terms, weight, near, near_weight } => {
                            let share = at_most_whole(summed_idf(&mut terms.iter()));
                            *weight *= share;
                            if !*near {
                                continue;
                            }
                            *near_weight = if terms.iter().all(|t| is_generic(t)) {
                                0.0
                            } else {
                                *near_weight * share * WRITTEN_APART_SHARE
                            };
                        }
                        Alternative::Term { .. } | Alternative::PartSynonym { .. } => {}
                    }
                }
            }
        }
    }

    /// Drops the single parts of query compounds, found or hyphenated (`Familienhebamme` →
    /// `Hebamme` alone, `Eltern-Kind-Gruppe` → `Kind` alone), and the parts anywhere in a
    /// passage: for a theme term, a part alone (`Familie`, `Kind`) is no evidence of the theme.
    /// The two parts of a compound written apart (weight 0 on the parts anywhere) still count.
    pub fn without_single_parts(mut self) -> QueryPlan {
        for group in self.clauses.iter_mut().flat_map(|c| c.groups.iter_mut()) {
            group.retain(|a| match a {
                // Nor are a word's other forms (`kommunal` for `Kommune`) evidence of a theme;
                // word-family roots (`^koordin`) are.
                Alternative::Term { term, origin: Origin::Root, .. } => term.starts_with(ROOT_MARK),
                Alternative::Term { origin, .. } => !matches!(origin, Origin::Part | Origin::Hyphen),
                Alternative::AllParts { terms, near, near_weight, .. } => {
                    *near && terms.len() == 2 && *near_weight > 0.0
                }
                Alternative::Phrase { .. } => true,
                // A theme term is searched without synonyms.
                Alternative::PartSynonym { .. } => false,
            });
            for alternative in group.iter_mut() {
                if let Alternative::AllParts { weight, .. } = alternative {
                    *weight = 0.0;
                }
            }
        }
        self
    }

    /// Whether anything positive is searched.
    pub fn has_positive(&self) -> bool {
        self.clauses.iter().any(|c| c.occur != Occurrence::MustNot)
    }

    /// The terms whose words are highlighted in hits (positive clauses only).
    pub fn highlight_terms(&self) -> std::collections::HashSet<String> {
        let mut terms = std::collections::HashSet::new();
        for clause in self.clauses.iter().filter(|c| c.occur != Occurrence::MustNot) {
            for alternative in clause.groups.iter().flatten().map(Alternative::searched) {
                match alternative {
                    Alternative::Term { term, .. } => {
                        terms.insert(term.clone());
                        terms.insert(format!("{PART_MARK}{term}"));
                    }
                    // The parts of a synonym's compound are no evidence on their own.
                    Alternative::AllParts { terms: parts, near, .. } if *near => {
                        for part in parts {
                            terms.insert(part.clone());
                            terms.insert(format!("{PART_MARK}{part}"));
                        }
                    }
                    Alternative::AllParts { .. } | Alternative::PartSynonym { .. } => {}
                    Alternative::Phrase { terms: phrase, .. } => {
                        terms.extend(phrase.iter().map(|(_, t)| t.clone()))
                    }
                }
            }
        }
        terms
    }
}

pub(super) fn plan_clause(analyzer: &GermanAnalyzer, clause: &Clause) -> Option<PlannedClause> {
    let tokens = analyzer.analyze(&clause.text);
    let groups: Vec<Vec<Alternative>> = if clause.is_phrase {
        phrase(&tokens, 1.0, Origin::Word).map(|p| vec![vec![p]]).unwrap_or_default()
    } else {
        by_position(&tokens)
            .into_iter()
            .map(|word| {
                let mut group = word_alternatives(analyzer, &word, 1.0, true);
                group.extend(other_forms(analyzer, &clause.text, &word));
                group
            })
            .filter(|g| !g.is_empty())
            .collect()
    };
    if groups.is_empty() {
        return None;
    }
    Some(PlannedClause {
        source: clause.text.clone(),
        occur: clause.occur,
        is_phrase: clause.is_phrase,
        is_synonym: false,
        groups,
    })
}

/// The adjective of a noun and the noun of an adjective (see [`derived_forms`]) of one written
/// word of `text`.
fn other_forms(analyzer: &GermanAnalyzer, text: &str, word: &[AnalyzedToken]) -> Vec<Alternative> {
    let Some(first) = word.iter().find(|t| matches!(t.origin, Origin::Word | Origin::Stem)) else {
        return Vec::new();
    };
    match text.get(first.offset_from..first.offset_to) {
        Some(written) => derived_forms::alternatives(analyzer, written, &first.text),
        None => Vec::new(),
    }
}

/// The tokens of one text grouped by word position.
fn by_position(tokens: &[AnalyzedToken]) -> Vec<Vec<AnalyzedToken>> {
    let mut groups: Vec<Vec<AnalyzedToken>> = Vec::new();
    for token in tokens {
        match groups.last_mut() {
            Some(group) if group[0].position == token.position => group.push(token.clone()),
            _ => groups.push(vec![token.clone()]),
        }
    }
    groups
}

/// The alternatives of one written word, each weight scaled by `scale`; `single_parts` adds
/// each part of a compound on its own.
fn word_alternatives(
    analyzer: &GermanAnalyzer,
    word: &[AnalyzedToken],
    scale: f32,
    single_parts: bool,
) -> Vec<Alternative> {
    let mut alternatives = Vec::new();
    for token in word.iter().filter(|t| t.origin != Origin::Part) {
        let weight = match token.origin {
            Origin::Word | Origin::Stem => 1.0,
            Origin::Root => ROOT_WEIGHT,
            _ => DERIVED_WEIGHT,
        };
        alternatives.push(Alternative::Term {
            term: token.text.clone(),
            weight: weight * scale,
            origin: token.origin,
        });
    }
    // Particles split off as parts (`mit|bestimmung`, `über|gang`) carry no topic of their own.
    let parts = compound_parts(analyzer, word);
    if parts.len() > 1 {
        let head = compound_head(word);
        for part in parts.iter().filter(|_| single_parts) {
            let part_weight =
                if head.as_deref() == Some(part.as_str()) { HEAD_PART_WEIGHT } else { MODIFIER_PART_WEIGHT };
            alternatives.push(Alternative::Term {
                term: part.clone(),
                weight: part_weight * scale,
                origin: Origin::Part,
            });
        }
        let near_weight = if single_parts && parts.len() == 2 { NEAR_PARTS_WEIGHT } else { 0.0 };
        alternatives.push(Alternative::AllParts {
            terms: parts,
            weight: ALL_PARTS_WEIGHT * scale,
            near: single_parts,
            near_weight,
        });
    }
    alternatives
}

/// Whether a term of this origin is the query word itself in one of its forms (not a part, a
/// family member or a synonym).
fn is_whole_word(origin: Origin) -> bool {
    !matches!(origin, Origin::Part | Origin::Root | Origin::Synonym | Origin::Thesaurus | Origin::Related)
}

/// Gives the parts of an unseen compound (its own, not a synonym's) the weights of
/// [`UNSEEN_COMPOUND_ALL_PARTS_WEIGHT`] and [`UNSEEN_COMPOUND_SINGLE_PART_WEIGHT`].
/// A part alone is raised only when the index holds every part: when it lacks one
/// (`Nahtstellen` → `Naht` + `Stelle` where no text says `Naht`), the other part alone is no
/// evidence of the compound (`Stelle` is everywhere).
fn raise_compound_parts(group: &mut [Alternative], seen: impl Fn(&str) -> bool) {
    let every_part_seen = group.iter().any(|a| match a {
        Alternative::AllParts { terms, near: true, .. } => terms.iter().all(|t| seen(t)),
        _ => false,
    });
    for alternative in group.iter_mut() {
        match alternative {
            Alternative::Term { weight, origin: Origin::Part, .. } if every_part_seen => {
                *weight = weight.max(UNSEEN_COMPOUND_SINGLE_PART_WEIGHT);
            }
            Alternative::AllParts { weight, near: true, .. } => {
                *weight = weight.max(UNSEEN_COMPOUND_ALL_PARTS_WEIGHT);
            }
            Alternative::PartSynonym { synonym_weight, alternative, .. } => {
                part_synonyms::raise_unseen(alternative, *synonym_weight);
            }
            _ => {}
        }
    }
}

/// The BM25 idf of a term held by `doc_freq` of `passages` (as tantivy computes it).
pub(super) fn idf(doc_freq: u64, passages: u64) -> f32 {
    let (n, df) = (passages as f32, doc_freq as f32);
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
}

/// The group's first whole-word term (the query word itself).
fn first_whole_word_term(group: &[Alternative]) -> Option<String> {
    group.iter().find_map(|a| match a {
        Alternative::Term { term, origin, .. } if is_whole_word(*origin) => Some(term.clone()),
        _ => None,
    })
}

/// What a whole-word match of the group's word scores per occurrence, in idf: the first
/// whole-word term's idf as a word, else as a part (times [`PART_WEIGHT`]); None when the
/// index holds it in neither form.
fn whole_word_idf(group: &[Alternative], doc_freq: impl Fn(&str) -> u64, passages: u64) -> Option<f32> {
    let term = group.iter().find_map(|a| match a {
        Alternative::Term { term, origin, .. } if is_whole_word(*origin) => Some(term),
        _ => None,
    })?;
    match (doc_freq(term), doc_freq(&format!("{PART_MARK}{term}"))) {
        (0, 0) => None,
        (0, as_part) => Some(PART_WEIGHT * idf(as_part, passages)),
        (as_word, _) => Some(idf(as_word, passages)),
    }
}

/// The parts of a compound the query searches: those of the first split (`Jugendamt` and
/// `Mitarbeiter` of `Jugendamtsmitarbeiter`, not `Jugend` and `Arbeit`), as terms, each at
/// least [`MIN_QUERY_PART_CHARS`] long as written (`Eltern`, though its stem is `elt`) and no
/// stop word.
/// The head of a compound: its last top-level part, the word class it belongs to.
fn compound_head(word: &[AnalyzedToken]) -> Option<String> {
    word.iter().filter(|t| t.origin == Origin::Part && t.marks.top_level).last().map(|t| t.bare().to_string())
}

fn compound_parts(analyzer: &GermanAnalyzer, word: &[AnalyzedToken]) -> Vec<String> {
    word.iter()
        .filter(|t| t.origin == Origin::Part && t.marks.top_level)
        .filter(|t| usize::from(t.marks.written_chars) >= MIN_QUERY_PART_CHARS)
        .map(|t| t.bare().to_string())
        .filter(|part| !analyzer.is_stop_word(part))
        .collect()
}

/// A phrase of the primary term of each word, or the single term of a one-word phrase.
pub(super) fn phrase(tokens: &[AnalyzedToken], weight: f32, origin: Origin) -> Option<Alternative> {
    let words = by_position(tokens);
    let primaries: Vec<(usize, String)> = words
        .iter()
        .filter_map(|w| {
            w.iter().find(|t| !matches!(t.origin, Origin::Part)).map(|t| (t.position, t.text.clone()))
        })
        .collect();
    match primaries.len() {
        0 => None,
        1 => Some(Alternative::Term { term: primaries[0].1.clone(), weight, origin }),
        _ => {
            let first = primaries[0].0;
            Some(Alternative::Phrase {
                terms: primaries.into_iter().map(|(p, t)| (p - first, t)).collect(),
                weight,
                origin,
            })
        }
    }
}

/// Adds the synonyms of the positive words: those of a single word join that word's group
/// (one concept, scored once: see the search's disjunction-max), those of a run of words
/// form a clause of their own.
fn add_synonyms(analyzer: &GermanAnalyzer, synonyms: &Synonyms, clauses: &mut Vec<PlannedClause>) {
    let words: Vec<(usize, String)> = clauses
        .iter()
        .enumerate()
        .filter(|(_, c)| c.occur != Occurrence::MustNot && !c.is_phrase)
        .map(|(i, c)| (i, c.source.clone()))
        .collect();
    let texts: Vec<String> = words.iter().map(|(_, w)| w.clone()).collect();
    let mut extra = Vec::new();
    let expansions = synonyms.expand(analyzer, &texts);
    // A compound no synonym covers is searched through the synonyms of its parts.
    for (i, (clause, word)) in words.iter().enumerate() {
        let groups = &mut clauses[*clause].groups;
        if groups.len() == 1 && !expansions.iter().any(|e| e.start <= i && i < e.end) {
            groups[0].extend(part_synonyms::alternatives(analyzer, synonyms, word));
        }
    }
    for expansion in expansions {
        let weight = expansion.weight;
        let origin = expansion.source.origin();
        let tokens = analyzer.analyze(&expansion.alternative);
        let alternatives: Vec<Alternative> = if by_position(&tokens).len() > 1 {
            phrase(&tokens, weight, origin).into_iter().collect()
        } else {
            word_alternatives(analyzer, &tokens, weight, false)
                .into_iter()
                .map(|a| match a {
                    Alternative::Term { term, weight, .. } => Alternative::Term { term, weight, origin },
                    other => other,
                })
                .collect()
        };
        if alternatives.is_empty() {
            continue;
        }
        if expansion.end - expansion.start == 1 {
            let clause = &mut clauses[words[expansion.start].0];
            if let Some(group) = clause.groups.first_mut() {
                group.extend(alternatives);
                continue;
            }
        }
        let source =
            format!("{} → {}", texts[expansion.start..expansion.end].join(" "), expansion.alternative);
        extra.push(PlannedClause {
            source,
            occur: Occurrence::Should,
            is_phrase: false,
            is_synonym: true,
            groups: vec![alternatives],
        });
    }
    clauses.extend(extra);
    add_related_terms(analyzer, synonyms, &words, &texts, clauses);
}

/// Adds the related terms of the query's words (see [`related_terms`]): those of a single word
/// join its group, unless the group searches the term already; those of a run of words
/// (`frühkindliche Bildung`) form one clause per run.
fn add_related_terms(
    analyzer: &GermanAnalyzer,
    synonyms: &Synonyms,
    words: &[(usize, String)],
    texts: &[String],
    clauses: &mut Vec<PlannedClause>,
) {
    let mut runs: Vec<((usize, usize), Vec<Alternative>)> = Vec::new();
    for expansion in synonyms.expand_related(analyzer, texts) {
        let Some(alternative) = related_terms::alternative(analyzer, &expansion) else { continue };
        if expansion.end - expansion.start > 1 {
            let span = (expansion.start, expansion.end);
            match runs.iter_mut().find(|(s, _)| *s == span) {
                Some((_, alternatives)) => alternatives.push(alternative),
                None => runs.push((span, vec![alternative])),
            }
            continue;
        }
        let Some(group) = clauses[words[expansion.start].0].groups.first_mut() else { continue };
        let searched = |a: &Alternative| match (a, &alternative) {
            (Alternative::Term { term: a, .. }, Alternative::Term { term: b, .. }) => a == b,
            (Alternative::Phrase { terms: a, .. }, Alternative::Phrase { terms: b, .. }) => a == b,
            _ => false,
        };
        if !group.iter().any(searched) {
            group.push(alternative);
        }
    }
    for ((start, end), alternatives) in runs {
        clauses.push(PlannedClause {
            source: format!("{} → related terms", texts[start..end].join(" ")),
            occur: Occurrence::Should,
            is_phrase: false,
            is_synonym: true,
            groups: vec![alternatives],
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{AnalyzerSettings, Lexicon, StopWords};

    fn analyzer() -> GermanAnalyzer {
        let parts = Lexicon::parse_curated("Kinder\nSchutz\nGesundheit\n");
        GermanAnalyzer::new(
            &AnalyzerSettings::default(),
            StopWords::parse("und\nvon\n"),
            Lexicon::new(parts, None),
        )
    }

    fn synonyms() -> Synonyms {
        Synonyms::parse("[[group]]\nterms = [\"Beteiligung\", \"Partizipation\"]\nweight = 0.6\n").unwrap()
    }

    fn weights(group: &[Alternative]) -> Vec<(String, f32)> {
        group
            .iter()
            .filter_map(|a| match a {
                Alternative::Term { term, weight, .. } => Some((term.clone(), *weight)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_compound_searches_itself_first_then_its_parts() {
        let plan = QueryPlan::new(&analyzer(), "Kinderschutz", None);
        assert_eq!(plan.clauses.len(), 1);
        let group = &plan.clauses[0].groups[0];
        let terms = weights(group);
        assert_eq!(
            terms[0],
            ("kinderschutz".to_string(), 1.0),
            "the literal word comes first at full weight"
        );
        assert!(terms.contains(&("kind".to_string(), MODIFIER_PART_WEIGHT)));
        let all_parts = group.iter().find_map(|a| match a {
            Alternative::AllParts { terms, weight, near, .. } => Some((terms.clone(), *weight, *near)),
            _ => None,
        });
        assert_eq!(all_parts, Some((vec!["kind".to_string(), "schutz".to_string()], ALL_PARTS_WEIGHT, true)));
    }

    fn analyzer_with(parts: &str) -> GermanAnalyzer {
        GermanAnalyzer::new(
            &AnalyzerSettings::default(),
            StopWords::parse("und\nvon\nmit\n"),
            Lexicon::new(Lexicon::parse_curated(parts), None),
        )
    }

    fn compound_parts_of(plan: &QueryPlan) -> Option<(Vec<String>, f32, f32)> {
        plan.clauses[0].groups[0].iter().find_map(|a| match a {
            Alternative::AllParts { terms, weight, near_weight, .. } => {
                Some((terms.clone(), *weight, *near_weight))
            }
            _ => None,
        })
    }

    /// (query word, the parts it is searched by): the parts of the first split, each judged
    /// by its length as written.
    const TOP_LEVEL_PARTS: &[(&str, &[&str])] = &[
        ("Jugendamtsmitarbeiter", &["jugendamt", "mitarbeit"]),
        ("Elternarbeit", &["elt", "arbeit"]),
        ("Kinderschutzfachkräfte", &["kinderschutz", "fachkraft"]),
        ("Amtsarbeit", &[]),
    ];

    #[test]
    fn a_compound_is_searched_by_the_parts_of_its_first_split() {
        let analyzer = analyzer_with(
            "Jugend\nAmt\nJugendamt\nMitarbeiter\nArbeiter\nArbeit\nEltern\nKinderschutz\nFachkräfte\n",
        );
        for (word, expected) in TOP_LEVEL_PARTS {
            let plan = QueryPlan::new(&analyzer, word, None);
            let parts = compound_parts_of(&plan).map(|(terms, ..)| terms).unwrap_or_default();
            assert_eq!(parts, expected.to_vec(), "parts of {word}");
        }
    }

    #[test]
    fn parts_of_a_compound_the_index_lacks_count_more() {
        let mut absent = QueryPlan::new(&analyzer(), "Kinderschutz", None);
        absent.back_off_unseen_words(|term| term == "kind" || term == "schutz");
        let terms = weights(&absent.clauses[0].groups[0]);
        assert!(terms.contains(&("kind".to_string(), UNSEEN_COMPOUND_SINGLE_PART_WEIGHT)), "{terms:?}");
        assert_eq!(compound_parts_of(&absent).unwrap().1, UNSEEN_COMPOUND_ALL_PARTS_WEIGHT);
        let mut present = QueryPlan::new(&analyzer(), "Kinderschutz", None);
        present.back_off_unseen_words(|term| term == "~kinderschutz");
        assert!(weights(&present.clauses[0].groups[0]).contains(&("kind".to_string(), MODIFIER_PART_WEIGHT)));
        assert_eq!(compound_parts_of(&present).unwrap().1, ALL_PARTS_WEIGHT);
    }

    #[test]
    fn a_compound_stays_unseen_though_its_parts_are_known_and_a_lacking_part_raises_no_other() {
        // `Naht` is a known part, but no passage holds it; `Stelle` is everywhere.
        let analyzer = analyzer_with("Naht\nStellen\nKinder\nSchutz\n");
        let synonyms = Synonyms::parse("[[group]]\nterms = [\"Nahtstelle\", \"Übergang\"]\nweight = 0.5\n")
            .unwrap()
            .with_keys(&analyzer);
        let mut plan = QueryPlan::new(&analyzer, "Nahtstellen", Some(&synonyms));
        plan.back_off_unseen_words(|term| matches!(term, "stell" | "~stell" | "ubergang"));
        let terms = weights(&plan.clauses[0].groups[0]);
        assert!(terms.contains(&("ubergang".to_string(), UNSEEN_WORD_SYNONYM_WEIGHT)), "{terms:?}");
        assert!(terms.contains(&("stell".to_string(), HEAD_PART_WEIGHT)), "{terms:?}");
        // Both parts held: each alone counts more.
        let mut plan = QueryPlan::new(&analyzer, "Kinderschutz", None);
        plan.back_off_unseen_words(|term| matches!(term, "kind" | "schutz"));
        let terms = weights(&plan.clauses[0].groups[0]);
        assert!(terms.contains(&("schutz".to_string(), UNSEEN_COMPOUND_SINGLE_PART_WEIGHT)), "{terms:?}");
    }

    /// A compound's head alone outweighs its modifier alone: a `Handlungskonzept` is a kind of
    /// `Konzept`, and a `Präventionskonferenz` a kind of `Konferenz`.
    #[test]
    fn the_head_of_a_query_compound_counts_more_than_its_modifier() {
        let analyzer = analyzer_with("Handlung\nKonzept\nPrävention\nKonferenz\n");
        for (word, head, modifier) in
            [("Handlungskonzept", "konzept", "handlung"), ("Präventionskonferenz", "konferenz", "pravention")]
        {
            let plan = QueryPlan::new(&analyzer, word, None);
            let terms = weights(&plan.clauses[0].groups[0]);
            assert!(terms.contains(&(head.to_string(), HEAD_PART_WEIGHT)), "{word}: {terms:?}");
            assert!(terms.contains(&(modifier.to_string(), MODIFIER_PART_WEIGHT)), "{word}: {terms:?}");
        }
    }

    #[test]
    fn parts_count_at_most_like_the_whole_word_and_two_generic_parts_not_written_apart() {
        // Of 200 passages, (passages holding kinderschutz, kind, schutz; expected weights of
        // all parts anywhere and of the parts written apart).
        let idf = |df: u64| idf(df, 200);
        let share = idf(4) / (idf(60) + idf(8));
        let cases: &[(u64, u64, u64, f32, f32)] = &[
            (4, 60, 8, ALL_PARTS_WEIGHT * share, NEAR_PARTS_WEIGHT * share * WRITTEN_APART_SHARE),
            (4, 60, 40, ALL_PARTS_WEIGHT * (idf(4) / (idf(60) + idf(40))).min(1.0), 0.0),
            (0, 60, 8, ALL_PARTS_WEIGHT, NEAR_PARTS_WEIGHT),
            (1, 150, 19, ALL_PARTS_WEIGHT, NEAR_PARTS_WEIGHT * WRITTEN_APART_SHARE),
        ];
        for &(whole, kind, schutz, all_parts, written_apart) in cases {
            let mut plan = QueryPlan::new(&analyzer(), "Kinderschutz", None);
            let doc_freq = |term: &str| match term {
                "kinderschutz" => whole,
                "kind" => kind,
                "schutz" => schutz,
                _ => 0,
            };
            plan.weigh_written_apart(doc_freq, 200);
            let (_, weight, near_weight) = compound_parts_of(&plan).unwrap();
            let case = format!("{whole} {kind} {schutz}: {weight} {near_weight}");
            assert!(
                (weight - all_parts).abs() < 1e-5 && (near_weight - written_apart).abs() < 1e-5,
                "{case}"
            );
        }
    }

    #[test]
    fn synonyms_join_the_group_of_their_word_with_a_lower_weight() {
        let plan = QueryPlan::new(&analyzer(), "Beteiligung Kinder", Some(&synonyms()));
        assert_eq!(plan.clauses.len(), 2, "no separate synonym clause for a one-word expansion");
        let terms = weights(&plan.clauses[0].groups[0]);
        assert!(terms.contains(&("beteil".to_string(), 1.0)));
        assert!(terms.contains(&("partizipation".to_string(), 0.6)));
        assert_eq!(plan.word_clauses().len(), 2, "both words count for the all-words bonus");
    }

    #[test]
    fn synonyms_of_a_word_the_index_lacks_count_more() {
        let mut plan = QueryPlan::new(&analyzer(), "Beteiligung Kinder", Some(&synonyms()));
        plan.back_off_unseen_words(|term| term == "partizipation" || term == "kind");
        let terms = weights(&plan.clauses[0].groups[0]);
        assert!(terms.contains(&("partizipation".to_string(), UNSEEN_WORD_SYNONYM_WEIGHT)), "{terms:?}");
        let mut seen = QueryPlan::new(&analyzer(), "Beteiligung Kinder", Some(&synonyms()));
        seen.back_off_unseen_words(|_| true);
        assert!(weights(&seen.clauses[0].groups[0]).contains(&("partizipation".to_string(), 0.6)));
    }

    #[test]
    fn exact_plans_no_synonyms_and_exclusions_are_not_highlighted() {
        let plan = QueryPlan::new(&analyzer(), "Beteiligung -Schutz", None);
        let terms = plan.highlight_terms();
        assert!(terms.contains("beteil") && !terms.contains("partizipation"));
        assert!(!terms.contains("schutz"), "excluded words are not highlighted");
        assert!(plan.has_positive());
        assert!(!QueryPlan::new(&analyzer(), "-Schutz", None).has_positive());
    }
}
