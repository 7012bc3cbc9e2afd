//! Manifest: per-corpus corrections of what `metadata` detects, from `praev-manifest.tsv`.
//!
//! Owns reading and applying the optional file in the corpus root. It is tab-separated with a
//! header line and no quoting; blank lines and lines starting with `#` are skipped. The one
//! required column is `file` (the path relative to the corpus root, `/`-separated); the
//! optional ones are `municipality`, `district`, `kind`, `date`, `url` and `title`, and any
//! other column is ignored, so the evaluation sets' `file url municipality kind date` manifests
//! parse as they are. A value of `-` or an empty cell keeps what was detected; `none` clears a
//! detected municipality, district, date or url (a text about no municipality, a date that is
//! wrong). `kind` accepts what [`DocKind::parse`] accepts; `date` is `YYYY`, `YYYY-MM` or
//! `YYYY-MM-DD`.
//!
//! The district belongs to the municipality: when a row changes the municipality and gives no
//! district, the detected district (of the detected municipality) is dropped.
//!
//! It does not detect anything itself, and it does not check that the files exist: the caller
//! compares [`Manifest::files`] with the walk and warns about rows that name no file.

use std::collections::HashMap;

use super::{DocKind, DocumentMeta};
use crate::error::LineError;

/// The corrections, one per file named in the manifest.
#[derive(Debug, Clone, Default)]
pub struct Manifest {
    /// In the manifest's row order, so warnings follow the file.
    entries: Vec<Entry>,
    /// From `file` to its position in `entries`.
    by_file: HashMap<String, usize>,
}

/// One row: `None` keeps what was detected.
#[derive(Debug, Clone)]
struct Entry {
    /// The row's line, to point at the first row when a file is listed twice.
    line: usize,
    file: String,
    municipality: Option<Correction>,
    district: Option<Correction>,
    kind: Option<DocKind>,
    date: Option<Correction>,
    url: Option<Correction>,
    title: Option<String>,
}

/// What a cell does to a detected value it does not keep.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Correction {
    Set(String),
    /// `none`: the document has no such value.
    Clear,
}

impl Correction {
    fn apply(correction: Option<&Correction>, value: &mut Option<String>) {
        match correction {
            Some(Correction::Set(v)) => *value = Some(v.clone()),
            Some(Correction::Clear) => *value = None,
            None => {}
        }
    }
}

/// The cell value that clears a detected value.
const CLEAR: &str = "none";

/// Where the columns this module reads are, from the header line.
struct Columns {
    count: usize,
    file: usize,
    municipality: Option<usize>,
    district: Option<usize>,
    kind: Option<usize>,
    date: Option<usize>,
    url: Option<usize>,
    title: Option<usize>,
}

impl Manifest {
    pub const FILE_NAME: &'static str = "praev-manifest.tsv";

    /// Parses the manifest. Errors carry the 1-based line of the bad row.
    pub fn parse(tsv_text: &str) -> Result<Manifest, LineError> {
        // Spreadsheet programs like to save a byte-order mark before the header.
        let text = tsv_text.strip_prefix('\u{feff}').unwrap_or(tsv_text);
        let mut rows = rows(text);
        let (header_line, header) = rows.next().ok_or_else(|| {
            LineError::new(1, "empty manifest: expected a header line with a `file` column")
        })?;
        let columns = Columns::from_header(&header, header_line)?;
        let mut manifest = Manifest::default();
        for (line, cells) in rows {
            manifest.add(columns.entry(&cells, line)?)?;
        }
        Ok(manifest)
    }

    /// Overrides the detected metadata of `rel_path` where the manifest gives a value, and
    /// clears it where the manifest says `none`. Files the manifest does not name are left
    /// alone.
    pub fn apply(&self, rel_path: &str, meta: &mut DocumentMeta) {
        let Some(entry) = self.by_file.get(rel_path).map(|&i| &self.entries[i]) else {
            return;
        };
        let detected_municipality = meta.municipality.clone();
        Correction::apply(entry.municipality.as_ref(), &mut meta.municipality);
        if entry.district.is_some() {
            Correction::apply(entry.district.as_ref(), &mut meta.district);
        } else if meta.municipality != detected_municipality {
            // The detected district was that of the detected municipality; the caller looks up
            // the new one's in the gazetteer.
            meta.district = None;
        }
        if let Some(kind) = entry.kind {
            meta.kind = kind;
        }
        Correction::apply(entry.date.as_ref(), &mut meta.date);
        Correction::apply(entry.url.as_ref(), &mut meta.url);
        if let Some(title) = &entry.title {
            meta.title = Some(title.clone());
        }
    }

    /// The url the manifest gives for `rel_path`: evidence for the metadata detection (a
    /// city's or Kreis's own domain), read before the manifest's corrections are applied.
    pub fn url(&self, rel_path: &str) -> Option<&str> {
        match &self.entries[*self.by_file.get(rel_path)?].url {
            Some(Correction::Set(url)) => Some(url),
            _ => None,
        }
    }

    /// Whether the manifest's row for `rel_path` sets or clears the district.
    pub fn names_district(&self, rel_path: &str) -> bool {
        self.by_file.get(rel_path).is_some_and(|&i| self.entries[i].district.is_some())
    }

    /// The files the manifest names, in its row order.
    pub fn files(&self) -> Vec<&str> {
        self.entries.iter().map(|e| e.file.as_str()).collect()
    }

    fn add(&mut self, entry: Entry) -> Result<(), LineError> {
        if let Some(&first) = self.by_file.get(&entry.file) {
            let message =
                format!("{} is listed twice (first on line {})", entry.file, self.entries[first].line);
            return Err(LineError::new(entry.line, message));
        }
        self.by_file.insert(entry.file.clone(), self.entries.len());
        self.entries.push(entry);
        Ok(())
    }
}

impl Columns {
    fn from_header(header: &[&str], line: usize) -> Result<Columns, LineError> {
        let mut found: HashMap<String, usize> = HashMap::new();
        for (i, name) in header.iter().enumerate() {
            let name = name.trim().to_lowercase();
            if found.insert(name.clone(), i).is_some() && is_known_column(&name) {
                return Err(LineError::new(line, format!("column `{name}` appears twice in the header")));
            }
        }
        let file = *found.get("file").ok_or_else(|| {
            LineError::new(line, "no `file` column: the header must name the columns, e.g. file<TAB>kind")
        })?;
        Ok(Columns {
            count: header.len(),
            file,
            municipality: found.get("municipality").copied(),
            district: found.get("district").copied(),
            kind: found.get("kind").copied(),
            date: found.get("date").copied(),
            url: found.get("url").copied(),
            title: found.get("title").copied(),
        })
    }

    fn entry(&self, cells: &[&str], line: usize) -> Result<Entry, LineError> {
        if cells.len() != self.count {
            let message = format!(
                "the row has {} cells but the header has {} columns (cells are separated by tabs)",
                cells.len(),
                self.count
            );
            return Err(LineError::new(line, message));
        }
        let cell = |column: Option<usize>| column.and_then(|i| value(cells[i]));
        let file = value(cells[self.file]).map(normalise_file);
        let file = file.ok_or_else(|| LineError::new(line, "empty `file`: every row must name a file"))?;
        let correction = |column: Option<usize>| cell(column).map(correction);
        let kind = cell(self.kind).map(|k| parse_kind(k).map_err(|m| LineError::new(line, m))).transpose()?;
        let date = match correction(self.date) {
            Some(Correction::Set(d)) => {
                Some(Correction::Set(check_date(&d).map_err(|m| LineError::new(line, m))?))
            }
            other => other,
        };
        Ok(Entry {
            line,
            file,
            municipality: correction(self.municipality),
            district: correction(self.district),
            kind,
            date,
            url: correction(self.url),
            title: cell(self.title).map(str::to_string),
        })
    }
}

fn is_known_column(name: &str) -> bool {
    matches!(name, "file" | "municipality" | "district" | "kind" | "date" | "url" | "title")
}

/// A cell that does not keep the detected value: `none` clears it, anything else sets it.
fn correction(value: &str) -> Correction {
    if value.eq_ignore_ascii_case(CLEAR) {
        Correction::Clear
    } else {
        Correction::Set(value.to_string())
    }
}

/// A cell's value; `-` and empty mean "keep what was detected".
fn value(cell: &str) -> Option<&str> {
    Some(cell.trim()).filter(|v| !v.is_empty() && *v != "-")
}

/// Paths as the walk spells them: `/`-separated, without a leading `./`.
fn normalise_file(file: &str) -> String {
    let file = file.replace('\\', "/");
    file.strip_prefix("./").unwrap_or(&file).to_string()
}

fn parse_kind(kind: &str) -> Result<DocKind, String> {
    DocKind::parse(kind).ok_or_else(|| {
        let known: Vec<&str> = DocKind::ALL.iter().map(|k| k.as_str()).collect();
        format!("unknown kind {kind:?}: use one of {} (news counts as article)", known.join(", "))
    })
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, a real calendar date.
fn check_date(date: &str) -> Result<String, String> {
    let mut parts = date.split('-');
    let year = parts.next().and_then(|y| digits(y, 4));
    let month = parts.next().map(|m| digits(m, 2).filter(|m| (1..=12).contains(m)));
    let day = parts.next().map(|d| digits(d, 2));
    let valid = match (year, month, day, parts.next()) {
        (Some(_), None, None, None) | (Some(_), Some(Some(_)), None, None) => true,
        (Some(y), Some(Some(m)), Some(Some(d)), None) => (1..=days_in_month(y, m)).contains(&d),
        _ => false,
    };
    if valid {
        Ok(date.to_string())
    } else {
        Err(format!("bad date {date:?}: use YYYY, YYYY-MM or YYYY-MM-DD"))
    }
}

/// The number written with exactly `width` ASCII digits.
fn digits(text: &str, width: usize) -> Option<u32> {
    if text.len() == width && text.bytes().all(|b| b.is_ascii_digit()) {
        text.parse().ok()
    } else {
        None
    }
}

fn days_in_month(year: u32, month: u32) -> u32 {
    let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The rows with their 1-based line numbers, cells split at tabs; blank lines and `#` comment
/// lines left out. Split here rather than by the csv crate: without quoting a row is just its
/// tab-separated cells, and csv's record positions skip blank lines, so its line numbers would
/// be wrong.
fn rows(text: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty() && !line.trim_start().starts_with('#'))
        .map(|(i, line)| (i + 1, line.split('\t').collect()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn applied(manifest: &Manifest, file: &str) -> (Option<String>, DocKind, Option<String>) {
        let mut meta = DocumentMeta {
            municipality: Some("detected".into()),
            date: Some("1999".into()),
            ..DocumentMeta::default()
        };
        manifest.apply(file, &mut meta);
        (meta.municipality, meta.kind, meta.date)
    }

    #[test]
    fn eval_format_overrides_what_it_gives() {
        let tsv = "\u{feff}file\turl\tmunicipality\tkind\tdate\r\n\
            # comment lines and blank lines are skipped\r\n\
            \r\n\
            001_a.txt\thttps://example.org/a\tKreis Düren\tnews\t-\r\n\
            ./sub/002_b.txt\t-\t-\tspeech\t2016-06-02\r\n\
            003_c.txt\t\t\t\t\r\n";
        let manifest = Manifest::parse(tsv).unwrap();
        assert_eq!(manifest.files(), ["001_a.txt", "sub/002_b.txt", "003_c.txt"]);
        let detected = (Some("detected".into()), DocKind::Other, Some("1999".into()));
        let cases = [
            ("001_a.txt", (Some("Kreis Düren".into()), DocKind::Article, Some("1999".into()))),
            ("sub/002_b.txt", (Some("detected".into()), DocKind::Speech, Some("2016-06-02".into()))),
            ("003_c.txt", detected.clone()),
            ("not-listed.txt", detected),
        ];
        for (file, expected) in cases {
            assert_eq!(applied(&manifest, file), expected, "{file}");
        }
    }

    #[test]
    #[rustfmt::skip]
    fn none_clears_and_new_columns_set() {
        let tsv = "file\turl\ttitle\tmunicipality\tdistrict\tkind\tdate\n\
            velbert.txt\thttps://velbert.de/a\tFrühe Hilfen in Velbert\tVelbert\tKreis Mettmann\t-\t-\n\
            land.txt\tnone\t-\tNone\t-\t-\tnone\n\
            moved.txt\t-\t-\tWuppertal\t-\t-\t-\n\
            same.txt\t-\t-\tVelbert\t-\t-\t-\n";
        let manifest = Manifest::parse(tsv).unwrap();
        let detected = || DocumentMeta {
            municipality: Some("Velbert".into()),
            district: Some("Kreis Mettmann".into()),
            date: Some("2019".into()),
            url: Some("https://example.org".into()),
            title: Some("Detected".into()),
            ..DocumentMeta::default()
        };
        // (file, municipality, district, date, url, title)
        type Row<'a> = (&'a str, Option<&'a str>, Option<&'a str>, Option<&'a str>, Option<&'a str>, &'a str);
        let cases: [Row; 4] = [
            ("velbert.txt", Some("Velbert"), Some("Kreis Mettmann"), Some("2019"), Some("https://velbert.de/a"), "Frühe Hilfen in Velbert"),
            // `none` clears; the district goes with the municipality it belonged to.
            ("land.txt", None, None, None, None, "Detected"),
            ("moved.txt", Some("Wuppertal"), None, Some("2019"), Some("https://example.org"), "Detected"),
            // The same municipality as detected keeps its district.
            ("same.txt", Some("Velbert"), Some("Kreis Mettmann"), Some("2019"), Some("https://example.org"), "Detected"),
        ];
        for (file, municipality, district, date, url, title) in cases {
            let mut meta = detected();
            manifest.apply(file, &mut meta);
            assert_eq!(meta.municipality.as_deref(), municipality, "{file}: municipality");
            assert_eq!(meta.district.as_deref(), district, "{file}: district");
            assert_eq!(meta.date.as_deref(), date, "{file}: date");
            assert_eq!(meta.url.as_deref(), url, "{file}: url");
            assert_eq!(meta.title.as_deref(), Some(title), "{file}: title");
        }
    }

    #[test]
    fn only_file_is_required_and_order_is_free() {
        let manifest = Manifest::parse("kind\tFile\nprofile\ta.txt\n").unwrap();
        assert_eq!(applied(&manifest, "a.txt").1, DocKind::Profile);
        assert!(Manifest::parse("file\n").unwrap().files().is_empty());
    }

    #[test]
    fn bad_rows_name_their_line() {
        let cases = [
            ("", 1, "header"),
            ("url\tkind\nx\tnews\n", 1, "no `file` column"),
            ("file\tkind\tKind\n", 1, "twice in the header"),
            ("file\tkind\na.txt\tnews\nb.txt\tblog\n", 3, "unknown kind \"blog\""),
            ("file\tdate\n# note\na.txt\t17.05.2020\n", 3, "bad date"),
            ("file\tdate\n\n\r\n# note\n\na.txt\t2020\nb.txt\t2020-1\n", 7, "bad date"),
            ("file\tkind\na.txt\n", 2, "the row has 1 cells but the header has 2 columns"),
            ("file\tkind\na.txt\tnews\textra\n", 2, "the row has 3 cells"),
            ("file\tkind\n-\tnews\n", 2, "empty `file`"),
            ("file\na.txt\nb.txt\n./a.txt\n", 4, "a.txt is listed twice (first on line 2)"),
        ];
        for (tsv, line, fragment) in cases {
            let err = Manifest::parse(tsv).expect_err(tsv);
            assert_eq!(err.line, line, "wrong line for {tsv:?}: {err}");
            assert!(err.message.contains(fragment), "{tsv:?}: message {:?} lacks {fragment:?}", err.message);
        }
    }

    #[test]
    fn dates_must_be_real() {
        for date in ["2020", "2020-02", "2020-02-29", "2000-02-29", "2017-12-31"] {
            assert_eq!(check_date(date), Ok(date.to_string()), "{date} is a valid date");
        }
        let bad = ["2019-02-29", "1900-02-29", "2020-04-31", "2020-00", "2020-13", "2020-1", "20-01-01"];
        for date in bad.into_iter().chain(["2020-01-01-01", "2020-01-", "heute", "2020-01-00"]) {
            assert!(check_date(date).is_err(), "{date} must be rejected");
        }
    }
}
