//! Text utilities shared by the stages: tokens with byte offsets, sentence boundaries, and the
//! normalized, glossed form of a quote that matching compares.

mod lexicon;
mod normalize;
mod sentences;
mod vocab;

pub(crate) use lexicon::word_key;
pub use lexicon::Lexicon;
pub(crate) use normalize::stem;
pub use normalize::{NormToken, NormalizedQuote, Normalizer};
pub use sentences::{paragraph_spans, sentence_spans};
pub use vocab::{Word, WordMap};

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// A word or a punctuation mark of a text, with its byte span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset past the last character.
    pub end: usize,
    /// True for words and numbers, false for a single punctuation character.
    pub is_word: bool,
}

impl Token {
    /// The token's text in `source`.
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        &source[self.start..self.end]
    }
}

/// True when the word starts with an upper-case letter.
pub fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Splits `text` into words and punctuation. A word is a run of letters and digits that may hold
/// an apostrophe, hyphen or period between two letters or digits (don't, Petro's, so-called,
/// U.S, EE.UU, 3.5, 1,000); white space is dropped.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        if !c.is_alphanumeric() {
            tokens.push(Token {
                start,
                end: start + c.len_utf8(),
                is_word: false,
            });
            continue;
        }
        let mut end = start + c.len_utf8();
        let mut previous = c;
        while let Some(&(index, next)) = chars.peek() {
            if next.is_alphanumeric() {
                end = index + next.len_utf8();
            } else if is_word_joiner(previous, next) {
                let after = text[index + next.len_utf8()..].chars().next();
                let joins = match after {
                    Some(a) if next == ',' => previous.is_ascii_digit() && a.is_ascii_digit(),
                    Some(a) => a.is_alphanumeric(),
                    None => false,
                };
                if !joins {
                    break;
                }
                end = index + next.len_utf8();
            } else {
                break;
            }
            previous = next;
            chars.next();
        }
        tokens.push(Token {
            start,
            end,
            is_word: true,
        });
    }
    tokens
}

fn is_word_joiner(previous: char, c: char) -> bool {
    previous.is_alphanumeric() && matches!(c, '\'' | '’' | '-' | '‐' | '.' | ',')
}

/// Folds text for comparison: compatibility normalization (NFKC), lower case, and accents
/// stripped ("Reunión" → "reunion"). For comparing only: never shown to users.
pub fn fold(text: &str) -> String {
    // Most words are plain ASCII: nothing to normalize or strip.
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    text.nfkc()
        .flat_map(char::to_lowercase)
        .collect::<String>()
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .nfc()
        .collect()
}

/// True when `a` and `b` are at least `min` alike by normalized Levenshtein similarity (1 −
/// edits / the longer length, in characters). Pairs whose lengths alone rule it out are never
/// compared: the edit distance is the costliest measure matching uses.
pub fn alike(a: &str, b: &str, min: f64) -> bool {
    let (a_chars, b_chars) = (a.chars().count(), b.chars().count());
    let longer = a_chars.max(b_chars);
    // At least |a − b| edits are needed: that bound is checked before the distance itself.
    if longer > 0 && 1.0 - a_chars.abs_diff(b_chars) as f64 / (longer as f64) < min {
        return false;
    }
    strsim::normalized_levenshtein(a, b) >= min
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text)
            .into_iter()
            .filter(|t| t.is_word)
            .map(|t| t.text(text))
            .collect()
    }

    #[test]
    fn words_keep_apostrophes_abbreviations_and_numbers() {
        assert_eq!(
            words("Petro’s U.S. visit, don't 1,000 EE.UU. so-called 3.5."),
            [
                "Petro’s",
                "U.S",
                "visit",
                "don't",
                "1,000",
                "EE.UU",
                "so-called",
                "3.5"
            ]
        );
        assert_eq!(words("«Hola», dijo"), ["Hola", "dijo"]);
    }

    #[test]
    fn alike_agrees_with_the_edit_distance() {
        for (a, b) in [
            ("cooperacion", "cooper"),
            ("reunion", "reunión"),
            ("", ""),
            ("a", ""),
        ] {
            for min in [0.0, 0.5, 0.72, 0.85, 1.0] {
                assert_eq!(
                    alike(a, b, min),
                    strsim::normalized_levenshtein(a, b) >= min,
                    "{a:?} {b:?} {min}"
                );
            }
        }
    }

    #[test]
    fn fold_strips_accents_and_case() {
        assert_eq!(fold("Reunión ÉL Ñandú ﬁn"), "reunion el nandu fin");
    }
}
