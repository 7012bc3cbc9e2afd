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
//! * before the opening mark, in a lead-in that ends with a colon: `Landrat Michael Makiolla: „…“`,
//!   `Oberbürgermeister Frank Baranowski sagt: „…“`;
//! * in the next sentence, with a demonstrative: `„…“. Dieses Resümee zieht Jugenddezernent X.`,
//!   `„…“ Das sagte Landrat X.`, `„…“. Das betonte die Ministerin.`;
//! * by a pronoun, after the closing mark (`„…“, sagt er.`, `„…“, lautet seine Überzeugung.`,
//!   `„…“, ist sie überzeugt.`) or in a lead-in (`Er betonte: „…“`, `Dazu sagte sie: „…“`,
//!   `Ihr Resümee: „…“`). The pronoun stands for the nearest person named before the quote,
//!   preferably in its paragraph or the last three sentences, of the pronoun's gender where the
//!   text shows it (a role like "Landrätin" or "Landrat", "Frau"/"Herr", or a following "Sie"/"Er");
//!   with no one named before, or with a plural ("sagen sie"), the quote is dropped;
//! * a quotation that directly continues an attributed one in the same paragraph
//!   (`„A“, sagt X. „B“`) takes its speaker.
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

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use regex::Regex;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};

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
}

/// Quotes with fewer words are scare quotes, names or slogans rather than statements.
const MIN_WORDS: usize = 5;
/// An opening mark still open after this many lines has lost its closing mark.
const MAX_QUOTE_LINES: usize = 8;
/// … or after this many bytes.
const MAX_QUOTE_BYTES: usize = 5000;
/// How far (bytes) a lead-in before a quote is looked for.
const WINDOW: usize = 400;
/// Longest role phrase taken after a name ("Leiterin des Kreisjugendamtes").
const MAX_ROLE_BYTES: usize = 140;
/// Longest signature line below a quote.
const MAX_SIGNATURE_CHARS: usize = 120;
/// Open quotation marks kept waiting at once; deeper nesting is a stray mark.
const MAX_DEPTH: usize = 8;
/// Longer "words" are no names or roles (and reading them would cost time on odd input).
const MAX_WORD_BYTES: usize = 80;
/// How many people named before (and after) a quote are looked at to resolve a short reference.
const MAX_LOOKUP: usize = 200;
/// Longest text between an attributed quote and a continuation that takes its speaker.
const MAX_CONTINUATION_GAP: usize = 400;
/// Longest parenthesis after a quote or name that is read as an attribution or party.
const MAX_PARENTHESIS_BYTES: usize = 120;
/// How far back (bytes) sentences are counted to find the person a pronoun stands for.
const PRONOUN_WINDOW: usize = 1500;
/// A pronoun prefers people named in its paragraph or in this many sentences before the quote.
const RECENT_SENTENCES: usize = 3;
/// Most words after the pronoun in a lead-in like `Dazu sagte er noch einmal:`.
const MAX_PRONOUN_TAIL_WORDS: usize = 5;
/// Most words in a lead-in like `Sein Fazit nach dem Besuch:`.
const MAX_POSSESSIVE_LEAD_WORDS: usize = 8;

/// Verbs (and "so") that credit a quote to the person named after them, right after the closing
/// mark: `„…“, sagte Landrat X`. Separable particles ("fasst … zusammen") need not be matched.
const SPEECH_VERBS: &str =
    "so|sagt|sagte|sagten|betont|betonte|erklärt|erklärte|meint|meinte|weiß|wusste|ergänzt|\
    ergänzte|unterstreicht|unterstrich|freut|freute|berichtet|berichtete|fasst|fasste|\
    resümiert|resümierte|hebt|hob|stellt|stellte|appelliert|appellierte|fordert|forderte|\
    mahnt|mahnte|bekräftigt|bekräftigte|kommentiert|kommentierte|bestätigt|bestätigte|\
    verdeutlicht|verdeutlichte|verspricht|versprach|erläutert|erläuterte|weist|wies|macht|\
    machte|zeigt|zeigte|ist|war|findet|fand|glaubt|glaubte|hofft|hoffte|wünscht|wünschte|\
    warnt|warnte|fügt|fügte|schildert|schilderte|beschreibt|beschrieb|begründet|begründete|\
    lobt|lobte|räumt|räumte|gibt|gab|antwortet|antwortete|kündigt|kündigte|schreibt|schrieb|\
    rät|riet|bilanziert|bilanzierte|formuliert|formulierte|urteilt|urteilte|versichert|\
    versicherte|erinnert|erinnerte|ruft|rief|erzählt|erzählte|teilt|teilte|bemerkt|bemerkte|\
    fragt|fragte|äußert|äußerte|verweist|verwies|wirbt|warb|ermutigt|ermutigte|konstatiert|\
    konstatierte|zieht|zog|sieht|sah|unterstreichen|betonen|erklären|sagen|bekennt|bekannte|\
    gesteht|gestand";

/// Verbs of the sentence after a quote that credit it with a demonstrative:
/// `„…“. Das sagte Landrat X.`, `Dieses Resümee zieht Jugenddezernent X.` ("zieht/zog" only
/// after a noun like "Resümee").
const DEMONSTRATIVE_VERBS: &str =
    "sagt|sagte|betont|betonte|erklärt|erklärte|meint|meinte|ergänzt|ergänzte|unterstreicht|\
    unterstrich|berichtet|berichtete|resümiert|resümierte|bekräftigt|bekräftigte|kommentiert|\
    kommentierte|bestätigt|bestätigte|verdeutlicht|verdeutlichte|erläutert|erläuterte|schildert|\
    schilderte|formuliert|formulierte|bilanziert|bilanzierte|urteilt|urteilte|versichert|\
    versicherte|erzählt|erzählte|bemerkt|bemerkte|äußert|äußerte|konstatiert|konstatierte|\
    fordert|forderte|mahnt|mahnte|warnt|warnte|verspricht|versprach|schreibt|schrieb|zieht|zog";

/// Right after a quote: optional comma, then a speech verb.
static VERB_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^(?:{SPEECH_VERBS})\b")).expect("valid regex"));
/// The sentence after a quote: `Das sagte`, `Dieses Resümee zieht`, `Diese Worte richtete …`.
static DEMONSTRATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:Das|Dies|Dieses|Diese|Diesen)(?:[ \t\u{{a0}}]+(\p{{Lu}}[\p{{L}}-]*))?[ \t\u{{a0}}]+({DEMONSTRATIVE_VERBS})\b"
    ))
    .expect("valid regex")
});
/// A speech verb inside a lead-in (`… betonte Ministerin X: „…“`); "so" is too common there.
static VERB_INSIDE: LazyLock<Regex> = LazyLock::new(|| {
    let verbs = SPEECH_VERBS.trim_start_matches("so|");
    Regex::new(&format!(r"\b(?:{verbs})\b")).expect("valid regex")
});
/// The label above a profile page's quote: "ZITAT der kommunalen Spitze".
static LABEL: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)^\s*zitat\b").expect("valid regex"));
/// Endings (lower case) of words that name an office or function, compounds included
/// ("Jugenddezernent", "KeKiz-Koordinatorin", "NRW-Familienministerin").
static ROLE_ENDINGS: LazyLock<Vec<&str>> = LazyLock::new(|| {
    words(
        "landrat landrätin stadtrat stadträtin kreisrat kreisrätin regionsrat regionsrätin ratsherr \
        ratsfrau bürgermeister bürgermeisterin minister ministerin präsident präsidentin staatssekretär \
        staatssekretärin senator senatorin dezernent dezernentin beigeordnete beigeordneter kämmerer \
        kämmerin leiter leiterin leitung chef chefin direktor direktorin vorstand mitglied koordinator \
        koordinatorin geschäftsführer geschäftsführerin vorsitzende vorsitzender sprecher sprecherin \
        referent referentin beauftragte beauftragter moderator moderatorin vertreter vertreterin \
        mitarbeiter mitarbeiterin fachkraft politiker politikerin abgeordnete abgeordneter experte \
        expertin wissenschaftler wissenschaftlerin forscher forscherin professor professorin pädagoge \
        pädagogin sozialarbeiter sozialarbeiterin erzieher erzieherin hebamme lehrer lehrerin planer \
        planerin berater beraterin lotse lotsin begleiter begleiterin initiator initiatorin gründer \
        gründerin arzt ärztin psychologe psychologin pfarrer pfarrerin rektor rektorin kanzler kanzlerin \
        trainer trainerin",
    )
    .collect()
});
/// Genitive and plural endings a role word may carry in running text ("des Landrats").
const ROLE_INFLECTIONS: &[&str] = &["s", "es", "n", "en"];
/// Words that may stand before a role word and belong to it ("Erster Beigeordneter").
static ROLE_PREFIXES: LazyLock<Vec<&str>> = LazyLock::new(|| {
    words(
        "Erste Erster Stellvertretende Stellvertretender Ehemalige Ehemaliger Frühere Früherer Neue Neuer \
        Amtierende Amtierender Scheidende Scheidender Designierte Designierter Kommissarische \
        Kommissarischer Pädagogische Pädagogischer",
    )
    .collect()
});
/// Academic titles kept in a name ("Dr. Klaus Effing").
const TITLES: &[&str] = &["Dr", "Prof", "PD", "Dipl", "med", "phil", "jur"];
/// Forms of address kept in a name but ignored when names are compared.
const HONORIFICS: &[&str] = &["Herr", "Frau"];
/// Name particles between a first name and a surname ("Marc von Krosigk").
const PARTICLES: &[&str] = &["von", "van", "de"];
/// Articles before a role: "so der Landrat", "erklärt die KeKiz-Koordinatorin X".
const ARTICLES: &[&str] = &["der", "die", "den", "dem", "des"];
/// Words after a speech verb that mean the speaker is not named there.
static NOT_A_SPEAKER: LazyLock<Vec<&str>> = LazyLock::new(|| {
    words(
        "er sie es man wir ich ihr dass daß wie und oder aber als wenn weil das ein eine einer eines \
        einem einen jemand keiner keine",
    )
    .collect()
});
/// Prepositions that continue a role on its own: "der Landrat des Kreises", "die Koordinatorin im Amt".
const ROLE_COMPLEMENTS: &[&str] =
    &["des", "der", "im", "am", "beim", "vom", "von", "für", "bei", "aus", "zum", "zur"];
/// Words before a speaker at the start of a lead-in: "Für Landrat X ist …: „…“".
static LEAD_INS: LazyLock<Vec<&str>> = LazyLock::new(|| {
    words(
        "Für Auch Laut Und Doch Dazu Hierzu Darauf Dann Nun Jetzt So Aber Zudem Außerdem Deshalb Daher \
        Denn Schließlich Abschließend",
    )
    .collect()
});
/// Last words of a lead-in that announce a title or motto, not a person's words.
static TITLE_NOUNS: LazyLock<Vec<&str>> = LazyLock::new(|| {
    words(
        "Motto Titel Thema Devise Slogan Leitbild Leitmotiv Leitsatz Maxime Name Namen Überschrift \
        Projekt Programm Initiative Aktion Kampagne Credo Stichwort Schlagwort Arbeitstitel Untertitel",
    )
    .collect()
});
/// Capitalised words that are never part of a person's name: function words, places, institutions,
/// months, captions.
static NOT_NAMES: LazyLock<HashSet<&str>> = LazyLock::new(|| {
    words(
        "Der Die Das Den Dem Des Ein Eine Einen Einem Einer Im In Am An Auf Aus Bei Beim Für Mit Nach Von \
        Vom Vor Zu Zum Zur Über Unter Um Durch Gegen Ohne Seit Bis Als Auch Aber Und Oder Doch Denn So \
        Wie Was Wer Wo Wir Sie Er Es Ihr Ihre Sein Seine Ich Man Dies Diese Dieser Dieses Jede Jeder \
        Jedes Alle Viele Hier Dort Heute Gestern Dabei Dazu Deshalb Daher Damit Danach Dann Jetzt Nun \
        Zudem Außerdem Ganz Gut Mehr Kinder Kind Eltern Familien Familie Jugendliche Menschen Kreis \
        Kreises Stadt Gemeinde Landkreis Land Landes Bund Region Städteregion Bad Sankt St NRW \
        Ministerium Jugendamt Kreisjugendamt Verwaltung Rathaus Kreishaus Foto Bild Fotos Quelle Tel \
        Telefon Fax Internet Januar Februar März April Mai Juni Juli August September Oktober November \
        Dezember Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag Zitat Fazit Motto Titel \
        Thema Ziel Ziele Presseinformation Pressemitteilung Neue Neuer Neues Weitere Weiterer",
    )
    .collect()
});
/// Endings of German common nouns that names do not have.
static NOUN_ENDINGS: LazyLock<Vec<&str>> = LazyLock::new(|| {
    words(
        "ung ungen heit keit schaft tion ität nis ismus chen tum ium stelle amt werk zentrum gruppe \
        verband verein kette ketten projekt programm konferenz netz",
    )
    .collect()
});
/// Abbreviations whose period does not end a sentence.
static ABBREVIATIONS: LazyLock<Vec<&str>> = LazyLock::new(|| {
    words(
        "Dr Prof St Nr bzw ca vgl usw Str Tel Abs Mio Mrd inkl evtl ggf Hr Fr Jh Dipl Ing med phil jur \
        etc geb sog Co",
    )
    .collect()
});
/// Words after "ist/zeigte sich X …" that make the phrase an attribution (`ist John überzeugt`).
static CONVICTION_WORDS: LazyLock<Vec<&str>> = LazyLock::new(|| {
    words("überzeugt sicher zuversichtlich optimistisch gewiss begeistert beeindruckt erfreut").collect()
});

/// Verbs after a quote that take a possessive and a noun: `„…“, lautet seine Überzeugung.`
const POSSESSIVE_VERBS: &[&str] = &["so", "lautet", "lautete", "ist", "war"];
/// Endings (lower case) of nouns for what a person says or holds ("Resümee", "Zwischenbilanz",
/// "Überzeugung"): `Ihr Resümee: „…“`, `„…“, so seine Bilanz`. "Motto" and "Slogan" are left
/// out: an institution's motto is a slogan.
static STATEMENT_NOUNS: LazyLock<Vec<&str>> = LazyLock::new(|| {
    words(
        "fazit resümee bilanz devise credo maxime leitsatz grundsatz überzeugung meinung ansicht \
        auffassung einschätzung einsicht urteil botschaft appell forderung wunsch hoffnung ratschlag \
        tipp antwort kommentar erklärung begründung prognose eindruck schlussfolgerung worte plädoyer \
        anliegen warnung kritik erfahrung position standpunkt vision mahnung aufforderung bitte \
        versprechen philosophie",
    )
    .collect()
});
/// Role words (lower-case endings) that do not tell a man from a woman ("die Vorsitzende").
const UNSEXED_ROLES: &[&str] = &[
    "vorsitzende",
    "beigeordnete",
    "beauftragte",
    "abgeordnete",
    "leitung",
    "vorstand",
    "mitglied",
    "fachkraft",
    "ob",
];

/// The words of a table written as one string.
fn words(list: &'static str) -> impl Iterator<Item = &'static str> {
    list.split_whitespace()
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Family {
    Double,
    Single,
}

/// How a character can act as a quotation mark.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Style {
    AlwaysOpens,
    AlwaysCloses,
    Either,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mark {
    Open,
    Close,
}

/// An opening mark waiting for its closing mark.
#[derive(Clone, Copy, Debug)]
struct OpenMark {
    pos: usize,
    len: usize,
    family: Family,
    line: usize,
}

/// A quotation in the text: the opening mark at `start`, the quoted words in
/// `inner_start..inner_end`, the closing mark ending at `end`. An unclosed quotation (German
/// style leaves the mark off at a paragraph's end) runs to the end of its line.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct Span {
    start: usize,
    inner_start: usize,
    inner_end: usize,
    end: usize,
    closed: bool,
}

/// A person as an attribution or the text names them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Person {
    name: Option<String>,
    role: Option<String>,
    /// Byte offset just after the person's phrase.
    end: usize,
    /// The name carries an academic title.
    titled: bool,
    /// Words in the name, titles not counted.
    name_words: usize,
}

/// Speaker and role of a quote after resolution.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Who {
    speaker: Option<String>,
    role: Option<String>,
}

/// A person named somewhere in the document, used to resolve short references and pronouns.
#[derive(Clone, Debug)]
struct Mention {
    pos: usize,
    name: String,
    role: Option<String>,
    /// As far as the text shows it.
    gender: Option<Gender>,
}

/// The grammatical gender a pronoun or role shows: "er", "seine", "Landrat" — "sie", "ihr",
/// "Landrätin".
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Gender {
    Male,
    Female,
}

/// The last attributed quote: a following quote may continue it.
struct Previous {
    end: usize,
    who: Who,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum TokKind {
    Title,
    Initial,
    Particle,
    Word,
}

/// One token of a run of capitalised words ("Landrat", "Dr.", "Klaus", "Effing").
#[derive(Clone, Copy, Debug)]
struct Tok<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    kind: TokKind,
}

/// Every quote in `text` that a person said, in text order.
pub fn extract(text: &str) -> Vec<Quote> {
    let spans = quote_spans(text);
    if spans.is_empty() {
        return Vec::new();
    }
    let mut people = People { text, named: std::cell::OnceCell::new(), speakers: Vec::new() };
    let mut quotes = Vec::new();
    let mut previous: Option<Previous> = None;
    for span in &spans {
        let words = quoted_words(text, span);
        if word_count(&words) < MIN_WORDS {
            continue;
        }
        let attributed = if span.closed {
            after_quote(text, span, &people)
                .or_else(|| signature_below(text, span))
                .or_else(|| before_quote(text, span, &people))
                .or_else(|| next_sentence(text, span, &people))
                .or_else(|| pronoun_after(text, span, &people))
                .or_else(|| pronoun_before(text, span, &people))
        } else if ends_like_sentence(&words) {
            before_quote(text, span, &people).or_else(|| pronoun_before(text, span, &people))
        } else {
            None
        };
        let (who, end) = match attributed {
            Some((person, end)) => (resolve(person, span.start, &people), end.max(span.end)),
            None => match continuation(text, span, &words, previous.as_ref(), &people) {
                Some(who) => (who, span.end),
                None => continue,
            },
        };
        if let Some(name) = &who.speaker {
            let gender = people.gender_of(name, who.role.as_deref(), span.start);
            let mention = Mention { pos: span.start, name: name.clone(), role: who.role.clone(), gender };
            people.speakers.push(mention);
        }
        quotes.push(Quote {
            text: words,
            speaker: who.speaker.clone(),
            role: who.role.clone(),
            start: span.start,
        });
        previous = Some(Previous { end, who });
    }
    quotes
}

// ---------------------------------------------------------------------------------------------
// Pairing quotation marks
// ---------------------------------------------------------------------------------------------

/// The outermost quotations of the text, in order.
fn quote_spans(text: &str) -> Vec<Span> {
    let mut pairing = Pairing::default();
    let mut line = 0;
    let mut line_blank = true;
    let mut prev: Option<char> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        if c == '\n' {
            if line_blank {
                pairing.abandon_all(); // a paragraph ends every quotation
            } else {
                pairing.abandon_stale(i, line);
            }
            line += 1;
            line_blank = true;
            prev = Some(c);
            continue;
        }
        if let Some((family, mark)) = classify(c, prev, next, &pairing.stack) {
            match mark {
                Mark::Open => {
                    // A quotation opening a line ends any left open on earlier lines.
                    if line_blank && pairing.stack.first().is_some_and(|o| o.line < line) {
                        pairing.abandon_all();
                    }
                    pairing.open(OpenMark { pos: i, len: c.len_utf8(), family, line });
                }
                Mark::Close => pairing.close(family, i, c.len_utf8()),
            }
        }
        if !c.is_whitespace() {
            line_blank = false;
        }
        prev = Some(c);
    }
    pairing.abandon_all();
    let unclosed = unclosed_spans(text, &pairing.abandoned);
    outermost(pairing.closed, unclosed)
}

/// The state of pairing marks: open marks waiting (at most [`MAX_DEPTH`]), pairs found, and the
/// double marks given up on (in text order).
#[derive(Default)]
struct Pairing {
    stack: Vec<OpenMark>,
    closed: Vec<Span>,
    abandoned: Vec<OpenMark>,
}

impl Pairing {
    fn open(&mut self, mark: OpenMark) {
        if self.stack.len() >= MAX_DEPTH {
            self.abandon(1);
        }
        self.stack.push(mark);
    }

    /// Pairs a closing mark with the open mark it belongs to. Stray single marks in the way are
    /// dropped; a single closing mark never closes a double quotation.
    fn close(&mut self, family: Family, pos: usize, len: usize) {
        let Some(top) = self.stack.last() else { return };
        if top.family != family {
            if family == Family::Single {
                return;
            }
            while self.stack.last().is_some_and(|o| o.family == Family::Single) {
                self.stack.pop();
            }
        }
        if let Some(open) = self.stack.pop() {
            let inner_start = open.pos + open.len;
            let span = Span { start: open.pos, inner_start, inner_end: pos, end: pos + len, closed: true };
            self.closed.push(span);
        }
    }

    /// Gives up open marks left open too many lines or bytes before `pos`.
    fn abandon_stale(&mut self, pos: usize, line: usize) {
        let stale = self
            .stack
            .iter()
            .take_while(|o| line + 1 - o.line >= MAX_QUOTE_LINES || pos - o.pos > MAX_QUOTE_BYTES)
            .count();
        self.abandon(stale);
    }

    fn abandon_all(&mut self) {
        self.abandon(self.stack.len());
    }

    /// Gives up the `count` oldest open marks, remembering the double ones.
    fn abandon(&mut self, count: usize) {
        let count = count.min(self.stack.len());
        self.abandoned.extend(self.stack.drain(..count).filter(|o| o.family == Family::Double));
    }
}

/// Unclosed quotations: a double mark never closed runs to the end of its line (German style
/// leaves the closing mark off where a quote goes on in the next paragraph). Of several on one
/// line only the first and the last are kept, which bounds the work on odd input.
fn unclosed_spans(text: &str, abandoned: &[OpenMark]) -> Vec<Span> {
    let mut spans = Vec::new();
    for (k, mark) in abandoned.iter().enumerate() {
        let first_on_line = k == 0 || abandoned[k - 1].line != mark.line;
        let last_on_line = abandoned.get(k + 1).is_none_or(|n| n.line != mark.line);
        if first_on_line || last_on_line {
            let inner_start = mark.pos + mark.len;
            let inner_end = line_end(text, inner_start, MAX_QUOTE_BYTES);
            spans.push(Span { start: mark.pos, inner_start, inner_end, end: inner_end, closed: false });
        }
    }
    spans
}

/// Decides whether `c` opens or closes a quotation here, from the mark itself and the characters
/// around it; `None` when it is no quotation mark (an apostrophe, a stray mark).
fn classify(c: char, prev: Option<char>, next: Option<char>, stack: &[OpenMark]) -> Option<(Family, Mark)> {
    let (family, style) = mark_style(c)?;
    let inside_double = stack.iter().any(|o| o.family == Family::Double);
    if family == Family::Single && inside_double {
        return None; // ‚nested‘ marks are part of the quoted words
    }
    let has_open = match family {
        Family::Double => inside_double,
        Family::Single => stack.last().is_some_and(|o| o.family == Family::Single),
    };
    let left = next.is_some_and(|n| n.is_alphanumeric() || "(‚‘'…".contains(n) || is_quote_mark(n))
        && prev.is_none_or(|p| p.is_whitespace() || "([{–—-/…".contains(p) || is_quote_mark(p));
    let right = prev.is_some_and(|p| !p.is_whitespace())
        && next.is_none_or(|n| n.is_whitespace() || ".,;:!?)]}–—-/…".contains(n) || is_quote_mark(n));
    let mark = match style {
        Style::AlwaysOpens => Mark::Open,
        Style::AlwaysCloses if right && has_open => Mark::Close,
        Style::AlwaysCloses => return None,
        Style::Either if left && !right => Mark::Open,
        Style::Either if has_open && (right || !left) => Mark::Close,
        Style::Either if !right && next.is_some_and(char::is_alphanumeric) => Mark::Open,
        Style::Either => return None,
    };
    Some((family, mark))
}

fn mark_style(c: char) -> Option<(Family, Style)> {
    match c {
        '„' => Some((Family::Double, Style::AlwaysOpens)),
        '“' | '”' | '"' | '»' | '«' => Some((Family::Double, Style::Either)),
        '‚' => Some((Family::Single, Style::AlwaysOpens)),
        '‘' | '›' | '‹' => Some((Family::Single, Style::Either)),
        '’' => Some((Family::Single, Style::AlwaysCloses)),
        _ => None,
    }
}

fn is_quote_mark(c: char) -> bool {
    mark_style(c).is_some() || c == '\''
}

/// Keeps the closed quotations that are not nested in another, then the unclosed ones that do
/// not overlap them, in text order.
fn outermost(mut closed: Vec<Span>, unclosed: Vec<Span>) -> Vec<Span> {
    closed.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
    let mut kept: Vec<Span> = Vec::with_capacity(closed.len());
    for span in closed {
        if kept.last().is_none_or(|k| span.start >= k.end) {
            kept.push(span);
        }
    }
    let mut extra = Vec::new();
    for span in unclosed {
        let after = kept.partition_point(|k| k.end <= span.start);
        if kept.get(after).is_none_or(|k| k.start >= span.end) {
            extra.push(span);
        }
    }
    kept.extend(extra);
    kept.sort_by_key(|s| s.start);
    kept
}

fn quoted_words(text: &str, span: &Span) -> String {
    let inner = text.get(span.inner_start..span.inner_end).unwrap_or("");
    let collapsed = collapse(inner);
    collapsed.trim_end_matches(',').trim_end().to_string()
}

fn word_count(words: &str) -> usize {
    words.split_whitespace().filter(|w| w.chars().any(char::is_alphabetic)).count()
}

fn ends_like_sentence(words: &str) -> bool {
    let core = words.trim_end_matches(|c: char| is_quote_mark(c) || c == ')' || c.is_whitespace());
    core.ends_with(['.', '!', '?', '…'])
}

// ---------------------------------------------------------------------------------------------
// Attributions
// ---------------------------------------------------------------------------------------------

/// `„…“, so X, Rolle.` — `„…“, betonte Landrat X` — `„…“ (Landrat X)` — `„…“ – Landrat X`.
/// Returns the person and where the attribution ends.
fn after_quote(text: &str, span: &Span, people: &People) -> Option<(Person, usize)> {
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
    if rest.starts_with(',') {
        p += 1;
        p += spaces_at(text, p);
    }
    let verb = VERB_AFTER.find(text.get(p..)?)?;
    let q = skip_adverbs(text, p + verb.end())?;
    let person = parse_person(text, q, true).filter(|p| is_credible(p, span.start, people))?;
    if needs_conviction(verb.as_str()) {
        let r = person.end + spaces_at(text, person.end);
        let (word, _) = word_at(text, r)?;
        if !CONVICTION_WORDS.contains(&word) {
            return None;
        }
    }
    let end = person.end;
    Some((person, end))
}

/// After a speech verb: skips up to three lower-case words ("sich", "anschließend") to where
/// the person starts; `None` when a pronoun or conjunction says the person is not named.
fn skip_adverbs(text: &str, mut q: usize) -> Option<usize> {
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
fn signature_below(text: &str, span: &Span) -> Option<(Person, usize)> {
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

/// Whether the line above the quote's line (blank lines skipped) is a "ZITAT …" label.
fn label_above(text: &str, pos: usize) -> bool {
    let mut end = line_start(text, pos, WINDOW);
    for _ in 0..3 {
        // At the text's start, or a line longer than the window: no label line to look at.
        if end == 0 || text.as_bytes()[end - 1] != b'\n' {
            return false;
        }
        let start = line_start(text, end - 1, WINDOW);
        let line = &text[start..end - 1];
        if !line.trim().is_empty() {
            return LABEL.is_match(line);
        }
        end = start;
    }
    false
}

/// A lead-in ending with a colon right before the quote (or at the end of the line above a
/// quote that opens its line): `Landrat X: „…“`, `Oberbürgermeister X sagt: „…“`,
/// `Für Landrat X ist …: „…“`, `… betonte Familienministerin X:`. The person must be the
/// lead-in's subject (at its start) or follow a speech verb in it.
fn before_quote(text: &str, span: &Span, people: &People) -> Option<(Person, usize)> {
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
            return Some((person, span.end));
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
    None
}

/// The lead-in before a quote, without its colon: the sentence before the opening mark on its
/// line, or the line above when the quote opens its line. `None` without a colon.
fn lead_in(text: &str, span: &Span) -> Option<(usize, usize)> {
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

/// Where the subject of a lead-in starts: after a bullet and a word like "Für" or "Dazu".
fn subject_start(text: &str, body_start: usize, body_end: usize) -> usize {
    let body = &text[body_start..body_end];
    let mut p = body_start + (body.len() - body.trim_start_matches(['-', '–', '•', '*', ' ']).len());
    if let Some((word, end)) = word_at(text, p) {
        if LEAD_INS.contains(&word) && spaces_at(text, end) > 0 {
            p = end + spaces_at(text, end);
        }
    }
    p
}

/// `„…“. Dieses Resümee zieht Jugenddezernent X.` — `„…“ Das sagte Landrat X.` — `„…“. Das
/// betonte die Ministerin.`: the sentence right after the quote credits it with a demonstrative.
fn next_sentence(text: &str, span: &Span, people: &People) -> Option<(Person, usize)> {
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

/// `„…“, sagt er.` — `„…“, betonte sie.` — `„…“, ist sie überzeugt.` — `„…“, lautet seine
/// Überzeugung.` — `„…“, so ihr Fazit.`: the person is the one the pronoun stands for.
fn pronoun_after(text: &str, span: &Span, people: &People) -> Option<(Person, usize)> {
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
fn pronoun_before(text: &str, span: &Span, people: &People) -> Option<(Person, usize)> {
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
fn personal_pronoun(word: &str, capital: bool) -> Option<Gender> {
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
fn is_plural_verb(word: &str) -> bool {
    word.ends_with("en")
}

/// "ist", "war", "zeigt(e)" credit a quote only with a word like "überzeugt".
fn needs_conviction(verb: &str) -> bool {
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

fn is_statement_noun(word: &str) -> bool {
    let lower = word.to_lowercase();
    is_capitalized(word) && STATEMENT_NOUNS.iter().any(|n| lower.ends_with(n))
}

/// The person a pronoun before `at` stands for, as an attribution.
fn pronoun_person(text: &str, at: usize, gender: Gender, people: &People) -> Option<Person> {
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

/// A person in an attribution is taken when named with a role or title, with two words, by a
/// role alone ("der Landrat"), or by a single word that is a known person's surname ("so
/// Baranowski"): a lone capitalised word is too often a German noun.
fn is_credible(person: &Person, at: usize, people: &People) -> bool {
    match &person.name {
        Some(_) if person.role.is_some() || person.titled || person.name_words >= 2 => true,
        Some(name) => people.nearest(at, true, |m| extends(&m.name, name)).is_some(),
        None => person.role.is_some(),
    }
}

/// A quote right after an attributed one (at most one line break between), with no other person
/// named in between, that is a sentence of its own: it continues the previous speaker's words.
fn continuation(
    text: &str,
    span: &Span,
    words: &str,
    previous: Option<&Previous>,
    people: &People,
) -> Option<Who> {
    let previous = previous?;
    let gap = text.get(previous.end..span.start)?;
    if gap.len() > MAX_CONTINUATION_GAP || gap.matches('\n').count() > 1 {
        return None;
    }
    if people.named_between(previous.end, span.start) {
        return None;
    }
    let before = text[line_start(text, span.start, WINDOW)..span.start].trim_end();
    let starts_sentence =
        before.is_empty() || before.ends_with(['.', '!', '?', ':', '“', '”', '"', '«', '»']);
    (starts_sentence && ends_like_sentence(words)).then(|| previous.who.clone())
}

// ---------------------------------------------------------------------------------------------
// People: names and roles
// ---------------------------------------------------------------------------------------------

/// Reads a person at `pos`: `[der|die [adjectives]] [Role] [Name] [(Party)] [, Role phrase]`,
/// e.g. "Landrat Dr. Klaus Effing", "Tilman Fuchs, Sozialdezernent des Kreises",
/// "der grüne Sozialpolitiker", "die Leiterin des Jugendamtes, Anna Muster". With
/// `allow_article` a leading article must introduce a role.
fn parse_person(text: &str, pos: usize, allow_article: bool) -> Option<Person> {
    let (p, article, role_from) = match allow_article.then(|| article_and_adjectives(text, pos)).flatten() {
        Some((p, role_from)) => (p, true, role_from),
        None => (pos, false, None),
    };
    let toks = cap_sequence(text, p);
    let (role_range, name_from) = split_role_name(&toks)?;
    if article && role_range.is_none() {
        return None; // "die Stadt", "das Ministerium"
    }
    let mut person = Person { end: p, ..Person::default() };
    let mut role_start = p;
    if let Some((a, b)) = role_range {
        role_start = role_from.unwrap_or(toks[a].start);
        person.role = Some(collapse(&text[role_start..toks[b].end]));
        person.end = toks[b].end;
    }
    let name_toks = &toks[name_from..];
    if let (Some(first), Some(last)) = (name_toks.first(), name_toks.last()) {
        if is_valid_name(name_toks) {
            person.name = Some(collapse(&text[first.start..last.end]));
            person.titled =
                name_toks.iter().any(|t| t.kind == TokKind::Title && !HONORIFICS.contains(&t.text));
            person.name_words = name_toks.iter().filter(|t| t.kind == TokKind::Word).count();
            person.end = last.end;
        }
    }
    if person.name.is_none() && person.role.is_none() {
        return None;
    }
    if person.name.is_some() {
        let (end, role) = party_or_role_in_parentheses(text, person.end);
        person.end = end;
        if person.role.is_none() {
            person.role = role;
        }
    } else {
        // A role on its own may go on: "der Landrat des Kreises", "die Koordinatorin „KeKiz“".
        let (end, name) = role_complement(text, person.end);
        if end > person.end {
            person.role = Some(collapse(&text[role_start..end]));
            person.end = end;
        }
        if let Some(named) = name {
            person = Person { role: person.role, ..named };
        }
    }
    if let Some(after) = after_comma(text, person.end) {
        if person.name.is_some() && person.role.is_none() {
            if let Some((role, end)) = role_phrase(text, after) {
                person.role = Some(role);
                person.end = end;
            }
        } else if person.name.is_none() {
            if let Some(named) = name_phrase(text, after) {
                person.name = named.name;
                person.titled = named.titled;
                person.name_words = named.name_words;
                person.end = named.end;
            }
        }
    }
    Some(person)
}

/// "der grüne " before a role: where the role's capitalised word starts, and where adjectives
/// that belong to the role start (if any). `None` when there is no article.
fn article_and_adjectives(text: &str, pos: usize) -> Option<(usize, Option<usize>)> {
    let (word, end) = word_at(text, pos)?;
    let gap = spaces_at(text, end);
    if !ARTICLES.contains(&word.to_lowercase().as_str()) || gap == 0 {
        return None;
    }
    let mut p = end + gap;
    let mut adjectives_from = None;
    for _ in 0..2 {
        let Some((_, end)) = word_at(text, p).filter(|(w, _)| is_adjective(w)) else { break };
        let gap = spaces_at(text, end);
        if gap == 0 {
            break;
        }
        adjectives_from.get_or_insert(p);
        p = end + gap;
    }
    Some((p, adjectives_from))
}

/// Reads a run of capitalised words, titles and initials separated by single spaces on one line.
fn cap_sequence(text: &str, pos: usize) -> Vec<Tok<'_>> {
    let mut toks: Vec<Tok> = Vec::new();
    let mut p = pos;
    while toks.len() < 10 {
        let Some((word, end)) = word_at(text, p) else { break };
        let dot = text[end..].starts_with('.');
        let words = toks.iter().filter(|t| t.kind == TokKind::Word).count();
        let tok = if dot && TITLES.contains(&word) {
            Tok { text: &text[p..end + 1], start: p, end: end + 1, kind: TokKind::Title }
        } else if HONORIFICS.contains(&word) && words == 0 {
            Tok { text: word, start: p, end, kind: TokKind::Title }
        } else if dot && words > 0 && word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
            Tok { text: &text[p..end + 1], start: p, end: end + 1, kind: TokKind::Initial }
        } else if is_capitalized(word) {
            Tok { text: word, start: p, end, kind: TokKind::Word }
        } else if let Some(particle_end) = particle_at(text, p, &toks) {
            Tok { text: &text[p..particle_end], start: p, end: particle_end, kind: TokKind::Particle }
        } else {
            break;
        };
        toks.push(tok);
        p = tok.end;
        let gap = spaces_at(text, p);
        if gap == 0 && tok.kind != TokKind::Title {
            break;
        }
        if !text[p + gap..].chars().next().is_some_and(char::is_alphabetic) {
            break;
        }
        p += gap;
    }
    while toks.last().is_some_and(|t| t.kind != TokKind::Word) {
        toks.pop();
    }
    toks
}

/// "von", "van der", "de" between a first name and a surname: only after exactly one name word
/// and before a capitalised one. Returns where the particle ends.
fn particle_at(text: &str, p: usize, toks: &[Tok]) -> Option<usize> {
    let (word, mut end) = word_at(text, p)?;
    let only_first_name = toks.iter().filter(|t| t.kind == TokKind::Word).count() == 1
        && toks.last().is_some_and(|t| t.kind == TokKind::Word && !is_role_word(t.text, true));
    if !only_first_name || !PARTICLES.contains(&word) {
        return None;
    }
    let mut q = end + spaces_at(text, end);
    if let Some((_, article_end)) = word_at(text, q).filter(|(w, _)| matches!(*w, "der" | "den")) {
        end = article_end;
        q = end + spaces_at(text, end);
    }
    let (next, _) = word_at(text, q)?;
    (q > end && is_capitalized(next) && !is_role_word(next, true)).then_some(end)
}

/// Splits a capitalised run into a leading role ("Erster Beigeordneter", "Landrat") and the
/// name after it. `None` when the run starts with words that are neither.
fn split_role_name(toks: &[Tok]) -> Option<(Option<(usize, usize)>, usize)> {
    if toks.is_empty() {
        return None;
    }
    let first_role = toks.iter().take(3).position(|t| t.kind == TokKind::Word && is_role_word(t.text, true));
    let Some(r) = first_role else { return Some((None, 0)) };
    if !toks[..r].iter().all(|t| t.kind == TokKind::Word && is_role_prefix(t.text)) {
        return None;
    }
    let mut last = r;
    while toks.get(last + 1).is_some_and(|t| t.kind == TokKind::Word && is_role_word(t.text, true)) {
        last += 1;
    }
    Some((Some((0, last)), last + 1))
}

/// A name: one to five words, none of them a role, a function word or a common noun.
fn is_valid_name(toks: &[Tok]) -> bool {
    let words: Vec<&str> = toks.iter().filter(|t| t.kind == TokKind::Word).map(|t| t.text).collect();
    !words.is_empty()
        && words.len() <= 5
        && toks.first().is_some_and(|t| t.kind != TokKind::Particle)
        && words.iter().all(|w| !is_role_word(w, true) && !NOT_NAMES.contains(w) && !looks_like_noun(w))
}

/// `Name (SPD)` or `Name (Leiter des Jugendamtes, …)`: skips a short parenthesis after a name and
/// returns where it ends and the role it holds, if any.
fn party_or_role_in_parentheses(text: &str, pos: usize) -> (usize, Option<String>) {
    let p = pos + spaces_at(text, pos);
    if !text[p..].starts_with('(') {
        return (pos, None);
    }
    let window = &text[p..ceil_boundary(text, p + MAX_PARENTHESIS_BYTES)];
    let Some(close) = window.find(')') else { return (pos, None) };
    let inner = &window[1..close];
    if inner.contains(['\n', '(']) {
        return (pos, None);
    }
    let role = role_phrase(text, p + 1).map(|(role, _)| role);
    (p + close + 1, role)
}

/// `, ` after `pos` (no line break): where the text after the comma starts.
fn after_comma(text: &str, pos: usize) -> Option<usize> {
    let rest = text.get(pos..)?;
    let after = rest.strip_prefix(',')?;
    let gap = spaces_at(after, 0);
    (gap > 0).then_some(pos + 1 + gap)
}

/// A role phrase after a name and a comma: starts with a role word and runs to the end of the
/// clause ("Projektkoordinatorin „KeKiz“ im Kreisjugendamt", "Leiterin des Kreisjugendamtes").
fn role_phrase(text: &str, pos: usize) -> Option<(String, usize)> {
    let mut p = pos;
    if let Some((word, end)) = word_at(text, p) {
        if matches!(word, "der" | "die") && spaces_at(text, end) > 0 {
            p = end + spaces_at(text, end);
        }
    }
    let toks = cap_sequence(text, p);
    let (role, _) = split_role_name(&toks)?;
    role?;
    let end = clause_end(text, p);
    let phrase = collapse(&text[p..end]);
    (!phrase.is_empty()).then(|| (phrase.trim_end_matches(['.', ' ']).to_string(), end))
}

/// Where a clause starting at `pos` ends: before a comma, semicolon, colon, parenthesis, line
/// break, dash or sentence end; cut at a word boundary when very long.
fn clause_end(text: &str, pos: usize) -> usize {
    let limit = pos + MAX_ROLE_BYTES;
    let mut last_space = None;
    for (k, c) in text[pos..].char_indices() {
        let i = pos + k;
        if i >= limit {
            return last_space.unwrap_or(i);
        }
        match c {
            ',' | ';' | ':' | '!' | '?' | '\n' | '\r' | '(' | ')' | '|' => return trim_end_at(text, pos, i),
            '.' if is_sentence_end(text, i) => return trim_end_at(text, pos, i),
            '–' | '—' if last_space == Some(i.saturating_sub(1)) => return trim_end_at(text, pos, i),
            c if c.is_whitespace() => last_space = Some(i),
            _ => {}
        }
    }
    trim_end_at(text, pos, text.len())
}

fn trim_end_at(text: &str, from: usize, to: usize) -> usize {
    from + text[from..to].trim_end().len()
}

/// A name after a role and a comma: "die Leiterin des Jugendamtes, Anna Muster".
fn name_phrase(text: &str, pos: usize) -> Option<Person> {
    let toks = cap_sequence(text, pos);
    let (role, _) = split_role_name(&toks)?;
    if role.is_some() || !is_valid_name(&toks) {
        return None;
    }
    named(text, &toks)
}

/// What may follow a role on its own: "des Kreises Steinfurt", "im Kreisjugendamt", "„KeKiz“".
/// Returns where it ends and a name that ends it ("die Leiterin des Jugendamtes Anna Muster").
fn role_complement(text: &str, pos: usize) -> (usize, Option<Person>) {
    let mut end = pos;
    for _ in 0..3 {
        let gap = spaces_at(text, end);
        if gap == 0 {
            break;
        }
        let p = end + gap;
        if text[p..].starts_with(['„', '"', '»', '“']) {
            match short_quoted_term_end(text, p) {
                Some(close) => {
                    end = close;
                    continue;
                }
                None => break,
            }
        }
        let Some((word, word_end)) = word_at(text, p) else { break };
        if !ROLE_COMPLEMENTS.contains(&word) || spaces_at(text, word_end) == 0 {
            break;
        }
        let mut q = word_end + spaces_at(text, word_end);
        if let Some((_, article_end)) = word_at(text, q).filter(|(w, _)| ARTICLES.contains(w) || *w == "das")
        {
            if spaces_at(text, article_end) == 0 {
                break;
            }
            q = article_end + spaces_at(text, article_end);
        }
        let toks = cap_sequence(text, q);
        // "des Jugendamtes Anna Muster": a name after the institution is the person's.
        let name_from = (1..toks.len()).find(|&k| {
            let tail = &toks[k..];
            toks[k - 1].kind == TokKind::Word && is_valid_name(tail) && named(text, tail).is_some()
        });
        if let Some(k) = name_from {
            return (toks[k - 1].end, named(text, &toks[k..]));
        }
        let Some(last) = toks.iter().rev().find(|t| t.kind == TokKind::Word) else { break };
        end = last.end;
    }
    (end, None)
}

/// The person a run of name tokens names, if it is a full name (two words) or has a title.
fn named(text: &str, toks: &[Tok]) -> Option<Person> {
    let (first, last) = (toks.first()?, toks.last()?);
    let titled = toks.iter().any(|t| t.kind == TokKind::Title && !HONORIFICS.contains(&t.text));
    let name_words = toks.iter().filter(|t| t.kind == TokKind::Word).count();
    let name = Some(collapse(&text[first.start..last.end]));
    (name_words >= 2 || titled).then_some(Person { name, role: None, end: last.end, titled, name_words })
}

/// The end of a short quoted term („KeKiz“) opening at `p`, on the same line.
fn short_quoted_term_end(text: &str, p: usize) -> Option<usize> {
    let window = &text[p..ceil_boundary(text, p + 60)];
    let mut chars = window.char_indices();
    chars.next()?;
    for (k, c) in chars {
        if c == '\n' {
            return None;
        }
        if matches!(c, '“' | '”' | '"' | '«' | '»') {
            return Some(p + k + c.len_utf8());
        }
    }
    None
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
        let alone = *names_alone.entry(word).or_insert_with(|| may_name_alone(word));
        if !alone && !followed_by_name_part(text, end) {
            continue;
        }
        let Some(person) = parse_person(text, pos, false) else { continue };
        next_free = person.end;
        let Some(name) = person.name else { continue };
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

/// The byte offsets of capital letters that begin a word (what `\b\p{Lu}` matches, without
/// a regex's Unicode word-boundary machinery).
fn word_initial_capitals(text: &str) -> impl Iterator<Item = usize> + '_ {
    let mut previous_in_word = false;
    text.char_indices().filter_map(move |(i, c)| {
        let starts = c.is_uppercase() && !previous_in_word;
        previous_in_word = c.is_alphanumeric() || c == '_' || is_mark(c);
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
    let head = role_head(role)?;
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
    p += text[p..].chars().take_while(|&c| is_quote_mark(c) || c == ')').map(char::len_utf8).sum::<usize>();
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
fn resolve(person: Person, at: usize, people: &People) -> Who {
    let mut speaker = person.name;
    let role = person.role;
    match &speaker {
        Some(name) => {
            if let Some(full) = people.nearest(at, true, |m| extends(&m.name, name)) {
                speaker = Some(full.name.clone());
            }
        }
        None => {
            if let Some(head) = role.as_deref().and_then(role_head) {
                speaker = people
                    .nearest(at, false, |m| {
                        m.role.as_deref().and_then(role_head).is_some_and(|h| same_role(&h, &head))
                    })
                    .map(|m| m.name.clone());
            }
        }
    }
    let role = role.or_else(|| {
        let name = speaker.as_deref()?;
        people.nearest(at, true, |m| m.role.is_some() && m.name == name).and_then(|m| m.role.clone())
    });
    Who { speaker, role }
}

/// The people of a document: those named in the text (found on first use: most documents
/// need no one resolved) and the speakers of the quotes found so far, each list in text order.
struct People<'t> {
    text: &'t str,
    named: std::cell::OnceCell<Vec<Mention>>,
    speakers: Vec<Mention>,
}

impl People<'_> {
    fn named(&self) -> &[Mention] {
        self.named.get_or_init(|| people_named(self.text))
    }

    /// The mention nearest before `at` that satisfies `pred`; with `or_later`, else the nearest
    /// after. Looks at no more than [`MAX_LOOKUP`] mentions each way in each list.
    fn nearest(&self, at: usize, or_later: bool, pred: impl Fn(&Mention) -> bool) -> Option<&Mention> {
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
    fn referent(&self, at: usize, recent: usize, gender: Gender) -> Option<&Mention> {
        let fits = |m: &Mention| m.gender == Some(gender);
        let open = |m: &Mention| m.gender.is_none();
        self.nearest(at, false, |m| m.pos >= recent && fits(m))
            .or_else(|| self.nearest(at, false, |m| m.pos >= recent && open(m)))
            .or_else(|| self.nearest(at, false, fits))
            .or_else(|| self.nearest(at, false, open))
    }

    /// The gender of a speaker: from the role, else from where the text names the person.
    fn gender_of(&self, name: &str, role: Option<&str>, at: usize) -> Option<Gender> {
        role.and_then(role_gender).or_else(|| address_gender(name)).or_else(|| {
            self.nearest(at, true, |m| m.gender.is_some() && (m.name == name || extends(&m.name, name)))
                .and_then(|m| m.gender)
        })
    }

    /// Whether the text names someone in `from..to`.
    fn named_between(&self, from: usize, to: usize) -> bool {
        let named = self.named();
        let first = named.partition_point(|m| m.pos < from);
        named.get(first).is_some_and(|m| m.pos < to)
    }
}

/// Whether `full` is a longer form of `short`: same surname, and every word of the short form
/// (title included) in it. Forms of address ("Frau") are ignored.
fn extends(full: &str, short: &str) -> bool {
    if full.split_whitespace().next_back() != short.split_whitespace().next_back() {
        return false; // the cheap test first: most names differ in the surname
    }
    let (full, short) = (name_words(full), name_words(short));
    !short.is_empty() && full.len() > short.len() && short.iter().all(|w| full.contains(w))
}

fn name_words(name: &str) -> Vec<&str> {
    name.split_whitespace().filter(|w| !HONORIFICS.contains(w)).collect()
}

/// The role word of a role phrase, lower case: "grüne Sozialpolitiker" → "sozialpolitiker".
fn role_head(role: &str) -> Option<String> {
    role.split_whitespace().find(|w| is_role_word(w, false)).map(str::to_lowercase)
}

/// "familienministerin" and "ministerin" name the same office; so do "landrat" and "landrat".
fn same_role(a: &str, b: &str) -> bool {
    a == b
        || a.ends_with(&format!("-{b}"))
        || b.ends_with(&format!("-{a}"))
        || a.ends_with(b)
        || b.ends_with(a)
}

fn is_role_word(word: &str, inflected: bool) -> bool {
    if word == "OB" {
        return true;
    }
    if !word.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    // Called for every capitalised word: lowered into a reused buffer, not a new string.
    thread_local! {
        static LOWER: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
    }
    LOWER.with(|buffer| {
        let mut lower = buffer.borrow_mut();
        lower.clear();
        lower.extend(word.chars().flat_map(char::to_lowercase));
        ends_with_role(&lower)
            || (inflected
                && ROLE_INFLECTIONS.iter().any(|s| lower.strip_suffix(s).is_some_and(ends_with_role)))
    })
}

/// The role endings by byte length: a word is tested once per length, not once per ending
/// (this runs for every capitalised word of every document).
static ROLE_ENDINGS_BY_LENGTH: LazyLock<Vec<(usize, FxHashSet<&'static str>)>> = LazyLock::new(|| {
    let mut by_length: Vec<(usize, FxHashSet<&'static str>)> = Vec::new();
    for ending in ROLE_ENDINGS.iter() {
        match by_length.iter_mut().find(|(n, _)| *n == ending.len()) {
            Some((_, set)) => {
                set.insert(ending);
            }
            None => by_length.push((ending.len(), FxHashSet::from_iter([*ending]))),
        }
    }
    by_length
});

/// Whether a lower-case word ends with one of [`ROLE_ENDINGS`].
fn ends_with_role(lower: &str) -> bool {
    ROLE_ENDINGS_BY_LENGTH.iter().any(|(n, endings)| {
        lower.len() >= *n
            && lower.is_char_boundary(lower.len() - n)
            && endings.contains(&lower[lower.len() - n..])
    })
}

/// "Erster", "Stellvertretende", or a place in the genitive ("Wuppertals") before a role word.
fn is_role_prefix(word: &str) -> bool {
    ROLE_PREFIXES.contains(&word)
        || (word.ends_with('s') && !word.ends_with("es") && !NOT_NAMES.contains(&word) && word.len() > 3)
}

fn looks_like_noun(word: &str) -> bool {
    let lower = word.to_lowercase();
    NOUN_ENDINGS.iter().any(|e| lower.ends_with(e) && lower.len() > e.len() + 2)
}

fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
        && (word.chars().any(char::is_lowercase) || word == "OB")
}

/// A lower-case adjective between an article and a role: "der grüne Sozialpolitiker".
fn is_adjective(word: &str) -> bool {
    word.chars().all(|c| c.is_alphabetic() || c == '-')
        && word.chars().next().is_some_and(char::is_lowercase)
        && ["e", "en", "er", "es", "em"].iter().any(|e| word.ends_with(e))
        && !ARTICLES.contains(&word)
        && !NOT_A_SPEAKER.contains(&word)
}

// ---------------------------------------------------------------------------------------------
// Text helpers (all bounded: they never scan more than a window around a position)
// ---------------------------------------------------------------------------------------------

/// The word starting at `pos`: letters and digits, with inner hyphens and apostrophes.
fn word_at(text: &str, pos: usize) -> Option<(&str, usize)> {
    let rest = text.get(pos..)?;
    let mut chars = rest.char_indices().peekable();
    let (_, first) = chars.next()?;
    if !first.is_alphabetic() {
        return None;
    }
    let mut end = first.len_utf8();
    while let Some((k, c)) = chars.next() {
        if k > MAX_WORD_BYTES {
            return None;
        }
        let joins = matches!(c, '-' | '’' | '\'') && chars.peek().is_some_and(|&(_, n)| n.is_alphabetic());
        if c.is_alphanumeric() || joins {
            end = k + c.len_utf8();
        } else {
            break;
        }
    }
    Some((&rest[..end], pos + end))
}

/// Bytes of horizontal space at `pos` (no line breaks).
fn spaces_at(text: &str, pos: usize) -> usize {
    let Some(rest) = text.get(pos..) else { return 0 };
    rest.char_indices()
        .find(|&(_, c)| !matches!(c, ' ' | '\t' | '\u{a0}' | '\u{202f}' | '\u{2009}'))
        .map_or(rest.len(), |(k, _)| k)
}

/// Whether only spaces and a period follow `pos` on its line.
fn rest_of_line_is_empty(text: &str, pos: usize) -> bool {
    let end = line_end(text, pos, WINDOW);
    text.get(pos..end)
        .is_some_and(|rest| rest.trim_matches(|c: char| c.is_whitespace() || c == '.').is_empty())
        && (end == text.len() || text[end..].starts_with('\n'))
}

/// The end of the line holding `pos` (looking at most `window` bytes ahead).
fn line_end(text: &str, pos: usize, window: usize) -> usize {
    let limit = ceil_boundary(text, pos.saturating_add(window));
    text.get(pos..limit).and_then(|s| s.find('\n')).map_or(limit, |k| pos + k)
}

/// The start of the line holding `pos` (looking at most `window` bytes back).
fn line_start(text: &str, pos: usize, window: usize) -> usize {
    let from = floor_boundary(text, pos.saturating_sub(window));
    text.get(from..pos).and_then(|s| s.rfind('\n')).map_or(from, |k| from + k + 1)
}

/// Where the sentence holding `to` starts, not before `from`.
fn sentence_start(text: &str, from: usize, to: usize) -> usize {
    let from = from.max(floor_boundary(text, to.saturating_sub(WINDOW)));
    let mut start = from;
    for (k, c) in text[from..to].char_indices() {
        if matches!(c, '.' | '!' | '?') && is_sentence_end(text, from + k) {
            start = from + k + c.len_utf8();
        }
    }
    start
}

/// Whether the `.`, `!` or `?` at `i` ends a sentence (not "Dr.", "z. B.", "20. November").
fn is_sentence_end(text: &str, i: usize) -> bool {
    let after = text[i..].chars().nth(1);
    if !after.is_none_or(|n| n.is_whitespace() || is_quote_mark(n)) {
        return false;
    }
    if !text[i..].starts_with('.') {
        return true;
    }
    let word = text[..i].rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    let letters = word.chars().count();
    !(letters == 1
        || ABBREVIATIONS.contains(&word)
        || (letters <= 2 && word.chars().all(|c| c.is_ascii_digit()) && !word.is_empty()))
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    if i >= text.len() {
        return text.len();
    }
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(text: &str, mut i: usize) -> usize {
    if i >= text.len() {
        return text.len();
    }
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A seed document of the repository's corpus.
    macro_rules! seed {
        ($name:literal) => {
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/", $name))
                .expect("seed document readable")
        };
    }

    /// (speaker, role) of every quote.
    fn who(quotes: &[Quote]) -> Vec<(Option<&str>, Option<&str>)> {
        quotes.iter().map(|q| (q.speaker.as_deref(), q.role.as_deref())).collect()
    }

    fn one(text: &str) -> Quote {
        let quotes = extract(text);
        assert_eq!(quotes.len(), 1, "one quote expected in {text:?}, got {quotes:#?}");
        quotes.into_iter().next().expect("one quote")
    }

    fn assert_starts_at_mark(text: &str, quotes: &[Quote]) {
        for q in quotes {
            let mark = text[q.start..].chars().next().expect("a character at start");
            assert!(is_quote_mark(mark), "quote {:?} starts at {mark:?}", q.text);
        }
    }

    #[test]
    fn seed_profile_steinfurt() {
        let text = seed!("000_84af1531842d3f23.txt");
        let quotes = extract(&text);
        assert_eq!(who(&quotes), [(Some("Dr. Sommer"), Some("Landrat"))]);
        assert!(quotes[0].text.starts_with("Wir möchten, dass Kinder"));
        assert!(quotes[0].text.contains("Teilnahme an „kinderstark“ ermöglicht"));
        assert!(quotes[0].text.ends_with("liegt uns am Herzen."));
        assert_starts_at_mark(&text, &quotes);
    }

    #[test]
    fn seed_press_release_steinfurt() {
        let text = seed!("001_6f3f8ce9bb356ce7.txt");
        let quotes = extract(&text);
        assert_eq!(
            who(&quotes),
            [
                (Some("Dr. Klaus Effing"), Some("Landrat")),
                (Some("Annita Cladder-Micus"), Some("Projektkoordinatorin „KeKiz“ im Kreisjugendamt")),
                (Some("Tilman Fuchs"), Some("Sozialdezernent des Kreises")),
                (Some("Dr. Klaus Effing"), Some("Landrat")),
                (Some("Roswitha Reckels"), Some("Leiterin des Kreisjugendamtes")),
            ]
        );
        assert!(quotes[0].text.starts_with("Das sind keine guten Startchancen"));
        assert!(quotes[3].text.starts_with("Kindern einen guten Start ins Leben"));
        for q in &quotes {
            for not in ["abgehängt", "Kein Kind zurücklassen", "Prävention im Kreis Steinfurt", "KeKiz"] {
                assert_ne!(q.text, not);
            }
        }
        assert_starts_at_mark(&text, &quotes);
    }

    #[test]
    fn seed_profile_coesfeld() {
        let text = seed!("002_dab9a15ee8aec2cc.txt");
        let quotes = extract(&text);
        assert_eq!(who(&quotes), [(Some("Dr. Christian Schulze Pellengahr"), Some("Landrat"))]);
        assert!(quotes[0].text.starts_with("Kinder sind die Zukunft unserer Gesellschaft"));
        assert!(quotes[0].text.contains("„Netzwerk Chancengerechtigkeit“"));
    }

    #[test]
    fn seed_leitbild_krefeld_has_only_slogans() {
        assert_eq!(extract(&seed!("003_fcd2ca9dae393cb0.txt")), []);
    }

    #[test]
    fn seed_profile_dueren_signature() {
        let text = seed!("004_b2df2b7532f9f2ee.txt");
        let quotes = extract(&text);
        assert_eq!(who(&quotes), [(Some("Wolfgang Spelthahn"), Some("Landrat"))]);
        assert!(quotes[0].text.starts_with("Wir machen bei dem Modellvorhaben mit"));
        assert!(quotes[0].text.contains("\"Kultur des Übergangs\""));
        assert!(quotes[0].text.ends_with("individuell zu begleiten."));
    }

    #[test]
    fn speaker_before_the_quote() {
        let cases = [
            (
                "Bürgermeister Heinz Hilgers eröffnete den Abend.\n\nHilgers: „Wir lassen kein Kind in dieser Stadt zurück.“",
                Some("Heinz Hilgers"),
                Some("Bürgermeister"),
            ),
            (
                "Landrat Michael Makiolla: „Wir investieren in die Zukunft unserer Kinder.“",
                Some("Michael Makiolla"),
                Some("Landrat"),
            ),
            (
                "Oberbürgermeister Frank Baranowski sagt: „Kein Kind darf in unserer Stadt verloren gehen.“",
                Some("Frank Baranowski"),
                Some("Oberbürgermeister"),
            ),
            (
                "Zum Abschluss sagte Bürgermeisterin Anna Beispiel: „Das Netzwerk trägt, weil alle mitmachen.“",
                Some("Anna Beispiel"),
                Some("Bürgermeisterin"),
            ),
            (
                "Für Landrat Dr. Axel Muster ist die Kette eine Voraussetzung für Chancengleichheit: „Hartz IV darf nicht vererbt werden.“",
                Some("Dr. Axel Muster"),
                Some("Landrat"),
            ),
            (
                "- Zum Weltkindertag betonte Familienministerin Kristin Beispiel:\n\"Kinder sind das Wertvollste unserer Gesellschaft.\"",
                Some("Kristin Beispiel"),
                Some("Familienministerin"),
            ),
            (
                "Marco Muster erklärte dazu: „Die Landesregierung setzt sich für faire Chancen ein.“",
                Some("Marco Muster"),
                None,
            ),
        ];
        for (text, speaker, role) in cases {
            let q = one(text);
            assert_eq!((q.speaker.as_deref(), q.role.as_deref()), (speaker, role), "in {text:?}");
        }
    }

    #[test]
    fn speaker_after_the_quote() {
        let cases = [
            ("„Wir müssen früher ansetzen als bisher“, erklärte Jugenddezernentin Maria Muster.", Some("Maria Muster"), Some("Jugenddezernentin")),
            ("„Die Zahlen sprechen eine deutliche Sprache“, fasst Netzwerkkoordinatorin Eva Beispiel zusammen.", Some("Eva Beispiel"), Some("Netzwerkkoordinatorin")),
            ("„Vorbeugung lohnt sich für alle Beteiligten“, ist Fachbereichsleiter Peter Muster überzeugt.", Some("Peter Muster"), Some("Fachbereichsleiter")),
            ("„Die Kinder profitieren von jedem Angebot“, zeigte sich Schulleiterin Petra Probe überzeugt.", Some("Petra Probe"), Some("Schulleiterin")),
            ("„Wir haben viel erreicht in diesem Jahr“, freut sich Geschäftsführerin Jana Test.", Some("Jana Test"), Some("Geschäftsführerin")),
            ("»Prävention ist eine Aufgabe für alle Ressorts«, sagte Ministerin Ute Beispiel.", Some("Ute Beispiel"), Some("Ministerin")),
            ("\"Die Eltern sind unsere wichtigsten Partner\", sagt Lena Probe, Elternvertreterin der Grundschule.", Some("Lena Probe"), Some("Elternvertreterin der Grundschule")),
            ("“Das Programm wirkt in allen Stadtteilen”, betont Sozialdezernent Dr. Stefan Muster.", Some("Dr. Stefan Muster"), Some("Sozialdezernent")),
            ("„Hier muss genauer hingeschaut werden, damit alle eine Chance bekommen“, so der grüne Sozialpolitiker.", None, Some("grüne Sozialpolitiker")),
            ("„Es ist gelungen, Prävention auf die Agenda zu setzen“, bestätigt anschließend Landrat Wolfgang Beispiel in seiner Rede.", Some("Wolfgang Beispiel"), Some("Landrat")),
            ("„Die ersten Schritte sind mittlerweile umgesetzt“, berichtet Markus Probe, Leiter des Fachbereichs Jugendhilfe.", Some("Markus Probe"), Some("Leiter des Fachbereichs Jugendhilfe")),
            ("„Frühe Hilfen können vieles deutlich verbessern,“ kommentiert Felix Muster, Vorsitzender der SPD-Ratsfraktion.", Some("Felix Muster"), Some("Vorsitzender der SPD-Ratsfraktion")),
            ("„Das haben wir gemeinsam mit vielen Partnern geschafft“ (Bürgermeister Hans Meier)", Some("Hans Meier"), Some("Bürgermeister")),
            ("„Das haben wir gemeinsam mit vielen Partnern geschafft.“\n– Bürgermeisterin Hanna Meier", Some("Hanna Meier"), Some("Bürgermeisterin")),
        ];
        for (text, speaker, role) in cases {
            let q = one(text);
            assert_eq!((q.speaker.as_deref(), q.role.as_deref()), (speaker, role), "in {text:?}");
        }
    }

    #[test]
    fn short_references_resolve_to_the_full_name() {
        let text = "Landrat Hans Beispiel eröffnete die Konferenz. Er lobte die Kitas.\n\n\
            „Vorbeugen ist besser als heilen, das gilt auch hier“, so der Landrat.\n\n\
            „Wir werden das Netzwerk weiter ausbauen und verstetigen“, sagte Beispiel.";
        let quotes = extract(text);
        assert_eq!(
            who(&quotes),
            [(Some("Hans Beispiel"), Some("Landrat")), (Some("Hans Beispiel"), Some("Landrat"))]
        );
        // Without an earlier full mention the role stays alone.
        let q = one("„Vorbeugen ist besser als heilen, das gilt auch hier“, so der Landrat.");
        assert_eq!((q.speaker, q.role.as_deref()), (None, Some("Landrat")));
    }

    #[test]
    fn pronouns_stand_for_the_nearest_person_of_their_gender() {
        let man = "Landrat Hans Beispiel begrüßte die Gäste. ";
        let both = "Landrat Hans Beispiel begrüßte Ministerin Eva Muster im Kreishaus. ";
        let hans = (Some("Hans Beispiel"), Some("Landrat"));
        let eva = (Some("Eva Muster"), Some("Ministerin"));
        let cases = [
            (format!("{man}„Wir müssen früher ansetzen als bisher“, sagt er."), hans),
            (format!("{both}„Prävention ist eine Aufgabe für alle Ressorts“, betonte sie."), eva),
            (format!("{both}„Prävention ist eine Aufgabe für alle Ressorts“, betonte er."), hans),
            (
                format!(
                    "{man}\"Vorbeugen ist besser als heilen - das gilt hier\", lautet seine Überzeugung."
                ),
                hans,
            ),
            (format!("{both}„Wir haben viel erreicht in diesem Jahr“, so ihr Fazit."), eva),
            (format!("{both}„Die Kinder profitieren von jedem Angebot“, ist sie überzeugt."), eva),
            (format!("{man}Er betonte: „Kein Kind darf in unserer Stadt verloren gehen.“"), hans),
            (format!("{both}Dazu sagte sie noch: „Das Netzwerk trägt, weil alle mitmachen.“"), eva),
            (format!("{both}Ihr Resümee: „Das Netzwerk trägt, weil alle mitmachen.“"), eva),
            (format!("{man}Seine Devise: „Vorbeugen ist besser als heilen, immer.“"), hans),
            (
                "Dr. Brigitte Mohn besuchte den Kreis. Sie ist Vorstandsmitglied der Stiftung. \
                Landrat Hans Beispiel führte sie durch die Kita.\n\n\
                „Vorbeugung funktioniert nur, wenn sie Chefsache ist“, sagte sie."
                    .to_string(),
                (Some("Dr. Brigitte Mohn"), None),
            ),
        ];
        for (text, expected) in cases {
            let q = one(&text);
            assert_eq!((q.speaker.as_deref(), q.role.as_deref()), expected, "in {text:?}");
        }
        let texts = [
            format!("{both}„Die Kinder profitieren von jedem Angebot“, sagen sie."),
            format!("{both}Sie betonen: „Die Kinder profitieren von jedem Angebot.“"),
            format!("{both}Ihr Motto: „Gemeinsam stark für ein gelingendes Aufwachsen“"),
            "„Die Kinder profitieren von jedem Angebot“, betont er.".to_string(),
        ];
        for text in texts {
            assert_eq!(extract(&text), [], "no quote expected in {text:?}");
        }
    }

    #[test]
    fn demonstrative_in_the_next_sentence() {
        let cases = [
            (
                "Die Angebote bilden „inzwischen eine gute frühe Präventionskette”. Dieses Resümee zieht Jugenddezernent Manfred Muster.",
                Some("Manfred Muster"),
                Some("Jugenddezernent"),
            ),
            (
                "„Wir lassen kein Kind in dieser Stadt zurück.“ Das sagte Landrat Hans Beispiel am Montag.",
                Some("Hans Beispiel"),
                Some("Landrat"),
            ),
            (
                "Ministerin Eva Muster kam nach Düren. „Prävention ist eine Aufgabe für alle“. Das betonte die Ministerin.",
                Some("Eva Muster"),
                Some("Ministerin"),
            ),
        ];
        for (text, speaker, role) in cases {
            let q = one(text);
            assert_eq!((q.speaker.as_deref(), q.role.as_deref()), (speaker, role), "in {text:?}");
        }
        let texts = [
            "„Wir lassen kein Kind in dieser Stadt zurück.“ Das zeigte Landrat Hans Beispiel den Gästen.",
            "„Wir lassen kein Kind in dieser Stadt zurück“ Das sagte Landrat Hans Beispiel.",
            "„Wir lassen kein Kind in dieser Stadt zurück.“ Das Projekt zieht Landrat Hans Beispiel an.",
        ];
        for text in texts {
            assert_eq!(extract(text), [], "no quote expected in {text:?}");
        }
    }

    #[test]
    fn continuation_takes_the_previous_speaker() {
        let text = "\"Die Stadt arbeitet mit vielen Partnern erfolgreich daran\", sagt Oberbürgermeister Andreas Muster. \
            \"Das Thema ist breit in unserer Stadtgesellschaft verankert!\"\n\n\
            Die Stadt plant weitere Angebote. \"Das ist ein ganz anderer Satz ohne Sprecher.\"";
        let quotes = extract(text);
        assert_eq!(
            who(&quotes),
            [
                (Some("Andreas Muster"), Some("Oberbürgermeister")),
                (Some("Andreas Muster"), Some("Oberbürgermeister"))
            ]
        );
        assert_eq!(quotes[1].text, "Das Thema ist breit in unserer Stadtgesellschaft verankert!");
    }

    #[test]
    fn scare_quotes_titles_and_slogans_are_not_quotes() {
        let texts = [
            "Ihm droht die Gefahr, gesellschaftlich „abgehängt“ zu werden, sagte Landrat Hans Meier.",
            "Wir wollen Kindern ermöglichen, gelingend „groß“ zu werden.",
            "Initiative „Kein Kind zurücklassen“ im Kreis Steinfurt gestartet",
            "Leitbild – „Präventionsnetz im Kreis Steinfurt“",
            "In den Mittelpunkt rücken die jungen Menschen („Vom Kind aus denken!“), die gefördert werden.",
            "Unter der Prämisse „Ungleiches ungleich behandeln!“ liegt das Hauptaugenmerk auf Prävention.",
            "Gelingendes Aufwachsen in Krefeld - „Junge Menschen und ihre Eltern früh im Blick!“\n\nIn den Mittelpunkt rücken die jungen Menschen.",
            "„Gut aufwachsen im Kreis Düren - Wir tun was“ – das Motto der Konferenz, die Landrat Hans Meier eröffnete.",
            "Das Modellvorhaben „Kein Kind zurücklassen! Kommunen in NRW beugen vor“ (KeKiz) startet.",
            "Landrat Hans Meier sagte, dass Prävention sich lohne und alle Kinder profitieren.",
            "„Diese Aussage steht ganz allein ohne jeden Urheber im Text.“",
            "Unter dem Motto: „Gemeinsam stark für ein gelingendes Aufwachsen in Hessen“ tagte Landrat X.",
            "Kreis Düren: „Vorbeugung funktioniert nur, wenn sie Chefsache ist.“",
            "„Wir machen mit, weil es um die Zukunft unserer Kinder geht.“\nLisa Kopp-Hense",
            "„Vorbeugen ist besser als heilen, das gilt auch hier“, sagte sie.",
        ];
        for text in texts {
            assert_eq!(extract(text), [], "no quote expected in {text:?}");
        }
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        let long_line = format!("„{}“, sagte Landrat Hans Meier.", "Wort ".repeat(50_000));
        let many_marks = "„a“ \"b\" »c« ‚d‘ ’e‘ “f” ".repeat(5_000);
        let unbalanced = "„Das ist ein Satz ohne Ende, sagte Landrat Hans Meier.\n".repeat(1_000);
        let only_openers = "„".repeat(300_000);
        let hyphen_chain = "A-".repeat(300_000);
        let capitals = "Landrat Dr. A B C D E F G H, ".repeat(20_000);
        let texts = [
            String::new(),
            "„".to_string(),
            "“”„\"\"»«›‹‚‘’".to_string(),
            "\"\"\"\"\"".to_string(),
            "„Das ist ein Satz ohne Ende".to_string(),
            "Landrat:".to_string(),
            "„Fünf Wörter sind hier drin“,".to_string(),
            "„Fünf Wörter sind hier drin“, so".to_string(),
            "„Fünf Wörter sind hier drin“, so der".to_string(),
            "Ä„ö“ü\r\n\r\n„ß“, sagte Dr.".to_string(),
            "(„Ein Zitat in Klammern mit Wörtern“ (".to_string(),
            long_line.clone(),
            many_marks,
            unbalanced,
            only_openers,
            hyphen_chain,
            capitals,
        ];
        for text in &texts {
            for q in extract(text) {
                assert!(text.is_char_boundary(q.start));
                assert!(!q.text.is_empty());
            }
        }
        let quotes = extract(&long_line);
        assert_eq!(who(&quotes), [(Some("Hans Meier"), Some("Landrat"))]);
    }

    /// Windows that start inside a multi-byte character, before and after a quote, at every
    /// shift (a line longer than the look-back window once cut `ä` in half).
    #[test]
    fn windows_never_cut_a_character() {
        for shift in 0..8 {
            let before = format!("{}{}", "x".repeat(shift), "ä".repeat(300));
            let quote = "„Das ist ein Satz mit genug Wörtern darin“";
            for text in [
                format!("{before} {quote}, sagte Landrat Hans Meier."),
                format!("{before} {quote} (Landrat Hans Meier)"),
                format!("{before} {quote}\nHans Meier, Landrat"),
                format!("{quote} (Landrat Hans Meier) {before}"),
            ] {
                for q in extract(&text) {
                    assert!(text.is_char_boundary(q.start));
                }
            }
        }
    }

    #[test]
    fn pairs_nested_and_mixed_marks() {
        let text = "\"Wir wollen eine \"Kultur des Übergangs\" etablieren, um früh zu begleiten.\"\nWolfgang Muster, Landrat";
        let q = one(text);
        assert_eq!(q.text, "Wir wollen eine \"Kultur des Übergangs\" etablieren, um früh zu begleiten.");
        let text = "„‚Kein Kind zurücklassen‘ ist ein Erfolg für das ganze Land“, sagte Ministerpräsidentin Hanna Muster.";
        let q = one(text);
        assert_eq!(q.text, "‚Kein Kind zurücklassen‘ ist ein Erfolg für das ganze Land");
        assert_eq!(q.start, 0);
        let text =
            "Sie sagte am Ende: Nein. ›Das ist ein Satz in einfachen Zeichen‹, sagte Landrätin Eva Muster.";
        assert_eq!(who(&extract(text)), [(Some("Eva Muster"), Some("Landrätin"))]);
    }

    /// Prints what the extractor finds in a folder of documents; for development only.
    /// Run: `PRAEV_QUOTES_DIR=/path/to/corpus cargo test --lib ingest::quotes -- --ignored --nocapture`
    #[test]
    #[ignore]
    fn print_quotes_of_a_folder() {
        let Ok(dir) = std::env::var("PRAEV_QUOTES_DIR") else { return };
        let mut paths: Vec<_> = std::fs::read_dir(&dir)
            .expect("readable folder")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        paths.sort();
        let mut total = 0;
        for path in paths {
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            for q in extract(&text) {
                total += 1;
                let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                let short: String = q.text.chars().take(90).collect();
                println!(
                    "{total:3} {name} @{}\n    speaker={:?} role={:?}\n    {short}",
                    q.start, q.speaker, q.role
                );
            }
        }
        println!("total quotes: {total}");
    }
}
