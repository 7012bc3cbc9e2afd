//! Tests of the whole extractor: the bundled seed documents, and constructed sentences for each
//! attribution strategy and for what must not count as a quote.

use super::*;
use crate::ingest::german::quotation_marks::is_quotation_mark;

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

/// Each text holds exactly one quote, by that (speaker, role), or none for `None`.
fn assert_only_quote_is_by(cases: &[(String, Option<(&str, &str)>)]) {
    for (text, expected) in cases {
        let quotes = extract(text);
        let expected: Vec<(Option<&str>, Option<&str>)> =
            expected.iter().map(|&(s, r)| (Some(s), Some(r))).collect();
        assert_eq!(who(&quotes), expected, "{text}");
    }
}

fn one(text: &str) -> Quote {
    let quotes = extract(text);
    assert_eq!(quotes.len(), 1, "one quote expected in {text:?}, got {quotes:#?}");
    quotes.into_iter().next().expect("one quote")
}

fn assert_starts_at_mark(text: &str, quotes: &[Quote]) {
    for q in quotes {
        let mark = text[q.start..].chars().next().expect("a character at start");
        assert!(is_quotation_mark(mark), "quote {:?} starts at {mark:?}", q.text);
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
            format!("{man}\"Vorbeugen ist besser als heilen - das gilt hier\", lautet seine Überzeugung."),
            hans,
        ),
        (format!("{both}„Wir haben viel erreicht in diesem Jahr“, so ihr Fazit."), eva),
        (format!("{both}„Die Kinder profitieren von jedem Angebot“, ist sie überzeugt."), eva),
        (format!("{man}Er betonte: „Kein Kind darf in unserer Stadt verloren gehen.“"), hans),
        (format!("{both}Dazu sagte sie noch: „Das Netzwerk trägt, weil alle mitmachen.“"), eva),
        (format!("{both}Ihr Resümee: „Das Netzwerk trägt, weil alle mitmachen.“"), eva),
        (format!("{man}Seine Devise: „Vorbeugen ist besser als heilen, immer.“"), hans),
        // A long lead-in up to the sentence, with a thing named after an article in it.
        (
            format!(
                "{both}Ihr Resümee nach dem Besuch im Familienbüro und in der Mobilen Kita (MoKi):                 „Das Netzwerk trägt, weil alle mitmachen.“"
            ),
            eva,
        ),
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

/// A quote's words, speaker and whether it is truncated.
type CutQuote<'a> = (&'a str, Option<&'a str>, bool);

/// (words, speaker, truncated) of every quote.
fn cut_and_who(text: &str) -> Vec<(String, Option<String>, bool)> {
    extract(text).into_iter().map(|q| (q.text, q.speaker, q.truncated)).collect()
}

#[test]
fn a_quote_cut_by_the_end_of_the_text_is_kept_and_marked() {
    let cases: [(&str, &[CutQuote]); 6] = [
        // A lead-in names the speaker; the excerpt ends inside the quote (even after two words).
        (
            "Im Jugendhilfeausschuss ging es um die Kitas.\n\nWuppertals Jugendamtsleiter Dieter Verst: \"Wir m",
            &[("Wir m", Some("Dieter Verst"), true)],
        ),
        (
            "Felix Heinrichs: „Für die SPD-Fraktion hat die Präventionspolitik nach wie vor einen hohen Stellenwert. Wir sind daher auch auf die Ergebnisse der jetzt anl",
            &[(
                "Für die SPD-Fraktion hat die Präventionspolitik nach wie vor einen hohen Stellenwert. Wir sind daher auch auf die Ergebnisse der jetzt anl",
                Some("Felix Heinrichs"),
                true,
            )],
        ),
        // It continues the quote before it, of the same speaker.
        (
            "„Erst war ich skeptisch, was das Projekt betrifft. Heute aber bin ich begeistert“, sagte Landrat Wolfgang Spelthahn. „Vorbeugung ist ein ganz neuer Politikansatz, da können sich auch andere Bundesländer etwas abgucken. Ich",
            &[
                ("Erst war ich skeptisch, was das Projekt betrifft. Heute aber bin ich begeistert", Some("Wolfgang Spelthahn"), false),
                (
                    "Vorbeugung ist ein ganz neuer Politikansatz, da können sich auch andere Bundesländer etwas abgucken. Ich",
                    Some("Wolfgang Spelthahn"),
                    true,
                ),
            ],
        ),
        // Nobody is named at a short cut quote: a title or a slogan as likely as a statement.
        ("Die Stadt baut ihre Angebote aus. „Die Förderung im gemeinsamen Modellvorhaben von Land und", &[]),
        // A long one that opens a sentence is a statement whose attribution was cut off with it.
        (
            "Die Stadt baut ihre Angebote aus. „Die Förderung im gemeinsamen Modellvorhaben von Land und Stiftung gibt uns die Möglichkeit, diese Ansätze weiter",
            &[(
                "Die Förderung im gemeinsamen Modellvorhaben von Land und Stiftung gibt uns die Möglichkeit, diese Ansätze weiter",
                None,
                true,
            )],
        ),
        // … but not inside a sentence: `das Motto „…` cut off is no statement of anyone.
        (
            "Die Stadt wirbt mit dem Motto „Gemeinsam für jedes Kind in unserer Stadt, von der Geburt bis zum Beruf und darüber",
            &[],
        ),
    ];
    for (text, expected) in cases {
        let expected: Vec<(String, Option<String>, bool)> =
            expected.iter().map(|(w, s, t)| (w.to_string(), s.map(String::from), *t)).collect();
        assert_eq!(cut_and_who(text), expected, "{text}");
    }
}

#[test]
fn a_short_quote_counts_only_with_its_speaker_named_right_at_it() {
    let cases: [(&str, Option<&str>); 5] = [
        ("„Das ist eine Daueraufgabe“, sagte Ministerin Ute Maas am Freitag.", Some("Ute Maas")),
        ("Landrat Dr. Axel Lehmann: „Prävention lohnt sich.“", Some("Dr. Axel Lehmann")),
        // A short quote after an attributed one is a slogan or a fragment, not its continuation.
        ("„Wir bauen die Präventionskette weiter aus“, sagte Landrat Dr. Axel Lehmann. „Kein Kind zurücklassen“ bleibt das Motto.", None),
        // Scare quotes and names of programmes.
        ("Das Projekt „Kein Kind zurücklassen“ startete 2012 in 18 Kommunen.", None),
        ("Die Steuerung gerade im sozialen Bereich „gelingt hier vorbildhaft“.", None),
    ];
    for (text, speaker) in cases {
        let short: Vec<Quote> =
            extract(text).into_iter().filter(|q| q.text.split_whitespace().count() < MIN_WORDS).collect();
        assert_eq!(
            short.iter().map(|q| q.speaker.as_deref()).next().flatten(),
            speaker,
            "{text}: {short:#?}"
        );
        assert!(short.len() <= 1, "{text}: {short:#?}");
    }
}

#[test]
fn the_clause_that_refers_to_a_quote_names_its_speaker() {
    let cases: [(&str, Option<&str>); 3] = [
        (
            "„Kein Kind zurücklassen ist ein Erfolg. Deshalb wollen wir das Projekt ausdehnen.“\n\nAls NRW-Ministerpräsidentin Hannelore Kraft vor der Presse dieses Fazit zog, war Landrat Wolfgang Spelthahn mit dabei.",
            Some("Hannelore Kraft"),
        ),
        (
            "„Wir haben viel erreicht und wollen noch mehr Familien erreichen.“ Mit diesen Worten eröffnete Landrätin Eva Irrgang die Konferenz.",
            Some("Eva Irrgang"),
        ),
        // The person stands in another clause than the reference: not the speaker.
        (
            "„Wir haben viel erreicht und wollen noch mehr Familien erreichen.“ Dieses Fazit steht im Bericht, den Landrätin Eva Irrgang vorstellte.",
            None,
        ),
    ];
    for (text, speaker) in cases {
        let quotes = extract(text);
        assert_eq!(quotes.first().and_then(|q| q.speaker.as_deref()), speaker, "{text}: {quotes:#?}");
    }
}

#[test]
fn a_citation_holds_the_quote_with_its_attribution() {
    let cases = [
        (
            "Im Kreis gibt es viel zu tun. „Wir bauen die Präventionskette weiter aus“, sagte Landrat Dr. Axel Lehmann am Montag in Detmold. Danach ging es weiter.",
            "„Wir bauen die Präventionskette weiter aus“, sagte Landrat Dr. Axel Lehmann am Montag in Detmold.",
        ),
        (
            "Das Projekt läuft. Landrat Michael Makiolla: „Wir bauen die Präventionskette weiter aus.“ Danach ging es weiter.",
            "Landrat Michael Makiolla: „Wir bauen die Präventionskette weiter aus.“",
        ),
    ];
    for (text, citation) in cases {
        assert_eq!(one(text).citation, citation, "{text}");
    }
}

#[test]
fn a_speech_verb_in_the_sentence_before_names_the_speaker() {
    let cases: [(&str, Option<&str>); 4] = [
        (
            "In seiner Antwort an den Minister betont Oberbürgermeister Andreas Mucke die Zusammenarbeit der Stadt mit vielen Vereinen. \"Wir betrachten die Aufgabe Prävention ganzheitlich und gemeinsam.\"",
            Some("Andreas Mucke"),
        ),
        (
            "Landrätin Eva Irrgang erklärte den Gästen das Konzept.\n„Wir wollen jedes Kind von Geburt an begleiten und stärken.“",
            Some("Eva Irrgang"),
        ),
        // No speech verb: the person only appears in the sentence before.
        ("Landrätin Eva Irrgang besuchte die Kita. „Wir wollen jedes Kind von Geburt an begleiten und stärken.“", None),
        // Another paragraph.
        ("Landrätin Eva Irrgang erklärte das Konzept.\n\n„Wir wollen jedes Kind von Geburt an begleiten und stärken.“", None),
    ];
    for (text, speaker) in cases {
        let quotes = extract(text);
        assert_eq!(quotes.first().and_then(|q| q.speaker.as_deref()), speaker, "{text}: {quotes:#?}");
    }
}

#[test]
fn tables_of_contents_enumerated_roles_and_names_after_the_role() {
    let cases: [(&str, Option<&str>, Option<&str>); 4] = [
        // A table-of-contents line starts with its page number.
        (
            "Inhalt\n\n12 Ministerin Ute Schäfer: „Wir wollen, dass jedes Kind gut aufwachsen kann.“",
            Some("Ute Schäfer"),
            Some("Ministerin"),
        ),
        // A role holding an enumeration stays whole.
        (
            "„Die Zusammenarbeit von Schule und Jugendhilfe ist der Schlüssel“, sagt Jan Meier, Fachbereichsleiter Jugend, Schule und Sport der Stadt Hamm.",
            Some("Jan Meier"),
            Some("Fachbereichsleiter Jugend, Schule und Sport der Stadt Hamm"),
        ),
        // ... but a comma before a verb ends it.
        (
            "„Die Zusammenarbeit von Schule und Jugendhilfe ist der Schlüssel“, sagt Jan Meier, Fachbereichsleiter Jugend, und lacht.",
            Some("Jan Meier"),
            Some("Fachbereichsleiter Jugend"),
        ),
        // A quote credited to a role alone takes the person named with it right after.
        (
            "„Prävention ist eine Daueraufgabe für alle Ämter“, sagte die Ministerpräsidentin bei ihrem Besuch. Ministerpräsidentin Hannelore Kraft lobte die Fachkräfte.",
            Some("Hannelore Kraft"),
            Some("Ministerpräsidentin"),
        ),
    ];
    for (text, speaker, role) in cases {
        let quote = one(text);
        assert_eq!((quote.speaker.as_deref(), quote.role.as_deref()), (speaker, role), "{text}");
    }
}

#[test]
fn joint_speakers_and_an_attribution_on_the_next_line() {
    let cases: [(&str, Option<&str>, Option<&str>); 2] = [
        (
            "„Wir haben gemeinsam viel erreicht und machen weiter so“, sagen Landrätin Eva Irrgang und Bürgermeister Jan Meier.",
            Some("Eva Irrgang; Jan Meier"),
            Some("Landrätin; Bürgermeister"),
        ),
        (
            "»Die Eltern kommen gern in die Familienzentren und fragen nach Angeboten«,\nstellt David Schmitt fest.",
            Some("David Schmitt"),
            None,
        ),
    ];
    for (text, speaker, role) in cases {
        let quote = one(text);
        assert_eq!((quote.speaker.as_deref(), quote.role.as_deref()), (speaker, role), "{text}");
    }
}

#[test]
fn an_epithet_stands_for_the_office_holder_named_before() {
    let text = "Oberbürgermeister Frank Baranowski ist sich sicher: „Wir haben uns für diesen Politikansatz entschieden, weil er Geld spart.“\n\
        Der Verwaltungschef stellt weiter fest: „Deshalb freuen wir uns, wenn unser Modell jetzt auch Pate steht.“";
    let quotes = extract(text);
    assert_eq!(
        who(&quotes),
        [
            (Some("Frank Baranowski"), Some("Oberbürgermeister")),
            (Some("Frank Baranowski"), Some("Oberbürgermeister"))
        ]
    );
    // With no office holder named before, the epithet stays a role without a name.
    let alone =
        one("Der Verwaltungschef stellt fest: „Deshalb freuen wir uns, wenn unser Modell Pate steht.“");
    assert_eq!((alone.speaker.as_deref(), alone.role.as_deref()), (None, Some("Verwaltungschef")));
}

#[test]
fn a_role_stated_in_the_next_sentence_completes_the_speaker() {
    let text = "„Vorbeugung funktioniert nur, wenn sie zur Chefsache erklärt wird“, unterstrich Dr. Brigitte Mohn am Ende ihres Besuchs. Sie ist Vorstandsmitglied der Bertelsmann-Stiftung.";
    let quote = one(text);
    assert_eq!(
        (quote.speaker.as_deref(), quote.role.as_deref()),
        (Some("Dr. Brigitte Mohn"), Some("Vorstandsmitglied der Bertelsmann-Stiftung"))
    );
    // A next sentence that says something else gives no role.
    let quote = one("„Vorbeugung funktioniert nur, wenn sie zur Chefsache erklärt wird“, unterstrich Dr. Brigitte Mohn. Sie ist zufrieden.");
    assert_eq!(quote.role, None);
}

#[test]
fn a_place_in_the_genitive_is_not_part_of_the_role() {
    let cases = [
        (
            "Wuppertals Jugendamtsleiter Dieter Verst: „Wir müssen früher ansetzen und Familien erreichen.“",
            "Jugendamtsleiter",
        ),
        (
            "Erster Beigeordneter Jan Meier: „Wir müssen früher ansetzen und Familien erreichen.“",
            "Erster Beigeordneter",
        ),
    ];
    for (text, role) in cases {
        assert_eq!(one(text).role.as_deref(), Some(role), "{text}");
    }
}

#[test]
fn an_epithet_that_names_no_office_refers_back_to_the_person_quoted_last() {
    let previous = "„Die Zahl der Familien in Not steigt“, sagt Petra Lindner, Sprecherin der Grünen im Jugendhilfeausschuss. \
        Das lasse nichts Gutes ahnen.";
    let cases: &[(&str, (Option<&str>, Option<&str>))] = &[
        // The epithet stands for the speaker before, with the role given there.
        (
            " „Hier muss die Stadt mehr tun, damit kein Kind verloren geht“, so die grüne Sozialpolitikerin.",
            (Some("Petra Lindner"), Some("Sprecherin der Grünen im Jugendhilfeausschuss")),
        ),
        // A compound led by an abbreviation names no one in between.
        (
            " In Hartz IV-Haushalten lebe jedes dritte Kind. „Hier muss die Stadt mehr tun, damit kein Kind verloren geht“, so die grüne Sozialpolitikerin.",
            (Some("Petra Lindner"), Some("Sprecherin der Grünen im Jugendhilfeausschuss")),
        ),
        // Someone else named since: no antecedent.
        (
            " Kämmerer Jens Albrecht widerspricht. „Hier muss die Stadt mehr tun, damit kein Kind verloren geht“, so die grüne Sozialpolitikerin.",
            (None, Some("grüne Sozialpolitikerin")),
        ),
        // The epithet's gender does not fit.
        (
            " „Hier muss die Stadt mehr tun, damit kein Kind verloren geht“, so der grüne Sozialpolitiker.",
            (None, Some("grüne Sozialpolitiker")),
        ),
        // An office is never taken for someone in another office.
        (
            " „Hier muss die Stadt mehr tun, damit kein Kind verloren geht“, sagt die Landrätin.",
            (None, Some("Landrätin")),
        ),
    ];
    for (next, expected) in cases {
        let quotes = extract(&format!("{previous}{next}"));
        assert_eq!(quotes.len(), 2, "{next}");
        assert_eq!(who(&quotes)[1], *expected, "{next}");
    }
}

#[test]
fn any_verb_of_saying_by_its_form_and_any_noun_describing_the_speaker() {
    let quote = "„Wir wollen, dass jedes Kind die gleichen Chancen hat“";
    let cases: &[(String, Option<(&str, &str)>)] = &[
        // Verbs no list knows, by their form, right before the person.
        (format!("{quote}, präzisiert Bürgermeister Klaus Heinz."), Some(("Klaus Heinz", "Bürgermeister"))),
        (format!("{quote}, nannte Bürgermeister Klaus Heinz als Ziel."), Some(("Klaus Heinz", "Bürgermeister"))),
        (
            "Als Ziel nannte die Ministerin Ute Schäfer: „Wir wollen, dass jedes Kind die gleichen Chancen hat.“"
                .to_string(),
            Some(("Ute Schäfer", "Ministerin")),
        ),
        // A noun after an article describes the person; so does a woman's occupation.
        (format!("{quote}, sagt der Vater Oliver Broek."), Some(("Oliver Broek", "Vater"))),
        (format!("{quote}, sagt die Schülerin Lea Maier."), Some(("Lea Maier", "Schülerin"))),
        (format!("{quote}, sagt Quartiersmanagerin Maike Müller."), Some(("Maike Müller", "Quartiersmanagerin"))),
        (
            format!("{quote}, sagt Netzwerkkoodinatorin Maike Müller."),
            Some(("Maike Müller", "Netzwerkkoodinatorin")),
        ),
        // Words with a verb's ending that are none, and a lead-in the person does not close.
        (format!("{quote}, nicht Bürgermeister Klaus Heinz."), None),
        (format!("{quote}, seit Bürgermeister Klaus Heinz im Amt ist."), None),
        (
            "Gestern nannte die Ministerin Ute Schäfer ein Ziel für das Land: „Wir wollen, dass jedes Kind die gleichen Chancen hat.“"
                .to_string(),
            None,
        ),
        // An article before a place or an institution names no one.
        (format!("{quote}, heißt es bei der Stadt Bad Oeynhausen."), None),
    ];
    assert_only_quote_is_by(cases);
}

#[test]
fn a_sentence_split_by_its_attribution_and_a_quote_over_paragraphs_keep_their_speaker() {
    let cases: &[(&str, &[&str])] = &[
        (
            "„Wir wollen, dass jedes Kind die gleichen Chancen hat“, sagt Landrat Hans Meier, „und dafür arbeiten wir jeden Tag mit allen Partnern.“",
            &["Wir wollen, dass jedes Kind die gleichen Chancen hat", "und dafür arbeiten wir jeden Tag mit allen Partnern."],
        ),
        (
            "Landrat Hans Meier sagte: „Wir wollen, dass jedes Kind die gleichen Chancen hat.\n\n„Dafür arbeiten wir jeden Tag mit allen Partnern im Kreis zusammen.“",
            &["Wir wollen, dass jedes Kind die gleichen Chancen hat.", "Dafür arbeiten wir jeden Tag mit allen Partnern im Kreis zusammen."],
        ),
        // A closed quote does not go on in the next paragraph.
        (
            "Landrat Hans Meier sagte: „Wir wollen, dass jedes Kind die gleichen Chancen hat.“\n\n„Dafür arbeiten wir jeden Tag mit allen Partnern im Kreis zusammen.“",
            &["Wir wollen, dass jedes Kind die gleichen Chancen hat."],
        ),
    ];
    for (text, expected) in cases {
        let quotes = extract(text);
        assert_eq!(quotes.iter().map(|q| q.text.as_str()).collect::<Vec<_>>(), *expected, "{text}");
        assert!(quotes.iter().all(|q| q.speaker.as_deref() == Some("Hans Meier")), "{text}");
    }
}

#[test]
fn a_quote_that_lost_its_opening_mark_counts_with_a_named_speaker_right_after_it() {
    let cases: &[(&str, Option<(&str, &str)>)] = &[
        (
            "Das Netzwerk wächst.\nWir wollen, dass jedes Kind die gleichen Chancen hat“, sagt Landrat Hans Meier.",
            Some(("Wir wollen, dass jedes Kind die gleichen Chancen hat", "Hans Meier")),
        ),
        (
            "Wir wollen, dass jedes Kind die gleichen Chancen hat\", betonte Bürgermeisterin Eva Roth.",
            Some(("Wir wollen, dass jedes Kind die gleichen Chancen hat", "Eva Roth")),
        ),
        // No one named after it, or a role alone: nothing to go on.
        ("Wir wollen, dass jedes Kind die gleichen Chancen hat“, und dann ging es weiter.", None),
        ("Wir wollen, dass jedes Kind die gleichen Chancen hat“, sagt der Landrat.", None),
        // Too short to be a statement without its opening mark.
        ("Kein Kind zurücklassen“, sagt Landrat Hans Meier.", None),
    ];
    for (text, expected) in cases {
        let found: Vec<(String, Option<String>)> =
            extract(text).into_iter().map(|q| (q.text, q.speaker)).collect();
        let expected: Vec<(String, Option<String>)> =
            expected.iter().map(|(w, s)| (w.to_string(), Some(s.to_string()))).collect();
        assert_eq!(found, expected, "{text}");
    }
}

#[test]
fn a_person_as_the_heading_of_a_quote_block_and_groups_of_speakers() {
    let statement = "„Wir wollen, dass jedes Kind die gleichen Chancen hat.“";
    let cases: &[(String, Option<(&str, &str)>)] = &[
        (format!("Landrat Dr. Christian Schulze Pellengahr\n{statement}"), Some(("Dr. Christian Schulze Pellengahr", "Landrat"))),
        (format!("Eva Roth, Bürgermeisterin\n\n{statement}"), Some(("Eva Roth", "Bürgermeisterin"))),
        (
            "ZITAT der kommunalen Spitze\nBürgermeisterin Eva Roth\n\n„Wir wollen, dass jedes Kind die gleichen Chancen hat.\n\nDafür arbeiten wir mit allen Partnern.“".to_string(),
            Some(("Eva Roth", "Bürgermeisterin")),
        ),
        // A bare name above is a contact, not a signature; a person inside a line is no heading.
        (format!("Eva Roth\n{statement}"), None),
        (format!("Die Fragen stellte Eva Roth\n{statement}"), None),
        // Joint speakers with a plural role and a plural verb.
        (
            "„Wir wollen, dass jedes Kind die gleichen Chancen hat“, rechnen die beiden Koordinatorinnen Anna Schulz und Eva Roth vor.".to_string(),
            Some(("Anna Schulz; Eva Roth", "Koordinatorin; Koordinatorin")),
        ),
        (
            format!("Die Koordinatorinnen Anna Schulz und Eva Roth sind sich einig: {statement}"),
            Some(("Anna Schulz; Eva Roth", "Koordinatorin; Koordinatorin")),
        ),
        // A plural verb needs two people.
        ("„Wir wollen, dass jedes Kind die gleichen Chancen hat“, rechnen Koordinatorin Anna Schulz vor.".to_string(), None),
    ];
    assert_only_quote_is_by(cases);
}

#[test]
fn die_beiden_credits_the_two_people_named_last() {
    let before = "Anna Schulz und Eva Roth leiten das Familienbüro seit 2019. Sie haben viel vor. ";
    let quote = "„Jeder Euro für die Prävention spart später ein Vielfaches an Kosten“";
    let both = (Some("Anna Schulz; Eva Roth"), None);
    let cases = [
        (format!("{before}{quote}, rechnen die beiden Frauen vor."), Some(both)),
        (format!("{before}{quote}, so die beiden."), Some(both)),
        (format!("{before}{quote}, wie die beiden Leiterinnen vorrechnen."), Some(both)),
        // Only one person named: no pair to credit.
        (format!("Anna Schulz leitet das Familienbüro. {quote}, so die beiden."), None),
    ];
    for (text, expected) in cases {
        let quotes = extract(&text);
        assert_eq!(who(&quotes).first().copied(), expected, "{text}");
    }
}

#[test]
fn a_role_with_an_institution_or_an_enumeration_keeps_it_whole_before_the_name() {
    let quote = "„Wir wollen, dass jedes Kind die gleichen Chancen hat“";
    assert_only_quote_is_by(&[
        (
            format!("{quote}, sagt die Leiterin der Frühen Hilfen Gudula Kohn."),
            Some(("Gudula Kohn", "Leiterin der Frühen Hilfen")),
        ),
        (
            format!("{quote}, sagt die Leiterin des Jugendamtes Dr. Anna Muster."),
            Some(("Dr. Anna Muster", "Leiterin des Jugendamtes")),
        ),
        (
            format!("{quote}, sagt der Leiter des Allgemeinen Sozialen Dienstes Tom Berg."),
            Some(("Tom Berg", "Leiter des Allgemeinen Sozialen Dienstes")),
        ),
        // An enumeration belonging to the role before the name.
        (
            format!("{quote}, sagt Fachbereichsleiter Jugend, Schule und Sport Hans Meier."),
            Some(("Hans Meier", "Fachbereichsleiter Jugend, Schule und Sport")),
        ),
    ]);
}
