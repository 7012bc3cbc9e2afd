//! Test documents written by the tests themselves: small PDFs (text pages, image-only
//! "scans", encrypted ones), DOCX and ODT files. Nothing is downloaded or committed.

use std::io::Write;

/// A line of text on a PDF page: left edge, baseline from the top of an A4 page, font size.
#[derive(Debug, Clone)]
pub struct PdfLine {
    pub x: f64,
    pub y: f64,
    pub size: f64,
    pub text: String,
}

pub fn line(x: f64, y: f64, size: f64, text: &str) -> PdfLine {
    PdfLine { x, y, size, text: text.to_string() }
}

/// One page's content: lines of text, or a full-page image (a scan).
pub enum PdfPage {
    Text(Vec<PdfLine>),
    Image,
}

const PAGE_HEIGHT: f64 = 842.0;

/// A PDF 1.4 file with Helvetica in WinAnsiEncoding (every glyph 500/1000 em wide), one
/// content stream per page, and a correct cross-reference table. `encrypt` adds an /Encrypt
/// dictionary whose user password is not empty.
pub fn pdf(pages: &[PdfPage], encrypt: bool) -> Vec<u8> {
    let mut objects: Vec<Vec<u8>> = Vec::new(); // object n+1 at index n
    let page_count = pages.len();
    // 1 catalog, 2 pages, 3 font, 4 image, then per page: page object, content stream.
    objects.push(b"<< /Type /Catalog /Pages 2 0 R >>".to_vec());
    let kids: Vec<String> = (0..page_count).map(|i| format!("{} 0 R", 5 + 2 * i)).collect();
    objects.push(format!("<< /Type /Pages /Kids [{}] /Count {page_count} >>", kids.join(" ")).into_bytes());
    let widths = vec!["500"; 224].join(" ");
    objects.push(
        format!(
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding \
             /FirstChar 32 /LastChar 255 /Widths [{widths}] >>"
        )
        .into_bytes(),
    );
    let pixels = vec![0x80u8; 16 * 16];
    let mut image = format!(
        "<< /Type /XObject /Subtype /Image /Width 16 /Height 16 /ColorSpace /DeviceGray \
         /BitsPerComponent 8 /Length {} >>\nstream\n",
        pixels.len()
    )
    .into_bytes();
    image.extend_from_slice(&pixels);
    image.extend_from_slice(b"\nendstream");
    objects.push(image);
    for (i, page) in pages.iter().enumerate() {
        let content = match page {
            PdfPage::Text(lines) => text_content(lines),
            PdfPage::Image => b"q 595 0 0 842 0 0 cm /Im1 Do Q".to_vec(),
        };
        objects.push(
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {} 0 R \
                 /Resources << /Font << /F1 3 0 R >> /XObject << /Im1 4 0 R >> >> >>",
                6 + 2 * i
            )
            .into_bytes(),
        );
        let mut stream = format!("<< /Length {} >>\nstream\n", content.len()).into_bytes();
        stream.extend_from_slice(&content);
        stream.extend_from_slice(b"\nendstream");
        objects.push(stream);
    }
    if encrypt {
        let o = "<".to_string() + &"4F".repeat(32) + ">";
        let u = "<".to_string() + &"55".repeat(32) + ">";
        objects.push(format!("<< /Filter /Standard /V 1 /R 2 /O {o} /U {u} /P -4 >>").into_bytes());
    }
    let mut out = b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n".to_vec();
    let mut offsets = Vec::new();
    for (n, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        write!(out, "{} 0 obj\n", n + 1).unwrap();
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    write!(out, "xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).unwrap();
    for offset in offsets {
        write!(out, "{offset:010} 00000 n \n").unwrap();
    }
    let encrypt_entry = if encrypt {
        format!(
            " /Encrypt {} 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>]",
            objects.len()
        )
    } else {
        String::new()
    };
    write!(
        out,
        "trailer\n<< /Size {} /Root 1 0 R{encrypt_entry} >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    )
    .unwrap();
    out
}

/// The content stream drawing `lines`, each in its own text object.
fn text_content(lines: &[PdfLine]) -> Vec<u8> {
    let mut content = Vec::new();
    for l in lines {
        write!(content, "BT /F1 {} Tf {} {} Td (", l.size, l.x, PAGE_HEIGHT - l.y).unwrap();
        content.extend(pdf_string(&l.text));
        content.extend_from_slice(b") Tj ET\n");
    }
    content
}

/// `text` in WinAnsiEncoding, with the characters a PDF string escapes escaped.
fn pdf_string(text: &str) -> Vec<u8> {
    let (encoded, _, _) = encoding_rs::WINDOWS_1252.encode(text);
    let mut out = Vec::new();
    for &b in encoded.iter() {
        if matches!(b, b'(' | b')' | b'\\') {
            out.push(b'\\');
        }
        out.push(b);
    }
    out
}

/// A zip file of `(name, content)` entries, deflated (the mimetype stored first, as ODF
/// requires).
pub fn zip_file(entries: &[(&str, &str)]) -> Vec<u8> {
    let mut buffer = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut buffer);
        for (name, content) in entries {
            let method = if *name == "mimetype" {
                zip::CompressionMethod::Stored
            } else {
                zip::CompressionMethod::Deflated
            };
            let options = zip::write::SimpleFileOptions::default().compression_method(method);
            zip.start_file(*name, options).unwrap();
            zip.write_all(content.as_bytes()).unwrap();
        }
        zip.finish().unwrap();
    }
    buffer.into_inner()
}

/// A DOCX whose body holds `body` (WordprocessingML paragraphs).
pub fn docx(body: &str) -> Vec<u8> {
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
         <w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
         <w:body>{body}</w:body></w:document>"
    );
    let styles = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
        <w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
        <w:style w:type=\"paragraph\" w:styleId=\"berschrift1\"><w:name w:val=\"heading 1\"/></w:style>\
        </w:styles>";
    zip_file(&[
        ("[Content_Types].xml", "<?xml version=\"1.0\"?><Types/>"),
        ("word/styles.xml", styles),
        ("word/document.xml", &document),
    ])
}

/// A Word paragraph, with a paragraph style when given.
pub fn word_paragraph(style: Option<&str>, text: &str) -> String {
    let style = style.map(|s| format!("<w:pPr><w:pStyle w:val=\"{s}\"/></w:pPr>")).unwrap_or_default();
    format!("<w:p>{style}<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>")
}

/// An ODT whose office:text holds `body`.
pub fn odt(body: &str) -> Vec<u8> {
    let content = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
         <office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" \
         xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" \
         xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\">\
         <office:body><office:text>{body}</office:text></office:body></office:document-content>"
    );
    zip_file(&[
        ("mimetype", "application/vnd.oasis.opendocument.text"),
        ("META-INF/manifest.xml", "<?xml version=\"1.0\"?><manifest:manifest/>"),
        ("content.xml", &content),
    ])
}

/// A three-page Leitbild as a district would publish it: a running header and a page number
/// on every page, umlauts and ß, a word hyphenated at a line end, an elliptic compound
/// across a line end, and a two-column second page.
pub fn leitbild_pdf() -> Vec<u8> {
    let header = |n: usize| {
        vec![
            line(50.0, 30.0, 8.0, "Kreis Musterland – Leitbild Präventionskette"),
            line(280.0, 810.0, 8.0, &format!("Seite {n} von 3")),
        ]
    };
    let mut first = header(1);
    first.extend([
        line(50.0, 90.0, 16.0, "Unser Leitbild"),
        line(50.0, 130.0, 10.0, "Alle Kinder im Kreis Musterland sollen gesund und sicher auf-"),
        line(50.0, 142.0, 10.0, "wachsen. Die Kinder- und Jugendhilfe, die Schulen und die Kitas"),
        line(50.0, 154.0, 10.0, "arbeiten dafür in einer Präventionskette zusammen: Straßensozial-"),
        line(50.0, 166.0, 10.0, "arbeit, Familienbüros und Frühe Hilfen greifen ineinander."),
    ]);
    let mut second = header(2);
    second.push(line(50.0, 90.0, 16.0, "Handlungsfelder"));
    let left = [
        "Übergänge von der Kita",
        "in die Grundschule werden",
        "gemeinsam mit den Eltern",
        "gestaltet und begleitet.",
    ];
    let right = [
        "Die Gesundheitsförderung",
        "erreicht Familien dort, wo",
        "sie leben: im Quartier und",
        "in der Nachbarschaft.",
    ];
    for (i, (l, r)) in left.iter().zip(right).enumerate() {
        let y = 130.0 + 12.0 * i as f64;
        second.push(line(50.0, y, 10.0, l));
        second.push(line(320.0, y, 10.0, r));
    }
    let mut third = header(3);
    third.extend([
        line(50.0, 90.0, 16.0, "Beteiligung"),
        line(50.0, 130.0, 10.0, "Jugendliche gestalten im Jugendparlament mit. Die Jugendamt-"),
        line(50.0, 142.0, 10.0, "Mitarbeiterinnen begleiten die Beteiligungswerkstatt."),
    ]);
    pdf(&[PdfPage::Text(first), PdfPage::Text(second), PdfPage::Text(third)], false)
}

/// Sentences of a municipal prevention text, for generated benchmark PDFs.
const SENTENCES: &[&str] = &[
    "Der Kreis baut gemeinsam mit den Städten und Gemeinden eine Präventionskette für alle Kinder und Jugendlichen auf.",
    "Die Frühen Hilfen begleiten werdende Eltern und Familien mit Säuglingen bis zum dritten Lebensjahr.",
    "Übergänge von der Kindertageseinrichtung in die Grundschule werden von Fachkräften beider Seiten gestaltet.",
    "Kinderarmut ist kein Schicksal: Teilhabe an Bildung, Kultur und Sport muss für jedes Kind möglich sein.",
    "Die Kinder- und Jugendhilfe, das Gesundheitsamt und die Schulsozialarbeit stimmen ihre Angebote aufeinander ab.",
    "Familienbüros in den Stadtteilen beraten Eltern wohnortnah, mehrsprachig und ohne Zugangshürden.",
    "Der Landrat betonte die Bedeutung verlässlicher Netzwerke für ein gelingendes Aufwachsen im ländlichen Raum.",
    "Straßensozialarbeit erreicht Jugendliche dort, wo sie sich aufhalten, und öffnet Wege in Ausbildung und Beruf.",
];

/// A benchmark PDF of `pages` pages: a running header and a page number on each, body text
/// wrapped at about 70 characters with long words hyphenated at line ends, every third page
/// in two columns.
pub fn bench_pdf(pages: usize) -> Vec<u8> {
    let mut sentence = 0;
    let mut next_words = |count: usize| -> Vec<String> {
        let mut words = Vec::new();
        while words.len() < count {
            words.extend(SENTENCES[sentence % SENTENCES.len()].split(' ').map(String::from));
            sentence += 1;
        }
        words
    };
    let mut all = Vec::with_capacity(pages);
    for n in 1..=pages {
        let mut lines = vec![
            line(50.0, 30.0, 8.0, "Kreis Musterland – Konzept Präventionskette"),
            line(290.0, 815.0, 8.0, &format!("{n}")),
        ];
        let two_columns = n % 3 == 0;
        let (width, columns) =
            if two_columns { (38, [50.0, 320.0].as_slice()) } else { (80, [50.0].as_slice()) };
        for &x in columns {
            let mut y = 70.0;
            for text in wrap(&next_words(if two_columns { 250 } else { 480 }), width) {
                if y > 790.0 {
                    break;
                }
                lines.push(line(x, y, 10.0, &text));
                y += 12.0;
            }
        }
        all.push(PdfPage::Text(lines));
    }
    pdf(&all, false)
}

/// Words as lines of at most about `width` characters; a long word that does not fit is
/// hyphenated after its first half.
fn wrap(words: &[String], width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut current = String::new();
    for word in words {
        let room = width.saturating_sub(current.chars().count() + 1);
        if current.chars().count() + 1 + word.chars().count() <= width {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
            continue;
        }
        let chars: Vec<char> = word.chars().collect();
        let cut = chars.len() / 2;
        if chars.len() >= 10 && cut + 1 <= room && chars[..cut].iter().all(|c| c.is_alphabetic()) {
            current.push(' ');
            current.extend(&chars[..cut]);
            current.push('-');
            lines.push(std::mem::take(&mut current));
            current.extend(&chars[cut..]);
        } else {
            lines.push(std::mem::take(&mut current));
            current.push_str(word);
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}
