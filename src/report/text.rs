//! The text report: findings first with their evidence side by side, then every statement,
//! then the counts.

use super::{FindingRecord, QuoteRecord, Report, Reporter};
use crate::judge::shorten;
use crate::review::BaselineRecord;
use crate::Lang;
use std::io::{self, Write};

/// Writes the report for people to read.
pub struct TextReporter;

impl Reporter for TextReporter {
    fn write(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        if report.findings.is_empty() {
            writeln!(out, "No findings.")?;
        }
        for finding in &report.findings {
            write_finding(report, finding, out)?;
            writeln!(out)?;
        }
        writeln!(out, "Statements:")?;
        for statement in &report.statements {
            let langs: Vec<&str> = statement.langs.iter().map(|l| Lang::code(*l)).collect();
            let speakers = if statement.speakers.is_empty() {
                "unattributed".to_string()
            } else {
                statement.speakers.join(" / ")
            };
            let (references, coverage): (Vec<&QuoteRecord>, Vec<&QuoteRecord>) =
                statement.quotes.iter().partition(|q| q.reference.is_some());
            let core = coverage
                .iter()
                .max_by_key(|q| q.text.len())
                .map(|q| q.text)
                .unwrap_or("");
            let referenced = match references.len() {
                0 => String::new(),
                1 => ", 1 reference".to_string(),
                n => format!(", {n} references"),
            };
            writeln!(
                out,
                "  {} [{}] {}: “{}” ({} quote{}{referenced})",
                statement.id,
                langs.join(","),
                speakers,
                shorten(core, 60),
                coverage.len(),
                if coverage.len() == 1 { "" } else { "s" }
            )?;
        }
        let s = &report.summary;
        writeln!(
            out,
            "\n{} articles, {} quotes, {} statements, {} findings; {} skipped ({} errors)",
            s.articles, s.quotes, s.statements, s.findings, s.skipped, s.errors
        )?;
        if let Some(r) = &report.references {
            writeln!(
                out,
                "References ({}): {} quotations read, {} joined a statement; {} screened out, \
                 {} without a speaker; {} bad lines",
                r.files.join(", "),
                r.read,
                r.matched,
                r.screened_out,
                r.unattributed,
                r.errors
            )?;
        }
        if let Some(baseline) = &report.baseline {
            write_baseline(baseline, out)?;
        }
        Ok(())
    }
}

/// Writes one finding with its evidence as the text report shows it (also used by
/// `quotecheck review`): the headline, the fingerprint and any review decision, the wording
/// diffs and every quote with its article, outlet and attribution sentence.
pub fn write_finding(
    report: &Report,
    finding: &FindingRecord,
    out: &mut dyn Write,
) -> io::Result<()> {
    writeln!(
        out,
        "{}[{}] {} (confidence {:.2}): {}",
        finding.severity.name(),
        finding.kind.name(),
        finding.statement,
        finding.confidence,
        finding.message
    )?;
    let review = finding
        .review
        .as_ref()
        .map(|r| format!(" · {}", r.label()))
        .unwrap_or_default();
    writeln!(out, "  fingerprint {}{review}", finding.fingerprint)?;
    for diff in finding.diffs {
        writeln!(out, "  ~ {diff}")?;
    }
    for quote in &finding.quotes {
        write_quote(out, quote, &outlet(report, quote.article))?;
    }
    Ok(())
}

/// "Outlet, date" of an article of the report.
fn outlet(report: &Report, article: &str) -> String {
    report
        .articles
        .iter()
        .find(|a| a.id == article)
        .map(|a| {
            let mut parts = vec![a
                .meta
                .outlet
                .clone()
                .unwrap_or_else(|| "unknown outlet".to_string())];
            parts.extend(a.meta.date.clone());
            parts.join(", ")
        })
        .unwrap_or_default()
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

fn write_quote(out: &mut dyn Write, quote: &QuoteRecord, outlet: &str) -> io::Result<()> {
    let speaker = quote.speaker.unwrap_or("(no speaker)");
    let lang = quote.lang.map_or("??", Lang::code);
    match &quote.reference {
        None => writeln!(out, "  - {speaker} in {} ({outlet}, {lang})", quote.article)?,
        Some(source) => {
            // "Quotebank, p = 0.83, 2026-02-03, en": the dataset stands where the outlet would.
            let mut about = vec![source.source.label().to_string()];
            about.extend(source.p.map(|p| format!("p = {p:.2}")));
            about.extend(source.date.map(str::to_string));
            about.push(lang.to_string());
            writeln!(
                out,
                "  - {speaker} in {} ({})",
                quote.article,
                about.join(", ")
            )?;
        }
    }
    writeln!(out, "      “{}”", shorten(quote.text, 100))?;
    if let Some(source) = quote.reference.as_ref().filter(|s| !s.urls.is_empty()) {
        writeln!(out, "      urls: {}", source.urls.join(" "))?;
    }
    if let Some(evidence) = &quote.evidence {
        let cue = quote
            .cue
            .map(|c| format!(" [cue: {c}]"))
            .unwrap_or_default();
        writeln!(
            out,
            "      attribution: {}{cue}",
            shorten(evidence.trim(), 160)
        )?;
    }
    Ok(())
}
