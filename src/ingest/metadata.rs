//! STUB — being written by a helper.
use serde::{Deserialize, Serialize};
use crate::error::LineError;
use super::DocKind;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentMeta {
    pub kind: DocKind,
    pub municipality: Option<String>,
    pub title: Option<String>,
    pub date: Option<String>,
    pub year_joined: Option<u16>,
    pub population: Option<u64>,
    pub children_under_18: Option<u64>,
    pub press_number: Option<String>,
    pub contact: Option<Contact>,
    pub head_quote: Option<HeadQuote>,
}
impl Default for DocumentMeta {
    fn default() -> Self {
        DocumentMeta { kind: DocKind::Other, municipality: None, title: None, date: None, year_joined: None,
            population: None, children_under_18: None, press_number: None, contact: None, head_quote: None }
    }
}
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact { pub name: Option<String>, pub organisation: Option<String>, pub address: Option<String>, pub phone: Option<String>, pub email: Option<String> }
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeadQuote { pub text: String, pub speaker: Option<String>, pub role: Option<String> }
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KnownMunicipality { pub name: String, pub authority: String, pub aliases: Vec<String> }
pub fn parse_municipalities(tsv_text: &str) -> Result<Vec<KnownMunicipality>, LineError> { let _ = tsv_text; Ok(Vec::new()) }
pub fn extract(_text: &str, _rel_path: &str, _known: &[KnownMunicipality]) -> DocumentMeta { DocumentMeta::default() }
