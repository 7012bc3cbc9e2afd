//! What a word step computed of a compound part, kept for the next compound with that part.
//!
//! The same parts recur in many compounds (`kinderschutz` in `Kinderschutzfachkräfte`,
//! `Kinderschutzkonzept` …), while the analyzer's own cache (`expansion_cache`) keeps whole
//! words only; the decompounder's splits and the stemmer's stems of parts are kept here, each
//! computed once. One map behind a lock, shared by whoever holds the step (tantivy's indexing
//! threads), bounded by clearing it when full.

use std::sync::{Mutex, MutexGuard};

use rustc_hash::FxHashMap;

/// Parts and what a step made of them, at most `limit` of them.
#[derive(Debug)]
pub(super) struct PartCache<V> {
    map: Mutex<FxHashMap<String, V>>,
    limit: usize,
}

impl<V: Clone> PartCache<V> {
    /// An empty cache that is cleared when it holds `limit` parts.
    pub(super) fn new(limit: usize) -> PartCache<V> {
        PartCache { map: Mutex::default(), limit }
    }

    /// What `compute` makes of `part`: from the cache when it was computed before, else computed
    /// (outside the lock, so other threads are not held up) and kept.
    pub(super) fn get_or_compute(&self, part: &str, compute: impl FnOnce() -> V) -> V {
        if let Some(value) = lock(&self.map).get(part) {
            return value.clone();
        }
        let value = compute();
        let mut map = lock(&self.map);
        if map.len() >= self.limit {
            map.clear();
        }
        map.insert(part.to_string(), value.clone());
        value
    }

    /// What the cache holds for `part`.
    #[cfg(test)]
    pub(super) fn get(&self, part: &str) -> Option<V> {
        lock(&self.map).get(part).cloned()
    }

    /// Whether the cache holds no part.
    #[cfg(test)]
    pub(super) fn is_empty(&self) -> bool {
        lock(&self.map).is_empty()
    }
}

/// The map. Inserting and clearing do not panic halfway, so a map whose lock a panicking
/// thread held is whole and used as it is.
fn lock<T>(map: &Mutex<T>) -> MutexGuard<'_, T> {
    map.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A part is computed once, and a full cache starts again rather than grow.
    #[test]
    fn computes_each_part_once_and_stays_bounded() {
        let cache = PartCache::new(2);
        let mut computed = 0;
        let mut upper = |part: &str| {
            cache.get_or_compute(part, || {
                computed += 1;
                part.to_uppercase()
            })
        };
        assert_eq!(upper("kind"), "KIND");
        assert_eq!(upper("kind"), "KIND");
        assert_eq!(upper("schutz"), "SCHUTZ");
        assert_eq!(upper("fach"), "FACH"); // the cache was full: cleared, then kept
        assert_eq!(upper("fach"), "FACH");
        assert_eq!(upper("kind"), "KIND");
        assert_eq!(computed, 4);
        assert_eq!(cache.get("fach").as_deref(), Some("FACH"));
        assert!(!cache.is_empty());
    }
}
