//! Reports: the results of a run as text, JSON, Markdown, CSV or HTML.
//!
//! [`Report`] is the serializable view of an [`Analysis`]: its field names are the JSON contract.
//! Everything a format shows beyond the analysis itself (each statement's [`Provenance`], the
//! [`Overview`] counts, the marked-up attribution sentence) is computed here once, so every
//! format shows the same thing. Each output format is a [`Reporter`] in a file of its own.

mod csv;
mod html;
mod json;
mod markdown;
mod text;

pub use self::csv::CsvReporter;
pub use html::{HtmlReporter, CUE_COLOR, ERROR_COLOR};
pub use json::JsonReporter;
pub use markdown::MarkdownReporter;
pub use text::TextReporter;

use crate::text::fold;
use crate::{
    Analysis, Finding, FindingKind, Lang, MatchScore, Quote, QuoteKind, ReferenceSource, Severity,
};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
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

    /// The attribution sentence cut into parts, each marked as plain text, the quotation, the
    /// speaker's mention or the cue, in sentence order; empty without an attribution. Every
    /// format highlights the same parts.
    pub fn evidence_parts(&self) -> Vec<(&'a str, Mark)> {
        let Some(evidence) = self.evidence else {
            return Vec::new();
        };
        let quote = evidence
            .find(self.text)
            .filter(|_| !self.text.is_empty())
            .map(|start| (start, start + self.text.len()));
        let outside_quote = |(start, end): (usize, usize)| {
            quote.is_none_or(|(q_start, q_end)| end <= q_start || start >= q_end)
        };
        let mut marks: Vec<(usize, usize, Mark)> = Vec::new();
        if let Some((start, end)) = quote {
            marks.push((start, end, Mark::Quote));
        }
        // A colon introduction has no word to highlight.
        let cue = self.cue.filter(|c| c.chars().any(char::is_alphanumeric));
        for (needle, mark) in [(cue, Mark::Cue), (self.mention, Mark::Speaker)] {
            let Some(needle) = needle else { continue };
            let found = find_words(evidence, needle).find(|&span| {
                outside_quote(span) && marks.iter().all(|&(s, e, _)| span.1 <= s || span.0 >= e)
            });
            if let Some((start, end)) = found {
                marks.push((start, end, mark));
            }
        }
        marks.sort_by_key(|&(start, _, _)| start);
        let mut parts = Vec::new();
        let mut at = 0;
        for (start, end, mark) in marks {
            if start > at {
                parts.push((&evidence[at..start], Mark::Plain));
            }
            parts.push((&evidence[start..end], mark));
            at = end;
        }
        if at < evidence.len() {
            parts.push((&evidence[at..], Mark::Plain));
        }
        parts
    }
}

/// What a part of an attribution sentence is (see [`QuoteRecord::evidence_parts`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// Words around the attribution.
    Plain,
    /// The quotation itself.
    Quote,
    /// How the article names the speaker ("Trump", "the president").
    Speaker,
    /// The attribution cue ("said", "dijo").
    Cue,
}

/// Byte spans where `needle` occurs in `haystack` as whole words, ignoring case.
fn find_words<'h>(haystack: &'h str, needle: &'h str) -> impl Iterator<Item = (usize, usize)> + 'h {
    let needle_lower: Vec<char> = needle.chars().flat_map(char::to_lowercase).collect();
    haystack.char_indices().filter_map(move |(start, _)| {
        let mut rest = haystack[start..].char_indices();
        let mut end = start;
        for &want in &needle_lower {
            let (offset, c) = rest.next()?;
            let mut lower = c.to_lowercase();
            if lower.next() != Some(want) || lower.next().is_some() {
                return None;
            }
            end = start + offset + c.len_utf8();
        }
        let before = haystack[..start].chars().next_back();
        let after = haystack[end..].chars().next();
        let is_word_char = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        (end > start && !is_word_char(before) && !is_word_char(after)).then_some((start, end))
    })
}

/// A statement as listed in a report.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StatementRecord<'a> {
    /// "S1", "S2"...
    pub id: &'a str,
    /// The text of its core quote (the longest), which the others were matched against.
    pub text: &'a str,
    /// Canonical speakers the articles credit, sorted (reference quotes aside).
    pub speakers: Vec<&'a str>,
    /// Languages of the articles' quotes, sorted.
    pub langs: Vec<Lang>,
    /// Its quotes, in article order; then its reference quotes, which carry `source`.
    pub quotes: Vec<QuoteRecord<'a>>,
    /// Where the statement first appeared and how later coverage changed it.
    pub provenance: Provenance<'a>,
}

/// The history of a statement through the coverage: its earliest rendering (by article date,
/// then article order; undated articles come last) and each later rendering that brings
/// something new: the first rendering in another language, a rewording not seen before, or a
/// speaker not credited before.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Provenance<'a> {
    /// The earliest rendering.
    pub first: ProvenanceStep<'a>,
    /// Later renderings that first translate it, first show a rewording, or first credit a
    /// speaker, in date order.
    pub changes: Vec<ProvenanceStep<'a>>,
    /// Later renderings that bring nothing new: the same words (whole or trimmed) or a
    /// rewording already seen, credited to a speaker already seen.
    pub repeats: usize,
}

impl Provenance<'_> {
    /// "N later renderings add nothing new", or None when there are none.
    pub fn repeats_note(&self) -> Option<String> {
        match self.repeats {
            0 => None,
            1 => Some("1 later rendering adds nothing new".to_string()),
            n => Some(format!("{n} later renderings add nothing new")),
        }
    }
}

impl ProvenanceStep<'_> {
    /// What this rendering brings, as each format writes it: "translated “…”" or "reworded
    /// “…”" (its text through `quote`), and "credited to X" (the speaker, or "nobody", through
    /// `name`), joined by "; ".
    pub fn describe(
        &self,
        quote: impl Fn(&str) -> String,
        name: impl Fn(&str) -> String,
    ) -> String {
        let mut what = Vec::new();
        if matches!(self.wording, Wording::Translated | Wording::Reworded) {
            what.push(format!("{} {}", self.wording.name(), quote(self.text)));
        }
        if self.speaker_changed {
            what.push(format!(
                "credited to {}",
                name(self.speaker.unwrap_or("nobody"))
            ));
        }
        what.join("; ")
    }
}

/// One rendering of a statement in its [`Provenance`].
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ProvenanceStep<'a> {
    /// Article id.
    pub article: &'a str,
    /// Byte offset of the quotation in the article body (with `article`, it names the quote).
    pub start: usize,
    /// The article's date as given, or null.
    pub date: Option<&'a str>,
    /// Language of the quoted words.
    pub lang: Option<Lang>,
    /// The quotation.
    pub text: &'a str,
    /// The speaker this article credits, or null.
    pub speaker: Option<&'a str>,
    /// How its words compare with the earlier coverage.
    pub wording: Wording,
    /// True when the credited speaker differs from the earliest rendering's.
    pub speaker_changed: bool,
}

/// How a rendering's words compare with the earlier coverage of its statement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Wording {
    /// The earliest rendering.
    Original,
    /// The same words as the first rendering in its language (case and accents ignored).
    Same,
    /// A part of the first rendering in its language, or that rendering is a part of it.
    Trimmed,
    /// The first rendering in a language other than the earliest's.
    Translated,
    /// Different words from the first rendering in its language.
    Reworded,
}

impl Wording {
    /// The snake_case name used in reports.
    pub fn name(self) -> &'static str {
        match self {
            Wording::Original => "original",
            Wording::Same => "same",
            Wording::Trimmed => "trimmed",
            Wording::Translated => "translated",
            Wording::Reworded => "reworded",
        }
    }
}

impl<'a> Provenance<'a> {
    /// The provenance of a statement's `quotes` (reference quotes aside), given each article's
    /// date. None when no quote comes from an article.
    fn new(quotes: &[QuoteRecord<'a>], date_of: impl Fn(&str) -> Option<&'a str>) -> Option<Self> {
        // Reference datasets are never the earliest rendering nor a later one.
        let mut order: Vec<usize> = (0..quotes.len())
            .filter(|&i| quotes[i].reference.is_none())
            .collect();
        // Quotes are in article order; the sort is stable, so equal dates keep that order.
        // Each date is looked up once, not at every comparison.
        order.sort_by_cached_key(|&i| {
            let date = date_of(quotes[i].article);
            (date.is_none(), date)
        });
        let words = |text: &str| -> Vec<String> {
            fold(text)
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_string)
                .collect()
        };
        let step = |i: usize, wording: Wording, speaker_changed: bool| {
            let quote = &quotes[i];
            ProvenanceStep {
                article: quote.article,
                start: quote.start,
                date: date_of(quote.article),
                lang: quote.lang,
                text: quote.text,
                speaker: quote.speaker,
                wording,
                speaker_changed,
            }
        };
        let (&first, later) = order.split_first()?;
        let first_speaker = quotes[first].speaker;
        // The first rendering in each language, as folded words.
        let mut firsts: Vec<(Option<Lang>, Vec<String>)> =
            vec![(quotes[first].lang, words(quotes[first].text))];
        let mut provenance = Provenance {
            first: step(first, Wording::Original, false),
            changes: Vec::new(),
            repeats: 0,
        };
        // What earlier renderings already showed: a rendering repeating a known rewording or
        // a known speaker is a repeat, so the changes stay few however large the coverage.
        let mut seen_wordings: BTreeSet<(Option<Lang>, Vec<String>)> = BTreeSet::new();
        let mut seen_speakers: BTreeSet<Option<&str>> = BTreeSet::from([first_speaker]);
        for &i in later {
            let quote = &quotes[i];
            let own = words(quote.text);
            let wording = match firsts.iter().find(|(lang, _)| *lang == quote.lang) {
                None => {
                    firsts.push((quote.lang, own.clone()));
                    Wording::Translated
                }
                Some((_, reference)) if *reference == own => Wording::Same,
                Some((_, reference)) if contains_run(reference, &own) => Wording::Trimmed,
                Some((_, reference)) if contains_run(&own, reference) => Wording::Trimmed,
                Some(_) => Wording::Reworded,
            };
            let new_wording = wording == Wording::Translated
                || wording == Wording::Reworded && seen_wordings.insert((quote.lang, own));
            let new_speaker = seen_speakers.insert(quote.speaker);
            if new_wording || new_speaker {
                let speaker_changed = quote.speaker != first_speaker;
                provenance.changes.push(step(i, wording, speaker_changed));
            } else {
                provenance.repeats += 1;
            }
        }
        Some(provenance)
    }
}

/// True when `part` is a non-empty run of consecutive words of `whole`.
fn contains_run(whole: &[String], part: &[String]) -> bool {
    !part.is_empty() && whole.windows(part.len()).any(|window| window == part)
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
    /// The evidence, each quote with its match to the statement's core (as in the statement).
    pub quotes: Vec<QuoteRecord<'a>>,
}

/// Counts across the findings, for the summary every format ends with.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Overview<'a> {
    /// Findings per kind, most severe kind first.
    pub by_kind: Vec<KindCount>,
    /// Per speaker, the findings whose evidence credits that speaker; most findings first.
    pub by_speaker: Vec<SpeakerCount<'a>>,
    /// Per outlet, how often its attribution disagrees with the other outlets'; most
    /// disagreements first.
    pub outlets: Vec<OutletAgreement<'a>>,
}

/// Findings of one kind.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct KindCount {
    /// The kind.
    pub kind: FindingKind,
    /// Its severity.
    pub severity: Severity,
    /// How many findings of that kind.
    pub findings: usize,
}

/// Findings involving one speaker.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SpeakerCount<'a> {
    /// Canonical speaker name.
    pub speaker: &'a str,
    /// Findings whose evidence credits this speaker.
    pub findings: usize,
}

/// How one outlet's attributions compare with the other outlets'.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OutletAgreement<'a> {
    /// The outlet's name, or the article id when the article names no outlet.
    pub outlet: &'a str,
    /// Statements this outlet attributes that other outlets attribute too.
    pub compared: usize,
    /// Of those, the statements where none of the speakers it credits is the one most other
    /// outlets credit.
    pub disagreements: usize,
}

/// Everything a report shows.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report<'a> {
    /// Counts.
    pub summary: Summary,
    /// Counts across the findings: by kind, by speaker, and per outlet disagreements.
    pub overview: Overview<'a>,
    /// Articles, sorted by id.
    pub articles: Vec<ArticleRecord<'a>>,
    /// Statements, by id.
    pub statements: Vec<StatementRecord<'a>>,
    /// Findings, most severe first, then most confident, then in statement order.
    pub findings: Vec<FindingRecord<'a>>,
    /// What the reference files contributed, when any were given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub references: Option<ReferencesRecord<'a>>,
    /// What the review baseline did to this report, when one was read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub baseline: Option<crate::review::BaselineRecord<'a>>,
    /// Position of each statement in `statements`, by id.
    #[serde(skip)]
    statement_index: BTreeMap<&'a str, usize>,
}

impl<'a> Report<'a> {
    /// The report of `analysis`; `skipped` and `errors` come from ingest.
    pub fn new(analysis: &'a Analysis, skipped: usize, errors: usize) -> Report<'a> {
        let quotes = &analysis.quotes;
        let articles: Vec<ArticleRecord<'a>> = analysis
            .articles
            .iter()
            .map(|a| ArticleRecord {
                id: &a.id,
                meta: &a.meta,
                lang: a.lang,
            })
            .collect();
        let date_of = |id: &str| {
            article_by_id(&articles, id).and_then(|a| a.meta.date.as_deref().map(str::trim))
        };
        // Each statement member's match with its core, to show beside the finding's evidence.
        let mut matches: BTreeMap<(&str, usize), &'a MatchScore> = BTreeMap::new();
        let statements: Vec<StatementRecord<'a>> = analysis
            .statements
            .iter()
            .filter_map(|s| {
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
                for (&q, m) in s.quotes.iter().zip(&s.matches) {
                    if let Some(m) = m {
                        matches.insert((s.id.as_str(), q), m);
                    }
                }
                let records: Vec<QuoteRecord<'a>> = s
                    .quotes
                    .iter()
                    .zip(&s.matches)
                    .map(|(&q, m)| QuoteRecord {
                        matched: m.as_ref(),
                        ..QuoteRecord::new(&quotes[q])
                    })
                    .collect();
                Some(StatementRecord {
                    id: &s.id,
                    text: &quotes[s.core].text,
                    speakers,
                    langs,
                    provenance: Provenance::new(&records, date_of)?,
                    quotes: records,
                })
            })
            .collect();
        let mut findings: Vec<FindingRecord<'a>> = analysis
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
                    .map(|&q| QuoteRecord {
                        matched: matches.get(&(f.statement.as_str(), q)).copied(),
                        ..QuoteRecord::new(&quotes[q])
                    })
                    .collect(),
            })
            .collect();
        // Stable: equal severity and confidence keep statement order.
        findings.sort_by(|a, b| {
            b.severity
                .cmp(&a.severity)
                .then(b.confidence.total_cmp(&a.confidence))
        });
        let overview = Overview::new(&statements, &findings, &articles);
        let statement_index = statements
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id, i))
            .collect();
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
            overview,
            articles,
            statements,
            findings,
            references: analysis.references.as_ref().map(|r| ReferencesRecord {
                files: &r.files,
                read: r.read,
                screened_out: r.screened_out,
                unattributed: r.unattributed,
                matched: r.matched,
                errors: r.errors.len(),
            }),
            baseline: None,
            statement_index,
        }
    }

    /// The article with id `id`.
    pub fn article(&self, id: &str) -> Option<&ArticleRecord<'a>> {
        article_by_id(&self.articles, id)
    }

    /// The findings on each statement, by statement id, most severe first.
    pub fn findings_by_statement(&self) -> BTreeMap<&'a str, Vec<&FindingRecord<'a>>> {
        let mut by_statement: BTreeMap<&str, Vec<&FindingRecord>> = BTreeMap::new();
        for finding in &self.findings {
            by_statement
                .entry(finding.statement)
                .or_default()
                .push(finding);
        }
        by_statement
    }

    /// The statement with id `id`.
    pub fn statement(&self, id: &str) -> Option<&StatementRecord<'a>> {
        self.statement_index.get(id).map(|&i| &self.statements[i])
    }

    /// The outlet of article `id`: its name, or the id itself when the article names none.
    pub fn outlet(&self, id: &'a str) -> &'a str {
        outlet_of(&self.articles, id)
    }
}

/// The article with id `id` among `articles` (sorted by id).
fn article_by_id<'r, 'a>(
    articles: &'r [ArticleRecord<'a>],
    id: &str,
) -> Option<&'r ArticleRecord<'a>> {
    articles
        .binary_search_by(|a| a.id.cmp(id))
        .ok()
        .map(|i| &articles[i])
}

/// The outlet of article `id`, or the id when the article names none.
fn outlet_of<'a>(articles: &[ArticleRecord<'a>], id: &'a str) -> &'a str {
    article_by_id(articles, id)
        .and_then(|a| a.meta.outlet.as_deref())
        .unwrap_or(id)
}

impl<'a> Overview<'a> {
    /// The counts for `findings` over `statements`.
    fn new(
        statements: &[StatementRecord<'a>],
        findings: &[FindingRecord<'a>],
        articles: &[ArticleRecord<'a>],
    ) -> Self {
        let mut kinds: BTreeMap<FindingKind, usize> = BTreeMap::new();
        let mut speakers: BTreeMap<&'a str, usize> = BTreeMap::new();
        for finding in findings {
            *kinds.entry(finding.kind).or_default() += 1;
            let mut involved: Vec<&str> = finding.quotes.iter().filter_map(|q| q.speaker).collect();
            involved.sort();
            involved.dedup();
            for speaker in involved {
                *speakers.entry(speaker).or_default() += 1;
            }
        }
        let mut by_kind: Vec<KindCount> = kinds
            .into_iter()
            .map(|(kind, findings)| KindCount {
                kind,
                severity: kind.severity(),
                findings,
            })
            .collect();
        by_kind.sort_by_key(|k| std::cmp::Reverse(k.severity));
        let mut by_speaker: Vec<SpeakerCount> = speakers
            .into_iter()
            .map(|(speaker, findings)| SpeakerCount { speaker, findings })
            .collect();
        by_speaker.sort_by_key(|s| std::cmp::Reverse(s.findings));
        let mut outlets: BTreeMap<&'a str, (usize, usize)> = BTreeMap::new();
        for statement in statements {
            // The speakers each outlet credits for this statement.
            let mut credits: BTreeMap<&'a str, Vec<&'a str>> = BTreeMap::new();
            // Reference datasets are not outlets: only articles' credits are compared.
            for quote in statement.quotes.iter().filter(|q| q.reference.is_none()) {
                if let Some(speaker) = quote.speaker {
                    let outlet = outlet_of(articles, quote.article);
                    let speakers = credits.entry(outlet).or_default();
                    if !speakers.contains(&speaker) {
                        speakers.push(speaker);
                    }
                }
            }
            // Outlets crediting each speaker; an outlet's own credits are taken out below.
            let mut votes: BTreeMap<&str, usize> = BTreeMap::new();
            for speakers in credits.values() {
                for speaker in speakers {
                    *votes.entry(speaker).or_default() += 1;
                }
            }
            for (outlet, own) in &credits {
                let others = |speaker: &str| votes[speaker] - usize::from(own.contains(&speaker));
                let Some(most) = votes.keys().map(|s| others(s)).max().filter(|&m| m > 0) else {
                    continue;
                };
                let agrees = own.iter().any(|s| others(s) == most);
                let tally = outlets.entry(outlet).or_default();
                tally.0 += 1;
                tally.1 += usize::from(!agrees);
            }
        }
        let mut outlets: Vec<OutletAgreement> = outlets
            .into_iter()
            .map(|(outlet, (compared, disagreements))| OutletAgreement {
                outlet,
                compared,
                disagreements,
            })
            .collect();
        outlets.sort_by_key(|o| std::cmp::Reverse(o.disagreements));
        Overview {
            by_kind,
            by_speaker,
            outlets,
        }
    }
}

/// When to colour terminal output (`--color`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColorChoice {
    /// Colour when writing to a terminal, unless `NO_COLOR` is set; `CLICOLOR_FORCE` forces it.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

impl ColorChoice {
    /// Whether to colour output going to a terminal or not (`to_terminal`), given the
    /// environment variable lookup `var`. `NO_COLOR` (set and not empty) turns colour off,
    /// `CLICOLOR_FORCE` (set and not "0") turns it on, `TERM=dumb` off; an explicit
    /// `Always` or `Never` wins over the environment.
    pub fn enabled(self, to_terminal: bool, var: impl Fn(&str) -> Option<String>) -> bool {
        let set = |name: &str| var(name).is_some_and(|v| !v.is_empty());
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto if set("NO_COLOR") => false,
            ColorChoice::Auto
                if set("CLICOLOR_FORCE") && var("CLICOLOR_FORCE").as_deref() != Some("0") =>
            {
                true
            }
            ColorChoice::Auto => to_terminal && var("TERM").as_deref() != Some("dumb"),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn quote<'a>(
        article: &'a str,
        lang: Lang,
        text: &'a str,
        speaker: Option<&'a str>,
    ) -> QuoteRecord<'a> {
        QuoteRecord {
            article,
            lang: Some(lang),
            text,
            start: 0,
            end: text.len(),
            kind: QuoteKind::Speech,
            speaker,
            mention: None,
            cue: None,
            confidence: None,
            evidence: None,
            matched: None,
            reference: None,
        }
    }

    #[test]
    fn evidence_parts_mark_the_quote_the_mention_and_the_cue_outside_the_quote() {
        let record = QuoteRecord {
            mention: Some("Trump"),
            cue: Some("said"),
            evidence: Some("“Trump said it,” trump SAID, unsaid."),
            ..quote("a", Lang::En, "Trump said it,", Some("Donald Trump"))
        };
        let parts = record.evidence_parts();
        assert_eq!(
            parts,
            vec![
                ("“", Mark::Plain),
                ("Trump said it,", Mark::Quote),
                ("” ", Mark::Plain),
                ("trump", Mark::Speaker),
                (" ", Mark::Plain),
                ("SAID", Mark::Cue),
                (", unsaid.", Mark::Plain),
            ]
        );
        let colon = QuoteRecord {
            cue: Some(":"),
            evidence: Some("Petro: “Sí”"),
            ..quote("a", Lang::Es, "Sí", None)
        };
        assert!(colon.evidence_parts().iter().all(|(_, m)| *m != Mark::Cue));
    }

    #[test]
    fn provenance_starts_at_the_earliest_date_and_lists_translations_rewordings_and_new_speakers() {
        let quotes = vec![
            quote(
                "a-undated",
                Lang::En,
                "We had a good meeting",
                Some("Trump"),
            ),
            quote("b-later", Lang::En, "We had a good meeting", Some("Trump")),
            quote(
                "c-first",
                Lang::En,
                "We had a good meeting today",
                Some("Trump"),
            ),
            quote(
                "d-same-day",
                Lang::Es,
                "Tuvimos una buena reunión",
                Some("Trump"),
            ),
            quote("e-last", Lang::Es, "Tuvimos una reunión", Some("Petro")),
            quote("f-last", Lang::En, "We had a great meeting", Some("Trump")),
        ];
        let date_of = |id: &str| match id {
            "c-first" | "d-same-day" => Some("2026-02-03"),
            "b-later" => Some("2026-02-04"),
            "e-last" | "f-last" => Some("2026-02-05"),
            _ => None,
        };
        let provenance = Provenance::new(&quotes, date_of).unwrap();
        assert_eq!(provenance.first.article, "c-first");
        assert_eq!(provenance.first.wording, Wording::Original);
        let changes: Vec<(&str, Wording, bool)> = provenance
            .changes
            .iter()
            .map(|s| (s.article, s.wording, s.speaker_changed))
            .collect();
        assert_eq!(
            changes,
            vec![
                ("d-same-day", Wording::Translated, false),
                ("e-last", Wording::Reworded, true),
                ("f-last", Wording::Reworded, false),
            ]
        );
        // b-later is trimmed and a-undated (last, having no date) too.
        assert_eq!(provenance.repeats, 2);
        assert!(Provenance::new(&[], date_of).is_none());
    }

    #[test]
    fn an_outlet_disagrees_when_it_credits_no_speaker_most_others_credit() {
        let meta = |outlet: &str| crate::ArticleMeta {
            outlet: Some(outlet.to_string()),
            ..Default::default()
        };
        let metas = [meta("Wire"), meta("Daily"), meta("Voz"), meta("Radio")];
        let ids = ["a", "b", "c", "d"];
        let articles: Vec<ArticleRecord> = ids
            .iter()
            .zip(&metas)
            .map(|(id, meta)| ArticleRecord {
                id,
                meta,
                lang: None,
            })
            .collect();
        let quotes = vec![
            quote("a", Lang::En, "x", Some("Trump")),
            quote("b", Lang::En, "x", Some("Trump")),
            quote("c", Lang::Es, "x", Some("Petro")),
            quote("d", Lang::Es, "x", None),
        ];
        let statement = StatementRecord {
            id: "S1",
            text: "x",
            speakers: vec!["Petro", "Trump"],
            langs: vec![Lang::En, Lang::Es],
            provenance: Provenance::new(&quotes, |_| None).unwrap(),
            quotes,
        };
        let overview = Overview::new(&[statement], &[], &articles);
        let tallies: Vec<(&str, usize, usize)> = overview
            .outlets
            .iter()
            .map(|o| (o.outlet, o.compared, o.disagreements))
            .collect();
        // Radio credits nobody, so it is not compared.
        assert_eq!(
            tallies,
            vec![("Voz", 1, 1), ("Daily", 1, 0), ("Wire", 1, 0)]
        );
    }

    #[test]
    fn colour_follows_the_flag_then_no_color_then_the_terminal() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert!(ColorChoice::Auto.enabled(true, env(&[])));
        assert!(!ColorChoice::Auto.enabled(false, env(&[])));
        assert!(!ColorChoice::Auto.enabled(true, env(&[("NO_COLOR", "1")])));
        assert!(ColorChoice::Auto.enabled(true, env(&[("NO_COLOR", "")])));
        assert!(ColorChoice::Auto.enabled(false, env(&[("CLICOLOR_FORCE", "1")])));
        assert!(!ColorChoice::Auto.enabled(false, env(&[("CLICOLOR_FORCE", "0")])));
        assert!(!ColorChoice::Auto.enabled(true, env(&[("TERM", "dumb")])));
        assert!(ColorChoice::Always.enabled(false, env(&[("NO_COLOR", "1")])));
        assert!(!ColorChoice::Never.enabled(true, env(&[("CLICOLOR_FORCE", "1")])));
    }
}
