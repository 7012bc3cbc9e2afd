//! `praev index`, `search` and `similar` on a folder of PDF, DOCX and ODT files, with files
//! that cannot be read beside them: what is indexed, what is skipped and why, and pages.

mod common;

use std::path::Path;

use common::documents::{docx, leitbild_pdf, odt, pdf, word_paragraph, PdfPage};
use common::{hits, praev};

/// A coordinator's folder: a Leitbild PDF, a Word concept, an ODT draft, a scanned PDF, a PDF
/// cut off by a failed download, a spreadsheet and a photo.
fn write_folder(dir: &Path) {
    let leitbild = leitbild_pdf();
    let concept = docx(
        &[
            word_paragraph(Some("berschrift1"), "Konzept Familienzentren"),
            word_paragraph(
                None,
                "Die Familienzentren im Kreis Musterland bündeln Beratung und Elternbildung.",
            ),
        ]
        .concat(),
    );
    let draft = odt("<text:h text:outline-level=\"1\">Entwurf Netzwerk Kinderarmut</text:h>\
        <text:p>Das Netzwerk gegen Kinderarmut trifft sich viermal im Jahr.</text:p>");
    let files: [(&str, Vec<u8>); 7] = [
        ("leitbild.pdf", leitbild.clone()),
        ("konzept.docx", concept),
        ("entwurf.odt", draft),
        ("scan.pdf", pdf(&[PdfPage::Image], false)),
        ("kaputt.pdf", leitbild[..leitbild.len() / 3].to_vec()),
        ("tabelle.xlsx", b"PK\x03\x04 eine Tabelle".to_vec()),
        ("foto.jpg", b"\xFF\xD8\xFF\xE0 ein Foto".to_vec()),
    ];
    for (name, bytes) in files {
        std::fs::write(dir.join(name), bytes).unwrap();
    }
}

struct Built {
    dir: tempfile::TempDir,
    stdout: String,
    stderr: String,
}

fn build(verbose: bool) -> Built {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    write_folder(&corpus);
    let mut cmd = praev(dir.path());
    cmd.arg("index").arg(&corpus).arg("--index").arg(dir.path().join("index"));
    if verbose {
        cmd.arg("--verbose");
    }
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    Built {
        dir,
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

impl Built {
    fn json(&self, args: &[&str]) -> serde_json::Value {
        let out = praev(self.dir.path())
            .args(args)
            .arg("--index")
            .arg(self.dir.path().join("index"))
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice(&out.stdout).unwrap()
    }
}

#[test]
fn documents_are_indexed_and_nothing_is_dropped_silently() {
    let built = build(false);
    assert!(built.stdout.contains("documents:      3\n"), "{}", built.stdout);
    assert!(
        built.stdout.contains("skipped:        4 (1 .jpg, 1 .xlsx, 1 broken, 1 no text layer)\n"),
        "{}",
        built.stdout
    );
    assert!(built.stderr.contains("warning: skipped scan.pdf: PDF without a text layer"), "{}", built.stderr);
    assert!(built.stderr.contains("warning: skipped kaputt.pdf: broken: "), "{}", built.stderr);
    assert!(!built.stderr.contains("tabelle.xlsx"), "types are counted, not warned about: {}", built.stderr);
    let verbose = build(true);
    for listed in
        ["skipped tabelle.xlsx: unsupported file type .xlsx", "skipped foto.jpg: unsupported file type .jpg"]
    {
        assert!(verbose.stderr.contains(listed), "--verbose lists {listed:?}: {}", verbose.stderr);
    }
}

#[test]
fn hits_in_pdfs_carry_their_page() {
    let built = build(false);
    let cases = [
        ("Straßensozialarbeit", "leitbild.pdf", Some(1)),
        ("Gesundheitsförderung Nachbarschaft", "leitbild.pdf", Some(2)),
        ("Jugendparlament", "leitbild.pdf", Some(3)),
        ("Familienzentren Elternbildung", "konzept.docx", None),
        ("Kinderarmut", "entwurf.odt", None),
    ];
    for (query, file, page) in cases {
        let results = built.json(&["search", query, "--format", "json"]);
        let top = &hits(&results)[0];
        assert_eq!(top["file"], file, "{query}");
        assert_eq!(top["page"].as_u64(), page, "{query}: page");
    }
    let documents = built.json(&["documents", "--format", "json"]);
    let listed: Vec<(&str, Option<u64>, &str)> = documents["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["file"].as_str().unwrap(), d["pages"].as_u64(), d["encoding"].as_str().unwrap()))
        .collect();
    assert_eq!(
        listed,
        [("entwurf.odt", None, "ODT"), ("konzept.docx", None, "DOCX"), ("leitbild.pdf", Some(3), "PDF")],
        "documents list the pages of a PDF"
    );
    let table = praev(built.dir.path())
        .args(["search", "Jugendparlament", "--table-width", "200", "--index"])
        .arg(built.dir.path().join("index"))
        .output()
        .unwrap();
    let table = String::from_utf8(table.stdout).unwrap();
    assert!(table.contains(" p. 3"), "the table names the page: {table}");
}

#[test]
fn similar_reads_a_pdf_or_standard_input_like_the_index_does() {
    let built = build(false);
    let file = built.dir.path().join("corpus/leitbild.pdf");
    let by_file =
        built.json(&["similar", "--file", file.to_str().unwrap(), "--format", "json", "--same-municipality"]);
    assert_eq!(hits(&by_file)[0]["file"], "leitbild.pdf", "the PDF's own text is most like itself");
    let stdin = praev(built.dir.path())
        .args(["similar", "--file", "-", "--format", "json", "--same-municipality", "--index"])
        .arg(built.dir.path().join("index"))
        .write_stdin(docx(&word_paragraph(None, "Familienzentren bündeln Beratung und Elternbildung")))
        .output()
        .unwrap();
    assert!(stdin.status.success(), "{}", String::from_utf8_lossy(&stdin.stderr));
    let from_stdin: serde_json::Value = serde_json::from_slice(&stdin.stdout).unwrap();
    assert_eq!(hits(&from_stdin)[0]["file"], "konzept.docx");
    let scan = built.dir.path().join("corpus/scan.pdf");
    let refused = praev(built.dir.path())
        .args(["similar", "--file", scan.to_str().unwrap(), "--index"])
        .arg(built.dir.path().join("index"))
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("without a text layer"));
}

#[test]
fn compare_a_draft_outside_the_index_with_a_municipality() {
    let index = common::bundled_index();
    let draft = docx(
        &[
            word_paragraph(Some("berschrift1"), "Entwurf Leitbild"),
            word_paragraph(None, "Wir wollen Gutes miteinander vernetzen, Lücken schließen, Neues aufbauen."),
        ]
        .concat(),
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("entwurf.docx");
    std::fs::write(&path, &draft).unwrap();
    let by_path = index.json(&["compare", path.to_str().unwrap(), "Steinfurt", "--format", "json"]);
    let by_stdin = index
        .cmd()
        .args(["compare", "Kreis Steinfurt", "-", "--format", "json", "--index"])
        .arg(index.path())
        .write_stdin(draft)
        .output()
        .unwrap();
    assert!(by_stdin.status.success(), "{}", String::from_utf8_lossy(&by_stdin.stderr));
    let by_stdin: serde_json::Value = serde_json::from_slice(&by_stdin.stdout).unwrap();
    for (what, comparison, draft_side, draft_name) in
        [("path", &by_path, "a", "entwurf.docx"), ("stdin", &by_stdin, "b", "standard-input.docx")]
    {
        assert_eq!(comparison[draft_side]["name"], draft_name, "{what}");
        let other = if draft_side == "a" { "b" } else { "a" };
        assert_eq!(comparison[other]["name"], "Kreis Steinfurt", "{what}");
        let shared: Vec<&str> = comparison["shared_sequences"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|s| s["text"].as_str())
            .collect();
        assert!(
            shared.iter().any(|s| s.contains("Lücken schließen")),
            "{what}: the slogan is shared: {shared:?}"
        );
    }
}
