//! The document readers on files written by the tests: PDF, DOCX, ODT, and what is skipped.

mod common;

use common::documents::{docx, leitbild_pdf, line, odt, pdf, word_paragraph, PdfPage};
use praev::ingest::formats::{self, ReadError};
use praev::ingest::SkipReason;

#[test]
fn pdf_text_in_reading_order_without_running_lines() {
    let extracted = formats::read(&leitbild_pdf(), Some("pdf")).expect("the PDF is read");
    println!("{}", extracted.text);
    let text = &extracted.text;
    for wanted in [
        "Unser Leitbild\n\n",
        "sicher aufwachsen.",
        "Kinder- und Jugendhilfe",
        "Straßensozialarbeit",
        // A column's wrapped lines are one paragraph line.
        "Übergänge von der Kita in die Grundschule werden gemeinsam mit den Eltern gestaltet und begleitet.\n\nDie Gesundheitsförderung",
        "Jugendamt-Mitarbeiterinnen",
    ] {
        assert!(text.contains(wanted), "{wanted:?} missing from:\n{text}");
    }
    for unwanted in ["Seite 1", "Seite 2 von 3", "Leitbild Präventionskette", "auf-\n", "Straßensozial-"] {
        assert!(!text.contains(unwanted), "{unwanted:?} left in:\n{text}");
    }
    assert_eq!(extracted.encoding, "PDF");
    let page_of = |words: &str| {
        let at = text.find(words).unwrap();
        extracted.page_starts.iter().filter(|&&start| start <= at).count()
    };
    assert_eq!(
        [page_of("Unser Leitbild"), page_of("Handlungsfelder"), page_of("Jugendparlament")],
        [1, 2, 3]
    );
}

#[test]
fn pdfs_without_text_are_skipped_with_their_reason() {
    let text_page = PdfPage::Text(vec![line(50.0, 100.0, 10.0, "Geheimer Entwurf")]);
    let full = leitbild_pdf();
    let cases: Vec<(&str, Vec<u8>, fn(&ReadError) -> bool)> = vec![
        ("a scan", pdf(&[PdfPage::Image, PdfPage::Image], false), |e| *e == ReadError::NoTextLayer),
        ("encrypted", pdf(&[text_page], true), |e| *e == ReadError::Encrypted),
        ("truncated", full[..full.len() / 3].to_vec(), |e| matches!(e, ReadError::Broken(_))),
        ("no PDF at all", b"Dies ist kein PDF".to_vec(), |e| matches!(e, ReadError::Broken(_))),
        // More characters on one page than any document page has (the glyphs held at once
        // are bounded).
        (
            "an overfull page",
            pdf(&[PdfPage::Text(vec![line(50.0, 100.0, 10.0, &"Kind ".repeat(40_001))])], false),
            |e| matches!(e, ReadError::Broken(reason) if reason.contains("more than 200000 characters")),
        ),
    ];
    for (what, bytes, expected) in cases {
        match formats::read(&bytes, Some("pdf")) {
            Err(SkipReason::Format(error)) => assert!(expected(&error), "{what}: {error}"),
            other => panic!("{what}: {other:?}"),
        }
    }
}

#[test]
fn word_and_opendocument_files_are_read_with_their_headings() {
    let word = docx(
        &[
            word_paragraph(Some("berschrift1"), "Leitbild Frühe Hilfen"),
            word_paragraph(None, "Wir begleiten Familien von Anfang an."),
        ]
        .concat(),
    );
    let open = odt("<text:h text:outline-level=\"1\">Leitbild Frühe Hilfen</text:h>\
        <text:p>Wir begleiten Familien von Anfang an.</text:p>");
    for (what, bytes, extension) in [("DOCX", word, "docx"), ("ODT", open, "odt")] {
        let extracted = formats::read(&bytes, Some(extension)).unwrap_or_else(|e| panic!("{what}: {e}"));
        assert_eq!(
            extracted.text, "Leitbild Frühe Hilfen\n\nWir begleiten Familien von Anfang an.\n",
            "{what}"
        );
        assert_eq!(extracted.encoding, what);
        let from_stdin = formats::read(&bytes, None).unwrap_or_else(|e| panic!("{what} without a name: {e}"));
        assert_eq!(from_stdin.text, extracted.text, "{what}: the bytes alone tell the format");
    }
}

/// Writes the benchmark PDFs of `tools/bench-pdf.sh` and praev's text of each into
/// `PRAEV_BENCH_DIR`: `pdfs/doc-N.pdf` (10 documents of 30 pages), `big/big.pdf` (300 pages),
/// and `praev/NAME.txt`.
#[test]
#[ignore = "run by tools/bench-pdf.sh"]
fn write_benchmark_pdfs() {
    let dir = std::path::PathBuf::from(std::env::var("PRAEV_BENCH_DIR").expect("PRAEV_BENCH_DIR"));
    for sub in ["pdfs", "big", "praev"] {
        std::fs::create_dir_all(dir.join(sub)).unwrap();
    }
    let mut files: Vec<(String, Vec<u8>)> =
        (1..=10).map(|n| (format!("pdfs/doc-{n}.pdf"), common::documents::bench_pdf(30))).collect();
    files.push(("pdfs/leitbild.pdf".into(), leitbild_pdf()));
    files.push(("big/big.pdf".into(), common::documents::bench_pdf(300)));
    for (name, bytes) in files {
        let text = formats::read(&bytes, Some("pdf")).unwrap().text;
        let stem = name.rsplit('/').next().unwrap().trim_end_matches(".pdf");
        std::fs::write(dir.join(&name), &bytes).unwrap();
        std::fs::write(dir.join("praev").join(format!("{stem}.txt")), text).unwrap();
    }
}
