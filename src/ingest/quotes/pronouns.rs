//! Pronoun attributions: `„…“, sagt er.`, `Ihr Resümee: „…“`.
//!
//! "er"/"sie" and "sein"/"ihr" show a gender; the pronoun stands for the nearest person of that
//! gender named before the quote, preferably within its paragraph or the last
//! [`RECENT_SENTENCES`] sentences. A plural ("sagen sie") or the polite "Sie" credits no one;
//! "die beiden" (`„…“, so die beiden`, `wie die beiden Frauen vorrechnen`) credits the two people
//! named last.

use super::attribution::{joined, lead_in, subject_start};
use super::marks::Span;
use super::mentions::People;
use super::people::Person;
use super::text::{floor_boundary, line_start, spaces_at, word_at};
use super::words::{
    is_capitalized, CONVICTION_WORDS, POSSESSIVE_VERBS, STATEMENT_NOUNS, VERB_AFTER, VERB_INSIDE,
};
use crate::ingest::german::sentences::is_sentence_end;

/// How far back (bytes) sentences are counted to find the person a pronoun stands for.
const PRONOUN_WINDOW: usize = 1500;
/// A pronoun prefers people named in its paragraph or in this many sentences before the quote.
const RECENT_SENTENCES: usize = 3;
/// Most words after the pronoun in a lead-in like `Dazu sagte er noch einmal:`.
const MAX_PRONOUN_TAIL_WORDS: usize = 5;
/// Most words in a lead-in like `Sein Fazit nach dem Besuch:` (a sentence's worth: `Ihr Resümee
/// nach der Stippvisite im Familienbüro und dem Besuch der Mobilen Kita (MoKi):`).
const MAX_POSSESSIVE_LEAD_WORDS: usize = 16;

/// The grammatical gender a pronoun or role shows: "er", "seine", "Landrat" — "sie", "ihr",
/// "Landrätin".
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Gender {
    Male,
    Female,
}

/// `„…“, sagt er.` — `„…“, betonte sie.` — `„…“, ist sie überzeugt.` — `„…“, lautet seine
/// Überzeugung.` — `„…“, so ihr Fazit.`: the person is the one the pronoun stands for.
pub(super) fn pronoun_after(text: &str, span: &Span, people: &People) -> Option<(Person, usize)> {
    let mut p = span.end + spaces_at(text, span.end);
    if text.get(p..)?.starts_with(',') {
        p += 1;
        p += spaces_at(text, p);
    }
    let (verb, verb_end) = word_at(text, p)?;
    let gap = spaces_at(text, verb_end);
    if gap == 0 {
        return None;
    }
    let (word, word_end) = word_at(text, verb_end + gap)?;
    let (gender, end) = if let Some(gender) = personal_pronoun(word, false) {
        if !is_speech_verb(verb) || (gender == Gender::Female && is_plural_verb(verb)) {
            return None;
        }
        let end = if needs_conviction(verb) { conviction_after(text, word_end)? } else { word_end };
        (gender, end)
    } else {
        let gender = possessive(word, false)?;
        if !POSSESSIVE_VERBS.contains(&verb) || spaces_at(text, word_end) == 0 {
            return None;
        }
        let (noun, noun_end) = word_at(text, word_end + spaces_at(text, word_end))?;
        if !is_statement_noun(noun) {
            return None;
        }
        (gender, noun_end)
    };
    let person = pronoun_person(text, span.start, gender, people)?;
    Some((person, end))
}

/// `Er betonte: „…“` — `Dazu sagte sie noch: „…“` — `Er ist überzeugt: „…“` — `Ihr Resümee:
/// „…“` — `Seine Devise: „…“`: a lead-in whose subject is a pronoun.
pub(super) fn pronoun_before(text: &str, span: &Span, people: &People) -> Option<(Person, usize)> {
    let (body_start, body_end) = lead_in(text, span)?;
    let p = subject_start(text, body_start, body_end);
    let gender =
        pronoun_subject(text, p, body_end).or_else(|| inverted_pronoun(text, body_start, body_end))?;
    let person = pronoun_person(text, span.start, gender, people)?;
    Some((person, span.end))
}

/// A lead-in starting with `Er sagt`, `Sie ist überzeugt` or `Sein Fazit`: the pronoun's gender.
fn pronoun_subject(text: &str, p: usize, body_end: usize) -> Option<Gender> {
    let (first, first_end) = word_at(text, p)?;
    let gap = spaces_at(text, first_end);
    let (second, second_end) =
        word_at(text, first_end + gap).filter(|&(_, end)| gap > 0 && end <= body_end)?;
    let rest = &text[second_end..body_end];
    if let Some(gender) = personal_pronoun(first, true) {
        let singular = gender == Gender::Male || !is_plural_verb(second);
        let convinced = !needs_conviction(second) || rest.split_whitespace().any(is_conviction_word);
        return (second != "so" && is_speech_verb(second) && singular && convinced).then_some(gender);
    }
    let gender = possessive(first, true)?;
    let short = text[p..body_end].split_whitespace().count() <= MAX_POSSESSIVE_LEAD_WORDS;
    (short && is_statement_noun(second)).then_some(gender)
}

/// A lead-in with the pronoun after its verb: `Dazu sagte er:`, `Abschließend betonte sie noch
/// einmal:`.
fn inverted_pronoun(text: &str, body_start: usize, body_end: usize) -> Option<Gender> {
    let body = &text[body_start..body_end];
    for verb in VERB_INSIDE.find_iter(body) {
        let after = body_start + verb.end();
        let gap = spaces_at(text, after);
        let Some((word, end)) = word_at(text, after + gap).filter(|&(_, end)| gap > 0 && end <= body_end)
        else {
            continue;
        };
        let Some(gender) = personal_pronoun(word, false) else { continue };
        let rest = &text[end..body_end];
        let singular = gender == Gender::Male || !is_plural_verb(verb.as_str());
        let convinced = !needs_conviction(verb.as_str()) || body.split_whitespace().any(is_conviction_word);
        let short = rest.split_whitespace().count() <= MAX_PRONOUN_TAIL_WORDS;
        if singular && convinced && short {
            return Some(gender);
        }
    }
    None
}

/// "er"/"sie" (with `capital`, also at a sentence's start) and the gender it shows. A capital
/// "Sie" after a verb is the polite "you", so only lower case is taken there.
pub(super) fn personal_pronoun(word: &str, capital: bool) -> Option<Gender> {
    match word {
        "er" => Some(Gender::Male),
        "sie" => Some(Gender::Female),
        "Er" if capital => Some(Gender::Male),
        "Sie" if capital => Some(Gender::Female),
        _ => None,
    }
}

/// "sein", "seine", "ihr", "ihre" … (with `capital`, also capitalised) and the gender it shows.
fn possessive(word: &str, capital: bool) -> Option<Gender> {
    let lower = if capital { word.to_lowercase() } else { word.to_string() };
    match lower.as_str() {
        "sein" | "seine" | "seiner" | "seines" => Some(Gender::Male),
        "ihr" | "ihre" | "ihrer" | "ihres" => Some(Gender::Female),
        _ => None,
    }
}

fn is_speech_verb(word: &str) -> bool {
    VERB_AFTER.find(word).is_some_and(|m| m.end() == word.len())
}

/// "sagen", "betonten": with "sie" a plural, so not one person's words.
pub(super) fn is_plural_verb(word: &str) -> bool {
    word.ends_with("en")
}

/// "ist", "war", "zeigt(e)" credit a quote only with a word like "überzeugt".
pub(super) fn needs_conviction(verb: &str) -> bool {
    matches!(verb, "ist" | "war" | "zeigt" | "zeigte")
}

fn is_conviction_word(word: &str) -> bool {
    CONVICTION_WORDS.contains(&word.trim_end_matches(['.', ',', ':', ';']))
}

/// After `ist er` / `zeigte sie`: an optional "sich", then a word like "überzeugt"; where it ends.
fn conviction_after(text: &str, pos: usize) -> Option<usize> {
    let mut p = pos + spaces_at(text, pos);
    if let Some((_, end)) = word_at(text, p).filter(|&(w, _)| w == "sich") {
        p = end + spaces_at(text, end);
    }
    let (word, end) = word_at(text, p)?;
    (p > pos && CONVICTION_WORDS.contains(&word)).then_some(end)
}

pub(super) fn is_statement_noun(word: &str) -> bool {
    let lower = word.to_lowercase();
    is_capitalized(word) && STATEMENT_NOUNS.iter().any(|n| lower.ends_with(n))
}

/// `„…“, so die beiden.` — `„…“, sagen die beiden Koordinatorinnen.` — `„…“, wie die beiden
/// Frauen vorrechnen.`: the two people named last before the quote, in its paragraph or the last
/// [`RECENT_SENTENCES`] sentences, speak together (`A; B`).
pub(super) fn the_two_after(text: &str, span: &Span, people: &People) -> Option<(Person, usize)> {
    let mut p = span.end + spaces_at(text, span.end);
    if !text.get(p..)?.starts_with(',') {
        return None;
    }
    p += 1 + spaces_at(text, p + 1);
    let (lead, lead_end) = word_at(text, p)?;
    let plural_verb = lead.ends_with("en") && lead.chars().next().is_some_and(char::is_lowercase);
    if !(matches!(lead, "so" | "wie") || plural_verb) {
        return None;
    }
    let mut q = lead_end + spaces_at(text, lead_end);
    if let Some((_, end)) = word_at(text, q).filter(|(w, _)| *w == "die") {
        q = end + spaces_at(text, end);
    }
    let (_, mut end) = word_at(text, q).filter(|(w, _)| matches!(*w, "beiden" | "beide"))?;
    let gap = spaces_at(text, end);
    if let Some((_, noun_end)) = word_at(text, end + gap).filter(|(w, _)| gap > 0 && is_capitalized(w)) {
        end = noun_end;
    }
    let recent = recent_start(text, span.start);
    let second = people.nearest(span.start, false, |m| m.pos >= recent && !m.name.contains("; "))?;
    let first = people.nearest(span.start, false, |m| {
        m.pos >= recent && m.pos < second.pos && m.name != second.name && !m.name.contains("; ")
    })?;
    let person = Person {
        name: Some(format!("{}; {}", first.name, second.name)),
        role: joined(&first.role, &second.role),
        ..Person::default()
    };
    Some((person, end))
}

/// The person a pronoun before `at` stands for, as an attribution.
pub(super) fn pronoun_person(text: &str, at: usize, gender: Gender, people: &People) -> Option<Person> {
    let m = people.referent(at, recent_start(text, at), gender)?;
    Some(Person { name: Some(m.name.clone()), role: m.role.clone(), ..Person::default() })
}

/// Where the stretch of text a pronoun at `at` most likely refers back into starts: the start of
/// its paragraph or of the [`RECENT_SENTENCES`]th sentence before, whichever is earlier.
fn recent_start(text: &str, at: usize) -> usize {
    let from = floor_boundary(text, at.saturating_sub(PRONOUN_WINDOW));
    let mut ends = Vec::new();
    for (k, c) in text[from..at].char_indices() {
        if matches!(c, '.' | '!' | '?') && is_sentence_end(text, from + k) {
            ends.push(from + k + 1);
        }
    }
    let sentences =
        if ends.len() > RECENT_SENTENCES { ends[ends.len() - RECENT_SENTENCES - 1] } else { from };
    sentences.min(line_start(text, at, PRONOUN_WINDOW))
}
