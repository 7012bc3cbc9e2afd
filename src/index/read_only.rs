//! Opening a published generation without writing to it.
//!
//! A generation never changes once `CURRENT` names it (a rebuild writes a new one), so readers
//! need none of tantivy's locks: tantivy's default directory still creates a lock file when a
//! reader opens its segments, which fails on a read-only medium or in a folder the user may not
//! write (a shared index). [`ReadOnlyDirectory`] serves the files of a generation from memory
//! maps and refuses every write, so reading works wherever the files can be read, and no read
//! command can change an index by mistake.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use tantivy::directory::error::{DeleteError, LockError, OpenDirectoryError, OpenReadError, OpenWriteError};
use tantivy::directory::{
    Directory, DirectoryLock, FileHandle, FileSlice, Lock, MmapDirectory, WatchCallback, WatchHandle,
    WritePtr,
};

/// The files of one generation, read-only.
#[derive(Debug, Clone)]
pub struct ReadOnlyDirectory {
    inner: MmapDirectory,
    root: PathBuf,
}

impl ReadOnlyDirectory {
    pub fn open(root: &Path) -> Result<ReadOnlyDirectory, OpenDirectoryError> {
        Ok(ReadOnlyDirectory { inner: MmapDirectory::open(root)?, root: root.to_path_buf() })
    }

    fn refused(&self, path: &Path) -> io::Error {
        let message = format!("{} is opened read-only", self.root.join(path).display());
        io::Error::new(io::ErrorKind::PermissionDenied, message)
    }
}

impl Directory for ReadOnlyDirectory {
    fn get_file_handle(&self, path: &Path) -> Result<Arc<dyn FileHandle>, OpenReadError> {
        self.inner.get_file_handle(path)
    }

    fn open_read(&self, path: &Path) -> Result<FileSlice, OpenReadError> {
        self.inner.open_read(path)
    }

    fn delete(&self, path: &Path) -> Result<(), DeleteError> {
        Err(DeleteError::IoError { io_error: Arc::new(self.refused(path)), filepath: path.to_path_buf() })
    }

    fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
        self.inner.exists(path)
    }

    fn open_write(&self, path: &Path) -> Result<WritePtr, OpenWriteError> {
        Err(OpenWriteError::wrap_io_error(self.refused(path), path.to_path_buf()))
    }

    fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
        self.inner.atomic_read(path)
    }

    fn atomic_write(&self, path: &Path, _data: &[u8]) -> io::Result<()> {
        Err(self.refused(path))
    }

    fn sync_directory(&self) -> io::Result<()> {
        Ok(())
    }

    /// Granted at once without a lock file: nothing writes a published generation, so there is
    /// nothing for a reader to wait for.
    fn acquire_lock(&self, _lock: &Lock) -> Result<DirectoryLock, LockError> {
        Ok(DirectoryLock::from(Box::new(())))
    }

    /// A published generation never changes: there is nothing to watch.
    fn watch(&self, _callback: WatchCallback) -> tantivy::Result<WatchHandle> {
        Ok(WatchHandle::empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::schema::{Schema, TEXT};
    use tantivy::{doc, Index, TantivyDocument};

    #[test]
    fn reads_a_generation_without_creating_or_changing_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let mut schema = Schema::builder();
        let text = schema.add_text_field("text", TEXT);
        let index = Index::create_in_dir(dir.path(), schema.build()).unwrap();
        let mut writer = index.writer_with_num_threads(1, 15_000_000).unwrap();
        writer.add_document(doc!(text => "Frühe Hilfen für Familien im Kreis")).unwrap();
        writer.commit().unwrap();
        drop(writer);
        let listing = || {
            let mut names: Vec<_> =
                std::fs::read_dir(dir.path()).unwrap().flatten().map(|e| e.file_name()).collect();
            names.sort();
            names
        };
        let before = listing();

        let index = Index::open(ReadOnlyDirectory::open(dir.path()).unwrap()).unwrap();
        let reader = index.reader_builder().reload_policy(tantivy::ReloadPolicy::Manual).try_into().unwrap();
        let searcher = reader.searcher();
        let query = tantivy::query::TermQuery::new(
            tantivy::Term::from_field_text(text, "familien"),
            tantivy::schema::IndexRecordOption::Basic,
        );
        assert_eq!(searcher.search(&query, &tantivy::collector::Count).unwrap(), 1);
        let stored: TantivyDocument = searcher.doc(tantivy::DocAddress::new(0, 0)).unwrap();
        assert!(stored.get_first(text).is_none(), "the field is not stored; the read still works");
        assert_eq!(listing(), before, "a reader created or removed a file");
        let directory = ReadOnlyDirectory::open(dir.path()).unwrap();
        assert!(directory.open_write(Path::new("new.idx")).is_err(), "writes are refused");
        assert!(directory.delete(Path::new("meta.json")).is_err(), "deletes are refused");
        assert!(dir.path().join("meta.json").exists());
    }
}
