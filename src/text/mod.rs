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
pub use vocab::{FastHash, Word, WordMap};

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

/// Strings at most this long (in characters) are compared with strsim's full edit distance;
/// longer ones with [`edits_within`], whose cost grows with the edits allowed, not the length.
const FULL_DISTANCE_CHARS: usize = 32;

/// True when `a` and `b` are at least `min` alike by normalized Levenshtein similarity (1 −
/// edits / the longer length, in characters), as strsim defines it. The edit distance is the
/// costliest measure matching uses: for long strings only the edits that could still pass
/// are counted.
pub fn alike(a: &str, b: &str, min: f64) -> bool {
    let a_chars: Vec<char> = a.chars().collect();
    let b_chars: Vec<char> = b.chars().collect();
    let longer = a_chars.len().max(b_chars.len());
    if longer <= FULL_DISTANCE_CHARS {
        return strsim::normalized_levenshtein(a, b) >= min;
    }
    // Any distance above this bound fails the threshold.
    let bound = ((1.0 - min).max(0.0) * longer as f64).floor() as usize + 1;
    edits_within(&a_chars, &b_chars, bound)
        .is_some_and(|edits| 1.0 - edits as f64 / longer as f64 >= min)
}

/// The Levenshtein distance of `a` and `b` if it is at most `bound`. Only the diagonal band
/// of width 2·bound + 1 is computed, and the count stops at the first row whose cells all
/// exceed the bound.
fn edits_within(a: &[char], b: &[char], bound: usize) -> Option<usize> {
    let (n, m) = (a.len(), b.len());
    if n.abs_diff(m) > bound {
        return None;
    }
    let beyond = bound + 1;
    let mut previous: Vec<usize> = (0..=m).map(|j| j.min(beyond)).collect();
    let mut current = vec![beyond; m + 1];
    for i in 1..=n {
        let low = i.saturating_sub(bound).max(1);
        let high = (i + bound).min(m);
        current[0] = i.min(beyond);
        current[low - 1] = if low == 1 { current[0] } else { beyond };
        let mut row_min = current[low - 1];
        for j in low..=high {
            let substitution = previous[j - 1] + usize::from(a[i - 1] != b[j - 1]);
            let cell = substitution
                .min(previous[j] + 1)
                .min(current[j - 1] + 1)
                .min(beyond);
            current[j] = cell;
            row_min = row_min.min(cell);
        }
        if high < m {
            current[high + 1] = beyond;
        }
        if row_min > bound {
            return None;
        }
        std::mem::swap(&mut previous, &mut current);
    }
    (previous[m] <= bound).then_some(previous[m])
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
        let long = "the united states will send two hundred observers to the border region";
        let changed = "the united states will send three hundred observers to the border area";
        for (a, b) in [
            ("cooperacion", "cooper"),
            ("reunion", "reunión"),
            ("", ""),
            ("a", ""),
            (long, changed),
            (long, "a"),
        ] {
            for min in [0.0, 0.5, 0.72, 0.8, 0.85, 0.9, 1.0] {
                assert_eq!(
                    alike(a, b, min),
                    strsim::normalized_levenshtein(a, b) >= min,
                    "{a:?} {b:?} {min}"
                );
            }
        }
    }

    #[test]
    fn banded_count_agrees_with_the_full_distance() {
        // Pseudo-random strings over a small alphabet, so that distances vary widely.
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |limit: u64| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) % limit
        };
        for _ in 0..2_000 {
            let mut text = || -> Vec<char> {
                let len = next(14);
                (0..len)
                    .map(|_| ['a', 'b', 'c', 'ñ'][next(4) as usize])
                    .collect()
            };
            let (a, b) = (text(), text());
            let distance =
                strsim::levenshtein(&a.iter().collect::<String>(), &b.iter().collect::<String>());
            for bound in 0..16 {
                assert_eq!(
                    edits_within(&a, &b, bound),
                    (distance <= bound).then_some(distance),
                    "{a:?} {b:?} {bound}"
                );
            }
        }
    }

    #[test]
    fn fold_strips_accents_and_case() {
        assert_eq!(fold("Reunión ÉL Ñandú ﬁn"), "reunion el nandu fin");
    }
}
