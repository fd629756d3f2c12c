//! The text report: findings first with their evidence side by side, then every statement,
//! then the counts.

use super::{QuoteRecord, Report, Reporter};
use crate::judge::shorten;
use crate::Lang;
use std::io::{self, Write};

/// Writes the report for people to read.
pub struct TextReporter;

impl Reporter for TextReporter {
    fn write(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        let outlet = |article: &str| {
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
        };
        if report.findings.is_empty() {
            writeln!(out, "No findings.")?;
        }
        for finding in &report.findings {
            writeln!(
                out,
                "{}[{}] {} (confidence {:.2}): {}",
                finding.severity.name(),
                finding.kind.name(),
                finding.statement,
                finding.confidence,
                finding.message
            )?;
            for diff in finding.diffs {
                writeln!(out, "  ~ {diff}")?;
            }
            for quote in &finding.quotes {
                write_quote(out, quote, &outlet(quote.article))?;
            }
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
            let core = statement
                .quotes
                .iter()
                .max_by_key(|q| q.text.len())
                .map(|q| q.text)
                .unwrap_or("");
            writeln!(
                out,
                "  {} [{}] {}: “{}” ({} quote{})",
                statement.id,
                langs.join(","),
                speakers,
                shorten(core, 60),
                statement.quotes.len(),
                if statement.quotes.len() == 1 { "" } else { "s" }
            )?;
        }
        let s = &report.summary;
        writeln!(
            out,
            "\n{} articles, {} quotes, {} statements, {} findings; {} skipped ({} errors)",
            s.articles, s.quotes, s.statements, s.findings, s.skipped, s.errors
        )
    }
}

fn write_quote(out: &mut dyn Write, quote: &QuoteRecord, outlet: &str) -> io::Result<()> {
    let speaker = quote.speaker.unwrap_or("(no speaker)");
    let lang = quote.lang.map_or("??", Lang::code);
    writeln!(out, "  - {speaker} in {} ({outlet}, {lang})", quote.article)?;
    writeln!(out, "      “{}”", shorten(quote.text, 100))?;
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
