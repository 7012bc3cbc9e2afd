//! Reported statements: what a person said, in the reporter's words or in a text they sign.
//!
//! A journalist asking "what did the Landrätin say" wants more than direct quotes: indirect
//! speech (`Frau Stolz betonte in ihren Grußworten die Bedeutung …`, `Es sei wichtig, früh
//! anzusetzen, sagt Melanie Klarks.`, `Dabei hob er hervor, dass …`) and texts a person signs
//! (`Grußwort von Hannelore Kraft`, `Vorwort des Landrats Dr. Klaus Effing`). Both are
//! extracted as [`Quote`]s marked `reported`, with speaker and role resolved like a direct
//! quote's ([`resolve`], [`pronoun_person`]).
//!
//! A sentence is a reported statement when
//!
//! * it holds no direct quotation and no quotation mark that may belong to one (only short
//!   quoted names and slogans, `das Programm „Kein Kind zurücklassen“`, are allowed) and is no
//!   question;
//! * a singular verb of saying ([`SAYING_VERBS`]; a separable one with its particle: `hob …
//!   hervor`, `wies … hin`, `machte … deutlich`) has a person as its subject: before it (`Landrat
//!   X betonte`, `Sie betonte`) or after it (`In seiner Antwort betont Mucke`, `…, sagt X.`), a
//!   name or role as `parse_person` reads it, or "er"/"sie" standing for a person named before;
//! * and the statement is there: a dass-, ob- or w-clause or a colon after the verb, a clause in
//!   the subjunctive before `…, sagt X`, or — for verbs that take one (`betonte die Bedeutung`)
//!   — an object of a few words.
//!
//! Plural verbs (`Städte wie Berlin berichten`) and subjects that are no person (`Die Stadt
//! betont`, `heißt es im Jahresbericht`) give nothing. A signed text is a heading line naming
//! a person (`Grußwort von …`, `Vorwort des Landrats …`); the paragraphs under it, up to the
//! next heading, are that person's statement, cut at sentence ends into passages of at most
//! [`MAX_SIGNED_BYTES`].

use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use regex::Regex;

use super::attribution::{is_credible, skip_adverbs, subject_start};
use super::marks::{quoted_words, word_count, Span};
use super::mentions::{resolve, People, Who};
use super::people::{parse_person, Person};
use super::pronouns::{is_plural_verb, personal_pronoun, pronoun_person};
use super::text::{collapse, spaces_at, word_at};
use super::{Quote, MIN_WORDS};
use crate::ingest::german::sentences::is_sentence_end;

/// A reported statement has at least this many words …
const MIN_SENTENCE_WORDS: usize = 7;
/// … and at most this many (longer "sentences" are lists or run-together text).
const MAX_SENTENCE_WORDS: usize = 90;
/// An object read as a statement (`betonte die Bedeutung des Programms`) has this many words.
const MIN_OBJECT_WORDS: usize = 3;
/// A heading that signs a text is at most this long …
const MAX_HEADING_BYTES: usize = 120;
/// … and the text under it is cut into passages of at most this many bytes, at sentence ends.
const MAX_SIGNED_BYTES: usize = 900;
/// Paragraphs taken under a signing heading.
const MAX_SIGNED_PARAGRAPHS: usize = 12;
/// A line this short without a sentence end is a heading: the signed text ends there.
const MAX_SUBHEADING_BYTES: usize = 80;

/// Singular verbs of saying (present and past) and the particle a separable one needs (`hob …
/// hervor`); `true` when the verb takes an object as its statement (`betonte die Bedeutung`),
/// `false` when it needs a clause (`sagte, dass …`).
const SAYING_VERBS: &[(&str, &str, bool)] = &[
    ("sagt", "", false),
    ("sagte", "", false),
    ("erklärt", "", false),
    ("erklärte", "", false),
    ("meint", "", false),
    ("meinte", "", false),
    ("berichtet", "", false),
    ("berichtete", "", false),
    ("ergänzt", "", false),
    ("ergänzte", "", false),
    ("versichert", "", false),
    ("versicherte", "", false),
    ("bemerkt", "", false),
    ("bemerkte", "", false),
    ("bestätigt", "", false),
    ("bestätigte", "", false),
    ("betont", "", true),
    ("betonte", "", true),
    ("unterstreicht", "", true),
    ("unterstrich", "", true),
    ("bekräftigt", "", true),
    ("bekräftigte", "", true),
    ("verdeutlicht", "", true),
    ("verdeutlichte", "", true),
    ("erläutert", "", true),
    ("erläuterte", "", true),
    ("schildert", "", true),
    ("schilderte", "", true),
    ("fordert", "", true),
    ("forderte", "", true),
    ("mahnt", "", true),
    ("mahnte", "", true),
    ("warnt", "", true),
    ("warnte", "", true),
    ("appelliert", "", true),
    ("appellierte", "", true),
    ("plädiert", "", true),
    ("plädierte", "", true),
    ("kritisiert", "", true),
    ("kritisierte", "", true),
    ("würdigt", "", true),
    ("würdigte", "", true),
    ("lobt", "", true),
    ("lobte", "", true),
    ("verweist", "", true),
    ("verwies", "", true),
    ("bilanziert", "", false),
    ("bilanzierte", "", false),
    ("resümiert", "", false),
    ("resümierte", "", false),
    ("hebt", "hervor", true),
    ("hob", "hervor", true),
    ("weist", "hin", true),
    ("wies", "hin", true),
    ("macht", "deutlich", true),
    ("machte", "deutlich", true),
    ("stellt", "heraus", true),
    ("stellte", "heraus", true),
    ("stellt", "fest", false),
    ("stellte", "fest", false),
    ("stellt", "klar", false),
    ("stellte", "klar", false),
    ("räumt", "ein", false),
    ("räumte", "ein", false),
    ("fügt", "hinzu", false),
    ("fügte", "hinzu", false),
    ("kündigt", "an", true),
    ("kündigte", "an", true),
    ("gibt", "bedenken", false),
    ("gab", "bedenken", false),
];

/// Any verb form of [`SAYING_VERBS`] as a word.
static SAYING: LazyLock<Regex> = LazyLock::new(|| {
    let mut forms: Vec<&str> = SAYING_VERBS.iter().map(|(form, _, _)| *form).collect();
    forms.sort_by_key(|form| std::cmp::Reverse(form.len()));
    forms.dedup();
    Regex::new(&format!(r"\b(?:{})\b", forms.join("|"))).expect("valid regex")
});

/// The verb forms of [`SAYING`] as plain strings: a sentence without any of them has no match.
static SAYING_LITERALS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::new(SAYING_VERBS.iter().map(|(form, _, _)| *form)).expect("valid literals")
});

/// Words that open the clause a statement is made of: `betonte, dass …`, `fragte, ob …`.
const CLAUSE_WORDS: &[&str] = &[
    "dass",
    "daß",
    "ob",
    "wie",
    "was",
    "warum",
    "weshalb",
    "wieso",
    "wer",
    "wo",
    "wann",
    "inwieweit",
    "welche",
];

/// Finite verbs of the subjunctive that reported speech is written in: `Es sei wichtig …, sagt
/// X`, `… habe sich bewährt, erklärte sie`.
const SUBJUNCTIVE: &[&str] = &[
    "sei", "seien", "habe", "werde", "könne", "müsse", "solle", "wolle", "dürfe", "gebe", "gelte", "gehe",
    "komme", "liege", "stehe", "bleibe", "brauche", "fehle", "zeige", "biete", "wäre", "wären", "hätte",
    "hätten", "würde", "würden", "könnten", "müssten", "sollten",
];

/// Headings that sign the text under them with a person's name.
static SIGNING_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[ \t]*(?:Grußwort|Grusswort|Vorwort|Geleitwort|Statement)[ \t]*(?::[ \t]*|[ \t]+(?:von[ \t]+)?)",
    )
    .expect("valid regex")
});

/// Every reported statement in `text`, in text order: sentences of indirect speech and passages
/// of signed texts. `quotations` are the text's quotation spans: a sentence with a quotation
/// mark outside a short closed one (a name, a slogan) holds a direct quote, perhaps one whose
/// marks do not pair, or its attribution — not reported speech.
pub(super) fn reported_statements(text: &str, quotations: &[Span], people: &People) -> Vec<Quote> {
    let names = QuotedNames::new(
        quotations
            .iter()
            .filter(|span| span.closed && word_count(&quoted_words(text, span)) < MIN_WORDS)
            .map(|span| span.start..span.end),
    );
    let mut statements = Vec::new();
    let mut signed_until = 0;
    let mut line_from = 0;
    for line in text.split_inclusive('\n') {
        let from = line_from;
        line_from += line.len();
        if from < signed_until {
            continue;
        }
        if let Some(signed) = signed_text(text, from, line, people) {
            for (start, passage) in signed.passages {
                statements.push(statement(passage, start, &signed.who));
            }
            signed_until = signed.end;
            continue;
        }
        // A line without a verb of saying holds no sentence with one: it is not split into
        // sentences at all (the sentences are pieces of the line).
        if !SAYING_LITERALS.is_match(line) {
            continue;
        }
        for sentence in sentences(line, from) {
            // Most sentences hold no verb of saying: one literal scan rules them out before the
            // regex with its word boundaries and the quotation test run.
            if !SAYING_LITERALS.is_match(&text[sentence.clone()]) {
                continue;
            }
            if holds_quotation(text, sentence.clone(), &names) {
                continue;
            }
            if let Some(who) = reported_speaker(text, sentence.clone(), people) {
                statements.push(statement(collapse(&text[sentence.clone()]), sentence.start, &who));
            }
        }
    }
    statements
}

/// Whether `sentence` has a double quotation mark that is not part of a short quoted name.
fn holds_quotation(text: &str, sentence: Range<usize>, names: &QuotedNames) -> bool {
    text[sentence.clone()]
        .char_indices()
        .any(|(i, c)| is_double_mark(c) && !names.contains(sentence.start + i))
}

/// The spans of short quoted names (`„Kinderstark“`), answering "is this offset inside one?"
/// by a binary search, so that a text with thousands of them stays linear.
struct QuotedNames {
    /// The spans' starts, ascending.
    starts: Vec<usize>,
    /// For each span in that order, the furthest end of it and all spans before it.
    furthest_end: Vec<usize>,
}

impl QuotedNames {
    fn new(spans: impl Iterator<Item = Range<usize>>) -> QuotedNames {
        let mut spans: Vec<Range<usize>> = spans.collect();
        spans.sort_unstable_by_key(|span| span.start);
        let furthest_end = spans
            .iter()
            .scan(0, |furthest, span| {
                *furthest = span.end.max(*furthest);
                Some(*furthest)
            })
            .collect();
        QuotedNames { starts: spans.iter().map(|span| span.start).collect(), furthest_end }
    }

    /// Whether a span holds `at`: one that starts at or before it reaches beyond it.
    fn contains(&self, at: usize) -> bool {
        let started = self.starts.partition_point(|&start| start <= at);
        started > 0 && self.furthest_end[started - 1] > at
    }
}

fn is_double_mark(c: char) -> bool {
    matches!(c, '„' | '“' | '”' | '"' | '»' | '«')
}

fn statement(words: String, start: usize, who: &Who) -> Quote {
    Quote {
        citation: words.clone(),
        text: words,
        speaker: who.speaker.clone(),
        role: who.role.clone(),
        start,
        truncated: false,
        reported: true,
    }
}

/// The sentences of one line (starting at byte `from` of the text), trimmed.
fn sentences(line: &str, from: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in line.char_indices() {
        if matches!(c, '.' | '!' | '?') && is_sentence_end(line, i) {
            out.push(start..i + 1);
            start = i + 1;
        }
    }
    out.push(start..line.len());
    out.into_iter()
        .filter_map(|r| {
            let s = &line[r.clone()];
            let lead = s.len() - s.trim_start().len();
            let body = s.trim();
            (!body.is_empty()).then(|| from + r.start + lead..from + r.start + lead + body.len())
        })
        .collect()
}

/// The speaker of `sentence` when it is a reported statement of a person.
fn reported_speaker(text: &str, sentence: Range<usize>, people: &People) -> Option<Who> {
    let body = &text[sentence.clone()];
    let words = body.split_whitespace().count();
    if body.ends_with('?') || !(MIN_SENTENCE_WORDS..=MAX_SENTENCE_WORDS).contains(&words) {
        return None;
    }
    for verb in SAYING.find_iter(body) {
        let (at, end) = (sentence.start + verb.start(), sentence.start + verb.end());
        let Some(&(_, particle, takes_object)) = SAYING_VERBS.iter().find(|(form, particle, _)| {
            *form == verb.as_str() && has_particle(&text[end..sentence.end], particle)
        }) else {
            continue;
        };
        let Some((person, subject_end)) = subject(text, &sentence, at, end, people) else { continue };
        let rest = strip_particle(&text[subject_end.max(end)..sentence.end], particle);
        let before = text[sentence.start..at].trim_end();
        // After a comma (`…, betonte X zu Beginn der Tagung`) the statement is the clause
        // before: in the subjunctive it is reported speech, otherwise a quote that lost its
        // marks; what follows the speaker is no object then.
        let after_comma = before.ends_with(',');
        let said = opens_clause(rest)
            || (after_comma && has_subjunctive(before))
            || (!after_comma && takes_object && object_words(rest) >= MIN_OBJECT_WORDS);
        if said {
            let who = resolve(person, at, people);
            return (who.speaker.is_some() || who.role.is_some()).then_some(who);
        }
    }
    None
}

/// The person who is the subject of the verb at `at..end`, and where the subject ends: after
/// the verb (`betonte Landrat X`, `betonte sie`) or at the sentence's start right before it
/// (`Landrat X betonte`, `Sie betonte`).
fn subject(
    text: &str,
    sentence: &Range<usize>,
    at: usize,
    end: usize,
    people: &People,
) -> Option<(Person, usize)> {
    let gap = spaces_at(text, end);
    if at > sentence.start && gap > 0 {
        if let Some((word, word_end)) = word_at(text, end + gap) {
            if let Some(gender) = personal_pronoun(word, false) {
                return pronoun_person(text, at, gender, people).map(|p| (p, word_end));
            }
        }
        if let Some(q) = skip_adverbs(text, end).filter(|&q| !prepositional(&text[end..q])) {
            if let Some(person) = parse_person(text, q, true) {
                if person.end <= sentence.end && is_credible(&person, at, people) {
                    let subject_end = person.end;
                    return Some((person, subject_end));
                }
            }
        }
    }
    let start = subject_start(text, sentence.start, at);
    if let Some((word, word_end)) = word_at(text, start) {
        if word_end + spaces_at(text, word_end) == at {
            if let Some(gender) = personal_pronoun(word, true) {
                let verb = &text[at..end];
                if gender == super::pronouns::Gender::Female && is_plural_verb(verb) {
                    return None;
                }
                return pronoun_person(text, at, gender, people).map(|p| (p, end));
            }
        }
    }
    let person = parse_person(text, start, true)?;
    let adjacent = person.end <= at && text[person.end..at].trim_matches([' ', ',', '\u{a0}']).is_empty();
    (adjacent && is_credible(&person, at, people)).then_some((person, end))
}

/// Prepositions between a verb and a capitalised phrase: `betonte in ihren Grußworten` — the
/// phrase is no subject.
const PREPOSITIONS: &[&str] = &[
    "in",
    "im",
    "am",
    "an",
    "auf",
    "aus",
    "bei",
    "beim",
    "mit",
    "nach",
    "von",
    "vom",
    "vor",
    "zu",
    "zum",
    "zur",
    "über",
    "unter",
    "um",
    "durch",
    "gegen",
    "ohne",
    "seit",
    "bis",
    "für",
    "gegenüber",
    "während",
    "zwischen",
    "neben",
    "hinter",
    "ins",
    "ans",
    "aufs",
];

/// Whether the words between a verb and the phrase after it hold a preposition.
fn prepositional(between: &str) -> bool {
    between.split_whitespace().any(|w| PREPOSITIONS.contains(&w))
}

/// Whether a separable verb's `particle` stands in the rest of its sentence as a word.
fn has_particle(rest: &str, particle: &str) -> bool {
    particle.is_empty() || rest.split(|c: char| !c.is_alphanumeric()).any(|w| w == particle)
}

/// The rest of a sentence without the particle of its separable verb and the words around it
/// that only complete the verb (`darauf hin`, `zu bedenken`).
fn strip_particle<'a>(rest: &'a str, particle: &str) -> &'a str {
    if particle.is_empty() {
        return rest;
    }
    let Some(at) = find_word(rest, particle) else { return rest };
    let after = &rest[at + particle.len()..];
    if after.trim_start_matches(|c: char| c.is_whitespace() || c == '.').is_empty() {
        &rest[..at] // the particle closes the sentence: the object stands before it
    } else {
        after
    }
}

/// Byte offset of `word` as a whole word in `s`.
fn find_word(s: &str, word: &str) -> Option<usize> {
    s.match_indices(word).map(|(i, _)| i).find(|&i| {
        let before = s[..i].chars().next_back();
        let after = s[i + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// `, dass …`, `, ob …`, `: …` or `, es sei …` right after the verb and its subject (a few
/// adverbs between allowed: `betonte sie noch einmal, dass`).
fn opens_clause(rest: &str) -> bool {
    let Some(comma) = rest.find([',', ':']) else { return false };
    if rest[..comma].split_whitespace().count() > 4 {
        return false;
    }
    if rest[comma..].starts_with(':') {
        return rest[comma + 1..].split_whitespace().count() >= MIN_OBJECT_WORDS;
    }
    let clause: Vec<&str> = rest[comma + 1..].split_whitespace().take(6).collect();
    clause.first().is_some_and(|w| CLAUSE_WORDS.contains(&w.to_lowercase().as_str()))
        || clause.iter().any(|w| SUBJUNCTIVE.contains(&w.trim_end_matches([',', '.'])))
}

fn has_subjunctive(clause: &str) -> bool {
    clause.split(|c: char| !c.is_alphabetic()).any(|w| SUBJUNCTIVE.contains(&w))
}

/// The words of an object: the rest of the sentence, its full stop and adverbs aside.
fn object_words(rest: &str) -> usize {
    rest.split_whitespace().filter(|w| w.chars().any(char::is_alphabetic)).count()
}

/// A text under a heading that names its signer.
struct SignedText {
    who: Who,
    /// Start and words of each passage.
    passages: Vec<(usize, String)>,
    /// Where the signed text ends.
    end: usize,
}

/// A line signing the text under it (`Grußwort von Hannelore Kraft`, `Vorwort des Landrats Dr.
/// Klaus Effing`): the person and the passages of the text up to the next heading.
fn signed_text(text: &str, from: usize, line: &str, people: &People) -> Option<SignedText> {
    let heading = line.trim_end();
    if heading.len() > MAX_HEADING_BYTES {
        return None;
    }
    let lead = SIGNING_HEADING.find(heading)?;
    let person = parse_person(text, from + lead.end(), true)?;
    person.name.as_ref()?;
    let after = text.get(person.end..from + heading.len())?;
    if !after.trim_matches(|c: char| c.is_whitespace() || c == ':').is_empty() {
        return None;
    }
    let who = resolve(person, from, people);
    let mut passages = Vec::new();
    let mut paragraphs = 0;
    let mut end = from + line.len();
    let mut p = end;
    for next in text[p..].split_inclusive('\n') {
        let start = p;
        p += next.len();
        let body = next.trim();
        if body.is_empty() {
            continue;
        }
        let is_heading =
            body.len() <= MAX_SUBHEADING_BYTES && !body.ends_with(['.', '!', '?', ':', '"', '“']);
        if is_heading || SIGNING_HEADING.is_match(body) || paragraphs == MAX_SIGNED_PARAGRAPHS {
            break;
        }
        paragraphs += 1;
        let offset = start + (next.len() - next.trim_start().len());
        passages.extend(cut_at_sentences(text, offset, offset + body.len()));
        end = p;
    }
    (!passages.is_empty()).then_some(SignedText { who, passages, end })
}

/// `text[from..to]` in passages of at most [`MAX_SIGNED_BYTES`] (a longer sentence stays
/// whole), cut at sentence ends, whitespace collapsed.
fn cut_at_sentences(text: &str, from: usize, to: usize) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut start = from;
    let mut last_end = from;
    for (i, c) in text[from..to].char_indices() {
        let at = from + i;
        if !(matches!(c, '.' | '!' | '?') && is_sentence_end(text, at)) {
            continue;
        }
        if at + 1 - start > MAX_SIGNED_BYTES && last_end > start {
            out.push((start, collapse(&text[start..last_end])));
            start = last_end + spaces_at(text, last_end);
        }
        last_end = at + 1;
    }
    if to > start {
        out.push((start, collapse(&text[start..to])));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::extract_with_reported;
    use super::QuotedNames;

    #[test]
    fn quoted_names_hold_the_offsets_of_their_spans() {
        let names = QuotedNames::new([30..40, 2..5, 10..25, 12..14].into_iter());
        let held: Vec<usize> = (0..45).filter(|&at| names.contains(at)).collect();
        let expected: Vec<usize> = (2..5).chain(10..25).chain(30..40).collect();
        assert_eq!(held, expected);
        assert!(!QuotedNames::new(std::iter::empty()).contains(0));
    }

    /// (speaker, role, first words) of every reported statement of `text`.
    fn reported(text: &str) -> Vec<(Option<String>, Option<String>, String)> {
        extract_with_reported(text)
            .into_iter()
            .filter(|q| q.reported)
            .map(|q| (q.speaker, q.role, q.text.split_whitespace().take(3).collect::<Vec<_>>().join(" ")))
            .collect()
    }

    #[test]
    fn indirect_speech_of_a_person_is_a_reported_statement() {
        let cases: &[(&str, &str, Option<&str>, &str)] = &[
            (
                "Landrätin Eva Irrgang betonte, dass die Präventionskette allen Kindern im Kreis zugutekommen soll.",
                "Eva Irrgang",
                Some("Landrätin"),
                "Landrätin Eva Irrgang",
            ),
            (
                "Es sei wichtig, früh bei den Familien anzusetzen, sagt Jugendamtsleiterin Petra Schmitz.",
                "Petra Schmitz",
                Some("Jugendamtsleiterin"),
                "Es sei wichtig,",
            ),
            (
                "In seiner Rede hob Bürgermeister Jan Meier die Bedeutung der Familienzentren hervor.",
                "Jan Meier",
                Some("Bürgermeister"),
                "In seiner Rede",
            ),
            (
                "Sozialdezernent Stefan Kühn wies darauf hin, dass die Familienzentren in allen Stadtteilen arbeiten.",
                "Stefan Kühn",
                Some("Sozialdezernent"),
                "Sozialdezernent Stefan Kühn",
            ),
            (
                "Ministerin Diana Stolz eröffnete die Tagung. Frau Stolz betonte in ihren Grußworten die \
                 Bedeutung des gemeinsamen Engagements.",
                "Diana Stolz",
                Some("Ministerin"),
                "Frau Stolz betonte",
            ),
            (
                "Landrat Dr. Klaus Effing begrüßte die Gäste im Kreishaus. Dabei machte er deutlich, dass \
                 Prävention Chefsache bleiben müsse.",
                "Dr. Klaus Effing",
                Some("Landrat"),
                "Dabei machte er",
            ),
            (
                "Landrätin Eva Irrgang lobte die Arbeit des Programms „Kein Kind zurücklassen“ im Kreis.",
                "Eva Irrgang",
                Some("Landrätin"),
                "Landrätin Eva Irrgang",
            ),
        ];
        for &(text, speaker, role, start) in cases {
            let found = reported(text);
            assert_eq!(
                found,
                [(Some(speaker.to_string()), role.map(String::from), start.to_string())],
                "in {text:?}"
            );
        }
    }

    #[test]
    fn groups_institutions_questions_and_direct_quotes_are_no_reported_statements() {
        let cases = [
            // a group: plural verb
            "Städte wie Berlin und Hamburg berichten, dass die Nachfrage nach Familienhebammen steigt.",
            // a document speaks
            "85 Prozent der Familien hießen das Angebot willkommen, heißt es im Jahresbericht des Jugendamtes.",
            // an institution as subject
            "Die Stadt Wuppertal betont, dass die Präventionskette weiter ausgebaut wird.",
            // a question
            "Warum erklärte Landrat Jan Meier nicht, dass die Kosten für die Kitas steigen?",
            // a direct quote and its attribution
            "„Wir wollen kein Kind zurücklassen“, sagte Landrat Jan Meier bei der Eröffnung.",
            // a verb of saying without a statement
            "Bürgermeister Jan Meier berichtete am Montag vor dem Ausschuss in Düren.",
            // a pronoun with no one named before
            "Sie betonte, dass die Angebote in allen Stadtteilen gut angenommen werden.",
            // a direct quote whose closing mark is missing
            "„Das sind keine guten Startchancen für die Kinder im Kreis, betonte Landrat Dr. Klaus \
             Effing zu Beginn des Workshops.",
            // a quote without its marks: the words after the speaker are no object
            "Hier müssen wir handeln, betonte Landrat Dr. Klaus Effing zu Beginn des Workshops im Kreishaus.",
            // a prepositional phrase after the verb is no speaker
            "Gestern betonte in Ihren Grußworten die Bedeutung des gemeinsamen Engagements.",
        ];
        for text in cases {
            assert_eq!(reported(text), [], "in {text:?}");
        }
    }

    #[test]
    fn a_signed_text_is_its_signers_statement_up_to_the_next_heading() {
        let text = "Login\n\nGrußwort von Hannelore Kraft\n\nWer die besten Chancen für alle Kinder schaffen \
                    will, muss neue Wege gehen. Deshalb setzen wir auf Vorbeugung.\n\nPraktisch heißt das: \
                    Wir müssen früh handeln und nicht erst, wenn Kosten entstanden sind.\n\nHannelore Kraft\n\n\
                    Kontakt und Impressum der Landesregierung\n";
        let found = reported(text);
        let kraft = (Some("Hannelore Kraft".to_string()), None, String::new());
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found.iter().all(|(speaker, role, _)| (speaker, role) == (&kraft.0, &kraft.1)));
        assert_eq!(found[0].2, "Wer die besten");
        assert_eq!(found[1].2, "Praktisch heißt das:");
        // A heading that names no person signs nothing.
        assert_eq!(
            reported("Vorwort\n\nDieser Bericht zeigt, wie die Präventionskette im Kreis wirkt.\n"),
            []
        );
    }
}
