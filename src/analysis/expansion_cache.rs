//! The cache of the analyzer's word-by-word results, shared by every clone of one analyzer.
//!
//! Most words of a corpus repeat, and the word-by-word steps (hyphen, gender, decompounder,
//! stemmer) depend on the word and its marks alone, so their result is computed once per
//! word (and the origin the context steps gave it: an elliptic completion `kinderhilfe` is
//! expanded apart from the written word `Kinderhilfe`, whose stem is the word's own term). tantivy clones the analyzer for every field of every indexing thread; each clone
//! keeps its own map (a lookup takes no lock) in front of one map shared by all clones (a
//! word one thread or field has expanded is not expanded again by another). The shared map is
//! split into shards under their own locks, so two threads seldom wait for each other.

use std::hash::{BuildHasher, Hash, Hasher};
use std::sync::{Arc, Mutex, MutexGuard};

use rustc_hash::{FxBuildHasher, FxHashMap};

use super::{Marks, Origin};

/// What an expansion depends on besides the word: the token's origin and marks.
type Key = (Origin, Marks);

/// What the cache keeps of an expanded token: term, origin, marks.
pub(super) type CachedToken = (String, Origin, Marks);
/// The cached expansion of one word.
pub(super) type Expansion = Arc<[CachedToken]>;

/// Beyond this many distinct words a map is cleared, bounding memory on huge corpora.
const CACHE_LIMIT: usize = 200_000;
/// Shards of the shared map: with a handful of indexing threads, a lock is rarely contended.
const SHARDS: usize = 16;

/// Expansions by origin and marks, then by word, so that a lookup borrows the word instead of copying it.
#[derive(Clone, Default)]
struct WordMap {
    words: FxHashMap<Key, FxHashMap<String, Expansion>>,
    len: usize,
}

impl WordMap {
    fn get(&self, word: &str, key: Key) -> Option<&Expansion> {
        self.words.get(&key).and_then(|words| words.get(word))
    }

    fn insert(&mut self, word: &str, key: Key, expansion: Expansion, limit: usize) {
        if self.len >= limit {
            self.words.clear();
            self.len = 0;
        }
        self.words.entry(key).or_default().insert(word.to_string(), expansion);
        self.len += 1;
    }
}

/// One analyzer's cache: this clone's own map in front of the map all its clones share.
#[derive(Clone)]
pub(super) struct ExpansionCache {
    own: WordMap,
    shared: Arc<[Mutex<WordMap>]>,
}

impl Default for ExpansionCache {
    fn default() -> Self {
        ExpansionCache { own: WordMap::default(), shared: (0..SHARDS).map(|_| Mutex::default()).collect() }
    }
}

impl ExpansionCache {
    /// The expansion of `word` of `origin` with `marks`: from this clone's map, else from the shared one,
    /// else computed by `expand` (outside any lock) and remembered in both.
    pub(super) fn get_or_expand(
        &mut self,
        word: &str,
        origin: Origin,
        marks: Marks,
        expand: impl FnOnce() -> Expansion,
    ) -> Expansion {
        let key = (origin, marks);
        if let Some(expansion) = self.own.get(word, key) {
            return expansion.clone();
        }
        let shard = &self.shared[shard_of(word, key)];
        let known = lock(shard).get(word, key).cloned();
        let expansion = match known {
            Some(expansion) => expansion,
            None => {
                let expansion = expand();
                lock(shard).insert(word, key, expansion.clone(), CACHE_LIMIT / SHARDS);
                expansion
            }
        };
        self.own.insert(word, key, expansion.clone(), CACHE_LIMIT);
        expansion
    }
}

fn shard_of(word: &str, key: Key) -> usize {
    let mut hasher = FxBuildHasher.build_hasher();
    word.hash(&mut hasher);
    key.hash(&mut hasher);
    hasher.finish() as usize % SHARDS
}

/// A shard's map. Inserting and clearing do not panic halfway, so a map whose lock a panicking
/// thread held is whole and used as it is.
fn lock(shard: &Mutex<WordMap>) -> MutexGuard<'_, WordMap> {
    shard.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn expansion(term: &str) -> Expansion {
        Arc::from(vec![(term.to_string(), Origin::Word, Marks::default())])
    }

    /// A word expanded by one clone is not expanded again by another clone of the same cache
    /// (another field or indexing thread), while another analyzer's cache expands it itself.
    #[test]
    fn clones_share_what_one_of_them_expanded() {
        let first = ExpansionCache::default();
        let clone = first.clone();
        let mut caches = [first, clone, ExpansionCache::default()];
        let plain = Marks::default();
        let gender = Marks { gender: true, ..Marks::default() };
        let mut expansions = 0;
        // (cache: 0 the first, 1 its clone, 2 another analyzer's; word; marks; expansions so far)
        let cases = [
            (0, "praventionskett", plain, 1),
            (1, "praventionskett", plain, 1),
            (1, "praventionskett", plain, 1),
            (1, "koordinator", gender, 2),
            (0, "koordinator", gender, 2),
            (2, "praventionskett", plain, 3),
        ];
        for (cache, word, marks, expected) in cases {
            let found = caches[cache].get_or_expand(word, Origin::Word, marks, || {
                expansions += 1;
                expansion(word)
            });
            assert_eq!(found[0].0, word);
            assert_eq!(expansions, expected, "after {word}");
        }
    }

    /// A word the context steps made (an elliptic completion) is expanded apart from the same
    /// word as written: the steps treat the two origins differently.
    #[test]
    fn the_origin_is_part_of_the_key() {
        let mut cache = ExpansionCache::default();
        let marks = Marks::default();
        let written = cache.get_or_expand("kinderhilfe", Origin::Word, marks, || expansion("kinderhilf"));
        let completed = cache.get_or_expand("kinderhilfe", Origin::Elliptic, marks, || expansion("elliptic"));
        assert_eq!((written[0].0.as_str(), completed[0].0.as_str()), ("kinderhilf", "elliptic"));
    }
}
