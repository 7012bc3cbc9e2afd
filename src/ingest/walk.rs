//! Walk: which files of a corpus folder are documents.
//!
//! Owns the choice of files: `.txt`, `.md`, `.html`, `.htm`, `.pdf`, `.docx`, `.odt`, `.rtf` (any case;
//! the list is [`formats::SUPPORTED_EXTENSIONS`]) anywhere below the root,
//! hidden files and folders (name starting with `.`) left out, symbolic links followed but
//! link loops not (a folder linked from two places is listed under both paths), the result
//! sorted by relative path so every run sees the same order (which also decides which of two
//! files with the same text is indexed: the first, see `dedup`). The manifest
//! `praev-manifest.tsv` is not a document. Every other regular file is listed too, with
//! its type as the reason it is no document (`.xlsx`, `.jpg`), so that the build counts it
//! as skipped by type instead of dropping it silently.
//!
//! It does not open the files: reading and decoding is `decode`'s job, and a file that cannot
//! be read is reported there as skipped. What the walk already knows is no document is listed
//! with its reason ([`SourceFile::not_a_document`]), so that the build reports it as skipped
//! like any other file: a FIFO, socket or device with a document's name (reading it could block
//! for ever), a folder with a document's name (its files are walked as usual), a symbolic link
//! that cannot be followed (a loop such as `self.txt → self.txt`).
//!
//! A file's id is its path below the root, byte for byte: a name that is not valid UTF-8 has
//! each invalid byte written as `\xHH`, so `inv\xff.txt` and `inv\xfe.txt` stay two documents.

use std::io;
use std::path::{Component, Path};

use walkdir::{DirEntry, WalkDir};

use super::formats::{self, ReadError};
use super::{SkipReason, SourceFile};

/// The manifest's file name: in the corpus folder, but no document.
const MANIFEST: &str = super::Manifest::FILE_NAME;

/// Lists the documents under `root`, sorted by their `/`-separated path relative to `root`.
///
/// Errors: `NotFound` if `root` does not exist, `NotADirectory` if it is a file, and any error
/// reading a folder below it (with that folder's path in the message).
pub fn list_files(root: &Path) -> io::Result<Vec<SourceFile>> {
    check_root(root)?;
    let walker = WalkDir::new(root).follow_links(true).into_iter().filter_entry(|e| !is_hidden(e));
    let mut files = Vec::new();
    for entry in walker {
        match entry {
            Ok(entry) if entry.depth() > 0 && is_document(entry.path()) => {
                let reason = not_a_file(entry.file_type());
                files.push(source_file(root, entry.path(), reason));
            }
            Ok(entry) if entry.depth() > 0 && entry.file_type().is_file() && !is_manifest(entry.path()) => {
                files.push(source_file(root, entry.path(), Some(unsupported(entry.path()))));
            }
            Ok(_) => {}
            // A link back to an ancestor: everything under it is listed through the real path.
            Err(err) if err.loop_ancestor().is_some() => {}
            // A dangling link. One that looks like a document is listed, so that reading it
            // reports the file as unreadable instead of it silently missing from the index.
            Err(err) if is_dangling(&err) => {
                if let Some(path) = err.path().filter(|p| is_document(p) && !is_hidden_name(p)) {
                    files.push(source_file(root, path, None));
                }
            }
            // A link that resolves to nothing walkable: a loop of links, or one through a file.
            Err(err) if err.path().is_some_and(is_link) && err.depth() > 0 => {
                let path = err.path().expect("checked above");
                if !is_hidden_name(path) {
                    let why = err.io_error().map_or_else(|| err.to_string(), ToString::to_string);
                    files.push(source_file(root, path, Some(SkipReason::BrokenLink(why))));
                }
            }
            Err(err) => return Err(io::Error::from(err)),
        }
    }
    files.sort_by(|a, b| a.rel_path.cmp(&b.rel_path));
    Ok(files)
}

/// The root must be an existing folder; say which it is not, with its path.
fn check_root(root: &Path) -> io::Result<()> {
    let meta = std::fs::metadata(root)
        .map_err(|err| io::Error::new(err.kind(), format!("corpus folder {}: {err}", root.display())))?;
    if meta.is_dir() {
        return Ok(());
    }
    let message =
        format!("{} is a file, not a folder: give the folder that holds the documents", root.display());
    Err(io::Error::new(io::ErrorKind::NotADirectory, message))
}

/// Hidden below the root (`.git`, `.DS_Store`, editor backups); the root itself may be named so.
fn is_hidden(entry: &DirEntry) -> bool {
    entry.depth() > 0 && is_hidden_name(entry.path())
}

fn is_hidden_name(path: &Path) -> bool {
    path.file_name().and_then(|name| name.to_str()).is_some_and(|name| name.starts_with('.'))
}

fn is_document(path: &Path) -> bool {
    formats::extension_of(path).is_some_and(|ext| formats::is_supported_extension(&ext))
}

fn is_manifest(path: &Path) -> bool {
    path.file_name().is_some_and(|name| name == MANIFEST)
}

/// The reason a file of a type praev does not read is skipped: its extension.
fn unsupported(path: &Path) -> SkipReason {
    SkipReason::Format(ReadError::Unsupported(formats::extension_of(path).unwrap_or_default()))
}

/// Following a link failed because its target is gone (or vanished during the walk).
fn is_dangling(err: &walkdir::Error) -> bool {
    err.io_error().is_some_and(|e| e.kind() == io::ErrorKind::NotFound)
}

fn source_file(root: &Path, path: &Path, not_a_document: Option<SkipReason>) -> SourceFile {
    SourceFile { rel_path: rel_path(root, path), abs_path: path.to_path_buf(), not_a_document }
}

fn is_link(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|meta| meta.file_type().is_symlink())
}

/// Why an entry with a document's name is no file to read; None for a regular file.
fn not_a_file(file_type: std::fs::FileType) -> Option<SkipReason> {
    if file_type.is_file() {
        return None;
    }
    if file_type.is_dir() {
        return Some(SkipReason::Folder);
    }
    Some(SkipReason::SpecialFile(special_kind(file_type)))
}

#[cfg(unix)]
fn special_kind(file_type: std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if file_type.is_fifo() {
        "FIFO"
    } else if file_type.is_socket() {
        "socket"
    } else if file_type.is_block_device() || file_type.is_char_device() {
        "device"
    } else {
        "special file"
    }
}

#[cfg(not(unix))]
fn special_kind(_file_type: std::fs::FileType) -> &'static str {
    "special file"
}

/// The path below `root` with `/` between components on every platform: the file's id. Kept
/// byte for byte: each byte of a name that is not UTF-8 is written `\xHH`.
fn rel_path(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let parts: Vec<_> = rel
        .components()
        .filter_map(|c| match c {
            Component::Normal(part) => Some(exact_name(part)),
            _ => None,
        })
        .collect();
    parts.join("/")
}

/// A file name as text: as it is when it is UTF-8, else with its invalid bytes as `\xHH`.
fn exact_name(name: &std::ffi::OsStr) -> String {
    if let Some(text) = name.to_str() {
        return text.to_string();
    }
    #[cfg(unix)]
    {
        use std::fmt::Write as _;
        use std::os::unix::ffi::OsStrExt;
        let mut out = String::new();
        for chunk in name.as_bytes().utf8_chunks() {
            out.push_str(chunk.valid());
            for byte in chunk.invalid() {
                let _ = write!(out, "\\x{byte:02X}");
            }
        }
        out
    }
    #[cfg(not(unix))]
    name.to_string_lossy().into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn corpus(files: &[&str]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for file in files {
            let path = dir.path().join(file);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(&path, "Text").unwrap();
        }
        dir
    }

    fn listed(root: &Path) -> Vec<String> {
        list_files(root).unwrap().into_iter().map(|f| f.rel_path).collect()
    }

    #[test]
    fn lists_documents_sorted_by_relative_path() {
        let dir = corpus(&[
            "b.txt",
            "a/z.md",
            "a.txt",
            "A/UPPER.TXT",
            "c.Html",
            "d.htm",
            "sub/deeper/e.txt",
            "f.pdf",
            "g.DOCX",
            "h.odt",
            "i.rtf",
            // Listed as skipped by type: other extensions, no extension.
            "tabelle.xlsx",
            "README",
            // Not listed: hidden, the manifest.
            ".hidden.txt",
            ".git/HEAD.txt",
            "sub/.cache/x.md",
            "praev-manifest.tsv",
        ]);
        let expected = [
            ("A/UPPER.TXT", ""),
            ("README", "no extension"),
            ("a.txt", ""),
            ("a/z.md", ""),
            ("b.txt", ""),
            ("c.Html", ""),
            ("d.htm", ""),
            ("f.pdf", ""),
            ("g.DOCX", ""),
            ("h.odt", ""),
            ("i.rtf", ""),
            ("sub/deeper/e.txt", ""),
            ("tabelle.xlsx", ".xlsx"),
        ];
        let expected: Vec<(String, String)> =
            expected.iter().map(|(p, r)| (p.to_string(), r.to_string())).collect();
        assert_eq!(listed_with_reasons(dir.path()), expected, "filter or order by relative path broke");
    }

    #[test]
    fn abs_path_points_at_the_file() {
        let dir = corpus(&["sub/a.txt"]);
        let files = list_files(dir.path()).unwrap();
        assert_eq!(files[0].abs_path, dir.path().join("sub").join("a.txt"));
    }

    #[test]
    fn a_hidden_root_is_still_walked() {
        let dir = corpus(&[".corpus/a.txt"]);
        assert_eq!(listed(&dir.path().join(".corpus")), ["a.txt"]);
    }

    #[test]
    fn bad_roots_are_clear_errors() {
        let dir = corpus(&["a.txt"]);
        let missing = list_files(&dir.path().join("nowhere")).unwrap_err();
        assert_eq!(missing.kind(), io::ErrorKind::NotFound);
        assert!(missing.to_string().contains("nowhere"), "message should name the path: {missing}");
        let file = list_files(&dir.path().join("a.txt")).unwrap_err();
        assert_eq!(file.kind(), io::ErrorKind::NotADirectory);
        assert!(file.to_string().contains("is a file"), "{file}");
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_are_followed_without_looping() {
        use std::os::unix::fs::symlink;
        let dir = corpus(&["real/a.txt"]);
        let root = dir.path();
        symlink(root.join("real"), root.join("linked")).unwrap();
        symlink(root, root.join("real/loop")).unwrap();
        symlink(root.join("gone.txt"), root.join("dangling.txt")).unwrap();
        symlink(root.join("gone.pdf"), root.join("dangling.pdf")).unwrap();
        symlink(root.join("gone.txt"), root.join(".dangling.txt")).unwrap();
        let expected = ["dangling.pdf", "dangling.txt", "linked/a.txt", "real/a.txt"];
        assert_eq!(listed(root), expected, "link loop, link following or dangling links broke");
    }

    /// The listed paths with why each is no document ("" for a file to read).
    fn listed_with_reasons(root: &Path) -> Vec<(String, String)> {
        let files = list_files(root).unwrap().into_iter();
        files
            .map(|f| (f.rel_path, f.not_a_document.map(|r| r.label().to_string()).unwrap_or_default()))
            .collect()
    }

    #[cfg(unix)]
    #[test]
    fn what_is_no_file_is_listed_with_its_reason_and_never_fails_the_walk() {
        use std::os::unix::fs::symlink;
        let dir = corpus(&["leitbild.txt", "archiv.txt/alt.md"]);
        let root = dir.path();
        symlink(root.join("self.txt"), root.join("self.txt")).unwrap();
        symlink(root.join("b.txt"), root.join("a.txt")).unwrap();
        symlink(root.join("a.txt"), root.join("b.txt")).unwrap();
        symlink("/dev/null", root.join("geraet.txt")).unwrap();
        let fifo = std::process::Command::new("mkfifo").arg(root.join("rohr.txt")).status();
        let socket = std::os::unix::net::UnixListener::bind(root.join("dose.md"));
        let mut expected = vec![
            ("a.txt", "link loop"),
            ("archiv.txt", "folder"),
            ("archiv.txt/alt.md", ""),
            ("b.txt", "link loop"),
            ("geraet.txt", "not a regular file"),
            ("leitbild.txt", ""),
            ("self.txt", "link loop"),
        ];
        if fifo.is_ok_and(|s| s.success()) {
            expected.push(("rohr.txt", "not a regular file"));
        }
        if socket.is_ok() {
            expected.push(("dose.md", "not a regular file"));
        }
        expected.sort();
        let expected: Vec<(String, String)> =
            expected.into_iter().map(|(p, r)| (p.into(), r.into())).collect();
        assert_eq!(listed_with_reasons(root), expected);
    }

    #[cfg(unix)]
    #[test]
    fn names_that_are_not_utf8_stay_distinct_ids() {
        use std::ffi::OsStr;
        use std::os::unix::ffi::OsStrExt;
        let dir = tempfile::tempdir().unwrap();
        for name in [&b"inv\xff.txt"[..], b"inv\xfe.txt", "Übergänge\nNeu.txt".as_bytes()] {
            fs::write(dir.path().join(OsStr::from_bytes(name)), "Text").unwrap();
        }
        assert_eq!(listed(dir.path()), ["inv\\xFE.txt", "inv\\xFF.txt", "Übergänge\nNeu.txt"]);
    }
}
