//! The people a document names, and what they resolve.
//!
//! One pass over the capitalised words collects everyone named with a role, a title or a full
//! name, with the gender the text shows. They resolve short references ("Dr. Effing",
//! "Effing", "der Landrat") to the full name, give a speaker's missing role, and are the
//! candidates a pronoun can stand for. Collected on first use: most documents have no quote
//! that needs them.

use std::collections::HashMap;

use rustc_hash::FxHashMap;

use super::people::{parse_person, Person};
use super::pronouns::{is_plural_verb, personal_pronoun, Gender};
use super::text::{ceil_boundary, line_start, sentence_start, spaces_at, word_at, WINDOW};
use super::words::{
    is_capitalized, is_role_prefix, is_role_word, ARTICLES, HONORIFICS, PARTICLES, TITLES, UNSEXED_ROLES,
};
use crate::analysis::letters;
use crate::ingest::german::offices::names_an_office;
use crate::ingest::german::quotation_marks::is_quotation_mark;
use crate::ingest::german::sentences::is_sentence_end;

/// How many people named before (and after) a quote are looked at to resolve a short reference.
const MAX_LOOKUP: usize = 200;

/// Speaker and role of a quote after resolution.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Who {
    pub(super) speaker: Option<String>,
    pub(super) role: Option<String>,
}

/// A person named somewhere in the document, used to resolve short references and pronouns.
#[derive(Clone, Debug)]
pub(super) struct Mention {
    pub(super) pos: usize,
    pub(super) name: String,
    pub(super) role: Option<String>,
    /// As far as the text shows it.
    pub(super) gender: Option<Gender>,
}

/// Everyone the document names with a role, a title or a full name, for resolving short
/// references and pronouns. One pass over the capitalised words.
fn people_named(text: &str) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut ends = Vec::new();
    let mut next_free = 0;
    // Whether a word names someone by itself, per distinct word: documents repeat their nouns.
    let mut names_alone: FxHashMap<&str, bool> = FxHashMap::default();
    for pos in word_initial_capitals(text) {
        if pos < next_free {
            continue;
        }
        let Some((word, end)) = word_at(text, pos) else { continue };
        // The look-around first: it is cheaper than the word's lookup.
        if !followed_by_name_part(text, end)
            && !*names_alone.entry(word).or_insert_with(|| may_name_alone(word))
        {
            continue;
        }
        let Some(person) = parse_person(text, pos, false) else { continue };
        next_free = person.end;
        let Some(name) = person.name else { continue };
        // Names stand without an article; `der Mobilen Kita`, `die Frankfurter Rundschau`
        // name a thing (an article before a person belongs to a role: `der Landrat X`).
        if person.role.is_none() && !person.titled && after_article(text, pos) {
            continue;
        }
        if person.role.is_some() || person.titled || person.name_words >= 2 {
            let gender = person.role.as_deref().and_then(role_gender).or_else(|| address_gender(&name));
            let role = person.role.and_then(|r| plain_role(&r));
            out.push(Mention { pos, name, role, gender });
            ends.push(person.end);
        }
    }
    infer_genders(text, &mut out, &ends);
    out
}

/// Whether the word before `pos` (in the same sentence) is a definite article.
fn after_article(text: &str, pos: usize) -> bool {
    let before = text[..pos].trim_end_matches(' ');
    let word = before.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    before.len() < pos && ARTICLES.contains(&word)
}

/// The byte offsets of capital letters that begin a word (what `\b\p{Lu}` matches, without
/// a regex's Unicode word-boundary machinery).
fn word_initial_capitals(text: &str) -> impl Iterator<Item = usize> + '_ {
    let mut previous_in_word = false;
    text.char_indices().filter_map(move |(i, c)| {
        let starts = c.is_uppercase() && !previous_in_word;
        previous_in_word = letters::is_alphanumeric(c) || c == '_' || is_mark(c);
        starts.then_some(i)
    })
}

/// Combining marks count as word characters (as in `\b`).
fn is_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}')
}

/// Whether a word may start a mention worth remembering by itself (a cheap test before
/// [`parse_person`], which most capitalised words, nouns, fail): a title or form of address, a
/// role word or what may stand before one.
fn may_name_alone(word: &str) -> bool {
    TITLES.contains(&word) || HONORIFICS.contains(&word) || is_role_prefix(word) || is_role_word(word, true)
}

/// Whether the word ending at `end` is followed by what continues a name: another capitalised
/// word (a first name and a surname), a name particle (`Marc von Krosigk`), a parenthesis
/// (`Heinrichs (SPD)`) or a comma (`Spelthahn, Landrat`).
fn followed_by_name_part(text: &str, end: usize) -> bool {
    let next = end + spaces_at(text, end);
    let rest = &text[next..];
    rest.starts_with(['(', ','])
        || rest.chars().next().is_some_and(char::is_uppercase)
        || PARTICLES.iter().any(|p| rest.starts_with(p) && rest[p.len()..].starts_with(' '))
}

/// The gender a role shows: "Landrätin", "Leiterin des Jugendamtes" — "Landrat", "Dezernent";
/// `None` for "die Vorsitzende", "Leitung" and the like.
fn role_gender(role: &str) -> Option<Gender> {
    head_gender(&role_head(role)?)
}

/// The gender a lower-case role word shows (see [`role_gender`]).
fn head_gender(head: &str) -> Option<Gender> {
    if head.ends_with("in") || head.ends_with("innen") || head.ends_with("frau") || head.ends_with("hebamme")
    {
        Some(Gender::Female)
    } else if UNSEXED_ROLES.iter().any(|r| head.ends_with(r)) {
        None
    } else {
        Some(Gender::Male)
    }
}

/// "Frau Dr. Muster", "Herr Muster".
fn address_gender(name: &str) -> Option<Gender> {
    match name.split_whitespace().next() {
        Some("Frau") => Some(Gender::Female),
        Some("Herr") => Some(Gender::Male),
        _ => None,
    }
}

/// Fills in the gender of people whose role and form of address do not show it: from an "Er"
/// or "Sie" opening the next sentence when they are the only person named in their sentence
/// and no one is named before the pronoun ("Dr. Brigitte Mohn … . Sie ist …"), then from other
/// mentions of the same surname (unless those disagree).
fn infer_genders(text: &str, mentions: &mut [Mention], ends: &[usize]) {
    for k in 0..mentions.len() {
        if mentions[k].gender.is_some() {
            continue;
        }
        let pos = mentions[k].pos;
        let sentence = sentence_start(text, line_start(text, pos, WINDOW), pos);
        if k > 0 && mentions[k - 1].pos >= sentence {
            continue;
        }
        let limit = mentions.get(k + 1).map_or(text.len(), |m| m.pos);
        mentions[k].gender = ends.get(k).and_then(|&end| pronoun_in_next_sentence(text, end, limit));
    }
    let mut by_surname: HashMap<String, Option<Gender>> = HashMap::new();
    for m in mentions.iter() {
        let (Some(gender), Some(surname)) = (m.gender, m.name.split_whitespace().next_back()) else {
            continue;
        };
        let known = by_surname.entry(surname.to_string()).or_insert(Some(gender));
        if *known != Some(gender) {
            *known = None; // two people of one surname
        }
    }
    for m in mentions.iter_mut().filter(|m| m.gender.is_none()) {
        m.gender = m.name.split_whitespace().next_back().and_then(|s| by_surname.get(s).copied().flatten());
    }
}

/// The gender of an "Er" or "Sie" (singular) opening the sentence after the one holding `pos`,
/// if it comes before `limit`.
fn pronoun_in_next_sentence(text: &str, pos: usize, limit: usize) -> Option<Gender> {
    let window = &text[pos..ceil_boundary(text, pos + WINDOW).min(limit)];
    let (k, _) = window
        .char_indices()
        .find(|&(k, c)| c == '\n' || (matches!(c, '.' | '!' | '?') && is_sentence_end(text, pos + k)))?;
    let mut p = pos + k + 1;
    p += text[p..]
        .chars()
        .take_while(|&c| is_quotation_mark(c) || c == ')')
        .map(char::len_utf8)
        .sum::<usize>();
    p += spaces_at(text, p);
    let (word, end) = word_at(text, p).filter(|&(_, end)| end <= limit)?;
    let gender = personal_pronoun(word, true).filter(|_| is_capitalized(word))?;
    let gap = spaces_at(text, end);
    let (verb, _) = word_at(text, end + gap).filter(|_| gap > 0)?;
    let singular = gender == Gender::Male || !(is_plural_verb(verb) || verb == "sind");
    (singular && verb.chars().next().is_some_and(char::is_lowercase)).then_some(gender)
}

/// A role as it can stand in an attribution: "Landrat" as is, a lone genitive ("des
/// Verwaltungsvorstands Karl-Eitel John") in the nominative, other inflected forms not at all.
fn plain_role(role: &str) -> Option<String> {
    if role.split_whitespace().any(|w| is_role_word(w, false)) {
        return Some(role.to_string());
    }
    let word = role.strip_suffix("es").or_else(|| role.strip_suffix('s'))?;
    (!word.contains(' ') && is_role_word(word, false)).then(|| word.to_string())
}

/// Completes a quote's speaker and role from the people named in the document: a short name
/// ("Dr. Effing", "Effing") becomes the full one, a role alone ("der Landrat") the person named
/// with that role earlier, and a missing role is taken from where the person is named with one.
pub(super) fn resolve(person: Person, at: usize, people: &People) -> Who {
    let mut speaker = person.name;
    let mut role = person.role;
    match &speaker {
        Some(name) => {
            let short = ShortName::new(name);
            if let Some(full) = people.nearest(at, true, |m| short.is_extended_by(&m.name)) {
                speaker = Some(full.name.clone());
            }
        }
        None => {
            // The person named with that role before, else right after (`sagte die
            // Ministerpräsidentin. Ministerpräsidentin Hannelore Kraft lobte …`).
            if let Some(head) = role.as_deref().and_then(role_head) {
                speaker = people
                    .nearest(at, true, |m| {
                        (m.pos < at || m.pos - at <= MAX_ROLE_THEN_NAME)
                            && m.role.as_deref().and_then(role_head).is_some_and(|h| same_role(&h, &head))
                    })
                    .map(|m| m.name.clone());
                // An epithet (`der Verwaltungschef`, `das Stadtoberhaupt`) stands for the office
                // holder named before: the speaker, in that office.
                if speaker.is_none() {
                    if let Some(offices) = epithet_offices(&head) {
                        let holder = people.nearest(at, false, |m| {
                            m.role
                                .as_deref()
                                .and_then(role_head)
                                .is_some_and(|h| offices.iter().any(|o| h.ends_with(o)))
                        });
                        if let Some(holder) = holder {
                            speaker = Some(holder.name.clone());
                            role = holder.role.clone();
                        }
                    }
                }
                // An epithet that names no office (`so der grüne Sozialpolitiker`) refers back to
                // the person quoted last: the speaker, with the role given there.
                if speaker.is_none() {
                    if let Some(previous) = epithet_antecedent(people, at, &head) {
                        speaker = Some(previous.name.clone());
                        role = previous.role.clone().or(role);
                    }
                }
            }
        }
    }
    let role = role.or_else(|| {
        let name = speaker.as_deref()?;
        people.nearest(at, true, |m| m.role.is_some() && m.name == name).and_then(|m| m.role.clone())
    });
    Who { speaker, role }
}

/// How far after a quote credited to a role alone the person with that role may be named.
const MAX_ROLE_THEN_NAME: usize = 400;

/// How far before a quote credited to an epithet the previous quote may start (about two
/// paragraphs of a news item).
const MAX_EPITHET_REACH: usize = 1500;

/// The person an epithet that names no office refers back to (`„…“, sagt Karl Boland. … „…“,
/// so der grüne Sozialpolitiker`): the speaker of the quote before, when it starts at most
/// [`MAX_EPITHET_REACH`] before, no one else is named since, and the epithet's gender fits. An
/// office (`der Landrat`) is never taken for someone in another office: it stays a role.
fn epithet_antecedent<'p>(people: &'p People, at: usize, head: &str) -> Option<&'p Mention> {
    if names_an_office(head) {
        return None;
    }
    let previous = people.last_speaker_before(at)?;
    if at - previous.pos > MAX_EPITHET_REACH {
        return None;
    }
    if people.nearest(at, false, |m| m.pos > previous.pos && m.name != previous.name).is_some() {
        return None;
    }
    let fits = match (head_gender(head), previous.gender) {
        (Some(epithet), Some(person)) => epithet == person,
        _ => true,
    };
    fits.then_some(previous)
}

/// The people of a document: those named in the text (found on first use: most documents
/// need no one resolved) and the speakers of the quotes found so far, each list in text order.
pub(super) struct People<'t> {
    text: &'t str,
    named: std::cell::OnceCell<Vec<Mention>>,
    speakers: Vec<Mention>,
}

impl<'t> People<'t> {
    pub(super) fn new(text: &'t str) -> People<'t> {
        People { text, named: std::cell::OnceCell::new(), speakers: Vec::new() }
    }

    /// Remembers the speaker of a quote found: a later pronoun or short reference may stand for
    /// them. Speakers are added in text order.
    pub(super) fn add_speaker(&mut self, speaker: Mention) {
        self.speakers.push(speaker);
    }

    fn named(&self) -> &[Mention] {
        self.named.get_or_init(|| people_named(self.text))
    }

    /// The speaker of the last quote that starts before `at`.
    fn last_speaker_before(&self, at: usize) -> Option<&Mention> {
        self.speakers.iter().rev().find(|m| m.pos < at)
    }

    /// The mention nearest before `at` that satisfies `pred`; with `or_later`, else the nearest
    /// after. Looks at no more than [`MAX_LOOKUP`] mentions each way in each list.
    pub(super) fn nearest(
        &self,
        at: usize,
        or_later: bool,
        pred: impl Fn(&Mention) -> bool,
    ) -> Option<&Mention> {
        let mut before: Option<&Mention> = None;
        let mut after: Option<&Mention> = None;
        for list in [self.named(), &self.speakers] {
            let split = list.partition_point(|m| m.pos < at);
            if let Some(m) = list[..split].iter().rev().take(MAX_LOOKUP).find(|m| pred(m)) {
                if before.is_none_or(|b| m.pos > b.pos) {
                    before = Some(m);
                }
            }
            if let Some(m) = list[split..].iter().take(MAX_LOOKUP).find(|m| pred(m)) {
                if after.is_none_or(|a| m.pos < a.pos) {
                    after = Some(m);
                }
            }
        }
        before.or(if or_later { after } else { None })
    }

    /// The person a pronoun of `gender` before `at` stands for: the nearest of that gender named
    /// since `recent`, else the nearest of unknown gender since then, else the same before.
    pub(super) fn referent(&self, at: usize, recent: usize, gender: Gender) -> Option<&Mention> {
        let fits = |m: &Mention| m.gender == Some(gender);
        let open = |m: &Mention| m.gender.is_none();
        self.nearest(at, false, |m| m.pos >= recent && fits(m))
            .or_else(|| self.nearest(at, false, |m| m.pos >= recent && open(m)))
            .or_else(|| self.nearest(at, false, fits))
            .or_else(|| self.nearest(at, false, open))
    }

    /// The gender of a speaker: from the role, else from where the text names the person.
    pub(super) fn gender_of(&self, name: &str, role: Option<&str>, at: usize) -> Option<Gender> {
        role.and_then(role_gender).or_else(|| address_gender(name)).or_else(|| {
            let short = ShortName::new(name);
            self.nearest(at, true, |m| {
                m.gender.is_some() && (m.name == name || short.is_extended_by(&m.name))
            })
            .and_then(|m| m.gender)
        })
    }

    /// The people the text names in `from..to`, in text order.
    pub(super) fn named_in(&self, from: usize, to: usize) -> &[Mention] {
        let named = self.named();
        let first = named.partition_point(|m| m.pos < from);
        let last = named.partition_point(|m| m.pos < to);
        &named[first..last]
    }

    /// Whether the text names someone in `from..to`.
    pub(super) fn named_between(&self, from: usize, to: usize) -> bool {
        let named = self.named();
        let first = named.partition_point(|m| m.pos < from);
        named.get(first).is_some_and(|m| m.pos < to)
    }
}

/// A short name ("Dr. Effing", "Effing") to find the longer forms of among the names a document
/// gives. A quote's speaker is tried against hundreds of them, so its surname and words are
/// split once.
pub(super) struct ShortName<'a> {
    surname: &'a str,
    words: Vec<&'a str>,
}

impl<'a> ShortName<'a> {
    pub(super) fn new(short: &'a str) -> ShortName<'a> {
        ShortName { surname: short.split_whitespace().next_back().unwrap_or(""), words: name_words(short) }
    }

    /// Whether `full` is a longer form of this name: the same surname, and every word of this
    /// name (title included) in it. Forms of address ("Frau") are ignored.
    pub(super) fn is_extended_by(&self, full: &str) -> bool {
        // The cheap test first: most names differ in the surname, `full`'s last word.
        let full_trimmed = full.trim_end();
        let Some(before_surname) = full_trimmed.strip_suffix(self.surname) else {
            return false;
        };
        if self.surname.is_empty() || !before_surname.chars().next_back().is_none_or(char::is_whitespace) {
            return false;
        }
        let full_words = || full.split_whitespace().filter(|w| !HONORIFICS.contains(w));
        !self.words.is_empty()
            && full_words().count() > self.words.len()
            && self.words.iter().all(|w| full_words().any(|f| f == *w))
    }
}

fn name_words(name: &str) -> Vec<&str> {
    name.split_whitespace().filter(|w| !HONORIFICS.contains(w)).collect()
}

/// The role word of a role phrase, lower case: "grüne Sozialpolitiker" → "sozialpolitiker".
fn role_head(role: &str) -> Option<String> {
    role.split_whitespace().find(|w| is_role_word(w, false)).map(str::to_lowercase)
}

/// The offices a journalistic epithet stands for: the head of a town's or a Kreis's
/// administration (`Verwaltungschef`, `Rathauschefin`, `Stadtoberhaupt`, `Kreischef`) and of a
/// Land's government (`Regierungschefin`, `Landesvater`).
fn epithet_offices(head: &str) -> Option<&'static [&'static str]> {
    const LOCAL: &[&str] = &["bürgermeister", "bürgermeisterin", "landrat", "landrätin"];
    const LAND: &[&str] = &["ministerpräsident", "ministerpräsidentin"];
    let base = head.strip_suffix("in").unwrap_or(head);
    match base {
        "verwaltungschef" | "rathauschef" | "stadtoberhaupt" | "stadtchef" | "kreischef" => Some(LOCAL),
        "regierungschef" | "landesvater" | "landesmutter" | "landeschef" => Some(LAND),
        _ => None,
    }
}

/// "familienministerin" and "ministerin" name the same office; so do "landrat" and "landrat".
fn same_role(a: &str, b: &str) -> bool {
    a == b
        || a.ends_with(&format!("-{b}"))
        || b.ends_with(&format!("-{a}"))
        || a.ends_with(b)
        || b.ends_with(a)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_name_is_extended_by_longer_forms_with_its_surname() {
        // (full, short, whether full extends short)
        let cases = [
            ("Dr. Christian Effing", "Effing", true),
            ("Dr. Christian Effing", "Dr. Effing", true),
            ("Frau Dr. Anna Berg", "Frau Berg", true),
            ("Christian Effing", "Christian Effing", false),
            ("Dr. Christian Effing", "Prof. Effing", false),
            ("Anna Bergmann", "Berg", false),
            ("Anna Berg ", "Berg", true),
            ("Frau Berg", "Berg", false),
            ("Anna Berg", "", false),
        ];
        for (full, short, expected) in cases {
            assert_eq!(ShortName::new(short).is_extended_by(full), expected, "{full:?} extends {short:?}");
        }
    }
}
