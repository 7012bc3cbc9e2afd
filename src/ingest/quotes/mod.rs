//! Quotes of people: who said what, in which office.
//!
//! Journalists search the corpus for statements ("what did the Landrat say about prevention?"),
//! so every quotation a person is credited with is extracted at index time, with the speaker's
//! name and office as the document gives them. A quotation counts only when its attribution is
//! right next to it:
//!
//! * after the closing mark: `„…“, so Tilman Fuchs, Sozialdezernent des Kreises.`,
//!   `„…“, betonte Landrat Dr. Klaus Effing zu Beginn …`, `„…“, so der Landrat.`,
//!   `„…“ (Landrat Dr. Sommer)`;
//! * on the next line, as a signature: `Wolfgang Spelthahn, Landrat`, `(Landrat Dr. Sommer)`;
//!   or on the line above a quote that opens its line, as its heading: `Landrat Dr. X`;
//! * before the opening mark, in a lead-in that ends with a colon: `Landrat Michael Makiolla: „…“`,
//!   `Oberbürgermeister Frank Baranowski sagt: „…“`;
//! * in the next sentence, with a demonstrative: `„…“. Dieses Resümee zieht Jugenddezernent X.`,
//!   `„…“ Das sagte Landrat X.`, `„…“. Das betonte die Ministerin.`, or by the person named in
//!   the clause of the next sentence that refers to the quote (`„…“ Als Ministerpräsidentin X
//!   dieses Fazit zog, war Landrat Y dabei.`, `Mit diesen Worten eröffnete Landrätin X …`);
//! * by a pronoun, after the closing mark (`„…“, sagt er.`, `„…“, lautet seine Überzeugung.`,
//!   `„…“, ist sie überzeugt.`) or in a lead-in (`Er betonte: „…“`, `Dazu sagte sie: „…“`,
//!   `Ihr Resümee: „…“`). The pronoun stands for the nearest person named before the quote,
//!   preferably in its paragraph or the last three sentences, of the pronoun's gender where the
//!   text shows it (a role like "Landrätin" or "Landrat", "Frau"/"Herr", or a following "Sie"/"Er");
//!   with no one named before, or with a plural ("sagen sie"), the quote is dropped;
//! * in the sentence before a quote that opens a sentence, a speech verb with its person (`In
//!   seiner Antwort betont Mucke die Zusammenarbeit … . „Wir betrachten …“`);
//! * a quotation that directly continues an attributed one in the same paragraph
//!   (`„A“, sagt X. „B“`) takes its speaker;
//! * a first-person paragraph without quotation marks signed below by a first name and an age
//!   (`Johannes 11 Jahre`) is a testimonial (`testimonials`);
//! * a closing mark whose opening mark was lost (`Wir wollen das.“, sagt Landrat X.`) closes a
//!   quote from the start of its line, only with a person named right after it.
//!
//! Reported statements — indirect speech (`Landrätin X betonte, dass …`, `Es sei wichtig …, sagt
//! X`) and texts a person signs (`Grußwort von X`) — are extracted beside the direct quotes by
//! [`extract_with_reported`] and marked `reported` (see `reported`).
//!
//! Scare quotes, programme names and slogans have no such attribution and are mostly short, so
//! they are not returned. Short later references ("Dr. Effing", "Effing", "der Landrat") are
//! resolved to the full name given elsewhere in the document.
//!
//! German („…“), English (“…”), straight ("…") and French (»…«, «…») double marks are paired
//! with a stack, so nested quotes ("eine "Kultur des Übergangs" etablieren") stay inside the
//! outer one; single marks (‚…‘, ›…‹) count only outside double ones. The cost is linear in the
//! text: one pass pairs the marks, one pass collects the people named in the document, and each
//! quote looks only at a bounded window around itself.
//!
//! One file per concern: `marks` pairs the quotation marks and yields the quotations,
//! `attribution` finds the person named next to one (after, before, on the line below, in the
//! next sentence, or as the continuation of the previous quote), `pronouns` resolves "er"/"sie"
//! and "sein"/"ihr" to a person, `reported` finds indirect speech and signed texts, `people`
//! reads a person's name and role at a position, `mentions` collects the people a document
//! names and resolves short references, `words` holds the word lists, and `text` the bounded
//! text helpers. What is German text rather than
//! quote extraction (quotation marks, sentence ends, office words, the profile template) comes
//! from `ingest::german`.

mod attribution;
mod marks;
mod mentions;
mod people;
mod pronouns;
mod reported;
mod testimonials;
#[cfg(test)]
mod tests;
mod text;
mod words;

use serde::{Deserialize, Serialize};

use attribution::{
    after_quote, before_quote, continuation, heading_above, next_sentence, previous_sentence,
    referring_clause, signature_below,
};
use marks::{ends_like_sentence, quote_spans, quoted_words, word_count};
use mentions::{resolve, Mention, People, Who};
use pronouns::{pronoun_after, pronoun_before, the_two_after};

/// One quoted statement of a person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// The quoted words, without the outer quotation marks, whitespace collapsed.
    pub text: String,
    /// The speaker's full name as the document gives it (titles like "Dr." kept:
    /// "Dr. Klaus Effing"); None if only a role is given.
    pub speaker: Option<String>,
    /// Role/office as written ("Landrat", "Projektkoordinatorin „KeKiz“ im Kreisjugendamt",
    /// "Sozialdezernent des Kreises"); None if unknown.
    pub role: Option<String>,
    /// Byte offset of the quote's opening mark in the input text.
    pub start: usize,
    /// The quote runs into the end of the text without its closing mark: the text was cut
    /// (scraped excerpts, teasers), so the statement goes on beyond what is stored.
    #[serde(default)]
    pub truncated: bool,
    /// The quote as a reader cites it: the quotation with its attribution as the source writes
    /// it (a lead-in before it, the attributing clause or sentence after it), whitespace
    /// collapsed. Empty in records of older indexes.
    #[serde(default)]
    pub citation: String,
    /// A reported statement, not a direct quote: indirect speech (`Sie betonte, dass …`) or a
    /// text the person signs (`Grußwort von …`); `text` and `citation` are the reporter's
    /// sentence or the signed passage.
    #[serde(default)]
    pub reported: bool,
}

/// Quotes with fewer words are mostly scare quotes, names or slogans rather than statements:
/// they count only with a speaker named right at them (`„Das ist eine Daueraufgabe“, sagte
/// Maas`, `Jugendamtsleiter Dieter Verst: „Wir m` cut by the end of the text).
const MIN_WORDS: usize = 5;

/// A quote cut by the end of the text before anyone is named (the attribution was cut off
/// with it) is kept without a speaker when it opens a sentence and has at least this many
/// words: a statement, not a title or a slogan.
const MIN_CUT_WORDS: usize = 12;

/// The last attributed quote: a following quote may continue it.
struct Previous {
    end: usize,
    who: Who,
    /// The quote was left open at the end of its paragraph (it goes on in the next one).
    open_ended: bool,
}

/// Every direct quote in `text` that a person said, in text order.
pub fn extract(text: &str) -> Vec<Quote> {
    direct_quotes(text, &quote_spans(text), &mut People::new(text))
}

/// Every direct quote in `text`, then every reported statement (indirect speech, signed texts;
/// marked `reported`), each in text order. Reported speech resolves its pronouns with the
/// speakers of the direct quotes known.
pub fn extract_with_reported(text: &str) -> Vec<Quote> {
    let spans = quote_spans(text);
    let mut people = People::new(text);
    let mut quotes = direct_quotes(text, &spans, &mut people);
    quotes.extend(reported::reported_statements(text, &spans, &people));
    quotes
}

/// The direct quotes: quotations in marks, testimonials and quotations that lost their opening
/// mark, in text order.
fn direct_quotes(text: &str, spans: &[marks::Span], people: &mut People) -> Vec<Quote> {
    let mut quotes = marked_quotes(text, spans, people);
    let mut more = testimonials::testimonials(text);
    more.extend(quotes_without_opening_mark(text, spans, people));
    if !more.is_empty() {
        quotes.extend(more);
        quotes.sort_by_key(|quote| quote.start);
    }
    quotes
}

/// The quotations whose opening mark was lost (`Wir wollen das.“, sagt Landrat X.`): kept only
/// with a person named right after the closing mark with a verb of saying.
fn quotes_without_opening_mark(text: &str, spans: &[marks::Span], people: &People) -> Vec<Quote> {
    let mut quotes = Vec::new();
    for span in marks::orphan_closing_spans(text, spans) {
        let words = quoted_words(text, &span);
        if word_count(&words) < MIN_WORDS {
            continue;
        }
        let Some((person, end)) = after_quote(text, &span, people) else { continue };
        if person.name.is_none() {
            continue;
        }
        let who = resolve(person, span.start, people);
        quotes.push(Quote {
            text: words,
            speaker: who.speaker,
            role: who.role,
            start: span.start,
            truncated: false,
            citation: citation(text, &span, end),
            reported: false,
        });
    }
    quotes
}

/// The quotations in quotation marks that a person said, in text order.
fn marked_quotes(text: &str, spans: &[marks::Span], people: &mut People) -> Vec<Quote> {
    if spans.is_empty() {
        return Vec::new();
    }
    let mut quotes = Vec::new();
    let mut previous: Option<Previous> = None;
    for span in spans {
        let words = quoted_words(text, span);
        let count = word_count(&words);
        if count == 0 {
            continue;
        }
        let truncated = runs_into_the_end(text, span);
        let attributed = if count < MIN_WORDS {
            // Short: a statement only with a speaker named right at it.
            explicitly_attributed(text, span, truncated, people)
        } else if span.closed {
            after_quote(text, span, people)
                .or_else(|| signature_below(text, span))
                .or_else(|| before_quote(text, span, people))
                .or_else(|| heading_above(text, span))
                .or_else(|| next_sentence(text, span, people))
                .or_else(|| referring_clause(text, span, people))
                .or_else(|| pronoun_after(text, span, people))
                .or_else(|| the_two_after(text, span, people))
                .or_else(|| pronoun_before(text, span, people))
                .or_else(|| previous_sentence(text, span, people))
        } else if truncated || ends_like_sentence(&words) {
            before_quote(text, span, people)
                .or_else(|| heading_above(text, span))
                .or_else(|| pronoun_before(text, span, people))
        } else {
            None
        };
        if attributed.is_none() && count < MIN_WORDS {
            continue;
        }
        let (who, end) = match attributed {
            Some((person, end)) => (resolve(person, span.start, people), end.max(span.end)),
            None => match continuation(text, span, &words, truncated, previous.as_ref(), people) {
                Some(who) => (who, span.end),
                None if truncated && count >= MIN_CUT_WORDS && opens_sentence(text, span.start) => {
                    (Who { speaker: None, role: None }, span.end)
                }
                None => continue,
            },
        };
        let who = with_role_stated_after(text, who, end);
        if let Some(name) = &who.speaker {
            let gender = people.gender_of(name, who.role.as_deref(), span.start);
            let mention = Mention { pos: span.start, name: name.clone(), role: who.role.clone(), gender };
            people.add_speaker(mention);
        }
        quotes.push(Quote {
            text: words,
            speaker: who.speaker.clone(),
            role: who.role.clone(),
            start: span.start,
            truncated,
            citation: citation(text, span, end),
            reported: false,
        });
        previous = Some(Previous { end, who, open_ended: !span.closed && !truncated });
    }
    quotes
}

/// The speaker of a short quotation: named after its closing mark with a speech verb, or in a
/// lead-in ending with a colon right before it; never by a pronoun, a later sentence or as a
/// continuation, which are too weak for a few words.
fn explicitly_attributed(
    text: &str,
    span: &marks::Span,
    truncated: bool,
    people: &People,
) -> Option<(people::Person, usize)> {
    if span.closed {
        after_quote(text, span, people).or_else(|| before_quote(text, span, people))
    } else if truncated {
        before_quote(text, span, people)
    } else {
        None
    }
}

/// `„…“, unterstrich Dr. Brigitte Mohn am Ende ihres Besuchs. Sie ist Vorstandsmitglied der
/// Bertelsmann-Stiftung.`: a named speaker without a role takes the role the next sentence
/// gives with "Sie ist" or "Er ist".
fn with_role_stated_after(text: &str, who: Who, attribution_end: usize) -> Who {
    if who.speaker.is_none() || who.role.is_some() {
        return who;
    }
    let from = sentence_end(text, attribution_end);
    let rest = &text[from..];
    let next = rest.trim_start_matches([' ', '\t']);
    let Some(after) = ["Sie ist ", "Er ist "].iter().find_map(|lead| next.strip_prefix(lead)) else {
        return who;
    };
    let at = text.len() - after.len();
    match people::role_phrase(text, at) {
        Some((role, _)) => Who { role: Some(role), ..who },
        None => who,
    }
}

/// Longest stretch after an attribution that is still read as the rest of its sentence.
const MAX_SENTENCE_TAIL: usize = 200;

/// The quotation from its lead-in (if it has one) to the end of its attribution's sentence (a
/// full stop right after the closing mark when the attribution stood before it), whitespace
/// collapsed.
fn citation(text: &str, span: &marks::Span, attribution_end: usize) -> String {
    let start = attribution::lead_in(text, span).map_or(span.start, |(lead_in, _)| lead_in);
    let end = if attribution_end > span.end {
        sentence_end(text, attribution_end)
    } else {
        span.end + usize::from(text[span.end..].starts_with('.'))
    };
    text::collapse(&text[start..end])
}

/// The end of the sentence going on at `from` on its line (its full stop included), or `from`
/// when none ends within [`MAX_SENTENCE_TAIL`] bytes.
fn sentence_end(text: &str, from: usize) -> usize {
    let limit = text::floor_boundary(text, (from + MAX_SENTENCE_TAIL).min(text.len()));
    let tail = &text[from..limit];
    if tail.trim_start().starts_with(['„', '"', '“', '»', '«', '‚']) {
        return from; // the next quotation starts: the attribution stood before it
    }
    for (i, c) in tail.char_indices() {
        match c {
            '\n' => return from,
            '.' | '!' | '?' => {
                let after = tail[i + 1..].chars().next();
                if after.is_none_or(char::is_whitespace) {
                    return from + i + 1;
                }
            }
            _ => {}
        }
    }
    from
}

/// An unclosed quotation with nothing after it: the text ends inside the quote.
/// Whether the quotation mark at `start` opens a sentence: at the start of a line or after a
/// sentence's end.
fn opens_sentence(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end_matches([' ', '\t']);
    before.is_empty() || before.ends_with(['\n', '.', '!', '?'])
}

fn runs_into_the_end(text: &str, span: &marks::Span) -> bool {
    !span.closed && text[span.end..].trim().is_empty()
}
