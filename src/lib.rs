//! quotecheck checks whether the same statement is attributed to the same speaker across
//! English and Spanish news coverage.
//!
//! The pipeline runs in stages, each a module with one job:
//!
//! 1. **ingest** — paths → [`Article`]s (text/Markdown with front matter, JSON and JSONL in
//!    scrapers' dialects, HTML pages, WARC archives);
//! 2. **lang** — one lingua [`Detector`] per run: the language of each article and each quote;
//! 3. **extract** — quotation spans and their [`QuoteKind`] (speech, writing, title, slogan, scare);
//! 4. **attribute** — the speaker each article credits, from cues, names, pronouns and epithets;
//! 5. **speakers** — one canonical name per person across articles and languages;
//! 6. **text** — normalized, stemmed quotes glossed into an English pivot;
//! 7. **matching** and **cluster** — quotes reporting the same utterance become [`Statement`]s;
//! 8. **judge** — [`Finding`]s such as a statement credited to different speakers;
//! 9. **report** — text or JSON.
//!
//! Quotations from reference datasets (Quotebank, GDELT; see [`reference`]) may join the
//! statements as a labelled source: [`Checker::check_with_references`].
//!
//! [`eval`] scores a run against gold annotations.
//!
//! ```
//! use quotecheck::{Article, ArticleMeta, Checker};
//! let article = |id: &str, body: &str| Article {
//!     id: id.to_string(), meta: ArticleMeta::default(), declared_lang: None, body: body.to_string(),
//! };
//! let analysis = Checker::new().check(vec![
//!     article("a.txt", "Donald Trump met Gustavo Petro. “We had a very good meeting,” Trump said."),
//!     article("b.txt", "Petro y Trump se reunieron. «Tuvimos una muy buena reunión», dijo Petro."),
//! ]);
//! assert_eq!(analysis.statements.len(), 1);
//! assert_eq!(analysis.findings.len(), 1); // credited to Trump in one, to Petro in the other
//! ```
#![deny(missing_docs)]

mod attribute;
mod cluster;
pub mod eval;
mod extract;
pub mod fingerprint;
mod ingest;
mod judge;
mod lang;
mod matching;
mod model;
pub mod reference;
pub mod report;
pub mod review;
mod speakers;
mod text;

pub use cluster::Statement;
pub use ingest::{
    ingest, IngestError, IngestOptions, Ingested, InputFormat, JsonDialect,
    DEFAULT_MAX_ARTICLE_BYTES, STDIN_PATH,
};
pub use judge::{Finding, FindingKind, Severity};
pub use lang::{Detector, Lang};
pub use matching::{MatchScore, Relation, SharedSentence};
pub use model::{Article, ArticleMeta, Attribution, Quote, QuoteKind, Reference, ReferenceSource};
pub use reference::{ReferenceError, ReferenceReader, ReferenceSummary};
pub use text::Word;

use attribute::People;
use rayon::prelude::*;
use speakers::SpeakerRegistry;
use text::{Lexicon, NormalizedQuote, Normalizer};

/// Evidence is the attributing sentence, cut to this many bytes around the quote when longer
/// (a runaway sentence must not be copied once per quote it holds).
const MAX_EVIDENCE_BYTES: usize = 600;

/// The attribution sentence `sentence` of `body`, cut around the quote at `quote` when long.
fn evidence(body: &str, sentence: (usize, usize), quote: (usize, usize)) -> String {
    let (start, end) = sentence;
    if end - start <= MAX_EVIDENCE_BYTES {
        return body[start..end].to_string();
    }
    let margin = MAX_EVIDENCE_BYTES / 2;
    let mut from = quote.0.saturating_sub(margin).clamp(start, end);
    let mut to = (quote.1 + margin).clamp(from, end);
    while !body.is_char_boundary(from) {
        from -= 1;
    }
    while !body.is_char_boundary(to) {
        to += 1;
    }
    let prefix = if from > start { "…" } else { "" };
    let suffix = if to < end { "…" } else { "" };
    format!("{prefix}{}{suffix}", &body[from..to])
}

/// An article after the first pass: scanned, classified, its people found.
struct Scanned {
    lang: Option<Lang>,
    kinds: Vec<QuoteKind>,
    people: People,
}

/// What the run knows about one article after analysis.
#[derive(Clone, Debug, PartialEq)]
pub struct ArticleInfo {
    /// Article id.
    pub id: String,
    /// Title, outlet, url, date.
    pub meta: ArticleMeta,
    /// Declared or detected language of the article's own prose.
    pub lang: Option<Lang>,
}

/// The result of checking a set of articles.
#[derive(Clone, Debug, Default)]
pub struct Analysis {
    /// The articles, sorted by id.
    pub articles: Vec<ArticleInfo>,
    /// Every quote, in article order then offset; then the reference quotes that joined a
    /// statement, in the order their files were read.
    pub quotes: Vec<Quote>,
    /// Statements (speech and writing quotes grouped by utterance), numbered S1, S2...
    pub statements: Vec<Statement>,
    /// Findings, in statement order.
    pub findings: Vec<Finding>,
    /// Candidate pairs that matching scored.
    pub scored_pairs: usize,
    /// What the reference files contributed; None when none were given.
    pub references: Option<ReferenceSummary>,
    /// Seconds spent in each stage and the peak memory (MB) after it, in order (for
    /// `--verbose`; never part of a report).
    pub timings: Vec<(&'static str, f64, f64)>,
}

/// Wall-clock time per stage.
#[derive(Debug)]
struct Timings {
    last: std::time::Instant,
    laps: Vec<(&'static str, f64, f64)>,
}

impl Default for Timings {
    fn default() -> Self {
        Timings {
            last: std::time::Instant::now(),
            laps: Vec::new(),
        }
    }
}

impl Timings {
    fn lap(&mut self, stage: &'static str) {
        let now = std::time::Instant::now();
        self.laps.push((
            stage,
            (now - self.last).as_secs_f64(),
            peak_rss_mb().unwrap_or(0.0),
        ));
        self.last = now;
    }
}

/// Peak resident memory of this process so far, in MB, where the system tells (Linux).
pub fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// The quotecheck pipeline, built once per run (the language detector and the lexicon).
pub struct Checker {
    detector: Detector,
    lexicon: std::borrow::Cow<'static, Lexicon>,
    speakers: speakers::SpeakerAliases,
    progress: Option<ProgressFn>,
}

/// Called as articles are processed: (stage, articles done, articles in all).
pub type ProgressFn = Box<dyn Fn(&'static str, usize, usize) + Send + Sync>;

impl Default for Checker {
    fn default() -> Self {
        Checker::new()
    }
}

impl Checker {
    /// A checker with the built-in language data.
    pub fn new() -> Self {
        Checker {
            detector: Detector::new(),
            lexicon: std::borrow::Cow::Borrowed(Lexicon::builtin()),
            speakers: speakers::SpeakerAliases::default(),
            progress: None,
        }
    }

    /// Reports progress through `callback` (the CLI draws a bar on a terminal).
    pub fn set_progress(&mut self, callback: ProgressFn) {
        self.progress = Some(callback);
    }

    /// Counts one more article done in `stage`, out of `total`.
    fn tick(&self, stage: &'static str, done: &std::sync::atomic::AtomicUsize, total: usize) {
        let done = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
        if let Some(progress) = &self.progress {
            progress(stage, done, total);
        }
    }

    /// Adds the speakers and aliases of a `--speakers` TOML file (see the README); `name`
    /// names the file in errors.
    pub fn add_speakers(&mut self, name: &str, text: &str) -> Result<(), String> {
        self.speakers.add_toml(name, text)
    }

    /// Adds Spanish→English lemma pairs (`spanish<TAB>english` lines, `#` comments) to the
    /// lexicon; `name` names the source in errors, which give its line.
    pub fn add_lexicon(&mut self, name: &str, text: &str) -> Result<(), lang::DataError> {
        self.lexicon.to_mut().add_pairs(name, text)
    }

    /// Runs ingest-to-speakers: every quote of every article, with kinds, languages and
    /// canonical speakers. `articles` are sorted by id first.
    pub fn extract(&self, articles: Vec<Article>) -> (Vec<ArticleInfo>, Vec<Quote>) {
        let (infos, quotes, _) = self.extract_timed(articles, &mut Timings::default());
        (infos, quotes)
    }

    /// [`Checker::extract`], timed, also returning the people found (for naming reference
    /// speakers after them).
    fn extract_timed(
        &self,
        mut articles: Vec<Article>,
        timings: &mut Timings,
    ) -> (Vec<ArticleInfo>, Vec<Quote>, SpeakerRegistry) {
        articles.sort_by(|a, b| a.id.cmp(&b.id));
        // Pass 1: scan each article and find the people it names (on every core; the scan is
        // redone in pass 2 rather than kept, so memory holds one article's tokens per thread).
        let (total, scanned_count, attributed_count) =
            (articles.len(), Default::default(), Default::default());
        let mut scanned: Vec<Scanned> = articles
            .par_iter()
            .map(|article| {
                let scan = self.scan_article(article);
                self.tick("reading", &scanned_count, total);
                scan
            })
            .collect();
        // What one article says of a person (a role, a nationality) helps read the others.
        let mut people: Vec<&mut People> = scanned.iter_mut().map(|s| &mut s.people).collect();
        timings.lap("scan (marks, sentences, language, kinds, people)");
        speakers::share_traits(&mut people);
        timings.lap("share roles and nationalities");
        // Pass 2: attribution. Each article is consumed: its body is freed as soon as its
        // quotes and evidence sentences are taken out, so bodies and quotes are never all held.
        let analysed: Vec<(ArticleInfo, Vec<Quote>, People)> = scanned
            .into_par_iter()
            .zip(articles.into_par_iter())
            .enumerate()
            .map(|(index, (scan, article))| {
                let result = self.attribute_article(index, article, scan);
                self.tick("attributing", &attributed_count, total);
                result
            })
            .collect();
        timings.lap("attribute");
        let mut credits: Vec<Vec<usize>> = analysed
            .iter()
            .map(|(_, _, people)| vec![0; people.persons.len()])
            .collect();
        let mut local_person: Vec<Vec<Option<usize>>> = Vec::new();
        for (article, (_, quotes, _)) in analysed.iter().enumerate() {
            let persons: Vec<Option<usize>> = quotes
                .iter()
                .map(|q| q.attribution.as_ref().map(|a| a.person_index))
                .collect();
            for person in persons.iter().flatten() {
                credits[article][*person] += 1;
            }
            local_person.push(persons);
        }
        let people: Vec<&People> = analysed.iter().map(|(_, _, people)| people).collect();
        let registry = SpeakerRegistry::unify(&people, &credits);
        let mut infos = Vec::new();
        let mut all_quotes = Vec::new();
        for (article, (info, quotes, _)) in analysed.into_iter().enumerate() {
            for (mut quote, person) in quotes.into_iter().zip(&local_person[article]) {
                if let (Some(attribution), Some(person)) = (quote.attribution.as_mut(), person) {
                    let unified = registry.name(article, *person);
                    let named = self.speakers.resolve(&[
                        unified,
                        &attribution.person,
                        &attribution.mention,
                    ]);
                    attribution.speaker = Some(named.unwrap_or(unified).to_string());
                }
                all_quotes.push(quote);
            }
            infos.push(info);
        }
        timings.lap("unify speakers");
        (infos, all_quotes, registry)
    }

    /// Runs the whole pipeline on `articles`.
    pub fn check(&self, articles: Vec<Article>) -> Analysis {
        self.check_with_references(articles, Vec::new())
    }

    /// Runs the whole pipeline on `articles`, comparing the coverage with the quotations of
    /// reference datasets (`references`, read as they are needed): those that report a
    /// statement of the coverage join it as a labelled source (see [`reference`]). Problems
    /// with their lines are in [`Analysis::references`].
    pub fn check_with_references(
        &self,
        articles: Vec<Article>,
        references: Vec<ReferenceReader>,
    ) -> Analysis {
        let mut timings = Timings::default();
        let (articles, mut quotes, registry) = self.extract_timed(articles, &mut timings);
        let normalizer = Normalizer::new(&self.lexicon);
        let mut normalized: Vec<NormalizedQuote> = quotes
            .par_iter()
            .map(|q| normalizer.normalize(&q.text, q.lang.unwrap_or(Lang::En)))
            .collect();
        timings.lap("normalize");
        let (mut statements, scored_pairs) = cluster::cluster(&quotes, &normalized, &self.lexicon);
        cluster::settle_written_statements(&statements, &mut quotes);
        timings.lap("match and cluster");
        let references = (!references.is_empty()).then(|| {
            let coverage = reference::Coverage {
                quotes: &mut quotes,
                normalized: &mut normalized,
                statements: &mut statements,
                articles: articles.len(),
                registry: &registry,
            };
            let summary = reference::join_references(self, &normalizer, references, coverage);
            timings.lap("references");
            summary
        });
        let outlet_of = |index: usize| {
            let info: &ArticleInfo = &articles[index];
            match &info.meta.outlet {
                Some(outlet) => format!("{outlet}, {}", info.id),
                None => info.id.clone(),
            }
        };
        let findings = judge::judge(&statements, &quotes, &normalized, outlet_of);
        timings.lap("judge");
        Analysis {
            articles,
            quotes,
            statements,
            findings,
            scored_pairs,
            references,
            timings: timings.laps,
        }
    }

    /// Pass 1 for one article: marks, sentences, language, kinds and the people it names.
    fn scan_article(&self, article: &Article) -> Scanned {
        let doc = extract::Document::new(&article.body);
        let lang = article
            .declared_lang
            .or_else(|| self.detector.detect_prose(doc.prose().into_iter()));
        let pack = lang.unwrap_or(Lang::En).pack();
        let kinds: Vec<QuoteKind> = extract::classify_all(&doc, pack);
        let people = People::find(&doc, pack);
        Scanned {
            lang,
            kinds,
            people,
        }
    }

    /// Pass 2 for one article: attribution, and the quotes as the rest of the pipeline sees them.
    fn attribute_article(
        &self,
        index: usize,
        article: Article,
        scan: Scanned,
    ) -> (ArticleInfo, Vec<Quote>, People) {
        let doc = extract::Document::new(&article.body);
        let Scanned {
            lang,
            mut kinds,
            people,
        } = scan;
        let pack = lang.unwrap_or(Lang::En).pack();
        let attributed = attribute::attribute(&doc, &mut kinds, pack, people);
        let persons: Vec<Option<usize>> = attributed
            .attributions
            .iter()
            .map(|a| a.as_ref().map(|a| a.person))
            .collect();
        let names: Vec<(usize, usize)> = attributed
            .people
            .mentions
            .iter()
            .map(|m| (m.start, m.person))
            .collect();
        let credits: Vec<extract::Credit> = attributed
            .attributions
            .iter()
            .map(|a| a.as_ref().map(|a| (a.person, a.sentence)))
            .collect();
        extract::carry_written_medium(&doc, pack, &names, &credits, &mut kinds);
        extract::follow_written_words(&doc, &persons, &mut kinds);
        let quotes = doc
            .quotes
            .iter()
            .zip(kinds)
            .zip(attributed.attributions)
            .map(|((span, kind), local)| Quote {
                article_index: index,
                article: article.id.clone(),
                lang: self.detector.detect_quote(&span.text, lang),
                text: span.text.clone(),
                start: span.start,
                end: span.end,
                kind,
                attribution: local.map(|a| Attribution {
                    speaker: None,
                    person: attributed.people.persons[a.person].name.clone(),
                    mention: a.mention,
                    cue: a.cue,
                    confidence: a.confidence,
                    sentence: a.sentence,
                    evidence: evidence(&article.body, a.sentence, (span.open, span.close_end)),
                    person_index: a.person,
                }),
                reference: None,
            })
            .collect();
        let info = ArticleInfo {
            id: article.id.clone(),
            meta: article.meta,
            lang,
        };
        (info, quotes, attributed.people)
    }
}
