//! Question frames (`index-config/question-frames.toml`): the words of a question that carry
//! its form rather than its topic, and what they stand for.
//!
//! Users ask in sentences: "Wer finanziert den Aufbau?", "Wie hoch ist der Eigenanteil?",
//! "Welche Kommunen machen mit?". Searched word by word, the question words and framing verbs
//! add noise (`wann` meets every `seit wann`, `gibt es` meets nothing useful) or mislead
//! (`arbeiten … zusammen` searched as `arbeiten` meets `Arbeit`, not `Zusammenarbeit`). A frame
//! is a pattern of query words and what to do with the words it matches:
//!
//! * `drop`: pure frame (`gibt es`, `wer`, `inwiefern`), not searched;
//! * `weak`: searched, but at [`FRAME_WORD_WEIGHT`] of a content word (`funktioniert`);
//! * `concepts`: replaced by the concept the frame asks for (`wie hoch` → `Höhe`, `Betrag`;
//!   `arbeiten … zusammen` → `zusammenarbeiten`, `Zusammenarbeit`), searched with the frame's
//!   `weight`, its `related` words with [`RELATED_SHARE`] of it. A `content` frame stands for
//!   content words of the query (a separable verb): its written words are searched only
//!   together, and its particle alone (texts split the verb too); other concepts keep the
//!   written words beside the concept (`rechnet sich` → also `rechnet`). No frame clause
//!   counts for the all-words bonus.
//!
//! Patterns are written words separated by spaces; `a|b` is either word, `stem*` the stem with
//! any ending of a German verb (`arbeit*`: arbeite, arbeitet, arbeiteten …), and `…` (or `...`)
//! any words in between. The word after a `…` must end its clause (followed by `?`, `.`, `,`
//! or the end of the query): that is where German puts the particle of a separable verb
//! (`Wie arbeiten Jugendhilfe und Schule zusammen?`), and it keeps the preposition in "Was
//! machen Kitas mit Eltern" from reading as `mitmachen`. Matching ignores case, umlauts and
//! their transcriptions. Frames are tried longest first; each query word is taken once. Only
//! plain words take part (no `"phrases"`, `+required` or `-excluded` words). When frames would
//! leave nothing to search, the dropped words are searched as weak words instead.

use serde::Deserialize;

use super::parse::{Clause, Occurrence};
use super::plan::{plan_clause, Alternative, PlannedClause, DERIVED_WEIGHT, ROOT_WEIGHT};
use crate::analysis::{GermanAnalyzer, Origin, UmlautFold};
use crate::error::{table_line, LineError};

/// Weight of a framing word that is still searched, relative to a content word.
pub const FRAME_WORD_WEIGHT: f32 = 0.3;
/// Weight of a frame's `related` concepts relative to its `concepts`.
pub const RELATED_SHARE: f32 = 0.7;

/// Weight of all written words of a concept frame in one passage (`nimmt … teil`), relative
/// to the concept.
pub const SPLIT_VERB_SHARE: f32 = 0.5;

/// Endings a `stem*` pattern word takes: the present, past and imperative of German verbs
/// (`-n` for `-ern`/`-eln` verbs: `förder*` → `fördern`).
const VERB_ENDINGS: [&str; 15] =
    ["", "e", "en", "n", "st", "est", "t", "et", "te", "ten", "tet", "test", "ete", "eten", "etet"];
/// Characters that end a clause when they follow a word.
const CLAUSE_END: [char; 6] = ['?', '.', '!', ',', ';', ':'];

/// The frames of a config, longest pattern first.
#[derive(Debug, Clone, Default)]
pub struct QuestionFrames {
    frames: Vec<Frame>,
}

#[derive(Debug, Clone)]
struct Frame {
    /// The pattern as written (for `--explain`).
    text: String,
    elements: Vec<Element>,
    action: Action,
}

#[derive(Debug, Clone, PartialEq)]
enum Element {
    /// One of these words (folded); a word ending in `*` is a verb stem.
    Word(Vec<String>),
    /// Any words in between; the next element must end its clause.
    Gap,
}

/// What a frame does with the words it matches.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Drop,
    Weak,
    Concepts(Concepts),
}

/// The concept a frame stands for.
#[derive(Debug, Clone, PartialEq)]
pub struct Concepts {
    /// Words searched with `weight`, and with `weight` × [`RELATED_SHARE`].
    pub terms: Vec<String>,
    pub related: Vec<String>,
    pub weight: f32,
    /// The concept stands for content words of the query (a separable verb).
    pub content: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    frame: Vec<FrameEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FrameEntry {
    #[serde(rename = "match")]
    pattern: String,
    #[serde(default)]
    drop: bool,
    #[serde(default)]
    weak: bool,
    #[serde(default)]
    concepts: Vec<String>,
    #[serde(default)]
    related: Vec<String>,
    weight: Option<f32>,
    #[serde(default)]
    content: bool,
}

/// A query after its frames: the clauses still planned as written, the words kept at a low
/// weight, the concepts added, and a line per applied frame for `--explain`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FramedQuery {
    pub clauses: Vec<Clause>,
    pub weak: Vec<Clause>,
    /// Each concept with the query words it replaces.
    pub concepts: Vec<(String, Concepts)>,
    pub notes: Vec<String>,
}

impl QuestionFrames {
    /// Parses the frames file; errors name the line of the offending `[[frame]]`.
    pub fn parse(text: &str) -> Result<QuestionFrames, LineError> {
        let file: File = toml::from_str(text).map_err(|e| LineError::of_toml(text, &e))?;
        let mut frames = Vec::new();
        for (i, entry) in file.frame.into_iter().enumerate() {
            let frame =
                Frame::of_entry(entry).map_err(|m| LineError::new(table_line(text, "[[frame]]", i), m))?;
            frames.push(frame);
        }
        // Longest first, so `wie hoch` wins over `wie` and `gibt es` over `gibt`; the sort is
        // stable, so the file's order decides among equals.
        frames.sort_by_key(|f| std::cmp::Reverse(f.words()));
        Ok(QuestionFrames { frames })
    }

    pub fn len(&self) -> usize {
        self.frames.len()
    }

    /// Whether a one-word `drop` frame matches `word`: a pure question word (`wer`, `wann`).
    pub fn drops_alone(&self, word: &str) -> bool {
        let word = fold(&trim_clause_end(word));
        self.frames.iter().any(|frame| {
            frame.action == Action::Drop
                && matches!(frame.elements.as_slice(), [Element::Word(forms)]
                    if forms.iter().any(|form| form_matches(form, &word)))
        })
    }

    pub fn is_empty(&self) -> bool {
        self.frames.is_empty()
    }

    /// Applies the frames to a parsed query.
    pub fn apply(&self, parsed: Vec<Clause>) -> FramedQuery {
        let words = QueryWords::of(&parsed);
        let mut taken = vec![false; parsed.len()];
        let mut framed = FramedQuery::default();
        let mut dropped = Vec::new();
        for frame in &self.frames {
            while let Some(matched) = frame.find(&words, &taken) {
                let written: Vec<String> = matched.iter().map(|&i| parsed[i].text.clone()).collect();
                let written = trim_clause_end(&written.join(" "));
                for &i in &matched {
                    taken[i] = true;
                }
                framed.notes.push(frame.describe(&written));
                match &frame.action {
                    Action::Drop => dropped.extend(matched.iter().map(|&i| parsed[i].clone())),
                    Action::Weak => framed.weak.extend(matched.iter().map(|&i| parsed[i].clone())),
                    Action::Concepts(concepts) => framed.concepts.push((written, concepts.clone())),
                }
            }
        }
        framed.clauses = parsed.into_iter().zip(&taken).filter(|(_, t)| !**t).map(|(c, _)| c).collect();
        let content_left = framed.clauses.iter().any(|c| c.occur != Occurrence::MustNot)
            || framed.concepts.iter().any(|(_, c)| c.content);
        if !content_left && framed.concepts.is_empty() && framed.weak.is_empty() && !dropped.is_empty() {
            framed.notes.push("only frame words: searched as weak words".to_string());
            framed.weak.extend(dropped);
        }
        framed
    }
}

/// The clauses a framed query adds to its plan: each weak word with its weight lowered, each
/// concept as one clause whose alternatives are the concept's words (scored by the best, like
/// the forms of one word). None counts as a word of the query.
pub fn planned_clauses(
    analyzer: &GermanAnalyzer,
    frames: &QuestionFrames,
    framed: &FramedQuery,
) -> Vec<PlannedClause> {
    let mut clauses = Vec::new();
    for word in &framed.weak {
        if let Some(mut clause) = plan_clause(analyzer, word) {
            clause.groups.iter_mut().flatten().for_each(|a| a.scale_weight(FRAME_WORD_WEIGHT));
            clause.is_synonym = true;
            clause.source = format!("{} (frame word)", trim_clause_end(&clause.source));
            clauses.push(clause);
        }
    }
    for (written, concepts) in &framed.concepts {
        let mut group: Vec<Alternative> = Vec::new();
        let weighted = concepts
            .terms
            .iter()
            .map(|t| (t, concepts.weight))
            .chain(concepts.related.iter().map(|t| (t, concepts.weight * RELATED_SHARE)));
        for (text, weight) in weighted {
            for token in analyzer.analyze(text).into_iter().filter(|t| t.origin != Origin::Part) {
                let weight = weight
                    * match token.origin {
                        Origin::Word | Origin::Stem => 1.0,
                        Origin::Root => ROOT_WEIGHT,
                        _ => DERIVED_WEIGHT,
                    };
                // A concept that is not a query word is searched like a synonym.
                let origin = if concepts.content { token.origin } else { Origin::Synonym };
                add_best(&mut group, Alternative::Term { term: token.text, weight, origin });
            }
        }
        // The words as written stay searched too: texts split separable verbs as well
        // (`nimmt … an der Maßnahme teil`) and use the question's own verb (`rechnet es sich`).
        let written_terms: Vec<String> = analyzer
            .analyze(&without_question_words(frames, written))
            .into_iter()
            .filter(|t| matches!(t.origin, Origin::Word | Origin::Stem))
            .map(|t| t.text)
            .collect();
        if !concepts.content {
            for term in &written_terms {
                let weight = concepts.weight;
                add_best(
                    &mut group,
                    Alternative::Term { term: term.clone(), weight, origin: Origin::Synonym },
                );
            }
        } else if let Some(particle) = written_terms.last().filter(|_| written_terms.len() > 1) {
            // A separable verb alone misleads (`arbeiten` meets `Arbeit`); its particle, where
            // it is a word of its own (`teil`, `zusammen`, `fest`), is what texts share with the
            // question when they split the verb too (`nimmt … an der Maßnahme teil`).
            let weight = concepts.weight * SPLIT_VERB_SHARE;
            add_best(&mut group, Alternative::Term { term: particle.clone(), weight, origin: Origin::Word });
        }
        if written_terms.len() > 1 {
            let weight = concepts.weight * SPLIT_VERB_SHARE;
            group.push(Alternative::AllParts { terms: written_terms, weight, near: false, near_weight: 0.0 });
        }
        if group.is_empty() {
            continue;
        }
        let mut names = concepts.terms.clone();
        names.extend(concepts.related.iter().cloned());
        clauses.push(PlannedClause {
            source: format!("{written} → {}", names.join(", ")),
            occur: Occurrence::Should,
            is_phrase: false,
            // Not a word of the query: the all-words bonus asks for the words themselves
            // (counting concepts in it measured worse: dev question 0.660 → 0.650).
            is_synonym: true,
            groups: vec![group],
        });
    }
    clauses
}

/// The written words of a frame without its pure question words (`wer` of `wer finanziert`):
/// they are dropped wherever they stand alone, so they are not searched beside the concept.
fn without_question_words(frames: &QuestionFrames, written: &str) -> String {
    written.split_whitespace().filter(|w| !frames.drops_alone(w)).collect::<Vec<_>>().join(" ")
}

/// Adds a term alternative, or raises the weight of the same term already there.
fn add_best(group: &mut Vec<Alternative>, alternative: Alternative) {
    let Alternative::Term { term, weight, .. } = &alternative else { return group.push(alternative) };
    let same = group.iter_mut().find(|a| matches!(a, Alternative::Term { term: t, .. } if t == term));
    match same {
        Some(Alternative::Term { weight: w, .. }) => *w = w.max(*weight),
        _ => group.push(alternative),
    }
}

impl Frame {
    fn of_entry(entry: FrameEntry) -> Result<Frame, String> {
        let elements = parse_pattern(&entry.pattern)?;
        let actions =
            usize::from(entry.drop) + usize::from(entry.weak) + usize::from(!entry.concepts.is_empty());
        if actions != 1 {
            return Err(format!(
                "frame {:?}: give exactly one of `drop = true`, `weak = true` or `concepts = [...]`",
                entry.pattern
            ));
        }
        if entry.concepts.is_empty() && (!entry.related.is_empty() || entry.weight.is_some() || entry.content)
        {
            return Err(format!(
                "frame {:?}: `related`, `weight` and `content` need `concepts`",
                entry.pattern
            ));
        }
        let weight = entry.weight.unwrap_or(1.0);
        if !(weight > 0.0 && weight <= 1.0) {
            return Err(format!("frame {:?}: weight must be in (0, 1], got {weight}", entry.pattern));
        }
        if let Some(empty) = entry.concepts.iter().chain(&entry.related).find(|c| c.trim().is_empty()) {
            return Err(format!("frame {:?}: empty concept {empty:?}", entry.pattern));
        }
        let action = if entry.drop {
            Action::Drop
        } else if entry.weak {
            Action::Weak
        } else {
            Action::Concepts(Concepts {
                terms: entry.concepts,
                related: entry.related,
                weight,
                content: entry.content,
            })
        };
        Ok(Frame { text: entry.pattern, elements, action })
    }

    /// How many words the pattern matches.
    fn words(&self) -> usize {
        self.elements.iter().filter(|e| matches!(e, Element::Word(_))).count()
    }

    /// The first match among the words not yet taken: the indexes of the matched clauses.
    fn find(&self, words: &QueryWords, taken: &[bool]) -> Option<Vec<usize>> {
        (0..words.len()).find_map(|start| self.match_at(words, taken, start))
    }

    fn match_at(&self, words: &QueryWords, taken: &[bool], start: usize) -> Option<Vec<usize>> {
        let mut matched = Vec::new();
        let mut at = start;
        let mut after_gap = false;
        for element in &self.elements {
            match element {
                Element::Gap => after_gap = true,
                Element::Word(forms) => {
                    let fits = |i: usize| {
                        !taken[words.clause[i]]
                            && forms.iter().any(|f| form_matches(f, &words.folded[i]))
                            && (!after_gap || words.ends_clause[i])
                    };
                    let found = if after_gap {
                        // The particle ends the clause of the verb: the first clause end after it.
                        let end = (at..words.len()).find(|&i| words.ends_clause[i])?;
                        fits(end).then_some(end)?
                    } else {
                        (at < words.len() && fits(at)).then_some(at)?
                    };
                    matched.push(words.clause[found]);
                    at = found + 1;
                    after_gap = false;
                }
            }
        }
        Some(matched)
    }

    fn describe(&self, written: &str) -> String {
        match &self.action {
            Action::Drop => format!("{written} (frame `{}`): not searched", self.text),
            Action::Weak => {
                format!("{written} (frame `{}`): searched with weight {FRAME_WORD_WEIGHT:.2}", self.text)
            }
            Action::Concepts(c) => format!(
                "{written} (frame `{}`) → {} {:.2}{}",
                self.text,
                c.terms.join(", "),
                c.weight,
                if c.related.is_empty() {
                    String::new()
                } else {
                    format!("; {} {:.2}", c.related.join(", "), c.weight * RELATED_SHARE)
                }
            ),
        }
    }
}

fn parse_pattern(pattern: &str) -> Result<Vec<Element>, String> {
    let mut elements = Vec::new();
    for part in pattern.split_whitespace() {
        if part == "…" || part == "..." {
            if !matches!(elements.last(), Some(Element::Word(_))) {
                return Err(format!("pattern {pattern:?}: `…` must stand between two words"));
            }
            elements.push(Element::Gap);
            continue;
        }
        let forms: Vec<String> = part.split('|').map(fold).collect();
        // A `*` only ends a form (`f.len() - 1` may fall inside a last letter like `…`).
        let inner_star = |f: &str| f.find('*').is_some_and(|star| star + 1 < f.len());
        if forms.iter().any(|f| f.trim_end_matches('*').is_empty() || inner_star(f)) {
            return Err(format!("pattern {pattern:?}: bad word {part:?}"));
        }
        elements.push(Element::Word(forms));
    }
    match elements.last() {
        None => Err("empty pattern".to_string()),
        Some(Element::Gap) => Err(format!("pattern {pattern:?}: `…` must stand between two words")),
        Some(_) => Ok(elements),
    }
}

/// Lower-cased and umlaut-folded, the way patterns and query words are compared.
fn fold(word: &str) -> String {
    UmlautFold::fold(&word.to_lowercase())
}

fn form_matches(form: &str, word: &str) -> bool {
    match form.strip_suffix('*') {
        Some(stem) => word.strip_prefix(stem).is_some_and(|ending| VERB_ENDINGS.contains(&ending)),
        None => form == word,
    }
}

fn trim_clause_end(text: &str) -> String {
    text.trim_end_matches(CLAUSE_END).to_string()
}

/// The plain words of a query in order, folded, with where their clause ends.
struct QueryWords {
    /// Index of each word's clause in the parsed query.
    clause: Vec<usize>,
    folded: Vec<String>,
    ends_clause: Vec<bool>,
}

impl QueryWords {
    fn of(parsed: &[Clause]) -> QueryWords {
        let mut words = QueryWords { clause: Vec::new(), folded: Vec::new(), ends_clause: Vec::new() };
        for (i, clause) in parsed.iter().enumerate() {
            let is_word = clause.occur == Occurrence::Should && !clause.is_phrase;
            let bare = clause.text.trim_matches(|c: char| !c.is_alphanumeric());
            if !is_word || bare.is_empty() {
                // A phrase or operator word breaks adjacency: mark the previous word's clause end.
                if let Some(last) = words.ends_clause.last_mut() {
                    *last = true;
                }
                continue;
            }
            words.clause.push(i);
            words.folded.push(fold(bare));
            words.ends_clause.push(clause.text.ends_with(CLAUSE_END) || i + 1 == parsed.len());
        }
        words
    }

    fn len(&self) -> usize {
        self.clause.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::parse::parse;

    const FRAMES: &str = r#"
[[frame]]
match = "gibt|gab es"
drop = true

[[frame]]
match = "wer|wann"
drop = true

[[frame]]
match = "wie hoch"
concepts = ["Höhe", "Betrag"]
weight = 0.5

[[frame]]
match = "arbeit* … zusammen"
concepts = ["zusammenarbeiten", "Zusammenarbeit"]
related = ["Kooperation"]
content = true

[[frame]]
match = "mach* … mit"
concepts = ["mitmachen", "teilnehmen"]
content = true

[[frame]]
match = "funktioniert|funktionieren"
weak = true
"#;

    fn frames() -> QuestionFrames {
        QuestionFrames::parse(FRAMES).unwrap()
    }

    fn texts(clauses: &[Clause]) -> Vec<&str> {
        clauses.iter().map(|c| c.text.as_str()).collect()
    }

    /// (query, words planned as written, weak words, concepts with the words they replace).
    type Case = (
        &'static str,
        &'static [&'static str],
        &'static [&'static str],
        &'static [(&'static str, &'static str)],
    );

    #[test]
    fn frames_drop_weaken_or_replace_question_words() {
        let cases: &[Case] = &[
            ("Wer finanziert den Aufbau?", &["finanziert", "den", "Aufbau?"], &[], &[]),
            ("Welche Angebote gibt es für Familien?", &["Welche", "Angebote", "für", "Familien?"], &[], &[]),
            ("Wie hoch ist der Eigenanteil?", &["ist", "der", "Eigenanteil?"], &[], &[("Wie hoch", "Höhe")]),
            (
                "Wie arbeiten Jugendhilfe und Schule zusammen?",
                &["Wie", "Jugendhilfe", "und", "Schule"],
                &[],
                &[("arbeiten zusammen", "zusammenarbeiten")],
            ),
            ("Welche Kommunen machen mit?", &["Welche", "Kommunen"], &[], &[("machen mit", "mitmachen")]),
            // `mit` before a noun is a preposition, not the particle of `mitmachen`.
            ("Was machen Kitas mit Eltern?", &["Was", "machen", "Kitas", "mit", "Eltern?"], &[], &[]),
            (
                "Wie funktioniert eine Präventionskette",
                &["Wie", "eine", "Präventionskette"],
                &["funktioniert"],
                &[],
            ),
            // Umlauts and transcriptions, upper case.
            ("WIE HOCH ist die Foerderung", &["ist", "die", "Foerderung"], &[], &[("WIE HOCH", "Höhe")]),
            // Only plain words take part.
            ("\"gibt es\" Kita", &["gibt es", "Kita"], &[], &[]),
        ];
        for (query, kept, weak, concepts) in cases {
            let framed = frames().apply(parse(query));
            assert_eq!(texts(&framed.clauses), *kept, "kept words of {query:?}");
            assert_eq!(texts(&framed.weak), *weak, "weak words of {query:?}");
            let got: Vec<(&str, &str)> =
                framed.concepts.iter().map(|(w, c)| (w.as_str(), c.terms[0].as_str())).collect();
            assert_eq!(got, *concepts, "concepts of {query:?}");
        }
    }

    #[test]
    fn frame_words_alone_are_searched_weakly() {
        let framed = frames().apply(parse("Wann?"));
        assert!(framed.clauses.is_empty());
        assert_eq!(texts(&framed.weak), ["Wann?"]);
    }

    #[test]
    fn verb_stems_take_verb_endings_only() {
        for (form, word, expected) in [
            ("arbeit*", "arbeitet", true),
            ("arbeit*", "arbeiteten", true),
            ("arbeit*", "arbeiten", true),
            ("arbeit*", "arbeitsgruppe", false),
            ("arbeit*", "arbeitgeber", false),
            ("mach*", "macht", true),
            ("wer", "wer", true),
            ("wer", "werk", false),
        ] {
            assert_eq!(form_matches(form, word), expected, "{form} ~ {word}");
        }
    }

    #[test]
    fn bad_frames_name_their_line() {
        for (text, line) in [
            ("[[frame]]\nmatch = \"wer\"\n", 1),
            ("\n[[frame]]\nmatch = \"wer\"\ndrop = true\n\n[[frame]]\nmatch = \"… mit\"\ndrop = true\n", 6),
            ("[[frame]]\nmatch = \"wie hoch\"\nconcepts = [\"Höhe\"]\nweight = 2.0\n", 1),
            ("[[frame]]\nmatch = \"wer\"\ndrop = true\nweight = 0.5\n", 1),
            ("[[frame]]\nmatch = \"wer\"\nsplit = true\n", 3),
            // A star inside a word, before a letter of several bytes (a damaged file).
            ("[[frame]]\nmatch = \"fand*0…\"\ndrop = true\n", 1),
            ("[[frame]]\nmatch = \"ar*beit*\"\ndrop = true\n", 1),
        ] {
            let err = QuestionFrames::parse(text).unwrap_err();
            assert_eq!(err.line, line, "{text:?}: {}", err.message);
        }
    }

    /// The plan of a question with the bundled config: frame words are gone, the concept is
    /// one clause outside the all-words bonus, the verb is not searched alone.
    #[test]
    fn questions_are_planned_through_their_frames() {
        use crate::query::plan::QueryPlan;
        let config = crate::config::ConfigFiles::bundled().load_analysis().unwrap();
        let analyzer = config.german_analyzer(None);
        let plan = QueryPlan::framed(
            &analyzer,
            &config.question_frames,
            "Wie arbeiten Jugendhilfe und Schule zusammen?",
            None,
        );
        let sources: Vec<&str> = plan.clauses.iter().map(|c| c.source.as_str()).collect();
        assert_eq!(sources.len(), 3, "{sources:?}");
        assert!(sources[2].starts_with("arbeiten zusammen → zusammenarbeiten"), "{sources:?}");
        assert_eq!(plan.word_clauses(), vec![0, 1], "the concept is not a word of the bonus");
        let concept = &plan.clauses[2].groups[0];
        let weight_of = |term: &str| {
            concept.iter().find_map(|a| match a {
                Alternative::Term { term: t, weight, .. } if t == term => Some(*weight),
                _ => None,
            })
        };
        assert_eq!(weight_of("zusammenarbeit"), Some(1.0));
        assert_eq!(weight_of("kooperation"), Some(RELATED_SHARE));
        assert_eq!(weight_of("zusamm"), Some(SPLIT_VERB_SHARE), "the particle alone, weaker");
        assert_eq!(weight_of("arbeit"), None, "the verb alone would meet `Arbeit`");
        assert_eq!(plan.frames.len(), 1);

        let plan = QueryPlan::framed(&analyzer, &config.question_frames, "Wer finanziert den Aufbau?", None);
        let sources: Vec<&str> = plan.clauses.iter().map(|c| c.source.as_str()).collect();
        assert_eq!(sources, ["finanziert", "Aufbau?"]);
        let plan =
            QueryPlan::framed(&analyzer, &config.question_frames, "Wie hoch ist der Eigenanteil?", None);
        let concept = &plan.clauses.last().unwrap().groups[0];
        assert!(concept
            .iter()
            .any(|a| matches!(a, Alternative::Term { term, weight, .. } if term == "hoh" && *weight == 0.5)));
    }

    /// Common question shapes of the field with the bundled frames: (question, the first
    /// concept it asks for; None: no frame replaces a word of it).
    #[test]
    fn the_bundled_frames_read_common_question_shapes() {
        let frames = QuestionFrames::parse(include_str!("../../index-config/question-frames.toml")).unwrap();
        let cases: &[(&str, Option<&str>)] = &[
            ("Wer fördert die Familienzentren?", Some("Finanzierung")),
            ("Wer zahlt die Koordinierungsstelle?", Some("Finanzierung")),
            ("Wer trägt die Kosten der Frühen Hilfen?", Some("Kosten")),
            ("Ab welchem Alter beginnt die Präventionskette?", Some("Alter")),
            ("Bis zu welchem Alter werden Jugendliche begleitet?", Some("Alter")),
            // Unambiguous: searched as the word itself (and its synonyms).
            ("Wer finanziert den Aufbau?", None),
            // fördern without `wer` means supporting children, not funding.
            ("Wie fördert die Kita die Sprache?", None),
        ];
        for (question, concept) in cases {
            let framed = frames.apply(parse(question));
            let first = framed.concepts.first().map(|(_, c)| c.terms[0].as_str());
            assert_eq!(first, *concept, "{question}: {:?}", framed.notes);
        }
    }

    /// A pure question word of a concept frame (`wer` of `wer fördert`) is not searched beside
    /// the concept; the frame's other written words are.
    #[test]
    fn question_words_of_a_frame_are_not_searched() {
        use crate::query::plan::QueryPlan;
        let config = crate::config::ConfigFiles::bundled().load_analysis().unwrap();
        let analyzer = config.german_analyzer(None);
        let plan =
            QueryPlan::framed(&analyzer, &config.question_frames, "Wer fördert die Familienzentren?", None);
        let concept = &plan.clauses.last().unwrap().groups[0];
        let terms: Vec<&str> = concept
            .iter()
            .filter_map(|a| match a {
                Alternative::Term { term, .. } => Some(term.as_str()),
                _ => None,
            })
            .collect();
        let written_verb = analyzer.primary_terms("fördert").remove(0);
        assert!(terms.contains(&"finanzier") && terms.contains(&written_verb.as_str()), "{terms:?}");
        assert!(!terms.contains(&"wer"), "{terms:?}");
        assert!(
            frames().drops_alone("Wer") && frames().drops_alone("wann?") && !frames().drops_alone("gibt")
        );
    }

    #[test]
    fn the_bundled_frames_load() {
        let frames = QuestionFrames::parse(include_str!("../../index-config/question-frames.toml")).unwrap();
        assert!(frames.len() > 40);
        let framed = frames.apply(parse("Welche Kommunen nehmen am Landesprogramm teil?"));
        assert_eq!(framed.concepts.len(), 1, "{:?}", framed.notes);
        assert!(framed.concepts[0].1.terms.iter().any(|t| t == "teilnehmen"));
    }
}
