//! The word lists of attribution and the tests over single words.
//!
//! Speech verbs, articles, titles, forms of address, words that are never names, noun endings
//! and the like: what quote attribution needs to know about single German words. Office and
//! role endings are shared with other stages and live in `german::offices`; [`is_role_word`]
//! adds the inflected forms running text uses ("des Landrats").

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;
use rustc_hash::FxHashMap;

use crate::ingest::german::offices::ends_with_role;

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
pub(super) static VERB_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^(?:{SPEECH_VERBS})\b")).expect("valid regex"));
/// The sentence after a quote: `Das sagte`, `Dieses Resümee zieht`, `Diese Worte richtete …`.
pub(super) static DEMONSTRATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:Das|Dies|Dieses|Diese|Diesen)(?:[ \t\u{{a0}}]+(\p{{Lu}}[\p{{L}}-]*))?[ \t\u{{a0}}]+({DEMONSTRATIVE_VERBS})\b"
    ))
    .expect("valid regex")
});
/// A speech verb inside a lead-in (`… betonte Ministerin X: „…“`); "so" is too common there.
pub(super) static VERB_INSIDE: LazyLock<Regex> = LazyLock::new(|| {
    let verbs = SPEECH_VERBS.trim_start_matches("so|");
    Regex::new(&format!(r"\b(?:{verbs})\b")).expect("valid regex")
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
pub(super) const TITLES: &[&str] = &["Dr", "Prof", "PD", "Dipl", "med", "phil", "jur"];
/// Forms of address kept in a name but ignored when names are compared.
pub(super) const HONORIFICS: &[&str] = &["Herr", "Frau"];
/// Name particles between a first name and a surname ("Marc von Krosigk").
pub(super) const PARTICLES: &[&str] = &["von", "van", "de"];
/// Articles before a role: "so der Landrat", "erklärt die KeKiz-Koordinatorin X".
pub(super) const ARTICLES: &[&str] = &["der", "die", "den", "dem", "des"];
/// Words after a speech verb that mean the speaker is not named there.
pub(super) static NOT_A_SPEAKER: LazyLock<Vec<&str>> = LazyLock::new(|| {
    words(
        "er sie es man wir ich ihr dass daß wie und oder aber als wenn weil das ein eine einer eines \
        einem einen jemand keiner keine",
    )
    .collect()
});
/// Prepositions that continue a role on its own: "der Landrat des Kreises", "die Koordinatorin im Amt".
pub(super) const ROLE_COMPLEMENTS: &[&str] =
    &["des", "der", "im", "am", "beim", "vom", "von", "für", "bei", "aus", "zum", "zur"];
/// Words before a speaker at the start of a lead-in: "Für Landrat X ist …: „…“".
pub(super) static LEAD_INS: LazyLock<Vec<&str>> = LazyLock::new(|| {
    words(
        "Für Auch Laut Und Doch Dazu Hierzu Darauf Dann Nun Jetzt So Aber Zudem Außerdem Deshalb Daher \
        Denn Schließlich Abschließend",
    )
    .collect()
});
/// Last words of a lead-in that announce a title or motto, not a person's words.
pub(super) static TITLE_NOUNS: LazyLock<Vec<&str>> = LazyLock::new(|| {
    words(
        "Motto Titel Thema Devise Slogan Leitbild Leitmotiv Leitsatz Maxime Name Namen Überschrift \
        Projekt Programm Initiative Aktion Kampagne Credo Stichwort Schlagwort Arbeitstitel Untertitel",
    )
    .collect()
});
/// Capitalised words that are never part of a person's name: function words, places, institutions,
/// months, captions.
pub(super) static NOT_NAMES: LazyLock<HashSet<&str>> = LazyLock::new(|| {
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
        Thema Ziel Ziele Presseinformation Pressemitteilung Neue Neuer Neues Weitere Weiterer Grußwort \
        Grußworte Grußworten Grusswort Vorwort Geleitwort Statement Rede Interview",
    )
    .collect()
});
/// Endings of German common nouns that names do not have.
static NOUN_ENDINGS: LazyLock<Vec<&str>> = LazyLock::new(|| {
    words(
        "ung ungen heit keit schaft tion ität nis ismus chen tum ium stelle amt werk zentrum gruppe \
        verband verein kette ketten projekt programm konferenz netz institut",
    )
    .collect()
});
/// Words after "ist/zeigte sich X …" that make the phrase an attribution (`ist John überzeugt`).
pub(super) static CONVICTION_WORDS: LazyLock<Vec<&str>> = LazyLock::new(|| {
    words("überzeugt sicher zuversichtlich optimistisch gewiss begeistert beeindruckt erfreut").collect()
});

/// Verbs after a quote that take a possessive and a noun: `„…“, lautet seine Überzeugung.`
pub(super) const POSSESSIVE_VERBS: &[&str] = &["so", "lautet", "lautete", "ist", "war"];
/// Endings (lower case) of nouns for what a person says or holds ("Resümee", "Zwischenbilanz",
/// "Überzeugung"): `Ihr Resümee: „…“`, `„…“, so seine Bilanz`. "Motto" and "Slogan" are left
/// out: an institution's motto is a slogan.
pub(super) static STATEMENT_NOUNS: LazyLock<Vec<&str>> = LazyLock::new(|| {
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
pub(super) const UNSEXED_ROLES: &[&str] = &[
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

/// Whether a capitalised word names an office or role ("Landrat", "KeKiz-Koordinatorin"), with
/// `inflected` also in the genitive or plural ("des Landrats"); "OB" as is.
pub(super) fn is_role_word(word: &str, inflected: bool) -> bool {
    if word == "OB" {
        return true;
    }
    if !word.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    // Asked for every capitalised word of every document with quotes, and documents share
    // their words: each word's answers are kept (per thread, no lock), bounded in number.
    thread_local! {
        static KNOWN: std::cell::RefCell<FxHashMap<Box<str>, RoleWord>> = std::cell::RefCell::new(FxHashMap::default());
    }
    KNOWN.with(|known| {
        let mut known = known.borrow_mut();
        if let Some(answer) = known.get(word) {
            return answer.is(inflected);
        }
        if known.len() >= KNOWN_WORDS_LIMIT {
            known.clear();
        }
        let answer = RoleWord::of(word);
        known.insert(word.into(), answer);
        answer.is(inflected)
    })
}

/// How many words [`is_role_word`] keeps its answers for (per thread) before it starts over.
const KNOWN_WORDS_LIMIT: usize = 100_000;

/// Whether a capitalised word is a role word as written and in an inflected form.
#[derive(Clone, Copy)]
struct RoleWord {
    plain: bool,
    inflected: bool,
}

impl RoleWord {
    fn of(word: &str) -> RoleWord {
        let lower: String = word.chars().flat_map(char::to_lowercase).collect();
        let plain = ends_with_role(&lower)
            || lower.strip_suffix("innen").is_some_and(|stem| ends_with_role(&format!("{stem}in")));
        let inflected =
            plain || ROLE_INFLECTIONS.iter().any(|s| lower.strip_suffix(s).is_some_and(ends_with_role));
        RoleWord { plain, inflected }
    }

    fn is(self, inflected: bool) -> bool {
        if inflected {
            self.inflected
        } else {
            self.plain
        }
    }
}

/// "Erster", "Stellvertretende", or a place in the genitive ("Wuppertals") before a role word.
pub(super) fn is_role_prefix(word: &str) -> bool {
    ROLE_PREFIXES.contains(&word)
        || (word.ends_with('s') && !word.ends_with("es") && !NOT_NAMES.contains(&word) && word.len() > 3)
}

/// Whether a word has the ending of a common noun ("Prävention", "Netzwerkstelle"), not a name's.
pub(super) fn looks_like_noun(word: &str) -> bool {
    let lower = word.to_lowercase();
    NOUN_ENDINGS.iter().any(|e| lower.ends_with(e) && lower.len() > e.len() + 2)
}

/// A capitalised word with lower-case letters after the capital ("Landrat", not "NRW"), or "OB".
pub(super) fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
        && (word.chars().any(char::is_lowercase) || word == "OB")
}

/// A lower-case adjective between an article and a role: "der grüne Sozialpolitiker".
pub(super) fn is_adjective(word: &str) -> bool {
    word.chars().all(|c| c.is_alphabetic() || c == '-')
        && word.chars().next().is_some_and(char::is_lowercase)
        && ["e", "en", "er", "es", "em"].iter().any(|e| word.ends_with(e))
        && !ARTICLES.contains(&word)
        && !NOT_A_SPEAKER.contains(&word)
}
