//! Table-driven tests of the whole German analysis chain: one line per German word or phrase
//! and the terms it must (or must not) produce. A failure names the case and what probably
//! broke.

use super::*;

/// An analyzer with the bundled configuration, and a small corpus vocabulary standing in for
/// an index's own words.
fn analyzer() -> GermanAnalyzer {
    let config = crate::config::ConfigFiles::bundled().load_analysis().expect("bundled config loads");
    let corpus_words = [
        "fachkrafte",
        "kinderschutz",
        "netzwerk",
        "koordinatorinnen",
        "begrussungspaket",
        "erreichen",
        "zusammenarbeiten",
        "gestalten",
        "foerdern",
        "fordern",
    ];
    let vocabulary = Lexicon::corpus_set(Lexicon::vocabulary_bytes(
        corpus_words.map(String::from),
        &config.compound_parts(),
    ))
    .unwrap();
    config.german_analyzer(Some(vocabulary))
}

/// (text, terms that must be among its terms). Parts carry the `~` mark.
const MUST_CONTAIN: &[(&str, &[&str])] = &[
    // 1. normalisation: case, umlauts, ß, transcriptions, invisible characters
    ("Übergänge", &["ubergang"]),
    ("Uebergaenge", &["ubergang"]),
    ("Ubergange", &["ubergang"]),
    ("ÜBERGÄNGE", &["ubergang"]),
    ("Uebergang", &["ubergang"]),
    ("Straße", &["strass"]),
    ("Strasse", &["strass"]),
    ("Quelle", &["quell"]),
    ("Steuer", &["steu"]),
    ("Präven\u{AD}tion", &["pravention"]),
    ("Frühe\u{A0}Hilfen", &["fruh", "hilf"]),
    ("„Kinderschutz“", &["kinderschutz"]),
    ("Kita–Grundschule", &["kita", "grundschul"]),
    // 2. stemming
    ("Kindern", &["kind"]),
    ("Familien", &["famili"]),
    ("Partizipation", &["partizipation"]),
    // 3. decompounding: whole word kept, parts marked
    ("Kinderschutzfachkräfte", &["kinderschutzfachkraft", "~kinderschutz", "~kind", "~schutz", "~fachkraft"]),
    ("Präventionskette", &["praventionskett", "~pravention", "~kett"]),
    ("Armutsfolgenprävention", &["armutsfolgenpravention", "~armut", "~folg", "~pravention"]),
    ("Familienzentren", &["familienzentr", "~famili", "~zentr"]),
    ("Netzwerkkoordinatorinnen", &["~netzwerk"]),
    ("Babybegrüßungspaket", &["babybegrussungspaket", "~baby", "~paket"]),
    ("Präventionskonferenz", &["~pravention", "~konferenz"]),
    ("Kindergesundheit", &["kindergesund", "~kind", "~gesund"]),
    ("Jugendhilfe", &["jugendhilf", "~jugend", "~hilf"]),
    ("Elternbildung", &["~elt", "~bildung"]),
    ("Familienbüro", &["~famili", "~buro"]),
    // 4. elliptic compounds
    ("Kinder- und Jugendhilfe", &["kind", "kinderhilf", "jugendhilf"]),
    ("Gesundheits- und Sozialwesen", &["gesundheitswes", "sozialwes"]),
    ("Schul- und Berufsausbildung", &["schulausbild", "berufsausbild"]),
    ("Kinder-, Jugend- und Familienhilfe", &["kinderhilf", "jugendhilf", "familienhilf"]),
    ("Kinder- oder Jugendhilfe", &["kinderhilf"]),
    ("Kinder- bis Jugendhilfe", &["kinderhilf"]),
    ("Kinder- sowie Jugendhilfe", &["kinderhilf"]),
    ("Gesundheits- und Sozialwesens", &["gesundheitswes"]),
    // 5. hyphenated compounds
    ("Kita-Grundschule", &["kitagrundschul", "kita", "grundschul"]),
    ("KeKiz-Workshop", &["kekizworkshop", "kekiz", "workshop"]),
    ("Schule-Beruf", &["schuleberuf", "schul", "beruf"]),
    ("Baby-Begrüßungspaket", &["babybegrussungspaket", "baby", "begrussungspaket"]),
    ("Netzwerk-Koordinatorinnen", &["netzwerk", "koordinator"]),
    // 6. gender forms
    ("Koordinator:innen", &["koordinator"]),
    ("Koordinator*innen", &["koordinator"]),
    ("Koordinator_innen", &["koordinator"]),
    ("KoordinatorInnen", &["koordinator"]),
    ("Koordinator/-innen", &["koordinator"]),
    ("Koordinator/innen", &["koordinator"]),
    ("Koordinatorinnen", &["koordinator"]),
    ("Koordinatoren", &["koordinator"]),
    ("Koordinator", &["koordinator"]),
    ("Koordinatorin", &["koordinator"]),
    ("Akteur*innen", &["akteur"]),
    ("ExpertInnen", &["expert"]),
    ("Sprecher/innen", &["sprech"]),
    ("Landrätin", &["landrat"]),
    ("Bürgermeisterin", &["burgermeist"]),
    // 2b. verb forms meet the infinitive the corpus uses
    ("Eltern werden erreicht", &["erreich"]),
    ("erreichte", &["erreich"]),
    ("gestaltet", &["gestalt"]),
    ("gefördert", &["foerd"]),
    ("gefordert", &["ford"]),
];

/// (text, terms that must NOT be among its terms): over-eager rules.
const MUST_NOT_CONTAIN: &[(&str, &[&str])] = &[
    ("Medizin", &["mediz"]),
    ("Termin", &["term"]),
    ("beginnen", &["beg"]),
    ("Kinder und Jugendhilfe", &["kinderhilf"]),
    ("Kinder- und Jugendliche", &["kinderjugend", "kinderlich"]),
    ("Verbesserung", &["~verb"]),
    ("Disziplin", &["diszipl"]),
    ("und oder der die", &["und", "der"]),
    ("Arbeit", &["arbei"]),
    ("Geburt", &["gebur"]),
];

#[test]
fn terms_that_must_be_produced() {
    let a = analyzer();
    for (text, expected) in MUST_CONTAIN {
        let got = a.terms(text);
        for term in *expected {
            assert!(
                got.iter().any(|t| t == term),
                "{text:?} should yield {term:?} (got {got:?}): normalisation, decompounding, elliptic, \
                 hyphen or gender step changed"
            );
        }
    }
}

#[test]
fn terms_that_must_not_be_produced() {
    let a = analyzer();
    for (text, forbidden) in MUST_NOT_CONTAIN {
        let got = a.terms(text);
        for term in *forbidden {
            assert!(!got.iter().any(|t| t == term), "{text:?} must not yield {term:?} (got {got:?})");
        }
    }
}

/// (word, word, whether they share a whole-word term): spelling variants and inflection meet,
/// words an umlaut tells apart do not.
const MEET: &[(&str, &str, bool)] = &[
    ("demographisch", "demografisch", true),
    ("Graphik", "Grafik", true),
    ("Photo", "Foto", true),
    ("potentiell", "potenziell", true),
    ("Potential", "Potenzial", true),
    ("essentiell", "essenziell", true),
    ("Ärztinnen", "Ärzte", true),
    ("Ärztin", "Arzt", true),
    ("Lehrerinnen", "Lehrer", true),
    ("Übergänge", "Uebergaenge", true),
    ("Förderung", "Foerderung", true),
    ("gefördert", "fördern", true),
    ("Mütter", "Mutter", true),
    ("fördern", "fordern", false),
    ("Förderung", "Forderung", false),
    ("Förderung", "Herausforderung", false),
    ("zählen", "zahlen", false),
    ("schön", "schon", false),
];

#[test]
fn spelling_variants_meet_and_umlaut_pairs_stay_apart() {
    let a = analyzer();
    let whole_terms = |text: &str| -> std::collections::HashSet<String> {
        a.analyze(text).into_iter().filter(|t| t.origin != Origin::Part).map(|t| t.text).collect()
    };
    for (left, right, meet) in MEET {
        let (l, r) = (whole_terms(left), whole_terms(right));
        assert_eq!(!l.is_disjoint(&r), *meet, "{left} {l:?} / {right} {r:?} should meet: {meet}");
    }
}

#[test]
fn at_least_sixty_cases() {
    assert!(MUST_CONTAIN.len() + MUST_NOT_CONTAIN.len() >= 60);
}

#[test]
fn added_tokens_share_the_position_of_their_word() {
    let tokens = analyzer().analyze("Die Präventionskette wirkt");
    let positions: Vec<usize> =
        tokens.iter().filter(|t| t.text.contains("kett")).map(|t| t.position).collect();
    assert!(positions.len() >= 2 && positions.iter().all(|&p| p == 1), "{tokens:?}");
}

#[test]
fn positions_keep_gaps_of_removed_stop_words() {
    let tokens = analyzer().analyze("Kinder und Familien");
    let positions: Vec<usize> = tokens.iter().map(|t| t.position).collect();
    assert_eq!(positions, vec![0, 2], "stop-word removal must not close position gaps");
}

#[test]
fn token_stream_matches_analyze() {
    let mut a = analyzer();
    let expected: Vec<String> =
        a.analyze("Kinder- und Jugendhilfe im Kreis").into_iter().map(|t| t.text).collect();
    for _ in 0..2 {
        // twice: the second pass is served from the word cache
        let mut stream = a.token_stream("Kinder- und Jugendhilfe im Kreis");
        let mut got = Vec::new();
        while let Some(t) = stream.next() {
            got.push(t.text.clone());
        }
        assert_eq!(got, expected);
    }
}

/// A separated particle joins its verb in documents only: the indexed terms of `arbeiten eng
/// zusammen.` hold `zusammenarbeit` at the verb's position, unsplit; a query's terms do not
/// (its frames map such verbs to their concept).
#[test]
fn separated_particles_join_their_verb_in_documents_only() {
    let text = "Schule und Jugendhilfe arbeiten eng zusammen.";
    let mut a = analyzer();
    let mut stream = a.token_stream(text);
    let mut indexed = Vec::new();
    while let Some(t) = stream.next() {
        indexed.push((t.text.clone(), t.position));
    }
    assert!(indexed.contains(&("zusammenarbeit".to_string(), 3)), "{indexed:?}");
    assert!(!indexed.iter().any(|(term, _)| term == "~zusamm"), "the joined verb is not split: {indexed:?}");
    assert!(!a.analyze(text).iter().any(|t| t.text == "zusammenarbeit"));
}

/// The cached analysis gives each token the origin the uncached one gives it, whichever form
/// of a word came first: the elliptic completion `kinderhilfe` (of `Kinder- und Jugendhilfe`)
/// and the written `Kinderhilfe` share word and marks but not their origin, and the counts of
/// a text's own words (similar passages, distinctive terms) go by origin.
#[test]
fn cached_analysis_keeps_each_origin_whatever_came_first() {
    let texts = ["Kinder- und Jugendhilfe", "Kinderhilfe", "Kinder- und Jugendhilfe"];
    let fresh = analyzer();
    let mut cached = analyzer();
    for text in texts {
        let origins = |tokens: Vec<AnalyzedToken>| -> Vec<(String, Origin)> {
            tokens.into_iter().map(|t| (t.text, t.origin)).collect()
        };
        assert_eq!(origins(cached.analyze_cached(text)), origins(fresh.analyze(text)), "{text}");
    }
}

/// A term repeated at one position is kept once, in its first place; the same term at another
/// position stays.
#[test]
fn deduplicate_keeps_the_first_of_each_term_per_position() {
    let token = |text: &str, position: usize| AnalyzedToken {
        text: text.to_string(),
        offset_from: 0,
        offset_to: 0,
        position,
        origin: Origin::Word,
        marks: Marks::default(),
    };
    let tokens =
        vec![token("kind", 0), token("~kind", 0), token("kind", 0), token("kind", 1), token("~kind", 0)];
    let kept: Vec<(String, usize)> =
        Deduplicate.apply(tokens).into_iter().map(|t| (t.text, t.position)).collect();
    let want = [("kind", 0), ("~kind", 0), ("kind", 1)].map(|(t, p)| (t.to_string(), p));
    assert_eq!(kept, want);
}
