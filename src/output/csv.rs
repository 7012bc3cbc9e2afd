//! CSV output of hits: one row per hit, a header row, RFC 4180 quoting (the csv crate).
//! Highlights are written as `start-end` pairs separated by `;`.

use std::io::Write;

use crate::query::Hit;

pub const HEADER: [&str; 11] = [
    "file",
    "passage",
    "municipality",
    "kind",
    "section",
    "date",
    "score",
    "highlights",
    "text",
    "speaker",
    "role",
];

pub fn write_hits(out: &mut dyn Write, hits: &[Hit]) -> std::io::Result<()> {
    let mut writer = ::csv::Writer::from_writer(out);
    writer.write_record(HEADER)?;
    for hit in hits {
        writer.write_record(hit_record(hit))?;
    }
    writer.flush()
}

/// The cells of one hit, in the order of [`HEADER`].
pub fn hit_record(hit: &Hit) -> Vec<String> {
    let highlights: Vec<String> = hit.highlights.iter().map(|[s, e]| format!("{s}-{e}")).collect();
    vec![
        hit.file.clone(),
        hit.passage.to_string(),
        hit.municipality.clone().unwrap_or_default(),
        hit.kind.clone(),
        hit.section.clone().unwrap_or_default(),
        hit.date.clone().unwrap_or_default(),
        format!("{:.4}", hit.score),
        highlights.join(";"),
        hit.text.clone(),
        hit.speaker.clone().unwrap_or_default(),
        hit.role.clone().unwrap_or_default(),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_and_quoted_rows() {
        let hit = Hit {
            file: "a.txt".into(),
            passage: 0,
            municipality: None,
            kind: "press".into(),
            section: Some("Ziele".into()),
            date: Some("2017-05-26".into()),
            text: "„Zitat“, mit Komma\nund Zeile".into(),
            highlights: vec![[0, 5], [10, 12]],
            score: 2.0,
            speaker: Some("Dr. Klaus Effing".into()),
            role: Some("Landrat".into()),
        };
        let mut out = Vec::new();
        write_hits(&mut out, &[hit]).unwrap();
        let mut reader = ::csv::Reader::from_reader(out.as_slice());
        assert_eq!(reader.headers().unwrap().iter().collect::<Vec<_>>(), HEADER.to_vec());
        let row = reader.records().next().unwrap().unwrap();
        assert_eq!(&row[7], "0-5;10-12");
        assert_eq!(&row[8], "„Zitat“, mit Komma\nund Zeile");
        assert_eq!((&row[9], &row[10]), ("Dr. Klaus Effing", "Landrat"));
    }
}
