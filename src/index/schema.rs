//! The tantivy schema of a praev index: every field name in one place.
//!
//! One tantivy document is one passage. Document-level metadata (figures, contact, head quote)
//! lives in the index's `praev.json` (see [`super::meta`]), not in tantivy.
//!
//! Each analysed field has a companion `…_words` field, indexed with the word counter
//! ([`crate::analysis::WordCounter`]) and never searched: its field norm is the field's word
//! count, the length BM25 normalises by (see [`crate::query::scoring`]), where the analysed
//! field's own norm would count every stacked term of a word.

use tantivy::schema::{
    FacetOptions, Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST, INDEXED, STORED,
    STRING,
};

use crate::analysis::{ANALYZER_NAME, WORD_COUNT_NAME};

pub const TEXT: &str = "text";
pub const SECTION: &str = "section";
pub const FILE: &str = "file";
pub const PASSAGE: &str = "passage";
pub const MUNICIPALITY: &str = "municipality";
pub const KIND: &str = "kind";
pub const DATE: &str = "date";
pub const SPEAKER: &str = "speaker";
pub const ROLE: &str = "role";
pub const DISTRICT: &str = "district";
pub const TITLE: &str = "title";
pub const URL: &str = "url";
pub const MUNICIPALITY_FACET: &str = "municipality_facet";
pub const DISTRICT_FACET: &str = "district_facet";
pub const KIND_FACET: &str = "kind_facet";
pub const TEXT_WORDS: &str = "text_words";
pub const SECTION_WORDS: &str = "section_words";
pub const SPEAKER_WORDS: &str = "speaker_words";
pub const ROLE_WORDS: &str = "role_words";
pub const QUOTE: &str = "quote";
pub const TRUNCATED: &str = "truncated";
pub const REPORTED: &str = "reported";
pub const PAGE: &str = "page";
pub const DATE_FIRST: &str = "date_first";
pub const DATE_LAST: &str = "date_last";

/// Handles of the schema's fields.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    /// The passage text, analysed with the German analyzer (positions for phrases), stored.
    pub text: Field,
    /// The section heading, analysed like the text, stored.
    pub section: Field,
    /// Path relative to the corpus root; exact, stored.
    pub file: Field,
    /// Ordinal of the passage in its file.
    pub passage: Field,
    /// Display values, stored only.
    pub municipality: Field,
    /// The Kreis of the municipality, when it is a Gemeinde of one.
    pub district: Field,
    pub kind: Field,
    pub date: Field,
    /// The document's title and where it was published, shown with every hit.
    pub title: Field,
    pub url: Field,
    /// Who said a quote and in which office (quote passages only); analysed like the text, so
    /// `--speaker effing` and `--role landrätin` find them, stored.
    pub speaker: Field,
    pub role: Field,
    /// Facets `/<municipality>`, `/<district>` and `/<kind>`: filters and counts.
    pub municipality_facet: Field,
    pub district_facet: Field,
    pub kind_facet: Field,
    /// The word counts of `text`, `section`, `speaker` and `role` (field norms only).
    pub text_words: Field,
    pub section_words: Field,
    pub speaker_words: Field,
    pub role_words: Field,
    /// Quote passages: the quoted words alone (the passage `text` is the quote with its
    /// attribution), stored only; and 1 when the quote runs into the end of a cut text.
    pub quote: Field,
    pub truncated: Field,
    /// Quote passages: 1 for a reported statement (indirect speech, a signed text), 0 for a
    /// direct quote; indexed (`quotes --direct`) and a fast field (reported ones rank lower).
    pub reported: Field,
    /// The page of a paged document (PDF) the passage is on, from 1; absent for other
    /// formats. Stored only.
    pub page: Field,
    /// The first and last day of the document's date (`yyyymmdd`, see
    /// [`crate::ingest::metadata::DatePeriod`]); absent for undated documents. Indexed for the
    /// `--since`/`--until` filters, fast for `--sort date` and `trend`.
    pub date_first: Field,
    pub date_last: Field,
}

pub fn build_schema() -> Schema {
    let analysed = TextOptions::default().set_stored().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(ANALYZER_NAME)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let counted = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(WORD_COUNT_NAME)
            .set_index_option(IndexRecordOption::Basic)
            .set_fieldnorms(true),
    );
    let mut builder = Schema::builder();
    builder.add_text_field(TEXT, analysed.clone());
    builder.add_text_field(SECTION, analysed.clone());
    builder.add_text_field(SPEAKER, analysed.clone());
    builder.add_text_field(ROLE, analysed);
    for words in [TEXT_WORDS, SECTION_WORDS, SPEAKER_WORDS, ROLE_WORDS] {
        builder.add_text_field(words, counted.clone());
    }
    builder.add_text_field(FILE, STRING | STORED);
    builder.add_u64_field(PASSAGE, STORED | FAST);
    builder.add_text_field(MUNICIPALITY, STORED);
    builder.add_text_field(KIND, STORED);
    builder.add_text_field(DATE, STORED);
    builder.add_text_field(DISTRICT, STORED);
    builder.add_text_field(TITLE, STORED);
    builder.add_text_field(URL, STORED);
    builder.add_facet_field(MUNICIPALITY_FACET, FacetOptions::default());
    builder.add_facet_field(DISTRICT_FACET, FacetOptions::default());
    builder.add_facet_field(KIND_FACET, FacetOptions::default());
    builder.add_text_field(QUOTE, STORED);
    builder.add_u64_field(TRUNCATED, STORED);
    builder.add_u64_field(REPORTED, STORED | INDEXED | FAST);
    builder.add_u64_field(PAGE, STORED);
    builder.add_u64_field(DATE_FIRST, INDEXED | FAST);
    builder.add_u64_field(DATE_LAST, INDEXED | FAST);
    builder.build()
}

impl Fields {
    /// Looks the fields up in `schema`; fails when the index was built with another schema.
    pub fn from_schema(schema: &Schema) -> tantivy::Result<Fields> {
        Ok(Fields {
            text: schema.get_field(TEXT)?,
            section: schema.get_field(SECTION)?,
            file: schema.get_field(FILE)?,
            passage: schema.get_field(PASSAGE)?,
            municipality: schema.get_field(MUNICIPALITY)?,
            kind: schema.get_field(KIND)?,
            date: schema.get_field(DATE)?,
            district: schema.get_field(DISTRICT)?,
            title: schema.get_field(TITLE)?,
            url: schema.get_field(URL)?,
            speaker: schema.get_field(SPEAKER)?,
            role: schema.get_field(ROLE)?,
            municipality_facet: schema.get_field(MUNICIPALITY_FACET)?,
            district_facet: schema.get_field(DISTRICT_FACET)?,
            kind_facet: schema.get_field(KIND_FACET)?,
            text_words: schema.get_field(TEXT_WORDS)?,
            section_words: schema.get_field(SECTION_WORDS)?,
            speaker_words: schema.get_field(SPEAKER_WORDS)?,
            role_words: schema.get_field(ROLE_WORDS)?,
            quote: schema.get_field(QUOTE)?,
            truncated: schema.get_field(TRUNCATED)?,
            reported: schema.get_field(REPORTED)?,
            page: schema.get_field(PAGE)?,
            date_first: schema.get_field(DATE_FIRST)?,
            date_last: schema.get_field(DATE_LAST)?,
        })
    }

    /// The field whose norm is the word count of the analysed field `field`, if it has one.
    pub fn words_of(&self, field: Field) -> Option<Field> {
        [
            (self.text, self.text_words),
            (self.section, self.section_words),
            (self.speaker, self.speaker_words),
            (self.role, self.role_words),
        ]
        .into_iter()
        .find_map(|(analysed, words)| (analysed == field).then_some(words))
    }
}
