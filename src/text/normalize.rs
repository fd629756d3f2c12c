//! Normalization: a quote becomes tokens that can be compared within and across languages.
//!
//! Each token keeps its folded form (lower case, no accents), its Snowball stem, whether it
//! carries content (not a stop word), and its *concepts*: for English the stem itself, for
//! Spanish the English stems the lexicon glosses it to. Numbers, written as digits or words,
//! become the concept `#N` in every language, so "dos horas" meets "two hours".

use super::{fold, lexicon::word_key, tokenize, Lexicon};
use crate::lang::Lang;
use rust_stemmers::{Algorithm, Stemmer};
use std::sync::OnceLock;

/// The Snowball stem of a lower-case word.
pub(crate) fn stem(lang: Lang, word: &str) -> String {
    static EN: OnceLock<Stemmer> = OnceLock::new();
    static ES: OnceLock<Stemmer> = OnceLock::new();
    let stemmer = match lang {
        Lang::En => EN.get_or_init(|| Stemmer::create(Algorithm::English)),
        Lang::Es => ES.get_or_init(|| Stemmer::create(Algorithm::Spanish)),
    };
    stemmer.stem(word).into_owned()
}

/// One word of a normalized quote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NormToken {
    /// The word as written.
    pub surface: String,
    /// Lower case, accents stripped.
    pub folded: String,
    /// Folded Snowball stem in the token's language.
    pub key: String,
    /// Language the token was read in.
    pub lang: Lang,
    /// False for stop words (function words); negations always carry content.
    pub content: bool,
    /// Stems in the English pivot (the stem itself for English, glosses for Spanish), or `#N`
    /// for a number.
    pub concepts: Vec<String>,
    /// True for a negation ("not", "nunca").
    pub negation: bool,
    /// True when written with a capital inside the quote, or a number: names, places and
    /// figures that survive translation.
    pub anchor: bool,
}

/// A quote ready for matching.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct NormalizedQuote {
    /// Every word, in order.
    pub tokens: Vec<NormToken>,
}

impl NormalizedQuote {
    /// The content words, in order.
    pub fn content(&self) -> impl Iterator<Item = &NormToken> {
        self.tokens.iter().filter(|t| t.content)
    }

    /// The folded content words joined by spaces: the quote's comparable core.
    pub fn core_text(&self) -> String {
        self.content()
            .map(|t| t.folded.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Turns quote text into [`NormalizedQuote`]s.
pub struct Normalizer<'a> {
    lexicon: &'a Lexicon,
}

impl<'a> Normalizer<'a> {
    /// A normalizer glossing Spanish through `lexicon`.
    pub fn new(lexicon: &'a Lexicon) -> Self {
        Normalizer { lexicon }
    }

    /// Normalizes `text`, read as `lang`.
    pub fn normalize(&self, text: &str, lang: Lang) -> NormalizedQuote {
        let pack = lang.pack();
        let mut tokens = Vec::new();
        let words: Vec<&str> = tokenize(text)
            .into_iter()
            .filter(|t| t.is_word)
            .map(|t| t.text(text))
            .collect();
        for (position, word) in words.iter().enumerate() {
            let lower = word.to_lowercase();
            let folded = fold(word);
            let number = parse_number(&lower).or_else(|| pack.numbers.get(&lower).copied());
            let key = word_key(lang, &lower);
            let content = number.is_some() || !pack.stopwords.contains(&lower);
            let concepts = match (number, lang) {
                (Some(n), _) => vec![format!("#{n}")],
                (None, Lang::En) => vec![key.clone()],
                (None, Lang::Es) => self.lexicon.glosses(&key).to_vec(),
            };
            let anchor =
                number.is_some() || (content && position > 0 && super::is_capitalized(word));
            let negation = pack.negations.contains(&lower.replace('’', "'"));
            tokens.push(NormToken {
                negation,
                surface: word.to_string(),
                folded,
                key,
                lang,
                content,
                concepts,
                anchor,
            });
        }
        NormalizedQuote { tokens }
    }
}

/// Digits with optional thousands separators ("2", "1,000", "30").
fn parse_number(word: &str) -> Option<u64> {
    if !word.chars().next()?.is_ascii_digit() {
        return None;
    }
    let digits: String = word.chars().filter(|c| *c != ',' && *c != '.').collect();
    digits.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_meet_across_languages() {
        let normalizer = Normalizer::new(Lexicon::builtin());
        let en = normalizer.normalize("two hours", Lang::En);
        let es = normalizer.normalize("2 horas", Lang::Es);
        assert_eq!(en.tokens[0].concepts, ["#2"]);
        assert_eq!(es.tokens[0].concepts, ["#2"]);
        assert!(es.tokens[1]
            .concepts
            .iter()
            .any(|c| en.tokens[1].concepts.contains(c)));
    }

    #[test]
    fn negations_carry_content() {
        let normalizer = Normalizer::new(Lexicon::builtin());
        let quote = normalizer.normalize("We will not raise taxes", Lang::En);
        assert!(quote.content().any(|t| t.folded == "not"));
        assert!(!quote.content().any(|t| t.folded == "we"));
    }
}
