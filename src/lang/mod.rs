//! Languages: the [`Lang`] enum, the per-language data packs and the lingua detector.
//!
//! Everything a stage knows about a language (cue verbs, pronouns, titles, stop words...) lives in
//! the data files under `src/lang/data/<code>/`, embedded at compile time and parsed once. Adding a
//! language means adding a data folder, one arm in [`Lang`] and one lingua feature.

mod pack;

pub(crate) use pack::rows;
pub use pack::{CueMode, DataError, Gender, InscriptionWord, LanguagePack, PhraseTable};

use serde::{Deserialize, Serialize};
use std::fmt;

/// A language quotecheck understands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English.
    En,
    /// Spanish.
    Es,
}

impl Lang {
    /// Every supported language, in a fixed order.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Es];

    /// The ISO 639-1 code ("en", "es").
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }

    /// Parses a language tag as found in front matter and scraper output: ISO codes with or
    /// without a region ("es", "es-CO", "en_US") and English or native names ("Spanish", "español").
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let tag = tag.trim().to_lowercase();
        let primary = tag.split(['-', '_']).next().unwrap_or("");
        match primary {
            "en" | "eng" | "english" | "inglés" | "ingles" => Some(Lang::En),
            "es" | "spa" | "spanish" | "español" | "espanol" | "castellano" => Some(Lang::Es),
            _ => None,
        }
    }

    /// The language's data pack, parsed on first use.
    pub fn pack(self) -> &'static LanguagePack {
        LanguagePack::get(self)
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Detects the language of articles and quotes; built once per run and shared.
pub struct Detector {
    inner: lingua::LanguageDetector,
}

/// Confidence lingua must have to say a quote is in another language than its article.
/// Chosen on the corpora: quotes really in the other language score 0.95–1.0; English quotes
/// full of Latin-American names and cognates that lingua calls Spanish score 0.5–0.8.
const MIN_SWITCH_CONFIDENCE: f64 = 0.9;

/// How much prose (in bytes) is enough to tell an article's language; more only costs time.
const ARTICLE_SAMPLE_BYTES: usize = 2_000;

impl Detector {
    /// A detector for the supported languages, in lingua's high-accuracy mode (quotes are short).
    pub fn new() -> Self {
        let languages: Vec<lingua::Language> = Lang::ALL.iter().map(|l| to_lingua(*l)).collect();
        let inner = lingua::LanguageDetectorBuilder::from_languages(&languages).build();
        Detector { inner }
    }

    /// The language of `text`, or `None` when lingua cannot tell (empty text, digits only...).
    pub fn detect(&self, text: &str) -> Option<Lang> {
        if !text.chars().any(char::is_alphabetic) {
            return None;
        }
        self.inner.detect_language_of(text).and_then(from_lingua)
    }

    /// The language of a quote in an article whose prose is in `article`: a quote is taken to
    /// switch language only when lingua is sure of it (names and cognates make short quotes
    /// look like the other language: “Colombia is ready to open a humanitarian corridor”).
    ///
    /// Lingua runs only when it can decide something: a quote whose function words are all
    /// the article's language ("We had a very good meeting" in an English article) keeps it.
    pub fn detect_quote(&self, text: &str, article: Option<Lang>) -> Option<Lang> {
        if !text.chars().any(char::is_alphabetic) {
            return article;
        }
        if let (Some(own), Some((guess, hits, other_hits))) = (article, function_word_vote(text)) {
            if guess == own && hits >= QUOTE_MIN_FUNCTION_WORDS && other_hits == 0 {
                return article;
            }
        }
        let values = self.inner.compute_language_confidence_values(text);
        let Some(&(best, confidence)) = values.first() else {
            return article;
        };
        match (from_lingua(best), article) {
            (Some(detected), Some(own))
                if detected != own && confidence < MIN_SWITCH_CONFIDENCE =>
            {
                Some(own)
            }
            (Some(detected), _) => Some(detected),
            (None, _) => article,
        }
    }

    /// The language of an article's own prose: `prose` yields the body's text outside quotations,
    /// so that a Spanish article quoting English speakers is still Spanish. Only the first
    /// [`ARTICLE_SAMPLE_BYTES`] are read.
    pub fn detect_prose<'a>(&self, prose: impl Iterator<Item = &'a str>) -> Option<Lang> {
        let mut sample = String::new();
        for piece in prose {
            if sample.len() >= ARTICLE_SAMPLE_BYTES {
                break;
            }
            sample.push_str(piece);
            sample.push(' ');
        }
        match function_word_vote(&sample) {
            Some((lang, hits, other_hits))
                if hits >= PROSE_MIN_FUNCTION_WORDS
                    && hits >= PROSE_MIN_RATIO * other_hits.max(1) =>
            {
                Some(lang)
            }
            _ => self.detect(&sample),
        }
    }
}

/// Function words of one language only, in an article's prose, that settle its language
/// without lingua. Chosen on the corpora: every article has 40+ in its first 2 KB with a
/// ratio above 10 to the other language.
const PROSE_MIN_FUNCTION_WORDS: usize = 12;
/// How many times more function words of one language than of the other settle it.
const PROSE_MIN_RATIO: usize = 5;
/// Function words of the article's language, and none of the other, that keep a quote in it.
const QUOTE_MIN_FUNCTION_WORDS: usize = 2;

/// Counts the words of `text` that are function words of exactly one language: the language
/// with most, its count and the count of the others. Costs a hash lookup per word.
pub(crate) fn function_word_vote(text: &str) -> Option<(Lang, usize, usize)> {
    let mut counts = [0usize; Lang::ALL.len()];
    for word in text
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
    {
        let lower = word.to_lowercase().replace('’', "'");
        let owners: Vec<usize> = (0..Lang::ALL.len())
            .filter(|&i| Lang::ALL[i].pack().stopwords.contains(&lower))
            .collect();
        if let [only] = owners.as_slice() {
            counts[*only] += 1;
        }
    }
    let total: usize = counts.iter().sum();
    let best = (0..counts.len()).max_by_key(|&i| (counts[i], std::cmp::Reverse(i)))?;
    (counts[best] > 0).then(|| (Lang::ALL[best], counts[best], total - counts[best]))
}

impl Default for Detector {
    fn default() -> Self {
        Detector::new()
    }
}

fn to_lingua(lang: Lang) -> lingua::Language {
    match lang {
        Lang::En => lingua::Language::English,
        Lang::Es => lingua::Language::Spanish,
    }
}

fn from_lingua(lang: lingua::Language) -> Option<Lang> {
    match lang {
        lingua::Language::English => Some(Lang::En),
        lingua::Language::Spanish => Some(Lang::Es),
        #[allow(unreachable_patterns)]
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_parse_with_regions_and_names() {
        assert_eq!(Lang::from_tag("es-CO"), Some(Lang::Es));
        assert_eq!(Lang::from_tag("en_US"), Some(Lang::En));
        assert_eq!(Lang::from_tag("Español"), Some(Lang::Es));
        assert_eq!(Lang::from_tag("fr"), None);
    }

    #[test]
    fn detects_short_quotes_in_both_languages() {
        let detector = Detector::new();
        assert_eq!(
            detector.detect("We had a very good meeting"),
            Some(Lang::En)
        );
        assert_eq!(
            detector.detect("Tuvimos una muy buena reunión"),
            Some(Lang::Es)
        );
        assert_eq!(detector.detect("2026"), None);
    }
}
