//! Reports: the results of a run as text or JSON.
//!
//! [`Report`] is the serializable view of an [`Analysis`]: its field names are the JSON contract.
//! Each output format is a [`Reporter`] in a file of its own.

mod json;
mod text;

pub use json::JsonReporter;
pub use text::{write_finding, TextReporter};

use crate::{Analysis, Finding, Lang, Quote, QuoteKind, ReferenceSource};
use serde::Serialize;
use std::io::{self, Write};

/// Writes a [`Report`] in one output format.
pub trait Reporter {
    /// Writes `report` to `out`.
    fn write(&self, report: &Report, out: &mut dyn Write) -> io::Result<()>;
}

/// Counts for the whole run.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Summary {
    /// Articles read.
    pub articles: usize,
    /// Quotations found in the articles.
    pub quotes: usize,
    /// Statements formed.
    pub statements: usize,
    /// Findings reported.
    pub findings: usize,
    /// Files or records skipped: unreadable or malformed articles and files that are not articles.
    pub skipped: usize,
    /// Of those, the ones skipped because of an error.
    pub errors: usize,
    /// Candidate quote pairs that matching scored.
    pub scored_pairs: usize,
}

/// An article as listed in a report.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ArticleRecord<'a> {
    /// Article id.
    pub id: &'a str,
    /// Title, outlet, url and date, as fields of the record.
    #[serde(flatten)]
    pub meta: &'a crate::ArticleMeta,
    /// Language of the article's prose.
    pub lang: Option<Lang>,
}

/// A quote as listed in a report.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct QuoteRecord<'a> {
    /// Article id.
    pub article: &'a str,
    /// Language of the quoted words (ISO 639-1).
    pub lang: Option<Lang>,
    /// The quotation without its marks.
    pub text: &'a str,
    /// Byte offset of the quotation in the article body (after front matter).
    pub start: usize,
    /// Byte offset past its end.
    pub end: usize,
    /// speech, writing, title, slogan, scare or other.
    pub kind: QuoteKind,
    /// Canonical speaker name, or null.
    pub speaker: Option<&'a str>,
    /// How the article names the speaker at the attribution, or null (also when the subject
    /// is not written, as Spanish allows).
    pub mention: Option<&'a str>,
    /// The attribution cue ("said", "dijo", "según"), or null.
    pub cue: Option<&'a str>,
    /// Confidence of the attribution (0–1), or null.
    pub confidence: Option<f32>,
    /// The sentence that attributes the quote, or null.
    pub evidence: Option<&'a str>,
    /// For a reference quote: its dataset, urls, probability and the dataset's other fields
    /// (flattened into the quote object); absent for article quotes.
    #[serde(flatten)]
    pub reference: Option<SourceRecord<'a>>,
    /// In a statement: how this quote matches the statement's core quote (relation, aligned
    /// words, anchors); absent for the core itself and outside statements.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub matched: Option<&'a crate::MatchScore>,
}

/// Where a reference quote comes from, as its quote object lists it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SourceRecord<'a> {
    /// "quotebank" or "gdelt".
    pub source: ReferenceSource,
    /// Articles the dataset found the quotation in.
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    pub urls: &'a [String],
    /// Quotebank's probability that the speaker said it (two decimals).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub p: Option<f32>,
    /// The dataset's date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<&'a str>,
    /// Quotebank's `quoteID`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote_id: Option<&'a str>,
    /// Quotebank's Wikidata ids of the speaker.
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    pub qids: &'a [String],
    /// Quotebank's `numOccurrences`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub occurrences: Option<u64>,
    /// GDELT's article title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<&'a str>,
}

impl<'a> QuoteRecord<'a> {
    /// The record of `quote`.
    pub fn new(quote: &'a Quote) -> Self {
        let attribution = quote.attribution.as_ref();
        QuoteRecord {
            article: &quote.article,
            lang: quote.lang,
            text: &quote.text,
            start: quote.start,
            end: quote.end,
            kind: quote.kind,
            speaker: quote.speaker(),
            mention: attribution
                .map(|a| a.mention.as_str())
                .filter(|m| !m.is_empty()),
            cue: attribution.and_then(|a| a.cue.as_deref()),
            confidence: attribution.map(|a| (a.confidence * 100.0).round() / 100.0),
            evidence: attribution.map(|a| a.evidence.as_str()),
            reference: quote.reference.as_deref().map(|r| SourceRecord {
                source: r.source,
                urls: &r.urls,
                p: r.probability.map(|p| (p * 100.0).round() / 100.0),
                date: r.date.as_deref(),
                quote_id: r.quote_id.as_deref(),
                qids: &r.qids,
                occurrences: r.occurrences,
                title: r.title.as_deref(),
            }),
            matched: None,
        }
    }
}

/// A statement as listed in a report.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StatementRecord<'a> {
    /// "S1", "S2"...
    pub id: &'a str,
    /// Canonical speakers the articles credit, sorted (reference quotes aside).
    pub speakers: Vec<&'a str>,
    /// Languages of the articles' quotes, sorted.
    pub langs: Vec<Lang>,
    /// Its quotes, in article order; then its reference quotes, which carry `source`.
    pub quotes: Vec<QuoteRecord<'a>>,
}

/// What the `--reference` files contributed, as a report lists it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ReferencesRecord<'a> {
    /// The files, as named.
    pub files: &'a [String],
    /// Quotations read.
    pub read: usize,
    /// Dropped unread: too few words in common with the coverage's statements.
    pub screened_out: usize,
    /// Dropped: no speaker, or no one's statement.
    pub unattributed: usize,
    /// Joined a statement of the coverage (listed among its quotes).
    pub matched: usize,
    /// Lines skipped because of a problem (reported on standard error).
    pub errors: usize,
}

/// A finding as listed in a report.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FindingRecord<'a> {
    /// speaker_conflict...
    pub kind: crate::FindingKind,
    /// error, warning or info.
    pub severity: crate::Severity,
    /// The statement's id.
    pub statement: &'a str,
    /// Stable id across runs: 16 hex digits (see README, "Fingerprints").
    pub fingerprint: &'a str,
    /// The reviewer's decision from the baseline, when there is one (only confirmed findings
    /// are listed: dismissed ones are hidden).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub review: Option<crate::review::ReviewRecord<'a>>,
    /// One line a reviewer can read.
    pub message: &'a str,
    /// How sure the finding is (0–1).
    pub confidence: f32,
    /// For wording drift: a word-level diff per changed quote.
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    pub diffs: &'a [String],
    /// The evidence.
    pub quotes: Vec<QuoteRecord<'a>>,
}

/// Everything a report shows.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report<'a> {
    /// Counts.
    pub summary: Summary,
    /// Articles, sorted by id.
    pub articles: Vec<ArticleRecord<'a>>,
    /// Statements, by id.
    pub statements: Vec<StatementRecord<'a>>,
    /// Findings, in statement order.
    pub findings: Vec<FindingRecord<'a>>,
    /// What the reference files contributed, when any were given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub references: Option<ReferencesRecord<'a>>,
    /// What the review baseline did to this report, when one was read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub baseline: Option<crate::review::BaselineRecord<'a>>,
}

impl<'a> Report<'a> {
    /// The report of `analysis`; `skipped` and `errors` come from ingest.
    pub fn new(analysis: &'a Analysis, skipped: usize, errors: usize) -> Report<'a> {
        let quotes = &analysis.quotes;
        let statements = analysis
            .statements
            .iter()
            .map(|s| {
                let coverage = || {
                    s.quotes
                        .iter()
                        .map(|&q| &quotes[q])
                        .filter(|q| !q.is_reference())
                };
                let mut speakers: Vec<&str> = coverage().filter_map(Quote::speaker).collect();
                speakers.sort();
                speakers.dedup();
                let mut langs: Vec<Lang> = coverage().filter_map(|q| q.lang).collect();
                langs.sort();
                langs.dedup();
                StatementRecord {
                    id: &s.id,
                    speakers,
                    langs,
                    quotes: s
                        .quotes
                        .iter()
                        .zip(&s.matches)
                        .map(|(&q, m)| QuoteRecord {
                            matched: m.as_ref(),
                            ..QuoteRecord::new(&quotes[q])
                        })
                        .collect(),
                }
            })
            .collect();
        let findings = analysis
            .findings
            .iter()
            .map(|f: &'a Finding| FindingRecord {
                kind: f.kind,
                severity: f.severity,
                statement: &f.statement,
                fingerprint: &f.fingerprint,
                review: None,
                message: &f.message,
                confidence: f.confidence,
                diffs: &f.diffs,
                quotes: f
                    .quotes
                    .iter()
                    .map(|&q| QuoteRecord::new(&quotes[q]))
                    .collect(),
            });
        Report {
            summary: Summary {
                articles: analysis.articles.len(),
                quotes: quotes.iter().filter(|q| !q.is_reference()).count(),
                statements: analysis.statements.len(),
                findings: analysis.findings.len(),
                skipped,
                errors,
                scored_pairs: analysis.scored_pairs,
            },
            articles: analysis
                .articles
                .iter()
                .map(|a| ArticleRecord {
                    id: &a.id,
                    meta: &a.meta,
                    lang: a.lang,
                })
                .collect(),
            statements,
            findings: findings.collect(),
            references: analysis.references.as_ref().map(|r| ReferencesRecord {
                files: &r.files,
                read: r.read,
                screened_out: r.screened_out,
                unattributed: r.unattributed,
                matched: r.matched,
                errors: r.errors.len(),
            }),
            baseline: None,
        }
    }
}

/// Formats for the `extract` command's quote listing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuoteListFormat {
    /// One JSON object per line.
    JsonLines,
    /// One JSON array.
    Json,
    /// One line per quote for people.
    Text,
}

/// Writes the quote listing of the `extract` command.
pub fn write_quotes(
    quotes: &[Quote],
    format: QuoteListFormat,
    out: &mut dyn Write,
) -> io::Result<()> {
    let records: Vec<QuoteRecord> = quotes.iter().map(QuoteRecord::new).collect();
    match format {
        QuoteListFormat::JsonLines => {
            for record in &records {
                serde_json::to_writer(&mut *out, record)?;
                writeln!(out)?;
            }
        }
        QuoteListFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &records)?;
            writeln!(out)?;
        }
        QuoteListFormat::Text => {
            for record in &records {
                let lang = record.lang.map_or("??", Lang::code);
                let speaker = record.speaker.unwrap_or("-");
                let cue = record.cue.map(|c| format!(" ({c})")).unwrap_or_default();
                writeln!(
                    out,
                    "{}:{}-{} [{} {}] {}{}: “{}”",
                    record.article,
                    record.start,
                    record.end,
                    record.kind.name(),
                    lang,
                    speaker,
                    cue,
                    record.text
                )?;
            }
        }
    }
    Ok(())
}
