//! Reference attributions: quotations from Quotebank and from GDELT's quotation graph, read
//! with `--reference FILE` and compared with the coverage.
//!
//! Two JSONL dialects are read, plain or gzipped (recognised by the gzip magic bytes, so
//! `.jsonl.gz` and `.json.gz` both work), one record per line, the dialect of each line told by
//! its keys:
//!
//! - **Quotebank** (quote-centric): `quotation`, `speaker`, `qids`, `probas` (a list of
//!   `[name, probability]` pairs, the probability a number or a string), `urls`, `date`,
//!   `quoteID`, `numOccurrences`. The speaker is the `probas` entry with the highest
//!   probability that is not `"None"`, with that probability (`speaker` when `probas` is
//!   missing). Quotebank is built from English news: its quotations are read as English
//!   (no language detection).
//! - **GDELT quotation graph**: one article per line, `url`, `title`, `date`, `lang` and
//!   `quotes`, a list of `{pre, quote, post}`. The speaker is read from the words around the
//!   quote: the text `pre “quote” post` goes through the same extraction and attribution as an
//!   article, so the same cue lexicons decide.
//!
//! A bad line is reported with its file and line and skipped; the rest of the file is read.
//!
//! Reference quotes join the statements the articles formed (they are probed against each
//! statement's core and join the one they match best) but never found a statement, never count
//! as articles and never change the article quotes' clustering or findings: a statement only a
//! reference holds is not reported. Their speakers are named like the articles' people (see
//! `SpeakerRegistry::find`), so Quotebank's "Donald Trump" is the coverage's "Trump". How they
//! weigh in findings is `judge`'s business (a note on `speaker_conflict`, or a
//! `reference_conflict`).
//!
//! **Memory.** Files are streamed: [`REFERENCE_BATCH`] quotations are held at a time, plus the
//! quotes that joined a statement. Before any costly step (language detection, attribution,
//! normalization, whose interned words live until the process ends), a quotation must share
//! at least two content words (by folded form, stem or five-letter stem prefix) with the
//! coverage's statements; most of a large dataset is screened out there and costs only its
//! parsing.

use crate::attribute::name_key;
use crate::cluster::{Statement, StatementProbe};
use crate::lang::Lang;
use crate::matching::MIN_CONTENT_WORDS;
use crate::model::ReferenceSource;
use crate::model::{Article, ArticleMeta, Attribution, Quote, QuoteKind, Reference};
use crate::speakers::SpeakerRegistry;
use crate::text::{fold, tokenize, word_key, Lexicon, NormalizedQuote, Normalizer, Word};
use crate::Checker;
use rayon::prelude::*;
use serde::Deserialize;
use serde_json::{Map, Value};
use std::collections::{HashSet, VecDeque};
use std::fmt;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

/// A reference line longer than this many bytes is reported and skipped, never held whole.
/// GDELT lines (one article's quotes) run to a few tens of kilobytes.
pub const MAX_REFERENCE_LINE_BYTES: usize = 8 << 20;

/// Quotations prepared together (on every core) before they join statements in file order.
/// Bounds the memory spent on quotations that will be dropped.
pub const REFERENCE_BATCH: usize = 4096;

/// Confidence of a Quotebank speaker given without `probas`: the dataset's model named them but
/// said nothing of how sure it was, so the credit counts as even odds.
pub const CONFIDENCE_WITHOUT_PROBABILITY: f32 = 0.5;

/// The name Quotebank gives to "no speaker" among its candidates.
const QUOTEBANK_NO_SPEAKER: &str = "None";

/// The two bytes every gzip member starts with.
const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// A problem with a reference file or one of its lines.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReferenceError {
    /// The file as named on the command line.
    pub file: String,
    /// The line (from 1), when the problem is one line's.
    pub line: Option<usize>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for ReferenceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}: {}", self.file, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

impl std::error::Error for ReferenceError {}

/// Who a reference record says spoke its quotation.
#[derive(Clone, Debug, PartialEq)]
pub enum Claim {
    /// Quotebank's most probable speaker.
    Speaker {
        /// The name as Quotebank writes it.
        name: String,
        /// Its probability, when `probas` gives one.
        probability: Option<f32>,
        /// The candidates as the record lists them ("Gustavo Petro 0.83, None 0.17"): the
        /// evidence a reviewer reads.
        evidence: String,
    },
    /// Quotebank names nobody (every candidate is "None").
    Nobody,
    /// GDELT: the words before and after the quotation, to be read for a speaker.
    Context {
        /// Text before the quotation.
        pre: String,
        /// Text after it.
        post: String,
    },
}

/// One quotation of a reference file, as read.
#[derive(Clone, Debug, PartialEq)]
pub struct ReferenceRecord {
    /// `PATH#LINE`, or `PATH#LINE.N` for the N-th quote of a GDELT line.
    pub location: String,
    /// The quotation.
    pub text: String,
    /// Who it is credited to, or the context to find out.
    pub claim: Claim,
    /// The language the record declares (Quotebank: English; GDELT: its `lang`, if known).
    pub lang: Option<Lang>,
    /// Source, urls, date and the dataset's other fields.
    pub reference: Reference,
}

/// Streams the quotations of one reference file, line by line.
pub struct ReferenceReader {
    name: String,
    input: Box<dyn BufRead + Send>,
    line: usize,
    pending: VecDeque<Result<ReferenceRecord, ReferenceError>>,
    finished: bool,
}

impl fmt::Debug for ReferenceReader {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ReferenceReader")
            .field("name", &self.name)
            .field("line", &self.line)
            .finish_non_exhaustive()
    }
}

impl ReferenceReader {
    /// Opens the reference file at `path` (plain or gzipped JSONL).
    pub fn open(path: &Path) -> Result<ReferenceReader, ReferenceError> {
        let name = path.display().to_string();
        let file = std::fs::File::open(path).map_err(|e| ReferenceError {
            file: name.clone(),
            line: None,
            message: format!("cannot open reference file: {e}"),
        })?;
        ReferenceReader::new(name, file)
    }

    /// Reads reference lines from `input`, named `name` in errors and locations; gzipped
    /// input (several members allowed) is recognised by its first bytes.
    pub fn new(
        name: impl Into<String>,
        input: impl Read + Send + 'static,
    ) -> Result<ReferenceReader, ReferenceError> {
        let name = name.into();
        let mut buffered = BufReader::new(input);
        let start = buffered.fill_buf().map_err(|e| ReferenceError {
            file: name.clone(),
            line: None,
            message: format!("cannot read reference file: {e}"),
        })?;
        let input: Box<dyn BufRead + Send> = if start.starts_with(&GZIP_MAGIC) {
            Box::new(BufReader::new(flate2::read::MultiGzDecoder::new(buffered)))
        } else {
            Box::new(buffered)
        };
        Ok(ReferenceReader {
            name,
            input,
            line: 0,
            pending: VecDeque::new(),
            finished: false,
        })
    }

    /// The file's name as given.
    pub fn name(&self) -> &str {
        &self.name
    }

    fn error(&self, message: String) -> ReferenceError {
        ReferenceError {
            file: self.name.clone(),
            line: Some(self.line),
            message,
        }
    }

    /// The next line's bytes (without its newline), an error for a line that cannot be read,
    /// or None at the end. A read error (a truncated gzip stream) ends the file.
    fn next_line(&mut self) -> Option<Result<Vec<u8>, ReferenceError>> {
        if self.finished {
            return None;
        }
        let mut bytes = Vec::new();
        let limit = MAX_REFERENCE_LINE_BYTES as u64 + 1;
        let read = (&mut self.input).take(limit).read_until(b'\n', &mut bytes);
        self.line += 1;
        match read {
            Ok(0) => {
                self.finished = true;
                None
            }
            Ok(_) if bytes.len() > MAX_REFERENCE_LINE_BYTES && bytes.last() != Some(&b'\n') => {
                if let Err(e) = self.skip_rest_of_line() {
                    self.finished = true;
                    return Some(Err(self.error(format!("cannot read: {e}"))));
                }
                Some(Err(self.error(format!(
                    "line longer than {MAX_REFERENCE_LINE_BYTES} bytes, skipped"
                ))))
            }
            Ok(_) => {
                if bytes.last() == Some(&b'\n') {
                    bytes.pop();
                }
                Some(Ok(bytes))
            }
            Err(e) => {
                self.finished = true;
                Some(Err(self.error(format!("cannot read: {e}"))))
            }
        }
    }

    /// Discards input up to and including the next newline, without holding it.
    fn skip_rest_of_line(&mut self) -> std::io::Result<()> {
        loop {
            let available = self.input.fill_buf()?;
            if available.is_empty() {
                return Ok(());
            }
            if let Some(newline) = available.iter().position(|&b| b == b'\n') {
                self.input.consume(newline + 1);
                return Ok(());
            }
            let length = available.len();
            self.input.consume(length);
        }
    }

    /// Parses one line into its quotations (one for Quotebank, any number for GDELT).
    fn parse_line(&self, bytes: &[u8]) -> Vec<Result<ReferenceRecord, ReferenceError>> {
        let text = match std::str::from_utf8(bytes) {
            Ok(text) => text.trim_start_matches('\u{feff}').trim(),
            Err(e) => {
                return vec![Err(
                    self.error(format!("not UTF-8 (byte {} of the line)", e.valid_up_to()))
                )]
            }
        };
        if text.is_empty() {
            return Vec::new();
        }
        let object: Map<String, Value> = match serde_json::from_str(text) {
            Ok(object) => object,
            Err(e) => return vec![Err(self.error(format!("not a JSON object: {e}")))],
        };
        let location = format!("{}#{}", self.name, self.line);
        if object.contains_key("quotation") {
            vec![quotebank_record(object, location).map_err(|m| self.error(m))]
        } else if object.contains_key("quotes") {
            match gdelt_records(object, &location) {
                Ok(records) => records
                    .into_iter()
                    .map(|r| r.map_err(|m| self.error(m)))
                    .collect(),
                Err(message) => vec![Err(self.error(message))],
            }
        } else {
            vec![Err(self.error(
                "neither a Quotebank record (no \"quotation\") nor a GDELT quotation-graph \
                 record (no \"quotes\")"
                    .to_string(),
            ))]
        }
    }
}

impl Iterator for ReferenceReader {
    type Item = Result<ReferenceRecord, ReferenceError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(item) = self.pending.pop_front() {
                return Some(item);
            }
            match self.next_line()? {
                Ok(bytes) => {
                    let items = self.parse_line(&bytes);
                    self.pending.extend(items);
                }
                Err(error) => return Some(Err(error)),
            }
        }
    }
}

/// A probability as Quotebank writes it: a number, or a number in a string.
#[derive(Deserialize)]
#[serde(untagged)]
enum Probability {
    Number(f64),
    Text(String),
}

impl Probability {
    fn value(&self) -> Result<f32, String> {
        let value = match self {
            Probability::Number(n) => *n,
            Probability::Text(text) => text
                .trim()
                .parse()
                .map_err(|_| format!("probas: {text:?} is not a probability"))?,
        };
        if (0.0..=1.0).contains(&value) {
            Ok(value as f32)
        } else {
            Err(format!("probas: {value} is not between 0 and 1"))
        }
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct QuotebankLine {
    quotation: String,
    #[serde(default)]
    speaker: Option<String>,
    #[serde(default)]
    qids: Vec<String>,
    #[serde(default)]
    probas: Vec<(String, Probability)>,
    #[serde(default)]
    urls: Vec<String>,
    #[serde(default)]
    date: Option<String>,
    #[serde(default, rename = "quoteID")]
    quote_id: Option<String>,
    #[serde(default)]
    num_occurrences: Option<u64>,
}

/// The quotation of a Quotebank line.
fn quotebank_record(
    object: Map<String, Value>,
    location: String,
) -> Result<ReferenceRecord, String> {
    let line: QuotebankLine = serde_json::from_value(Value::Object(object))
        .map_err(|e| format!("Quotebank record: {e}"))?;
    let text = line.quotation.trim().to_string();
    if text.is_empty() {
        return Err("Quotebank record: empty quotation".to_string());
    }
    let mut candidates = Vec::new();
    for (name, probability) in &line.probas {
        candidates.push((name.trim(), probability.value()?));
    }
    // The most probable named candidate; the first listed among equals.
    let best = candidates
        .iter()
        .filter(|(name, _)| !name.is_empty() && *name != QUOTEBANK_NO_SPEAKER)
        .fold(None::<&(&str, f32)>, |best, c| match best {
            Some(b) if b.1 >= c.1 => Some(b),
            _ => Some(c),
        });
    let evidence = candidates
        .iter()
        .map(|(name, p)| format!("{name} {p:.2}"))
        .collect::<Vec<_>>()
        .join(", ");
    let claim = match best {
        Some(&(name, p)) => Claim::Speaker {
            name: name.to_string(),
            probability: Some(p),
            evidence: format!("Quotebank probas: {evidence}"),
        },
        None if candidates.is_empty() => match line.speaker.as_deref().map(str::trim) {
            Some(name) if !name.is_empty() && name != QUOTEBANK_NO_SPEAKER => Claim::Speaker {
                name: name.to_string(),
                probability: None,
                evidence: format!("Quotebank speaker: {name}"),
            },
            _ => Claim::Nobody,
        },
        None => Claim::Nobody,
    };
    let probability = match &claim {
        Claim::Speaker { probability, .. } => *probability,
        _ => None,
    };
    Ok(ReferenceRecord {
        location,
        text,
        claim,
        lang: Some(Lang::En),
        reference: Reference {
            source: ReferenceSource::Quotebank,
            urls: line.urls,
            date: line.date,
            probability,
            quote_id: line.quote_id,
            qids: line.qids,
            occurrences: line.num_occurrences,
            title: None,
        },
    })
}

#[derive(Deserialize)]
struct GdeltLine {
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    lang: Option<String>,
    quotes: Vec<Value>,
}

#[derive(Deserialize)]
struct GdeltQuote {
    #[serde(default)]
    pre: String,
    quote: String,
    #[serde(default)]
    post: String,
}

/// The quotations of a GDELT quotation-graph line: an error for the line as a whole, or one
/// result per quote (a bad quote does not lose the others).
#[allow(clippy::type_complexity)]
fn gdelt_records(
    object: Map<String, Value>,
    location: &str,
) -> Result<Vec<Result<ReferenceRecord, String>>, String> {
    let line: GdeltLine =
        serde_json::from_value(Value::Object(object)).map_err(|e| format!("GDELT record: {e}"))?;
    let lang = line.lang.as_deref().and_then(Lang::from_tag);
    let records = line
        .quotes
        .into_iter()
        .enumerate()
        .map(|(index, value)| {
            let quote: GdeltQuote =
                serde_json::from_value(value).map_err(|e| format!("GDELT quotes[{index}]: {e}"))?;
            let text = quote.quote.trim().to_string();
            if text.is_empty() {
                return Err(format!("GDELT quotes[{index}]: empty quote"));
            }
            Ok(ReferenceRecord {
                location: format!("{location}.{}", index + 1),
                text,
                claim: Claim::Context {
                    pre: quote.pre,
                    post: quote.post,
                },
                lang,
                reference: Reference {
                    source: ReferenceSource::Gdelt,
                    urls: line.url.iter().cloned().collect(),
                    date: line.date.clone(),
                    title: line.title.clone(),
                    ..Reference::default()
                },
            })
        })
        .collect();
    Ok(records)
}

/// What the reference files contributed to a run.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReferenceSummary {
    /// The files, as named.
    pub files: Vec<String>,
    /// Quotations read.
    pub read: usize,
    /// Of those, the ones sharing too few words with the coverage's statements to be
    /// compared (dropped before any analysis).
    pub screened_out: usize,
    /// The ones with no speaker (Quotebank's "None", or no attribution in a GDELT context),
    /// or that are no one's statement (a title, a scare quote): dropped.
    pub unattributed: usize,
    /// The ones that joined a statement of the coverage.
    pub matched: usize,
    /// Lines skipped because of a problem (each with its file and line).
    pub errors: Vec<ReferenceError>,
}

/// The coverage's statements as the reference stage sees them.
pub(crate) struct Coverage<'r, 'n> {
    /// Every quote so far; reference quotes that join a statement are appended.
    pub quotes: &'r mut Vec<Quote>,
    /// Their normalized forms, likewise.
    pub normalized: &'r mut Vec<NormalizedQuote<'n>>,
    /// The statements the articles formed; reference quotes join them.
    pub statements: &'r mut [Statement],
    /// Articles in the run: reference quotes are numbered past them.
    pub articles: usize,
    /// The run's people, that reference speakers are named after.
    pub registry: &'r SpeakerRegistry,
}

/// What became of one quotation.
enum Outcome<'n> {
    ScreenedOut,
    Unattributed,
    Unmatched,
    Matched(Box<Quote>, NormalizedQuote<'n>, usize, crate::MatchScore),
}

/// Reads every quotation of `readers` and joins those that report a statement of `coverage`
/// to it. Returns what each file contributed.
pub(crate) fn join_references<'n>(
    checker: &Checker,
    normalizer: &Normalizer<'n>,
    readers: Vec<ReferenceReader>,
    coverage: Coverage<'_, 'n>,
) -> ReferenceSummary {
    let Coverage {
        quotes,
        normalized,
        statements,
        articles,
        registry,
    } = coverage;
    let mut summary = ReferenceSummary::default();
    let vocabulary = CoverageWords::new(statements, normalized);
    let probe = StatementProbe::new(statements, normalized);
    for reader in readers {
        summary.files.push(reader.name().to_string());
        let mut records = reader.peekable();
        while records.peek().is_some() {
            let mut batch = Vec::with_capacity(REFERENCE_BATCH);
            for item in records.by_ref().take(REFERENCE_BATCH) {
                match item {
                    Ok(record) => batch.push(record),
                    Err(error) => summary.errors.push(error),
                }
            }
            summary.read += batch.len();
            let outcomes: Vec<Outcome> = batch
                .into_par_iter()
                .map(|record| {
                    let langs: &[Lang] = match &record.lang {
                        Some(lang) => std::slice::from_ref(lang),
                        None => &Lang::ALL,
                    };
                    if !vocabulary.shares_enough(&record.text, langs, &checker.lexicon) {
                        return Outcome::ScreenedOut;
                    }
                    let Some(quote) = checker.reference_quote(record, registry) else {
                        return Outcome::Unattributed;
                    };
                    let form = normalizer.normalize(&quote.text, quote.lang.unwrap_or(Lang::En));
                    match probe
                        .best(&form, statements, normalized, &checker.lexicon)
                        .0
                    {
                        Some((statement, score)) => {
                            Outcome::Matched(Box::new(quote), form, statement, score)
                        }
                        None => Outcome::Unmatched,
                    }
                })
                .collect();
            for outcome in outcomes {
                match outcome {
                    Outcome::ScreenedOut => summary.screened_out += 1,
                    Outcome::Unattributed => summary.unattributed += 1,
                    Outcome::Unmatched => {}
                    Outcome::Matched(mut quote, form, statement, score) => {
                        quote.article_index = articles + summary.matched;
                        summary.matched += 1;
                        statements[statement].quotes.push(quotes.len());
                        statements[statement].matches.push(Some(score));
                        quotes.push(*quote);
                        normalized.push(form);
                    }
                }
            }
        }
    }
    summary
}

impl Checker {
    /// The quote of a reference record, its speaker named like the articles' people; None
    /// when it has no speaker or is no one's statement.
    fn reference_quote(
        &self,
        record: ReferenceRecord,
        registry: &SpeakerRegistry,
    ) -> Option<Quote> {
        let ReferenceRecord {
            location,
            text,
            claim,
            lang,
            reference,
        } = record;
        let mut quote = match claim {
            Claim::Nobody => return None,
            Claim::Speaker {
                name,
                probability,
                evidence,
            } => Quote {
                article_index: 0,
                article: location,
                // Quotebank is built from English news: its quotations are taken as English.
                lang: lang.or(Some(Lang::En)),
                start: 0,
                end: text.len(),
                text,
                kind: QuoteKind::Speech,
                attribution: Some(Attribution {
                    speaker: None,
                    mention: name.clone(),
                    person: name,
                    cue: None,
                    confidence: probability.unwrap_or(CONFIDENCE_WITHOUT_PROBABILITY),
                    sentence: (0, 0),
                    evidence,
                    person_index: 0,
                }),
                reference: None,
            },
            Claim::Context { pre, post } => {
                self.attribute_in_context(location, &text, &pre, &post, lang)?
            }
        };
        if !quote.kind.is_statement() {
            return None;
        }
        let attribution = quote.attribution.as_mut()?;
        let words: Vec<String> = tokenize(&attribution.person)
            .into_iter()
            .filter(|t| t.is_word)
            .map(|t| t.text(&attribution.person).to_string())
            .collect();
        let unified = registry
            .find(&name_key(&words))
            .unwrap_or(&attribution.person);
        let named = self
            .speakers
            .resolve(&[unified, &attribution.person, &attribution.mention])
            .unwrap_or(unified);
        attribution.speaker = Some(named.to_string());
        quote.reference = Some(Box::new(reference));
        Some(quote)
    }

    /// A GDELT quotation attributed from its context: the text `pre “quote” post` is read as
    /// a one-paragraph article (marks the quotation does not use are chosen).
    fn attribute_in_context(
        &self,
        location: String,
        text: &str,
        pre: &str,
        post: &str,
        lang: Option<Lang>,
    ) -> Option<Quote> {
        let (open, close) = [("“", "”"), ("«", "»"), ("\"", "\"")]
            .into_iter()
            .find(|(open, close)| !text.contains(open) && !text.contains(close))
            .unwrap_or(("“", "”"));
        let (pre, post) = (pre.trim(), post.trim());
        let mut body = String::with_capacity(pre.len() + text.len() + post.len() + 8);
        if !pre.is_empty() {
            body.push_str(pre);
            body.push(' ');
        }
        body.push_str(open);
        let start = body.len();
        body.push_str(text);
        let end = body.len();
        body.push_str(close);
        if !post.is_empty() {
            body.push(' ');
            body.push_str(post);
        }
        let article = Article {
            id: location,
            meta: ArticleMeta::default(),
            declared_lang: lang,
            body,
        };
        let scan = self.scan_article(&article);
        let (_, quotes, _) = self.attribute_article(0, article, scan);
        quotes
            .into_iter()
            .find(|q| q.start >= start && q.end <= end && q.start < end)
            .filter(|q| q.attribution.is_some())
    }
}

/// The words of the coverage's statements, as the keys matching could share with them: a
/// cheap screen that spares most of a large dataset every costly step.
struct CoverageWords {
    known: HashSet<&'static str>,
}

impl CoverageWords {
    fn new(statements: &[Statement], normalized: &[NormalizedQuote]) -> CoverageWords {
        let mut known = HashSet::new();
        for quote in statements.iter().flat_map(|s| &s.quotes) {
            for token in normalized[*quote].content() {
                known.extend([token.folded, token.key, token.prefix].map(|w| w.as_str()));
                known.extend(token.concepts.iter().map(|w| w.as_str()));
            }
        }
        CoverageWords { known }
    }

    /// True when at least [`MIN_CONTENT_WORDS`] distinct content words of `text`, read in any
    /// of `langs`, are known by their folded form, their stem, their stem's prefix or (Spanish)
    /// a gloss in `lexicon`: what matching needs before it can align two quotes.
    fn shares_enough(&self, text: &str, langs: &[Lang], lexicon: &Lexicon) -> bool {
        let mut shared: HashSet<String> = HashSet::new();
        for token in tokenize(text).into_iter().filter(|t| t.is_word) {
            let lower = token.text(text).to_lowercase();
            if langs.iter().all(|l| l.pack().stopwords.contains(&lower)) {
                continue;
            }
            let folded = fold(&lower);
            let known = self.known.contains(folded.as_str())
                || langs.iter().any(|&lang| {
                    let key = word_key(lang, &lower);
                    let prefix = format!("~{}", key.chars().take(5).collect::<String>());
                    // A Spanish word meets English ones through its glosses (a key nothing
                    // interned has none).
                    let glosses = match lang {
                        Lang::En => &[][..],
                        Lang::Es => Word::existing(&key).map_or(&[][..], |k| lexicon.glosses(k)),
                    };
                    self.known.contains(key.as_str())
                        || self.known.contains(prefix.as_str())
                        || glosses.iter().any(|g| self.known.contains(g.as_str()))
                });
            if known {
                shared.insert(folded);
                if shared.len() >= MIN_CONTENT_WORDS {
                    return true;
                }
            }
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    const QUOTEBANK: &str = include_str!("../tests/fixtures/reference/quotebank.jsonl");
    const GDELT: &str = include_str!("../tests/fixtures/reference/gdelt.jsonl");

    fn read(name: &str, bytes: Vec<u8>) -> (Vec<ReferenceRecord>, Vec<ReferenceError>) {
        let reader = ReferenceReader::new(name, std::io::Cursor::new(bytes)).unwrap();
        let (mut records, mut errors) = (Vec::new(), Vec::new());
        for item in reader {
            match item {
                Ok(record) => records.push(record),
                Err(error) => errors.push(error),
            }
        }
        (records, errors)
    }

    fn gzip(text: &str) -> Vec<u8> {
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        encoder.write_all(text.as_bytes()).unwrap();
        encoder.finish().unwrap()
    }

    #[test]
    fn quotebank_speaker_is_the_most_probable_named_candidate() {
        let (records, _) = read("qb.jsonl", QUOTEBANK.as_bytes().to_vec());
        let first = &records[0];
        assert_eq!(first.location, "qb.jsonl#1");
        assert_eq!(first.text, "We had a very good meeting");
        assert_eq!(first.lang, Some(Lang::En));
        match &first.claim {
            Claim::Speaker {
                name, probability, ..
            } => {
                assert_eq!(name, "Donald Trump");
                assert_eq!(*probability, Some(0.9134));
            }
            other => panic!("{other:?}"),
        }
        let reference = &first.reference;
        assert_eq!(reference.source, ReferenceSource::Quotebank);
        assert_eq!(reference.urls.len(), 2);
        assert_eq!(reference.quote_id.as_deref(), Some("2026-02-03-000101"));
        assert_eq!(reference.qids, ["Q22686"]);
        assert_eq!(reference.occurrences, Some(41));
        assert_eq!(reference.probability, Some(0.9134));
        // Probabilities written as numbers read the same as strings.
        assert!(matches!(
            &records[2].claim,
            Claim::Speaker { name, probability: Some(p), .. } if name == "Donald Trump" && (*p - 0.5803).abs() < 1e-6
        ));
        // Only "None": nobody.
        assert_eq!(records[4].claim, Claim::Nobody);
    }

    #[test]
    fn quotebank_none_is_skipped_and_speaker_stands_in_for_missing_probas() {
        let lines = concat!(
            r#"{"quotation": "a b c", "probas": [["None", "0.7"], ["Gustavo Petro", "0.2"], ["Iván Duque", "0.1"]]}"#,
            "\n",
            r#"{"quotation": "a b c", "speaker": "Gustavo Petro"}"#,
            "\n",
            r#"{"quotation": "a b c", "speaker": "None"}"#,
            "\n",
            r#"{"quotation": "   ", "speaker": "Gustavo Petro"}"#,
            "\n",
            r#"{"quotation": "a b c", "probas": [["Gustavo Petro", 1.5]]}"#,
            "\n",
        );
        let (records, errors) = read("qb", lines.as_bytes().to_vec());
        assert!(matches!(
            &records[0].claim,
            Claim::Speaker { name, probability: Some(p), .. } if name == "Gustavo Petro" && (*p - 0.2).abs() < 1e-6
        ));
        assert!(matches!(
            &records[1].claim,
            Claim::Speaker { name, probability: None, .. } if name == "Gustavo Petro"
        ));
        assert_eq!(records[2].claim, Claim::Nobody);
        assert_eq!(records.len(), 3);
        let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(
            messages,
            [
                "qb:4: Quotebank record: empty quotation",
                "qb:5: probas: 1.5 is not between 0 and 1"
            ]
        );
    }

    #[test]
    fn gdelt_lines_give_one_record_per_quote_and_a_bad_quote_loses_only_itself() {
        let (records, errors) = read("g.jsonl", GDELT.as_bytes().to_vec());
        let locations: Vec<&str> = records.iter().map(|r| r.location.as_str()).collect();
        assert_eq!(
            locations,
            [
                "g.jsonl#1.1",
                "g.jsonl#1.2",
                "g.jsonl#2.1",
                "g.jsonl#2.2",
                "g.jsonl#3.2"
            ]
        );
        let first = &records[0];
        assert_eq!(first.lang, Some(Lang::En));
        assert_eq!(records[2].lang, Some(Lang::Es));
        assert_eq!(first.reference.source, ReferenceSource::Gdelt);
        assert_eq!(
            first.reference.urls,
            ["https://example.org/gdelt/hemisphere-wire/oval-office-meeting"]
        );
        assert_eq!(
            first.reference.title.as_deref(),
            Some("Trump and Petro meet at the White House")
        );
        assert!(
            matches!(&first.claim, Claim::Context { pre, .. } if pre.ends_with("Oval Office:"))
        );
        assert_eq!(errors.len(), 1);
        assert_eq!(
            errors[0].to_string(),
            "g.jsonl:3: GDELT quotes[0]: missing field `quote`"
        );
    }

    #[test]
    fn bad_lines_are_reported_with_their_line_and_the_rest_is_read() {
        let (records, errors) = read("qb.jsonl", QUOTEBANK.as_bytes().to_vec());
        assert_eq!(records.len(), 7);
        let lines: Vec<Option<usize>> = errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, [Some(7), Some(8), Some(9)]);
        assert!(errors[0].message.contains("\"high\" is not a probability"));
        assert!(errors[1].message.starts_with("not a JSON object"));
        assert!(errors[2].message.starts_with("neither a Quotebank record"));
        let (_, errors) = read("x", b"{\"quotation\": \"caf\xe9\"}\n\n[1, 2]\n".to_vec());
        let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(messages[0], "x:1: not UTF-8 (byte 18 of the line)");
        assert!(
            messages[1].starts_with("x:3: not a JSON object"),
            "{messages:?}"
        );
        assert_eq!(messages.len(), 2, "a blank line is no error");
    }

    #[test]
    fn a_line_too_long_is_skipped_without_losing_the_next() {
        let mut bytes = vec![b'x'; MAX_REFERENCE_LINE_BYTES + 10];
        bytes.push(b'\n');
        bytes.extend_from_slice(QUOTEBANK.lines().next().unwrap().as_bytes());
        let (records, errors) = read("long", bytes);
        assert_eq!(errors.len(), 1);
        assert!(errors[0]
            .to_string()
            .starts_with("long:1: line longer than"));
        assert_eq!(records.len(), 1);
        assert_eq!(records[0].location, "long#2");
    }

    #[test]
    fn gzipped_files_read_as_the_plain_ones_even_in_several_members() {
        let plain = read("f", QUOTEBANK.as_bytes().to_vec());
        assert_eq!(read("f", gzip(QUOTEBANK)), plain);
        let (head, tail) = QUOTEBANK.split_at(
            QUOTEBANK
                .find("\n{\"quoteID\": \"2026-02-04-000008")
                .unwrap()
                + 1,
        );
        let mut members = gzip(head);
        members.extend(gzip(tail));
        assert_eq!(read("f", members), plain);
    }

    #[test]
    fn a_truncated_gzip_stream_is_an_error_after_the_lines_read() {
        let whole = gzip(&QUOTEBANK.repeat(50));
        let (records, errors) = read("cut.gz", whole[..whole.len() / 2].to_vec());
        assert!(!records.is_empty());
        let last = errors.last().unwrap();
        assert!(last.message.starts_with("cannot read"), "{last}");
    }

    #[test]
    fn opening_a_missing_file_names_it() {
        let error = ReferenceReader::open(Path::new("no/such/refs.jsonl")).unwrap_err();
        assert!(error
            .to_string()
            .starts_with("no/such/refs.jsonl: cannot open reference file"));
    }

    fn article(id: &str, body: &str) -> Article {
        Article {
            id: id.to_string(),
            meta: ArticleMeta::default(),
            declared_lang: None,
            body: body.to_string(),
        }
    }

    fn coverage() -> Vec<Article> {
        vec![
            article(
                "a.txt",
                "Donald Trump met Gustavo Petro. “We had a very good meeting,” Trump said.",
            ),
            article(
                "b.txt",
                "Trump received Petro. “We had a very good meeting,” Trump told reporters.",
            ),
        ]
    }

    fn check(lines: &str) -> crate::Analysis {
        let reader =
            ReferenceReader::new("r.jsonl", std::io::Cursor::new(lines.to_string())).unwrap();
        Checker::new().check_with_references(coverage(), vec![reader])
    }

    #[test]
    fn a_reference_disagreeing_with_all_coverage_is_a_reference_conflict() {
        let analysis = check(concat!(
            r#"{"quotation": "We had a very good meeting", "probas": [["Gustavo Petro", "0.83"], ["None", "0.17"]], "urls": ["https://example.org/a"]}"#,
            "\n"
        ));
        assert_eq!(analysis.findings.len(), 1, "{:?}", analysis.findings);
        let finding = &analysis.findings[0];
        assert_eq!(finding.kind, crate::FindingKind::ReferenceConflict);
        assert_eq!(finding.severity, crate::Severity::Warning);
        assert!(
            finding
                .message
                .ends_with("coverage credits Donald Trump (2 articles); Quotebank credits Gustavo Petro (p = 0.83)"),
            "{}",
            finding.message
        );
        assert!((finding.confidence - 0.83).abs() < 0.01);
        let reference = &analysis.quotes[*finding.quotes.last().unwrap()];
        assert!(reference.is_reference());
        assert_eq!(reference.article, "r.jsonl#1");
        assert_eq!(reference.article_index, 2, "numbered past the articles");
        let summary = analysis.references.as_ref().unwrap();
        assert_eq!((summary.read, summary.matched), (1, 1));
        assert_eq!(analysis.articles.len(), 2);
    }

    #[test]
    fn agreeing_unmatched_and_reference_only_statements_yield_no_finding() {
        let analysis = check(concat!(
            // Agrees, by the surname the coverage unifies with.
            r#"{"quotation": "We had a very good meeting", "probas": [["Trump", "0.9"]]}"#,
            "\n",
            // A statement only this reference holds.
            r#"{"quotation": "Colombia will never accept these sanctions on its coffee", "probas": [["Donald Trump", "0.9"]]}"#,
            "\n",
            // Longer, and holding the statement's words without rendering it.
            r#"{"quotation": "We had a meeting with the union and it was very good news for the workers of the port", "probas": [["Ana Ruiz", "0.9"]]}"#,
            "\n",
        ));
        assert!(analysis.findings.is_empty(), "{:?}", analysis.findings);
        assert_eq!(analysis.statements.len(), 1);
        let summary = analysis.references.as_ref().unwrap();
        assert_eq!(
            (summary.read, summary.matched, summary.screened_out),
            (3, 1, 1)
        );
        assert_eq!(
            analysis.quotes.last().unwrap().speaker(),
            Some("Donald Trump")
        );
    }

    #[test]
    fn gdelt_quotes_are_attributed_from_their_context_by_the_cue_lexicons() {
        let analysis = check(concat!(
            r#"{"url": "https://example.org/g", "lang": "SPANISH", "quotes": [{"pre": "El presidente colombiano, Gustavo Petro, afirmó ayer:", "quote": "Tuvimos una muy buena reunión", "post": ""}]}"#,
            "\n",
            r#"{"url": "https://example.org/h", "lang": "en", "quotes": [{"pre": "", "quote": "We had a very good meeting", "post": "the caption read."}]}"#,
            "\n",
        ));
        let summary = analysis.references.as_ref().unwrap();
        assert_eq!((summary.matched, summary.unattributed), (1, 1));
        let reference = analysis.quotes.last().unwrap();
        assert_eq!(reference.speaker(), Some("Gustavo Petro"));
        assert_eq!(reference.lang, Some(Lang::Es));
        assert_eq!(
            reference.attribution.as_ref().unwrap().cue.as_deref(),
            Some("afirmó")
        );
        assert_eq!(analysis.findings.len(), 1);
        assert!(analysis.findings[0]
            .message
            .ends_with("GDELT credits Gustavo Petro (1 article)"));
    }

    #[test]
    fn the_screen_needs_two_shared_content_words() {
        let normalizer = Normalizer::new(crate::text::Lexicon::builtin());
        let normalized = vec![normalizer.normalize("Tuvimos una muy buena reunión", Lang::Es)];
        let statements = vec![Statement {
            id: "S1".to_string(),
            quotes: vec![0],
            core: 0,
            matches: vec![None],
        }];
        let words = CoverageWords::new(&statements, &normalized);
        let lexicon = crate::text::Lexicon::builtin();
        // English words meet the Spanish ones through the lexicon's glosses, and back.
        assert!(words.shares_enough("We had a very good meeting", &[Lang::En], lexicon));
        assert!(!words.shares_enough("a good day at the beach", &[Lang::En], lexicon));
        assert!(
            !words.shares_enough("una y muy", &Lang::ALL, lexicon),
            "stop words do not count"
        );
        let english = vec![normalizer.normalize("We had a very good meeting", Lang::En)];
        let words = CoverageWords::new(&statements, &english);
        assert!(words.shares_enough("Tuvimos una muy buena reunión", &[Lang::Es], lexicon));
    }
}
