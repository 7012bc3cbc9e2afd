//! STUB — being written by a helper.
use serde::{Deserialize, Serialize};
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Passage { pub ordinal: u32, pub section: Option<String>, pub text: String }
pub fn parse_headings(text: &str) -> Vec<String> { text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).map(String::from).collect() }
pub fn split(text: &str, _known_headings: &[String]) -> Vec<Passage> {
    text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).enumerate()
        .map(|(i, t)| Passage { ordinal: i as u32, section: None, text: t.to_string() }).collect()
}
