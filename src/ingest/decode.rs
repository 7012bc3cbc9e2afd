//! STUB — being written by a helper.
use std::path::Path;
use super::SkipReason;
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format { Text, Html }
impl Format {
    pub fn from_path(path: &Path) -> Format {
        match path.extension().and_then(|e| e.to_str()).map(|e| e.to_ascii_lowercase()).as_deref() {
            Some("html") | Some("htm") => Format::Html,
            _ => Format::Text,
        }
    }
}
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded { pub text: String, pub encoding: &'static str }
pub fn decode(bytes: &[u8], _format: Format) -> Result<Decoded, SkipReason> {
    if bytes.is_empty() { return Err(SkipReason::Empty); }
    let text = String::from_utf8(bytes.to_vec()).map_err(|_| SkipReason::Binary)?;
    Ok(Decoded { text, encoding: "UTF-8" })
}
