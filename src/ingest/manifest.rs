//! STUB — being written by a helper.
use crate::error::LineError;
use super::DocumentMeta;
#[derive(Debug, Clone, Default)]
pub struct Manifest {}
impl Manifest {
    pub const FILE_NAME: &'static str = "praev-manifest.tsv";
    pub fn parse(tsv_text: &str) -> Result<Manifest, LineError> { let _ = tsv_text; Ok(Manifest::default()) }
    pub fn apply(&self, _rel_path: &str, _meta: &mut DocumentMeta) {}
    pub fn files(&self) -> Vec<&str> { Vec::new() }
}
