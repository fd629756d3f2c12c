//! The text report: findings first, most severe first, each with its statement, its evidence
//! quotes (article, outlet, date, language, speaker as credited, the attribution sentence with
//! the cue marked, the match and the confidence) and the statement's provenance; then every
//! statement in one line, then the counts. Lines wrap at [`TEXT_WIDTH`] columns; colour is
//! optional (the CLI turns it on for terminals).

use super::{FindingRecord, Mark, Provenance, QuoteRecord, Report, Reporter};
use crate::judge::{shorten, MESSAGE_QUOTE_CHARS};
use crate::review::BaselineRecord;
use crate::{Lang, Severity};
use anstyle::{AnsiColor, Style};
use std::io::{self, Write};
use unicode_width::UnicodeWidthStr;

/// Columns the text report fits in: a terminal's default width.
pub const TEXT_WIDTH: usize = 80;

/// Longest finding message shown, in characters: the evidence below lists every article, so
/// the message is a headline (about three lines).
const MAX_MESSAGE_CHARS: usize = 220;

/// Aligned word pairs shown per quote; the rest are counted.
const MAX_ALIGNED_PAIRS: usize = 6;

/// Writes the report for people to read.
#[derive(Clone, Copy, Debug, Default)]
pub struct TextReporter {
    /// Colour severities, speakers and cues with ANSI escape codes. Without colour, the cue is
    /// shown between brackets.
    pub color: bool,
}

/// A run of text in one style.
type Span = (String, Style);

fn plain(text: impl Into<String>) -> Span {
    (text.into(), Style::new())
}

fn styled(text: impl Into<String>, style: Style) -> Span {
    (text.into(), style)
}

const BOLD: Style = Style::new().bold();
const DIM: Style = Style::new().dimmed();
const CUE: Style = Style::new()
    .bold()
    .underline()
    .fg_color(Some(anstyle::Color::Ansi(AnsiColor::Magenta)));

fn severity_style(severity: Severity) -> Style {
    let color = match severity {
        Severity::Error => AnsiColor::Red,
        Severity::Warning => AnsiColor::Yellow,
        Severity::Info => AnsiColor::Cyan,
    };
    BOLD.fg_color(Some(anstyle::Color::Ansi(color)))
}

impl TextReporter {
    /// Writes `spans` word-wrapped to [`TEXT_WIDTH`]: the first line indented by `indent`
    /// spaces, the following ones by `indent + hang`. A word longer than a line gets a line of
    /// its own.
    fn wrap(
        &self,
        out: &mut dyn Write,
        spans: &[Span],
        indent: usize,
        hang: usize,
    ) -> io::Result<()> {
        let mut line = String::new();
        let mut column = 0;
        let mut line_indent = indent;
        let mut pending_space = false;
        // The style open in `line` (colour only).
        let mut open = Style::new();
        for (text, style) in spans {
            let style = if self.color { *style } else { Style::new() };
            let mut first_piece = true;
            for piece in text.split(' ') {
                if !first_piece {
                    pending_space = true;
                }
                first_piece = false;
                if piece.is_empty() {
                    continue;
                }
                let width = piece.width();
                let space = pending_space && column > 0;
                if column > 0 && line_indent + column + usize::from(space) + width > TEXT_WIDTH {
                    writeln!(out, "{:line_indent$}{line}{}", "", open.render_reset())?;
                    line.clear();
                    open = Style::new();
                    column = 0;
                    line_indent = indent + hang;
                } else if space {
                    if style != open {
                        line.push_str(&open.render_reset().to_string());
                        open = Style::new();
                    }
                    line.push(' ');
                    column += 1;
                }
                pending_space = false;
                if style != open {
                    line.push_str(&format!("{}{}", open.render_reset(), style.render()));
                    open = style;
                }
                line.push_str(piece);
                column += width;
            }
        }
        if column > 0 {
            writeln!(out, "{:line_indent$}{line}{}", "", open.render_reset())?;
        }
        Ok(())
    }

    /// Writes one finding with its evidence as the report shows it (also used by `quotecheck
    /// review`): the headline, the fingerprint and any review decision, the statement, the
    /// message, the wording diffs, every quote grouped by credited speaker, the provenance.
    pub fn write_finding(
        &self,
        out: &mut dyn Write,
        report: &Report,
        finding: &FindingRecord,
    ) -> io::Result<()> {
        let severity = finding.severity;
        self.wrap(
            out,
            &[
                styled(
                    format!("{}[{}]", severity.name(), finding.kind.name()),
                    severity_style(severity),
                ),
                plain(format!(
                    " {} · confidence {:.2}",
                    finding.statement, finding.confidence
                )),
            ],
            0,
            2,
        )?;
        let review = finding
            .review
            .as_ref()
            .map(|r| format!(" · {}", r.label()))
            .unwrap_or_default();
        self.wrap(
            out,
            &[plain(format!(
                "fingerprint {}{review}",
                finding.fingerprint
            ))],
            2,
            2,
        )?;
        let statement = report.statement(finding.statement);
        // The judge's messages open with the statement (shortened the same way): shown once.
        if let Some(statement) = statement.filter(|s| {
            !finding
                .message
                .starts_with(&format!("“{}”", shorten(s.text, MESSAGE_QUOTE_CHARS)))
        }) {
            self.wrap(out, &[styled(format!("“{}”", statement.text), BOLD)], 2, 1)?;
        }
        self.wrap(
            out,
            &[plain(shorten_words(finding.message, MAX_MESSAGE_CHARS))],
            2,
            2,
        )?;
        for diff in finding.diffs {
            self.wrap(out, &[plain(format!("~ {diff}"))], 2, 2)?;
        }
        let mut credited: Option<Option<&str>> = None;
        for quote in &finding.quotes {
            if credited != Some(quote.speaker) {
                credited = Some(quote.speaker);
                let who = quote.speaker.unwrap_or("nobody");
                writeln!(out)?;
                self.wrap(
                    out,
                    &[plain("Credited to "), styled(format!("{who}:"), BOLD)],
                    2,
                    2,
                )?;
            }
            self.write_quote(out, report, quote)?;
        }
        if let Some(statement) = statement {
            writeln!(out)?;
            self.write_provenance(out, report, &statement.provenance)?;
        }
        writeln!(out)
    }

    fn write_quote(
        &self,
        out: &mut dyn Write,
        report: &Report,
        quote: &QuoteRecord,
    ) -> io::Result<()> {
        let mut head = vec![
            plain("- "),
            styled(quote.speaker.unwrap_or("(no speaker)"), BOLD),
        ];
        if let Some(mention) = quote.mention.filter(|m| Some(*m) != quote.speaker) {
            head.push(plain(format!(" as “{mention}”")));
        }
        if let Some(confidence) = quote.confidence {
            head.push(plain(format!(" · confidence {confidence:.2}")));
        }
        self.wrap(out, &head, 2, 2)?;
        let mut source = match &quote.reference {
            // "Quotebank · p = 0.83 · 2026-02-03 · en": the dataset stands where the outlet would.
            Some(reference) => {
                let mut about = vec![reference.source.label().to_string()];
                about.extend(reference.p.map(|p| format!("p = {p:.2}")));
                about.extend(reference.date.map(str::to_string));
                about
            }
            None => {
                let article = report.article(quote.article);
                let mut about = vec![article
                    .and_then(|a| a.meta.outlet.clone())
                    .unwrap_or_else(|| "unknown outlet".to_string())];
                about.extend(article.and_then(|a| a.meta.date.clone()));
                about
            }
        };
        source.push(quote.lang.map_or("??", Lang::code).to_string());
        self.wrap(out, &[plain(source.join(" · "))], 4, 2)?;
        self.wrap(out, &[styled(quote.article, DIM)], 4, 2)?;
        self.wrap(out, &[plain(format!("“{}”", quote.text))], 4, 1)?;
        if let Some(reference) = quote.reference.as_ref().filter(|r| !r.urls.is_empty()) {
            self.wrap(
                out,
                &[plain(format!("urls: {}", reference.urls.join(" ")))],
                4,
                2,
            )?;
        }
        let parts = quote.evidence_parts();
        if !parts.is_empty() {
            let mut spans = vec![plain("attribution: ")];
            for (text, mark) in parts {
                let text = text.replace('\n', " ");
                spans.push(match mark {
                    Mark::Cue if self.color => styled(text, CUE),
                    Mark::Cue => plain(format!("[{text}]")),
                    Mark::Speaker => styled(text, BOLD),
                    Mark::Plain | Mark::Quote => plain(text),
                });
            }
            self.wrap(out, &spans, 4, 2)?;
        }
        let evidence = match quote.matched {
            None => "match: the statement's core quote".to_string(),
            Some(score) => {
                let relation = score.relation.map_or("no match", |r| match r {
                    crate::Relation::Same => "same words",
                    crate::Relation::FragmentOf => "fragment of the core",
                    crate::Relation::SharesSentence => "shares a sentence with the core",
                });
                let mut pairs: Vec<String> = score
                    .aligned
                    .iter()
                    .take(MAX_ALIGNED_PAIRS)
                    .map(|(a, b)| {
                        if a == b {
                            a.to_string()
                        } else {
                            format!("{a}={b}")
                        }
                    })
                    .collect();
                if score.aligned.len() > MAX_ALIGNED_PAIRS {
                    pairs.push(format!("+{} more", score.aligned.len() - MAX_ALIGNED_PAIRS));
                }
                let mut line = format!(
                    "match: {relation}, {:.0}% / {:.0}% aligned",
                    score.short_coverage * 100.0,
                    score.long_coverage * 100.0
                );
                if !pairs.is_empty() {
                    line.push_str(&format!(" ({})", pairs.join(", ")));
                }
                if !score.anchors.is_empty() {
                    line.push_str(&format!("; anchors: {}", score.anchors_joined(", ")));
                }
                line
            }
        };
        self.wrap(out, &[styled(evidence, DIM)], 4, 2)
    }

    fn write_provenance(
        &self,
        out: &mut dyn Write,
        report: &Report,
        provenance: &Provenance,
    ) -> io::Result<()> {
        let first = &provenance.first;
        let when = |date: Option<&str>| date.map_or("undated".to_string(), str::to_string);
        let lang = |l: Option<Lang>| l.map_or("??", Lang::code);
        self.wrap(
            out,
            &[
                styled("Provenance: ", BOLD),
                plain(format!(
                    "first in {} ({}, {}, {}), credited to {}",
                    report.outlet(first.article),
                    first.article,
                    when(first.date),
                    lang(first.lang),
                    first.speaker.unwrap_or("nobody")
                )),
            ],
            2,
            2,
        )?;
        for step in &provenance.changes {
            let what = step.describe(|t| format!("“{}”", shorten(t, 60)), str::to_string);
            self.wrap(
                out,
                &[plain(format!(
                    "{} {} ({}): {what}",
                    when(step.date),
                    report.outlet(step.article),
                    lang(step.lang),
                ))],
                4,
                2,
            )?;
        }
        if let Some(note) = provenance.repeats_note() {
            self.wrap(out, &[plain(note)], 4, 2)?;
        }
        Ok(())
    }

    fn write_summary(&self, out: &mut dyn Write, report: &Report) -> io::Result<()> {
        let overview = &report.overview;
        self.wrap(out, &[styled("Summary", BOLD)], 0, 2)?;
        if !overview.by_kind.is_empty() {
            let mut spans = vec![plain("Findings by kind:")];
            for (i, count) in overview.by_kind.iter().enumerate() {
                spans.push(plain(if i == 0 { " " } else { ", " }));
                spans.push(plain(format!("{} ", count.findings)));
                spans.push(styled(count.kind.name(), severity_style(count.severity)));
            }
            self.wrap(out, &spans, 2, 2)?;
        }
        if !overview.by_speaker.is_empty() {
            let by_speaker: Vec<String> = overview
                .by_speaker
                .iter()
                .map(|s| format!("{} {}", s.speaker, s.findings))
                .collect();
            self.wrap(
                out,
                &[plain(format!(
                    "Findings by speaker: {}",
                    by_speaker.join(", ")
                ))],
                2,
                2,
            )?;
        }
        let compared: Vec<_> = overview.outlets.iter().filter(|o| o.compared > 0).collect();
        if !compared.is_empty() {
            self.wrap(
                out,
                &[plain(
                    "Outlets whose attribution disagrees with the other outlets' (statements):",
                )],
                2,
                2,
            )?;
            for outlet in compared {
                let style = if outlet.disagreements > 0 {
                    BOLD
                } else {
                    Style::new()
                };
                let counts = format!(": {} of {}", outlet.disagreements, outlet.compared);
                self.wrap(out, &[styled(outlet.outlet, style), plain(counts)], 4, 2)?;
            }
        }
        let s = &report.summary;
        self.wrap(
            out,
            &[plain(format!(
                "{} articles, {} quotes, {} statements, {} findings; {} skipped ({} errors)",
                s.articles, s.quotes, s.statements, s.findings, s.skipped, s.errors
            ))],
            2,
            2,
        )
    }
}

/// `text` cut after the last whole word that fits in `max` characters, with an ellipsis.
fn shorten_words(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    let head = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{} …", head.trim_end_matches([',', ';', ' ']))
}

impl Reporter for TextReporter {
    fn write(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        if report.findings.is_empty() {
            writeln!(out, "No findings.\n")?;
        }
        for finding in &report.findings {
            self.write_finding(out, report, finding)?;
        }
        self.wrap(out, &[styled("Statements", BOLD)], 0, 2)?;
        for statement in &report.statements {
            let langs: Vec<&str> = statement.langs.iter().map(|l| Lang::code(*l)).collect();
            let speakers = if statement.speakers.is_empty() {
                "unattributed".to_string()
            } else {
                statement.speakers.join(" / ")
            };
            let references = statement
                .quotes
                .iter()
                .filter(|q| q.reference.is_some())
                .count();
            let count = statement.quotes.len() - references;
            let referenced = match references {
                0 => String::new(),
                1 => ", 1 reference".to_string(),
                n => format!(", {n} references"),
            };
            self.wrap(
                out,
                &[
                    styled(statement.id, BOLD),
                    plain(format!(
                        " [{}] {}: “{}” ({count} quote{}{referenced})",
                        langs.join(","),
                        speakers,
                        shorten(statement.text, 60),
                        if count == 1 { "" } else { "s" }
                    )),
                ],
                2,
                2,
            )?;
        }
        writeln!(out)?;
        self.write_summary(out, report)?;
        if let Some(r) = &report.references {
            self.wrap(
                out,
                &[plain(format!(
                    "References ({}): {} quotations read, {} joined a statement; {} screened \
                     out, {} without a speaker; {} bad lines",
                    r.files.join(", "),
                    r.read,
                    r.matched,
                    r.screened_out,
                    r.unattributed,
                    r.errors
                ))],
                0,
                2,
            )?;
        }
        if let Some(baseline) = &report.baseline {
            writeln!(out)?;
            write_baseline(baseline, out)?;
        }
        Ok(())
    }
}

/// The closing note on the baseline: what it hid and which of its entries match nothing now.
fn write_baseline(baseline: &BaselineRecord, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "Baseline {}: {} dismissed finding{} hidden, {} confirmed shown, {} stale entr{}",
        baseline.file,
        baseline.dismissed,
        if baseline.dismissed == 1 { "" } else { "s" },
        baseline.confirmed,
        baseline.stale.len(),
        if baseline.stale.len() == 1 {
            "y"
        } else {
            "ies"
        }
    )?;
    for entry in &baseline.stale {
        writeln!(
            out,
            "  stale {} {} [{}] {}: “{}” (matches no finding; remove it from the baseline)",
            entry.fingerprint,
            entry.decision.name(),
            entry.kind.name(),
            if entry.speakers.is_empty() {
                "unattributed".to_string()
            } else {
                entry.speakers.join(" / ")
            },
            shorten(&entry.statement, 60)
        )?;
    }
    Ok(())
}
