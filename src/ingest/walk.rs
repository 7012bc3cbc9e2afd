//! STUB — being written by a helper.
use std::path::Path;
use super::SourceFile;
pub fn list_files(root: &Path) -> std::io::Result<Vec<SourceFile>> {
    let mut out = Vec::new();
    for e in walkdir::WalkDir::new(root).sort_by_file_name() {
        let e = e.map_err(std::io::Error::other)?;
        if e.file_type().is_file() {
            let ext = e.path().extension().and_then(|x| x.to_str()).unwrap_or("").to_ascii_lowercase();
            if ["txt", "md", "html", "htm"].contains(&ext.as_str()) {
                let rel = e.path().strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
                out.push(SourceFile { rel_path: rel, abs_path: e.path().to_path_buf() });
            }
        }
    }
    Ok(out)
}
