//! Interned words. A corpus of a hundred thousand articles holds a few million words but only
//! tens of thousands of distinct ones, so each distinct string is stored once per process and a
//! [`Word`] is a pointer to it: copying, comparing and hashing a word cost one machine word.
//!
//! Interned strings live until the process ends; the vocabulary of a language grows far more
//! slowly than the text read, so a long-running process that checks many corpora keeps about
//! one dictionary's worth of strings.

use serde::{Serialize, Serializer};
use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasherDefault, Hash, Hasher};
use std::sync::{OnceLock, RwLock};

/// An interned string. Two words are equal when their text is equal; they order by text.
#[derive(Clone, Copy)]
pub struct Word(&'static String);

impl Word {
    /// The word for `text`, interned on first use.
    pub fn new(text: &str) -> Word {
        thread_local! {
            // Each thread remembers the words it has seen, so the shared table is locked only
            // for words new to the thread.
            static SEEN: RefCell<HashMap<&'static str, Word>> = RefCell::new(HashMap::new());
        }
        if let Some(word) = SEEN.with(|seen| seen.borrow().get(text).copied()) {
            return word;
        }
        let word = intern(text);
        SEEN.with(|seen| seen.borrow_mut().insert(word.as_str(), word));
        word
    }

    /// The word for `text` if some word of that text was interned already, without interning
    /// it: a text nothing has interned is in no table keyed by words (a lexicon, an index).
    pub fn existing(text: &str) -> Option<Word> {
        static_table()
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .get(text)
            .copied()
    }

    /// The word's text.
    pub fn as_str(self) -> &'static str {
        self.0.as_str()
    }
}

/// The process-wide table of interned words.
fn static_table() -> &'static RwLock<HashMap<&'static str, Word>> {
    static TABLE: OnceLock<RwLock<HashMap<&'static str, Word>>> = OnceLock::new();
    TABLE.get_or_init(Default::default)
}

/// The process-wide table behind [`Word::new`].
fn intern(text: &str) -> Word {
    let table = static_table();
    if let Some(word) = table.read().ok().and_then(|t| t.get(text).copied()) {
        return word;
    }
    // A poisoned lock only means another thread panicked mid-insert: the map is still whole.
    let mut table = table
        .write()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some(word) = table.get(text) {
        return *word;
    }
    let stored: &'static String = Box::leak(Box::new(text.to_string()));
    let word = Word(stored);
    table.insert(stored.as_str(), word);
    word
}

/// A map keyed by words (or tuples of words), hashed with [`FastHasher`].
pub type WordMap<K, V> = HashMap<K, V, FastHash>;

/// Builds [`FastHasher`]s.
pub type FastHash = BuildHasherDefault<FastHasher>;

/// A hash of one multiply per machine word. Words hash by their address (interning makes the
/// address a perfect key), strings by their bytes. Not resistant to chosen collisions: only for
/// tables whose keys are words or trusted data, never for keys taken from input text.
#[derive(Default, Clone, Copy)]
pub struct FastHasher(u64);

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(word));
        }
    }

    fn write_u64(&mut self, value: u64) {
        // Multiplying by an odd constant with good bit dispersion, after folding in the
        // previous state, spreads pointer bits (whose low bits are always zero) over the hash.
        const MULTIPLIER: u64 = 0x9e37_79b9_7f4a_7c15;
        self.0 = (self.0.rotate_left(26) ^ value).wrapping_mul(MULTIPLIER);
    }

    fn write_usize(&mut self, value: usize) {
        self.write_u64(value as u64);
    }

    fn finish(&self) -> u64 {
        // The product's high bits are its best mixed: bring them down to where tables index.
        self.0.rotate_left(26)
    }
}

impl std::ops::Deref for Word {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Word {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for Word {
    fn eq(&self, other: &Word) -> bool {
        // Interning makes equal texts the same allocation.
        std::ptr::eq(self.0, other.0)
    }
}

impl Eq for Word {}

impl Hash for Word {
    fn hash<H: Hasher>(&self, state: &mut H) {
        std::ptr::hash(self.0, state);
    }
}

impl PartialOrd for Word {
    fn partial_cmp(&self, other: &Word) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Word {
    fn cmp(&self, other: &Word) -> std::cmp::Ordering {
        // By text, never by address: orders must not depend on allocation.
        self.as_str().cmp(other.as_str())
    }
}

impl PartialEq<str> for Word {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Word {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl fmt::Debug for Word {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Word {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Word {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_texts_are_one_word_across_threads() {
        let here = Word::new("reunión");
        let there = std::thread::spawn(|| Word::new("reunión")).join().unwrap();
        assert_eq!(here, there);
        assert_ne!(here, Word::new("reunion"));
        assert_eq!(here.as_str(), "reunión");
        assert_eq!(Word::existing("reunión"), Some(here));
        assert_eq!(Word::existing("a word nothing interned"), None);
        assert!(Word::new("a") < Word::new("b"));
    }
}
