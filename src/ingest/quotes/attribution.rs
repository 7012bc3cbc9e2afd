//! Attribution strategies: where the person a quote is credited to is named.
//!
//! Each strategy looks at a bounded stretch next to one quotation and returns the person and
//! where the attribution ends: after the closing mark ([`after_quote`]), on the line below
//! ([`signature_below`]), in a lead-in ending with a colon ([`before_quote`]), in the next
//! sentence with a demonstrative ([`next_sentence`]), or as the continuation of the previous
//! attributed quote ([`continuation`]). Pronoun attributions are in `pronouns`.

use super::marks::{ends_like_sentence, Span};
use super::mentions::{People, ShortName, Who};
use super::people::{parse_person, Person};
use super::pronouns::{is_statement_noun, needs_conviction};
use super::text::{
    ceil_boundary, floor_boundary, line_end, line_start, rest_of_line_is_empty, sentence_start, spaces_at,
    word_at, WINDOW,
};
use super::words::{
    is_capitalized, ARTICLES, CONVICTION_WORDS, DEMONSTRATIVE, LEAD_INS, NOT_A_SPEAKER, TITLE_NOUNS,
    VERB_AFTER, VERB_INSIDE,
};
use super::Previous;
use crate::ingest::german::quotation_marks::closes_double;
use crate::ingest::german::template::starts_with_quote_word;

/// Longest signature line below a quote.
const MAX_SIGNATURE_CHARS: usize = 120;
/// Longest text between an attributed quote and a continuation that takes its speaker.
const MAX_CONTINUATION_GAP: usize = 400;
/// Longest parenthesis after a quote or name that is read as an attribution or party.
pub(super) const MAX_PARENTHESIS_BYTES: usize = 120;

/// `„…“, so X, Rolle.` — `„…“, betonte Landrat X` — `„…“ (Landrat X)` — `„…“ – Landrat X`.
/// Returns the person and where the attribution ends.
pub(super) fn after_quote(text: &str, span: &Span, people: &People) -> Option<(Person, usize)> {
    let mut p = span.end + spaces_at(text, span.end);
    let rest = text.get(p..)?;
    if rest.starts_with('(') {
        let person = parenthesis(text, p, label_above(text, span.start))?;
        let end = person.end;
        return Some((person, end));
    }
    if let Some(dash) = ["– ", "— ", "- "].iter().find(|d| rest.starts_with(**d)) {
        let q = p + dash.len() + spaces_at(text, p + dash.len());
        let person = parse_person(text, q, false)?;
        let signed =
            person.name.is_some() && (person.role.is_some() || person.titled || person.name_words >= 2);
        return (signed && rest_of_line_is_empty(text, person.end)).then(|| {
            let end = person.end;
            (person, end)
        });
    }
    let comma = rest.starts_with(',');
    if comma {
        p += 1;
        p += spaces_at(text, p);
        // The attribution may go on in the next line (`»…«,⏎stellt David Schmitt fest`).
        if text[p..].starts_with('\n') {
            p += 1 + spaces_at(text, p + 1);
        }
    }
    // `needs_two`: a plural verb known by its form alone (`rechnen … vor`) needs the people it
    // speaks of.
    let (verb, end, needs_two) = match VERB_AFTER.find(text.get(p..)?) {
        Some(verb) => (verb.as_str(), p + verb.end(), false),
        // A verb no list knows, by its form, with the person right after it (`„…“, präzisiert
        // Bürgermeister X`): the place after the comma that closes a quote makes it one of saying.
        None if comma => match finite_verb_at(text, p) {
            Some((verb, end)) => (verb, end, false),
            None => plural_verb_at(text, p).map(|(verb, end)| (verb, end, true))?,
        },
        None => return None,
    };
    let q = skip_adverbs(text, end)?;
    let person = parse_person(text, q, true).filter(|p| is_credible(p, span.start, people))?;
    let person = with_joint_speaker(text, person, span.start, people);
    if needs_two && !person.name.as_deref().is_some_and(|name| name.contains("; ")) {
        return None;
    }
    if needs_conviction(verb) {
        let r = person.end + spaces_at(text, person.end);
        let (word, _) = word_at(text, r)?;
        if !CONVICTION_WORDS.contains(&word) {
            return None;
        }
    }
    let end = person.end;
    Some((person, end))
}

/// A lower-case word at `p` with the form of a finite verb in the third person, present or past
/// (`präzisiert`, `nannte`), that is none of the common words ending so (`nicht`, `jetzt`).
fn finite_verb_at(text: &str, p: usize) -> Option<(&str, usize)> {
    lower_word_at(text, p, MIN_VERB_CHARS, &["t", "te"]).filter(|(word, _)| !NOT_VERBS.contains(word))
}

/// A lower-case word at `p` with the form of a finite verb in the third person plural
/// (`rechnen`, `bekräftigen`); only taken with two people named after it.
fn plural_verb_at(text: &str, p: usize) -> Option<(&str, usize)> {
    lower_word_at(text, p, MIN_VERB_CHARS + 2, &["en"])
}

/// The word at `p` when it is all letters, lower case, at least `min_chars` long and ends with
/// one of `endings`.
fn lower_word_at<'t>(
    text: &'t str,
    p: usize,
    min_chars: usize,
    endings: &[&str],
) -> Option<(&'t str, usize)> {
    let (word, end) = word_at(text, p)?;
    let form = word.chars().count() >= min_chars
        && word.chars().all(char::is_alphabetic)
        && word.chars().next().is_some_and(char::is_lowercase)
        && endings.iter().any(|e| word.ends_with(e));
    form.then_some((word, end))
}

/// Fewest letters of a verb recognised by its form alone.
const MIN_VERB_CHARS: usize = 4;

/// Common words with a finite verb's ending that are no verbs.
const NOT_VERBS: &[&str] = &[
    "nicht",
    "jetzt",
    "seit",
    "erst",
    "meist",
    "fast",
    "zuletzt",
    "zuerst",
    "bereits",
    "sonst",
    "heute",
    "bitte",
    "mitte",
    "gute",
    "beste",
    "erste",
    "letzte",
    "zweite",
    "dritte",
    "rechte",
    "echte",
    "leichte",
    "weit",
    "bereit",
    "gesamt",
    "selbst",
    "insgesamt",
    "samt",
    "mitunter",
    "stets",
    "längst",
    "nächste",
    "beinahe",
];

/// `… sagen Landrätin Eva Irrgang und Bürgermeister Jan Meier`: a second person joined by "und"
/// speaks too; both names are kept, separated by "; " (their roles likewise, when both have one).
fn with_joint_speaker(text: &str, first: Person, at: usize, people: &People) -> Person {
    let gap = spaces_at(text, first.end);
    let Some((_, end)) = word_at(text, first.end + gap).filter(|(w, _)| *w == "und") else { return first };
    if gap == 0 || first.name.is_none() {
        return first;
    }
    let q = end + spaces_at(text, end);
    let Some(second) = parse_person(text, q, true).filter(|p| p.name.is_some() && is_credible(p, at, people))
    else {
        return first;
    };
    // A plural role before both names is each one's (`die Koordinatorinnen A und B`).
    let shared = first.role.as_deref().filter(|_| second.role.is_none()).and_then(singular_role);
    let role = match shared {
        Some(each) => Some(format!("{each}; {each}")),
        None => joined(&first.role, &second.role),
    };
    Person {
        name: joined(&first.name, &second.name),
        role,
        end: second.end,
        titled: first.titled || second.titled,
        name_words: first.name_words.min(second.name_words),
    }
}

/// Two speakers' names (or roles) as one joint value `a; b`; `None` unless both have one.
pub(super) fn joined(a: &Option<String>, b: &Option<String>) -> Option<String> {
    match (a, b) {
        (Some(a), Some(b)) => Some(format!("{a}; {b}")),
        _ => None,
    }
}

/// The singular of a plural role for women and mixed groups (`Koordinatorinnen` →
/// `Koordinatorin`), the rest of the role kept; `None` for a role in the singular.
fn singular_role(role: &str) -> Option<String> {
    let mut plural = false;
    let words: Vec<String> = role
        .split(' ')
        .filter(|w| !matches!(*w, "beiden" | "zwei" | "drei"))
        .map(|w| match w.strip_suffix("innen").filter(|_| is_capitalized(w) && !plural) {
            Some(stem) => {
                plural = true;
                format!("{stem}in")
            }
            None => w.to_string(),
        })
        .collect();
    plural.then(|| words.join(" "))
}

/// After a speech verb: skips up to three lower-case words ("sich", "anschließend") to where
/// the person starts; `None` when a pronoun or conjunction says the person is not named.
pub(super) fn skip_adverbs(text: &str, mut q: usize) -> Option<usize> {
    for _ in 0..4 {
        let gap = spaces_at(text, q);
        if gap == 0 {
            return None;
        }
        let (word, end) = word_at(text, q + gap)?;
        let lower = word.chars().next().is_some_and(char::is_lowercase);
        if !lower || ARTICLES.contains(&word) {
            return Some(q + gap);
        }
        if NOT_A_SPEAKER.contains(&word) {
            return None;
        }
        q = end;
    }
    None
}

/// A signature on the line below a quote that ends its line: `Wolfgang Spelthahn, Landrat`,
/// `(Landrat Dr. Christian Schulze Pellengahr)`, `– Bürgermeister Hans Meier`, `Dr. Klaus Effing`.
pub(super) fn signature_below(text: &str, span: &Span) -> Option<(Person, usize)> {
    if !rest_of_line_is_empty(text, span.end) {
        return None;
    }
    let mut start = line_end(text, span.end, WINDOW) + 1;
    for _ in 0..2 {
        let line = text.get(start..line_end(text, start, WINDOW))?;
        if !line.trim().is_empty() {
            break;
        }
        start += line.len() + 1; // at most one blank line between quote and signature
    }
    let end = line_end(text, start, WINDOW);
    let line = text.get(start..end)?;
    if line.trim().is_empty() || line.trim().chars().count() > MAX_SIGNATURE_CHARS {
        return None;
    }
    let mut p = start + (line.len() - line.trim_start().len());
    for dash in ["– ", "— ", "- "] {
        if text[p..].starts_with(dash) {
            p += dash.len();
            p += spaces_at(text, p);
        }
    }
    let person = if text[p..].starts_with('(') {
        parenthesis(text, p, label_above(text, span.start))?
    } else {
        // A bare name signs only with a title or below a "ZITAT" label; "Lisa Muster" alone may
        // as well be the contact person of a profile page.
        let person = parse_person(text, p, false)?;
        let signed = person.name.is_some()
            && (person.role.is_some() || person.titled || label_above(text, span.start));
        if !signed {
            return None;
        }
        person
    };
    rest_of_line_is_empty(text, person.end).then(|| {
        let end = person.end;
        (person, end)
    })
}

/// `(Landrat Dr. Sommer)` at `p`: a person and nothing else in parentheses. Below a "ZITAT"
/// label (`any_name`) a bare name counts; otherwise it needs a role, a title or two words.
fn parenthesis(text: &str, p: usize, any_name: bool) -> Option<Person> {
    let window = text.get(p..ceil_boundary(text, p + MAX_PARENTHESIS_BYTES))?;
    let close = window.find(')')?;
    if window[..close].contains('\n') {
        return None;
    }
    let inner = p + 1 + spaces_at(text, p + 1);
    let mut person = parse_person(text, inner, false)?;
    let after = person.end + spaces_at(text, person.end);
    if after != p + close {
        return None;
    }
    let credited = match &person.name {
        Some(_) => person.role.is_some() || person.titled || person.name_words >= 2 || any_name,
        None => person.role.is_some(),
    };
    person.end = p + close + 1;
    credited.then_some(person)
}

/// A person standing alone on the line above a quote that opens its line, as a heading (a
/// profile's quote block, a brochure's statements): `Landrat Dr. Christian Schulze Pellengahr`,
/// `Eva Roth, Bürgermeisterin`, with at most one blank line between. The person needs a role or
/// a title, or a "ZITAT" label above.
pub(super) fn heading_above(text: &str, span: &Span) -> Option<(Person, usize)> {
    let ls = line_start(text, span.start, WINDOW);
    if !text[ls..span.start].trim().is_empty() {
        return None;
    }
    let (start, line) = line_above(text, span.start, 2)?;
    let p = start + (line.len() - line.trim_start().len());
    let person = parse_person(text, p, false)?;
    let whole_line = person.end == start + line.trim_end().len();
    let signed =
        person.name.is_some() && (person.role.is_some() || person.titled || label_above(text, start));
    (whole_line && signed).then_some((person, span.end))
}

/// Whether the line above the quote's line (blank lines skipped) is a "ZITAT …" label.
fn label_above(text: &str, pos: usize) -> bool {
    line_above(text, pos, 3).is_some_and(|(_, line)| starts_with_quote_word(line))
}

/// The first line that is not blank above the line holding `pos`, looking at most `lines`
/// lines up, with where it starts; `None` at the text's start or above a line longer than the
/// window (its start is not known).
fn line_above(text: &str, pos: usize, lines: usize) -> Option<(usize, &str)> {
    let mut end = line_start(text, pos, WINDOW);
    for _ in 0..lines {
        if end == 0 || text.as_bytes()[end - 1] != b'\n' {
            return None;
        }
        let start = line_start(text, end - 1, WINDOW);
        let line = &text[start..end - 1];
        if !line.trim().is_empty() {
            return Some((start, line));
        }
        end = start;
    }
    None
}

/// A lead-in ending with a colon right before the quote (or at the end of the line above a
/// quote that opens its line): `Landrat X: „…“`, `Oberbürgermeister X sagt: „…“`,
/// `Für Landrat X ist …: „…“`, `… betonte Familienministerin X:`. The person must be the
/// lead-in's subject (at its start) or follow a speech verb in it.
pub(super) fn before_quote(text: &str, span: &Span, people: &People) -> Option<(Person, usize)> {
    let (body_start, body_end) = lead_in(text, span)?;
    let body = &text[body_start..body_end];
    let last_word = body.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    if TITLE_NOUNS.contains(&last_word) {
        return None;
    }
    // The subject at the lead-in's start, after a bullet or a word like "Für".
    let p = subject_start(text, body_start, body_end);
    if let Some(person) = parse_person(text, p, true) {
        if person.end <= body_end && is_credible(&person, span.start, people) {
            return Some((with_joint_speaker(text, person, span.start, people), span.end));
        }
    }
    // Or the person after a speech verb: "… betonte Familienministerin Kristin Alheit:".
    for verb in VERB_INSIDE.find_iter(body) {
        let Some(q) = skip_adverbs(text, body_start + verb.end()) else { continue };
        if let Some(person) = parse_person(text, q, true) {
            if person.end <= body_end && is_credible(&person, span.start, people) {
                return Some((person, span.end));
            }
        }
    }
    // Or after a verb no list knows, by its form, when the person closes the lead-in: "Als
    // Ziel nannte die Ministerin Ute Schäfer:".
    lead_in_verb_by_form(text, body_start, body_end)
        .and_then(|q| parse_person(text, q, true))
        .filter(|person| person.end == body_end && is_credible(person, span.start, people))
        .map(|person| (person, span.end))
}

/// Where the person starts after the first word of a lead-in with a finite verb's form that
/// a capitalised word or an article follows.
fn lead_in_verb_by_form(text: &str, body_start: usize, body_end: usize) -> Option<usize> {
    let words = word_spans(&text[body_start..body_end]);
    words.windows(2).find_map(|pair| {
        let ((at, _), (next_at, next)) = (pair[0], pair[1]);
        let (_, end) = finite_verb_at(text, body_start + at)?;
        let follows = body_start + next_at == end + spaces_at(text, end) && end < body_start + next_at;
        let person_like = next.chars().next().is_some_and(char::is_uppercase) || ARTICLES.contains(&next);
        (follows && person_like).then_some(body_start + next_at)
    })
}

/// The lead-in before a quote, without its colon: the sentence before the opening mark on its
/// line, or the line above when the quote opens its line. `None` without a colon.
pub(super) fn lead_in(text: &str, span: &Span) -> Option<(usize, usize)> {
    let open = span.start;
    let ls = line_start(text, open, WINDOW);
    let before = &text[ls..open];
    let (from, to) = if before.trim_matches(|c: char| c.is_whitespace() || "-–•*".contains(c)).is_empty()
    {
        if ls == 0 {
            return None;
        }
        let to = ls - 1;
        (sentence_start(text, line_start(text, to, WINDOW), to), to)
    } else {
        (sentence_start(text, ls, open), open)
    };
    let seg = text[from..to].trim_end();
    let body = seg.strip_suffix(':')?.trim_end();
    if body.is_empty() {
        return None;
    }
    let body_start = from + (seg.len() - seg.trim_start().len());
    Some((body_start, body_start + body.trim_start().len()))
}

/// Where the subject of a lead-in starts: after a bullet, a page number (a table of contents:
/// `12 Ministerin Ute Schäfer: „…“`) and a word like "Für" or "Dazu".
pub(super) fn subject_start(text: &str, body_start: usize, body_end: usize) -> usize {
    let body = &text[body_start..body_end];
    let mut p = body_start + (body.len() - body.trim_start_matches(['-', '–', '•', '*', ' ']).len());
    let digits =
        text[p..body_end].len() - text[p..body_end].trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits > 0 && digits <= 4 && spaces_at(text, p + digits) > 0 {
        p += digits + spaces_at(text, p + digits);
    }
    if let Some((word, end)) = word_at(text, p) {
        if LEAD_INS.contains(&word) && spaces_at(text, end) > 0 {
            p = end + spaces_at(text, end);
        }
    }
    p
}

/// `„…“. Dieses Resümee zieht Jugenddezernent X.` — `„…“ Das sagte Landrat X.` — `„…“. Das
/// betonte die Ministerin.`: the sentence right after the quote credits it with a demonstrative.
pub(super) fn next_sentence(text: &str, span: &Span, people: &People) -> Option<(Person, usize)> {
    let mut p = span.end;
    if text.get(p..)?.starts_with('.') {
        p += 1;
    } else if !text[..span.inner_end].trim_end().ends_with(['.', '!', '?', '…']) {
        return None; // the sentence goes on after the quote
    }
    let gap = spaces_at(text, p);
    if gap == 0 {
        return None;
    }
    let caps = DEMONSTRATIVE.captures(text.get(p + gap..)?)?;
    let verb = caps.get(2)?;
    match caps.get(1) {
        Some(noun) if !is_statement_noun(noun.as_str()) => return None,
        None if matches!(verb.as_str(), "zieht" | "zog") => return None,
        _ => {}
    }
    let q = skip_adverbs(text, p + gap + verb.end())?;
    let person = parse_person(text, q, true).filter(|p| is_credible(p, span.start, people))?;
    let end = person.end;
    Some((person, end))
}

/// `In seiner Antwort betont Mucke die Zusammenarbeit mit vielen Partnern. „Wir betrachten …“`:
/// a quote that opens a sentence, right after a sentence of the same paragraph in which a speech
/// verb introduces a person (after the verb, or as the sentence's subject before it).
pub(super) fn previous_sentence(text: &str, span: &Span, people: &People) -> Option<(Person, usize)> {
    let ls = line_start(text, span.start, WINDOW);
    let before = text[ls..span.start].trim_end();
    let (to, from) = if before.is_empty() {
        // The quote opens its line: the sentence must end the line above, in the same paragraph.
        let above_end = ls.checked_sub(1)?;
        let above_start = line_start(text, above_end, WINDOW);
        if text[above_start..above_end].trim().is_empty() {
            return None;
        }
        (above_end, above_start)
    } else if before.ends_with(['.', '!', '?']) {
        (ls + before.len(), ls)
    } else {
        return None;
    };
    let body_end = text[..to].trim_end().len();
    if !text[..body_end].ends_with(['.', '!', '?']) {
        return None;
    }
    let start = sentence_start(text, from, body_end - 1);
    let body = &text[start..body_end];
    if body.contains(['„', '“', '"', '»', '«']) {
        return None; // the sentence holds a quote of its own
    }
    for verb in VERB_INSIDE.find_iter(body) {
        let Some(q) = skip_adverbs(text, start + verb.end()) else { continue };
        if let Some(person) = parse_person(text, q, true) {
            if person.end <= body_end && is_credible(&person, span.start, people) {
                return Some((person, span.end));
            }
        }
    }
    let subject = subject_start(text, start + (body.len() - body.trim_start().len()), body_end);
    let person = parse_person(text, subject, true).filter(|p| is_credible(p, span.start, people))?;
    // A name read past the sentence's end (found by random inputs) has no verb inside it.
    let after_person = text.get(person.end..body_end)?;
    VERB_INSIDE.is_match(after_person).then_some((person, span.end))
}

/// Longest sentence after a quote that is searched for a demonstrative reference to it.
const MAX_REFERRING_SENTENCE: usize = 400;

/// `„…“⏎⏎Als Ministerpräsidentin X vor der Presse dieses Fazit zog, war Landrat Y dabei.` —
/// `„…“ Mit diesen Worten eröffnete Landrätin X die Konferenz.`: the sentence after the quote
/// (also in the next paragraph) refers to it with a demonstrative and a statement noun, and the
/// person named in the same clause (between the commas around the reference) said it.
pub(super) fn referring_clause(text: &str, span: &Span, people: &People) -> Option<(Person, usize)> {
    if !text[..span.inner_end].trim_end().ends_with(['.', '!', '?', '…'])
        && !text.get(span.end..)?.starts_with('.')
    {
        return None; // the sentence goes on after the quote
    }
    let after = span.end + usize::from(text[span.end..].starts_with('.'));
    let rest = text.get(after..)?;
    let skipped = rest.len() - rest.trim_start().len();
    if rest[..skipped].matches('\n').count() > 2 {
        return None;
    }
    let from = after + skipped;
    let limit = floor_boundary(text, (from + MAX_REFERRING_SENTENCE).min(text.len()));
    let sentence = &text[from..limit];
    let sentence = &sentence[..sentence.find(['.', '!', '?', '\n']).map_or(sentence.len(), |e| e + 1)];
    let (at, len) = statement_reference(sentence)?;
    let clause_start = sentence[..at].rfind([',', ';', ':']).map_or(0, |c| c + 1);
    let clause_end =
        sentence[at + len..].find([',', ';', ':', '.', '!', '?']).map_or(sentence.len(), |c| at + len + c);
    let named = people.named_in(from + clause_start, from + clause_end);
    let reference = from + at;
    let mention = named.iter().min_by_key(|m| m.pos.abs_diff(reference))?;
    let person = Person {
        name: Some(mention.name.clone()),
        role: mention.role.clone(),
        end: from + clause_end,
        ..Person::default()
    };
    Some((person, from + clause_end))
}

/// Where `sentence` refers back to a statement: `dieses Fazit`, `diese Worte`, `diesen Appell`.
fn statement_reference(sentence: &str) -> Option<(usize, usize)> {
    let mut words = word_spans(sentence).into_iter().peekable();
    while let Some((at, word)) = words.next() {
        let lower = word.to_lowercase();
        if !matches!(lower.as_str(), "dieses" | "diese" | "diesen" | "dieser" | "solche" | "solchen") {
            continue;
        }
        let &(noun_at, noun) = words.peek()?;
        let singular = noun.strip_suffix('n').unwrap_or(noun); // "diesen Worten"
        if is_statement_noun(noun) || is_statement_noun(singular) {
            return Some((at, noun_at + noun.len() - at));
        }
    }
    None
}

/// The words of `s` (letters, digits and hyphens) with their byte offsets.
fn word_spans(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
        let in_word = c.is_alphanumeric() || c == '-';
        match (start, in_word) {
            (None, true) => start = Some(i),
            (Some(from), false) => {
                out.push((from, &s[from..i]));
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// A person in an attribution is taken when named with a role or title, with two words, by a
/// role alone ("der Landrat"), or by a single word that is a known person's surname ("so
/// Baranowski"): a lone capitalised word is too often a German noun.
pub(super) fn is_credible(person: &Person, at: usize, people: &People) -> bool {
    match &person.name {
        Some(_) if person.role.is_some() || person.titled || person.name_words >= 2 => true,
        Some(name) => {
            let short = ShortName::new(name);
            people.nearest(at, true, |m| short.is_extended_by(&m.name)).is_some()
        }
        None => person.role.is_some(),
    }
}

/// A quote right after an attributed one (at most one line break between), with no other person
/// named in between, that is a sentence of its own (or starts one and runs into the end of a cut
/// text, `truncated`): it continues the previous speaker's words. So does the second half of a
/// sentence split by its attribution (`„…“, sagt X, „und …“`), and the next paragraph of a quote
/// left open at the end of its own (German style opens each paragraph of a long quote and closes
/// only the last).
pub(super) fn continuation(
    text: &str,
    span: &Span,
    words: &str,
    truncated: bool,
    previous: Option<&Previous>,
    people: &People,
) -> Option<Who> {
    let previous = previous?;
    let gap = text.get(previous.end..span.start)?;
    let next_paragraph = previous.open_ended && gap.trim().is_empty() && gap.matches('\n').count() <= 3;
    if gap.len() > MAX_CONTINUATION_GAP || (gap.matches('\n').count() > 1 && !next_paragraph) {
        return None;
    }
    if people.named_between(previous.end, span.start) {
        return None;
    }
    let before = text[line_start(text, span.start, WINDOW)..span.start].trim_end();
    let starts_sentence =
        before.is_empty() || before.ends_with(['.', '!', '?', ':']) || before.ends_with(closes_double);
    let split_sentence = gap.trim() == ",";
    ((starts_sentence || split_sentence) && (truncated || ends_like_sentence(words)))
        .then(|| previous.who.clone())
}
