//! The data that flows between the pipeline stages.

use crate::lang::Lang;
use serde::{Deserialize, Serialize};

/// Descriptive fields of an article, all optional.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleMeta {
    /// Headline.
    pub title: Option<String>,
    /// Publication or site name.
    pub outlet: Option<String>,
    /// Where the article was published.
    pub url: Option<String>,
    /// Publication date as given (ISO 8601 preferred).
    pub date: Option<String>,
    /// Which text of the file the body (and so every quote offset) is, when it is not the file's
    /// own text: `html-main-text` (the main text quotecheck extracted from an HTML page) or
    /// `json-ld-articleBody` (the page's JSON-LD `articleBody`). Absent from JSON when `None`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_source: Option<String>,
}

/// One news article as read from disk, before analysis.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Article {
    /// Stable id: the `id` field, else the path as given (with `#N` for line N of a JSONL file).
    pub id: String,
    /// Title, outlet, url, date.
    pub meta: ArticleMeta,
    /// Language declared by the file (front matter `lang`, JSON `lang`/`language`), if any.
    pub declared_lang: Option<Lang>,
    /// The article text; quote offsets point into it.
    pub body: String,
}

/// What kind of quotation a span is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// Words someone spoke.
    Speech,
    /// Words someone wrote: a post, a letter, an inscription.
    Writing,
    /// The title of a book, film, song or show.
    Title,
    /// A slogan, motto or chant.
    Slogan,
    /// Scare quotes or a borrowed word, nobody's statement.
    Scare,
    /// Anything else.
    Other,
}

impl QuoteKind {
    /// Parses the lowercase name used in JSON and data files.
    pub fn from_name(name: &str) -> Option<QuoteKind> {
        Some(match name {
            "speech" => QuoteKind::Speech,
            "writing" => QuoteKind::Writing,
            "title" => QuoteKind::Title,
            "slogan" => QuoteKind::Slogan,
            "scare" => QuoteKind::Scare,
            "other" => QuoteKind::Other,
            _ => return None,
        })
    }

    /// The lowercase name used in JSON and data files.
    pub fn name(self) -> &'static str {
        match self {
            QuoteKind::Speech => "speech",
            QuoteKind::Writing => "writing",
            QuoteKind::Title => "title",
            QuoteKind::Slogan => "slogan",
            QuoteKind::Scare => "scare",
            QuoteKind::Other => "other",
        }
    }

    /// True for speech and writing: the kinds that are someone's statement.
    pub fn is_statement(self) -> bool {
        matches!(self, QuoteKind::Speech | QuoteKind::Writing)
    }
}

/// Who an article says spoke a quote, and the words that say so.
#[derive(Clone, Debug, PartialEq)]
pub struct Attribution {
    /// Canonical speaker name across the whole run ("Donald Trump"), filled by the speakers stage.
    pub speaker: Option<String>,
    /// The person's fullest name within this article ("Donald Trump"), before unification.
    pub person: String,
    /// How the article names the speaker at the attribution ("the Colombian president", "he").
    pub mention: String,
    /// The cue that attributes the quote ("said", "según"), if any: a quote may inherit its
    /// speaker from the previous quote.
    pub cue: Option<String>,
    /// How sure the attribution is, from 0 to 1.
    pub confidence: f32,
    /// Byte span of the sentence holding the attribution, in the article body.
    pub sentence: (usize, usize),
    /// That sentence's text: the evidence a reviewer reads.
    pub evidence: String,
    /// Index of the person among the article's people (attribution stage).
    pub(crate) person_index: usize,
}

/// One quotation found in an article.
#[derive(Clone, Debug, PartialEq)]
pub struct Quote {
    /// Index of the article in the run (articles are sorted by id).
    pub article_index: usize,
    /// Article id.
    pub article: String,
    /// Language of the quoted words themselves.
    pub lang: Option<Lang>,
    /// The quotation without its marks (multi-paragraph quotes joined by a space).
    pub text: String,
    /// Byte offset of the quotation's first character in the article body.
    pub start: usize,
    /// Byte offset just past the quotation's last character.
    pub end: usize,
    /// Speech, writing, title...
    pub kind: QuoteKind,
    /// The attribution, if the article names a speaker.
    pub attribution: Option<Attribution>,
    /// For a quote from a reference dataset (`--reference`), where it comes from; None for a
    /// quote found in an article. A reference quote's `article` is its record's place in the
    /// file (`PATH#LINE`, or `PATH#LINE.N` for the N-th quote of a GDELT line), its
    /// `article_index` lies past the run's articles, and `start`/`end` are offsets in its own
    /// text (Quotebank) or in the “pre «quote» post” snippet it was attributed from (GDELT).
    pub reference: Option<Box<Reference>>,
}

/// A dataset of quotations that a run can compare its attributions with.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ReferenceSource {
    /// Quotebank's quote-centric JSONL: quotations with a speaker probability per candidate.
    #[default]
    Quotebank,
    /// GDELT's quotation graph: articles' quotes with the words before and after them.
    Gdelt,
}

impl ReferenceSource {
    /// The lowercase name used in JSON ("quotebank", "gdelt").
    pub fn name(self) -> &'static str {
        match self {
            ReferenceSource::Quotebank => "quotebank",
            ReferenceSource::Gdelt => "gdelt",
        }
    }

    /// The dataset's name as people write it ("Quotebank", "GDELT").
    pub fn label(self) -> &'static str {
        match self {
            ReferenceSource::Quotebank => "Quotebank",
            ReferenceSource::Gdelt => "GDELT",
        }
    }
}

/// What a reference dataset says about one of its quotations, besides its text and speaker.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Reference {
    /// The dataset; Quotebank by default.
    pub source: ReferenceSource,
    /// Articles the quotation was found in (Quotebank `urls`, GDELT `url`).
    pub urls: Vec<String>,
    /// The date the dataset gives (Quotebank's first occurrence, GDELT's article date).
    pub date: Option<String>,
    /// Quotebank's probability that the speaker said it (the speaker's `probas` entry).
    pub probability: Option<f32>,
    /// Quotebank's `quoteID`.
    pub quote_id: Option<String>,
    /// Quotebank's Wikidata ids of the speaker (`qids`; several for namesakes).
    pub qids: Vec<String>,
    /// Quotebank's `numOccurrences`: how many times the quotation was seen.
    pub occurrences: Option<u64>,
    /// GDELT's article title.
    pub title: Option<String>,
}

impl Quote {
    /// True for a quote from a reference dataset rather than from an article.
    pub fn is_reference(&self) -> bool {
        self.reference.is_some()
    }

    /// Canonical speaker, if attributed.
    pub fn speaker(&self) -> Option<&str> {
        self.attribution.as_ref().and_then(|a| a.speaker.as_deref())
    }
}
