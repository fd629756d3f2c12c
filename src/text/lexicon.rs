//! The Spanish→English lexicon that glosses Spanish quotes into the English pivot, and the list
//! of false friends that must never count as cognates.
//!
//! Entries are lemma pairs; both sides are stemmed when loaded, so every inflection of a lemma
//! finds its glosses. The built-in data is `src/text/data/lexicon_es_en.tsv`; users add their own
//! pairs from a TSV file in the same format.

use super::normalize::stem;
use super::{Word, WordMap};
use crate::lang::DataError;
use crate::lang::Lang;
use std::collections::HashSet;
use std::sync::OnceLock;

const BUILTIN_LEXICON: &str = include_str!("data/lexicon_es_en.tsv");
const BUILTIN_FALSE_FRIENDS: &str = include_str!("data/false_friends_es_en.tsv");

/// Spanish stems mapped to the English stems they may translate to (many-to-many).
#[derive(Debug, Default, Clone)]
pub struct Lexicon {
    glosses: WordMap<Word, Vec<Word>>,
    english: HashSet<Word>,
    false_friends: HashSet<(Word, Word)>,
    pairs: usize,
}

/// The comparison key of a word of `lang`: the folded stem of its lemma (irregular forms are
/// mapped to their lemma first, so "tuvimos" meets "tener" and "had" meets "have").
pub(crate) fn word_key(lang: Lang, word: &str) -> String {
    let lower = word.to_lowercase().replace('’', "'");
    let lemma = lang
        .pack()
        .lemmas
        .get(&lower)
        .map_or(lower.as_str(), String::as_str);
    super::fold(&stem(lang, lemma))
}

impl Lexicon {
    /// The built-in lexicon, parsed once per process (checked by a unit test).
    pub fn builtin() -> &'static Lexicon {
        static BUILTIN: OnceLock<Lexicon> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            let mut lexicon = Lexicon::default();
            lexicon
                .add_pairs("lexicon_es_en.tsv", BUILTIN_LEXICON)
                .and_then(|_| {
                    lexicon.add_false_friends("false_friends_es_en.tsv", BUILTIN_FALSE_FRIENDS)
                })
                .unwrap_or_else(|error| panic!("built-in lexicon: {error}"));
            lexicon
        })
    }

    /// Adds `spanish<TAB>english` lemma pairs from `text` (comments start with `#`); `file`
    /// names the source in errors.
    pub fn add_pairs(&mut self, file: &str, text: &str) -> Result<(), DataError> {
        for row in crate::lang::rows(file, text, 2) {
            let (line, fields) = row?;
            let (spanish, english) = (fields[0].trim(), fields[1].trim());
            if spanish.is_empty() || english.is_empty() {
                return Err(DataError {
                    file: file.to_string(),
                    line,
                    problem: "empty field".to_string(),
                });
            }
            // The stemmer does not always bring a plural to its singular's stem ("años" →
            // "anos", "año" → "ano"): plurals are entered too.
            let mut spanish_keys = vec![phrase_key(Lang::Es, spanish)];
            if !spanish.contains(' ') {
                for plural in [format!("{spanish}s"), format!("{spanish}es")] {
                    let key = phrase_key(Lang::Es, &plural);
                    if !spanish_keys.contains(&key) {
                        spanish_keys.push(key);
                    }
                }
            }
            for spanish_key in spanish_keys {
                let glosses = self.glosses.entry(spanish_key).or_default();
                for english_word in english.split(' ') {
                    let english_key = Word::new(&word_key(Lang::En, english_word));
                    self.english.insert(english_key);
                    if !glosses.contains(&english_key) {
                        glosses.push(english_key);
                    }
                }
            }
            self.pairs += 1;
        }
        Ok(())
    }

    fn add_false_friends(&mut self, file: &str, text: &str) -> Result<(), DataError> {
        for row in crate::lang::rows(file, text, 2) {
            let (_, fields) = row?;
            self.false_friends.insert((
                phrase_key(Lang::Es, fields[0]),
                phrase_key(Lang::En, fields[1]),
            ));
        }
        Ok(())
    }

    /// English stems that the Spanish stem `spanish_key` may translate to.
    pub fn glosses(&self, spanish_key: Word) -> &[Word] {
        self.glosses
            .get(&spanish_key)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// True when `word` is an ordinary word of `lang` that the lexicon knows.
    pub fn knows(&self, lang: Lang, word: &str) -> bool {
        self.knows_key(lang, Word::new(&word_key(lang, word)))
    }

    /// True when `key` (a [`word_key`]) is an ordinary word of `lang` that the lexicon knows.
    pub fn knows_key(&self, lang: Lang, key: Word) -> bool {
        match lang {
            Lang::Es => self.glosses.contains_key(&key),
            Lang::En => self.english.contains(&key),
        }
    }

    /// True when the two stems look alike but do not translate each other.
    pub fn is_false_friend(&self, spanish_key: Word, english_key: Word) -> bool {
        self.false_friends.contains(&(spanish_key, english_key))
    }
}

/// The key of a lemma that may be several words: the key of its last word ("en absoluto" →
/// "absolut"). Multi-word Spanish entries are rare and glossed through their head word.
fn phrase_key(lang: Lang, phrase: &str) -> Word {
    Word::new(&word_key(lang, phrase.rsplit(' ').next().unwrap_or(phrase)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lexicon_parses_and_is_large() {
        assert!(
            Lexicon::builtin().pairs >= 5_000,
            "lexicon pairs: {}",
            Lexicon::builtin().pairs
        );
    }

    #[test]
    fn inflected_spanish_words_find_their_glosses() {
        let lexicon = Lexicon::builtin();
        let glosses = lexicon.glosses(phrase_key(Lang::Es, "reuniones"));
        assert!(
            glosses.contains(&phrase_key(Lang::En, "meetings")),
            "{glosses:?}"
        );
        let years = lexicon.glosses(phrase_key(Lang::Es, "años"));
        assert!(
            years.contains(&phrase_key(Lang::En, "year")),
            "plurals the stemmer leaves apart: {years:?}"
        );
        assert!(lexicon.is_false_friend(
            phrase_key(Lang::Es, "terrorífico"),
            phrase_key(Lang::En, "terrific")
        ));
    }

    #[test]
    fn builtin_data_is_sorted_and_unique() {
        for (name, text) in [
            ("lexicon", BUILTIN_LEXICON),
            ("false friends", BUILTIN_FALSE_FRIENDS),
        ] {
            let lines: Vec<&str> = text.lines().filter(|l| !l.starts_with('#')).collect();
            for pair in lines.windows(2) {
                assert!(
                    pair[0] < pair[1],
                    "{name}: {:?} then {:?}",
                    pair[0],
                    pair[1]
                );
            }
        }
    }
}
