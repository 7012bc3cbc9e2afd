//! STUB — being written by a helper.
use crate::error::LineError;
#[derive(Debug, Clone, Default)]
pub struct Boilerplate { lines: Vec<String> }
impl Boilerplate {
    pub fn parse(toml_text: &str) -> Result<Boilerplate, LineError> { let _ = toml_text; Ok(Boilerplate::default()) }
    pub fn clean(&self, text: &str) -> String {
        text.lines().filter(|l| !self.lines.iter().any(|b| b.eq_ignore_ascii_case(l.trim()))).collect::<Vec<_>>().join("\n")
    }
}
