//! Plain-text renderings of the analysis for people: the token stream of `praev analyze` and
//! the query plan of `praev search --explain`.
//!
//! The plan is rendered from the same clause list the search compiles into its tantivy query
//! ([`SearchClauses`]), so it names every clause that runs, and nothing else; a test below
//! checks the rendering against the compiled query.

use std::fmt::Write;

use serde::Serialize;

use crate::analysis::AnalyzedToken;
use crate::query::compile::{AlternativeMatches, Match, Place, SearchClauses, MAX_ALL_WORDS};
use crate::query::filters::Restriction;
use crate::query::parse::Occurrence;
use crate::query::part_synonyms;
use crate::query::plan::{Alternative, QueryPlan};
use crate::query::proximity::NearPair;
use crate::query::SearchRequest;

/// One token as `praev analyze --format json` prints it.
#[derive(Serialize)]
pub struct TokenJson<'a> {
    pub position: usize,
    /// The term as indexed (parts with the `~` mark).
    pub term: &'a str,
    /// The written word it comes from.
    pub word: &'a str,
    pub origin: &'static str,
    /// Byte offsets of the written word.
    pub start: usize,
    pub end: usize,
}

pub fn tokens_json<'a>(text: &'a str, tokens: &'a [AnalyzedToken]) -> Vec<TokenJson<'a>> {
    tokens
        .iter()
        .map(|t| TokenJson {
            position: t.position,
            term: &t.text,
            word: &text[t.offset_from..t.offset_to],
            origin: t.origin.as_str(),
            start: t.offset_from,
            end: t.offset_to,
        })
        .collect()
}

/// `position  term  origin  word`, one token per line.
pub fn render_tokens(text: &str, tokens: &[AnalyzedToken]) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{:>4}  {:<28} {:<9} word", "pos", "term", "origin");
    for t in tokens {
        let _ = writeln!(
            out,
            "{:>4}  {:<28} {:<9} {}",
            t.position,
            t.text,
            t.origin.as_str(),
            &text[t.offset_from..t.offset_to]
        );
    }
    out
}

/// What `praev search --explain` prints: the query's clauses (see [`render_plan`]), then what
/// else every hit must match, in the order the search adds it: the request's boosts (a theme)
/// and its filter's restrictions.
pub fn render_search(plan: &QueryPlan, request: &SearchRequest) -> String {
    let mut out = render_plan(plan);
    for boost in &request.boosts {
        let _ = writeln!(out, "  [must, adds its score] {} {:.2}", boost.label, boost.weight);
    }
    for restriction in request.filter.restrictions() {
        let _ = writeln!(out, "  [filter] {}", describe_restriction(restriction));
    }
    out
}

fn describe_restriction(restriction: Restriction) -> String {
    match restriction {
        Restriction::Municipalities(names) => format!("municipality: {}", names.join(", ")),
        Restriction::Kinds(kinds) => {
            format!("kind: {}", kinds.iter().map(|k| k.as_str()).collect::<Vec<_>>().join(", "))
        }
        Restriction::NoQuotes => "no quotes (searched with --kind quote or --speaker)".to_string(),
        Restriction::Speaker(speaker) => format!("speaker's name holds all of: {speaker}"),
        Restriction::Dates(range) => {
            let day = |d: Option<u32>| {
                d.map_or("…".to_string(), |d| format!("{}-{:02}-{:02}", d / 10_000, d / 100 % 100, d % 100))
            };
            format!("dated {} to {} (undated documents left out)", day(range.since), day(range.until))
        }
    }
}

/// The query's clauses: every clause the search runs, from the same list ([`SearchClauses`])
/// the tantivy query is built from.
pub fn render_plan(plan: &QueryPlan) -> String {
    let mut out = render_clauses(&SearchClauses::of_plan(plan), plan.word_clauses().len());
    for note in &plan.frames {
        let _ = writeln!(out, "  [question frame] {note}");
    }
    out
}

/// Each clause, its alternatives and each alternative's weighted matches, then the all-words
/// bonus when the search adds it; `words` is how many words the bonus would need.
pub fn render_clauses(list: &SearchClauses, words: usize) -> String {
    let mut out = String::from(
        "query plan, every clause searched (weights relative to a literal word = 1.00; `~` = as a compound \
         part, `^` = word family, `heading:` = in the section heading, `\"a b\"~N` = at most N words apart):\n",
    );
    if list.clauses.is_empty() {
        out.push_str("  (nothing to search)\n");
    }
    for clause in &list.clauses {
        let occur = match clause.occur {
            Occurrence::Should => "any",
            Occurrence::Must => "must",
            Occurrence::MustNot => "must not",
        };
        let _ = writeln!(out, "  [{occur}] {}", clause.source);
        for alternative in clause.groups.iter().flatten().filter(|a| !a.matches.is_empty()) {
            let _ = writeln!(out, "      {}", describe(alternative));
        }
    }
    for pair in &list.near_pairs {
        let _ = writeln!(out, "  [near] {}", describe_near(pair));
    }
    match &list.all_words {
        Some(bonus) => {
            let sources: Vec<&str> = bonus.clauses.iter().map(|&i| list.clauses[i].source.as_str()).collect();
            let _ = writeln!(
                out,
                "  [bonus] all {} words in one passage {:.2} (a compound's part alone does not count): {}",
                bonus.clauses.len(),
                bonus.weight,
                sources.join(" + ")
            );
        }
        None if words > MAX_ALL_WORDS => {
            let _ = writeln!(out, "  (no all-words bonus: {words} words, it applies to 2–{MAX_ALL_WORDS})");
        }
        None => {}
    }
    out
}

/// One alternative: its first match with the alternative's origin, then its other matches.
fn describe(alternative: &AlternativeMatches) -> String {
    let origin = match &alternative.alternative {
        Alternative::Term { origin, .. } => origin.as_str().to_string(),
        Alternative::AllParts { .. } => "compound parts, each as a word or ~part".to_string(),
        Alternative::Phrase { origin, .. } => format!("phrase, {}", origin.as_str()),
        part_synonym @ Alternative::PartSynonym { .. } => {
            part_synonyms::describe(part_synonym).unwrap_or_default()
        }
    };
    let mut matches = alternative.matches.iter().map(|m| (describe_match(&m.what), m.weight));
    let mut line = String::new();
    if let Some((what, weight)) = matches.next() {
        line = format!("{what:<28} {weight:.2}  ({origin})");
    }
    for (what, weight) in matches {
        line.push_str(&format!("; {what} {weight:.2}"));
    }
    line
}

/// `Hilfen … Erziehung within 5 words, either order: "hilf erzieh"~5 0.25`.
fn describe_near(pair: &NearPair) -> String {
    let [first, second] = &pair.words;
    format!(
        "{first} … {second} within {} words, either order: \"{} {}\"~{} {:.2}",
        pair.slop, pair.terms[0], pair.terms[1], pair.slop, pair.weight
    )
}

fn describe_match(what: &Match) -> String {
    match what {
        Match::Term { place: Place::Text, term } => term.clone(),
        Match::Term { place: Place::Heading, term } => format!("heading:{term}"),
        Match::AllOf { terms } => format!("all of [{}]", terms.join(", ")),
        Match::WrittenApart { first, second, slop } => format!("\"{first} {second}\"~{slop}"),
        Match::Phrase { terms } => {
            let words: Vec<&str> = terms.iter().map(|(_, t)| t.as_str()).collect();
            format!("\"{}\"", words.join(" "))
        }
    }
}

#[cfg(test)]
mod tests {
    //! `--explain` against the compiled query: for real queries planned with the bundled
    //! analysis and synonyms, the terms the explanation names, clause by clause, are exactly
    //! the terms of the tantivy query the search runs, and the all-words bonus is explained
    //! exactly when the query holds it (2–4 words).

    use tantivy::query::{BooleanQuery, Query};
    use tantivy::schema::Schema;

    use super::*;
    use crate::analysis::PART_MARK;
    use crate::index::schema::{build_schema, Fields};
    use crate::query::compile::to_tantivy;

    /// (field name, term) pairs, sorted, with repeats.
    type Terms = Vec<(String, String)>;

    struct Explained {
        /// Per clause: its source and the terms its lines name.
        clauses: Vec<(String, Terms)>,
        /// Per clause: the terms of its lines other than the single parts of compounds (what
        /// the bonus repeats).
        bonus_terms: Vec<Terms>,
        /// The sources of the clauses the bonus repeats, when a bonus is explained.
        bonus: Option<Vec<String>>,
        /// Per pair of neighbouring words: its description and the terms of its phrase.
        near: Vec<(String, Terms)>,
    }

    fn explain_and_compile(query: &str) -> (String, Box<dyn Query>, Schema) {
        let config = crate::config::ConfigFiles::bundled().load_analysis().expect("bundled config loads");
        let analyzer = config.german_analyzer(None);
        let plan = QueryPlan::framed(&analyzer, &config.question_frames, query, Some(&config.synonyms));
        let schema = build_schema();
        let fields = Fields::from_schema(&schema).expect("schema has the fields");
        (render_plan(&plan), to_tantivy(&plan, &fields), schema)
    }

    fn compiled_terms(query: &dyn Query, schema: &Schema) -> Terms {
        let mut terms = Vec::new();
        query.query_terms(&mut |term, _| {
            let text = term.value().as_str().expect("text term").to_string();
            terms.push((schema.get_field_name(term.field()).to_string(), text));
        });
        terms.sort();
        terms
    }

    /// The terms one match description names (`all of [a, b]` each as a word or a part).
    fn described_terms(description: &str) -> Terms {
        let text = |t: &str| ("text".to_string(), t.to_string());
        if let Some(list) = description.strip_prefix("all of [").and_then(|d| d.strip_suffix(']')) {
            list.split(", ").flat_map(|t| [text(t), text(&format!("{PART_MARK}{t}"))]).collect()
        } else if let Some(quoted) = description.strip_prefix('"') {
            let words = quoted.rsplit_once('"').expect("closing quote").0;
            words.split_whitespace().map(text).collect()
        } else if let Some(term) = description.strip_prefix("heading:") {
            vec![("section".to_string(), term.to_string())]
        } else {
            vec![text(description)]
        }
    }

    fn parse_explained(explain: &str) -> Explained {
        let mut explained =
            Explained { clauses: Vec::new(), bonus_terms: Vec::new(), bonus: None, near: Vec::new() };
        for line in explain.lines().skip(1) {
            if let Some(near) = line.strip_prefix("  [near] ") {
                let (source, matched) = near.split_once(": ").expect("a near pair names its phrase");
                let description = matched.rsplit_once(' ').expect("a weight").0;
                let mut terms = described_terms(description);
                terms.sort();
                explained.near.push((source.to_string(), terms));
            } else if let Some(sources) = line.strip_prefix("  [bonus] ") {
                let sources = sources.split_once(": ").expect("bonus names its clauses").1;
                explained.bonus = Some(sources.split(" + ").map(str::to_string).collect());
            } else if let Some(header) = line.strip_prefix("  [") {
                let source = header.split_once("] ").expect("clause header").1;
                explained.clauses.push((source.to_string(), Vec::new()));
                explained.bonus_terms.push(Vec::new());
            } else if let Some(alternative) = line.strip_prefix("      ") {
                // Neither a compound's part alone nor a related term counts for the bonus.
                let single_part = alternative.contains("  (part)")
                    || alternative.contains(", alone)")
                    || alternative.contains("related term)");
                let terms = &mut explained.clauses.last_mut().expect("a clause before its lines").1;
                let bonus_terms = explained.bonus_terms.last_mut().expect("a clause before its lines");
                for piece in alternative.split("; ") {
                    let piece = piece.split_once("  (").map_or(piece, |(before, _)| before);
                    let description = piece.trim_end().rsplit_once(' ').expect("a weight").0.trim_end();
                    terms.extend(described_terms(description));
                    if !single_part {
                        bonus_terms.extend(described_terms(description));
                    }
                }
            }
        }
        for terms in explained.clauses.iter_mut().map(|(_, t)| t).chain(&mut explained.bonus_terms) {
            terms.sort();
        }
        explained
    }

    /// Asserts that the explanation of `query` names exactly the compiled clauses; returns it.
    fn assert_explained_as_compiled(query: &str) -> String {
        let (explain, compiled, schema) = explain_and_compile(query);
        let explained = parse_explained(&explain);
        let top = compiled.downcast_ref::<BooleanQuery>().expect("a boolean query").clauses();
        let with_bonus =
            explained.clauses.len() + explained.near.len() + usize::from(explained.bonus.is_some());
        assert_eq!(top.len(), with_bonus, "{query}: compiled clauses vs explained\n{explain}");
        for ((source, terms), (_, clause)) in explained.clauses.iter().chain(&explained.near).zip(top) {
            assert_eq!(
                &compiled_terms(clause.as_ref(), &schema),
                terms,
                "{query}: clause {source}\n{explain}"
            );
        }
        if let Some(sources) = &explained.bonus {
            let mut repeated: Terms = sources
                .iter()
                .flat_map(|s| {
                    let clause = explained.clauses.iter().position(|(source, _)| source == s);
                    explained.bonus_terms[clause.expect("named clause")].clone()
                })
                .collect();
            repeated.sort();
            let bonus = top.last().expect("bonus clause").1.as_ref();
            assert_eq!(compiled_terms(bonus, &schema), repeated, "{query}: the bonus\n{explain}");
        }
        explain
    }

    #[test]
    fn a_compound_explains_its_parts_and_its_heading_match() {
        let explain = assert_explained_as_compiled("Kinderschutzfachkräfte");
        assert!(
            explain.contains("~kinderschutzfachkraft") && explain.contains("heading:kinderschutzfachkraft")
        );
        assert!(
            explain.contains("all of [kinderschutz, fachkraft]"),
            "the parts of the first split:\n{explain}"
        );
        assert!(!explain.contains("[bonus]"), "one word has no all-words bonus:\n{explain}");
    }

    #[test]
    fn an_elliptic_compound_and_a_compound_written_apart_are_explained_as_compiled() {
        let explain = assert_explained_as_compiled("Kinder- und Jugendhilfe");
        assert!(explain.contains("heading:"), "{explain}");
        let explain = assert_explained_as_compiled("Kindergesundheit");
        assert!(explain.contains("\"kind gesund\"~4") && explain.contains("\"gesund kind\"~4"), "{explain}");
    }

    #[test]
    fn the_synonyms_of_a_compounds_parts_are_explained_as_compiled() {
        let explain = assert_explained_as_compiled("Präventionsprogramme Kita");
        assert!(explain.contains("vorbeugungsprogramm"), "{explain}");
        assert!(explain.contains("(synonym of part pravention, alone)"), "{explain}");
    }

    #[test]
    fn a_thesaurus_synonym_is_labelled_apart_from_a_domain_synonym() {
        use crate::analysis::CorpusThesaurus;
        let config = crate::config::ConfigFiles::bundled().load_analysis().expect("bundled config loads");
        let analyzer = config.german_analyzer(None);
        let term = |word: &str| analyzer.primary_terms(word)[0].clone();
        let mut lines =
            vec![format!("{}\tTummelplatz", term("Spielplatz")), format!("{}\tKonzept", term("Programm"))];
        lines.sort();
        let synonyms =
            config.synonyms.clone().with_thesaurus(CorpusThesaurus::from_text(lines.join("\n") + "\n"));
        let plan = QueryPlan::framed(
            &analyzer,
            &config.question_frames,
            "Spielplatz Partizipation Präventionsprogramme",
            Some(&synonyms),
        );
        let explain = render_plan(&plan);
        let line_of = |term: &str| {
            explain
                .lines()
                .find(|l| l.trim_start().starts_with(term))
                .unwrap_or_else(|| panic!("{term}:\n{explain}"))
        };
        assert!(line_of(&term("Tummelplatz")).contains("  (thesaurus)"), "{explain}");
        assert!(line_of(&term("Beteiligung")).contains("  (synonym)"), "domain group:\n{explain}");
        assert!(explain.contains("(thesaurus synonym of part programme, alone)"), "{explain}");
    }

    #[test]
    fn the_all_words_bonus_is_explained_for_two_to_four_words_only() {
        for query in ["Kinderschutz Netzwerk", "Übergang Kita Grundschule Eltern"] {
            let explain = assert_explained_as_compiled(query);
            assert!(explain.contains("[bonus]"), "{query}:\n{explain}");
            assert!(explain.contains("[near] "), "{query}: neighbouring words close together:\n{explain}");
        }
        let query = "Netzwerk Kinderschutz Eltern Kita Schule";
        let explain = assert_explained_as_compiled(query);
        assert!(!explain.contains("[bonus]") && explain.contains("no all-words bonus: 5 words"), "{explain}");
        assert_explained_as_compiled("\"Frühe Hilfen\" -Kita Eltern");
    }
}
