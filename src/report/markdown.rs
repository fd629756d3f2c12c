//! The Markdown report, to paste into a ticket or a wiki: one section per finding (most severe
//! first) with a table of its evidence quotes and the statement's provenance, then the counts.
//! Every piece of text from an article is escaped, so a quote cannot break the layout.

use super::{FindingRecord, Mark, QuoteRecord, Report, Reporter};
use crate::Lang;
use std::io::{self, Write};

/// Writes the report as GitHub-flavoured Markdown.
pub struct MarkdownReporter;

/// `text` with every character Markdown (and its tables) reads as inline syntax
/// backslash-escaped, a leading block marker (`#`, `-`, `+`, `=`, `1.`) escaped, and line
/// breaks turned into spaces.
pub fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    let ordered_item = text
        .find(|c: char| !c.is_ascii_digit())
        .is_some_and(|end| end > 0 && text[end..].starts_with(['.', ')']));
    for (i, c) in text.chars().enumerate() {
        let leading_marker = i == 0 && matches!(c, '#' | '-' | '+' | '=');
        let after_digits =
            ordered_item && escaped.chars().all(|d| d.is_ascii_digit()) && matches!(c, '.' | ')');
        match c {
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '<' | '>' | '|' | '~' | '&' => {
                escaped.push('\\');
                escaped.push(c);
            }
            _ if leading_marker || after_digits => {
                escaped.push('\\');
                escaped.push(c);
            }
            '\n' | '\r' | '\t' => escaped.push(' '),
            _ => escaped.push(c),
        }
    }
    escaped
}

impl Reporter for MarkdownReporter {
    fn write(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        let s = &report.summary;
        writeln!(out, "# quotecheck report\n")?;
        writeln!(
            out,
            "{} articles, {} quotes, {} statements, **{} findings**; {} skipped ({} errors).\n",
            s.articles, s.quotes, s.statements, s.findings, s.skipped, s.errors
        )?;
        writeln!(out, "## Findings\n")?;
        if report.findings.is_empty() {
            writeln!(out, "No findings.\n")?;
        }
        for finding in &report.findings {
            write_finding(out, report, finding)?;
        }
        write_summary(out, report)?;
        writeln!(out, "## Statements\n")?;
        writeln!(out, "| statement | languages | speakers | quotes | text |")?;
        writeln!(out, "| --- | --- | --- | ---: | --- |")?;
        for statement in &report.statements {
            let langs: Vec<&str> = statement.langs.iter().map(|l| l.code()).collect();
            let speakers: Vec<String> = statement.speakers.iter().map(|s| escape(s)).collect();
            writeln!(
                out,
                "| {} | {} | {} | {} | “{}” |",
                statement.id,
                langs.join(", "),
                if speakers.is_empty() {
                    "*unattributed*".to_string()
                } else {
                    speakers.join(", ")
                },
                statement.quotes.len(),
                escape(statement.text)
            )?;
        }
        Ok(())
    }
}

fn write_finding(out: &mut dyn Write, report: &Report, finding: &FindingRecord) -> io::Result<()> {
    writeln!(
        out,
        "### {} `{}` in {} (confidence {:.2})\n",
        finding.severity.name(),
        finding.kind.name(),
        finding.statement,
        finding.confidence
    )?;
    let statement = report.statement(finding.statement);
    if let Some(statement) = statement {
        writeln!(out, "> “{}”\n", escape(statement.text))?;
    }
    writeln!(out, "{}\n", escape(finding.message))?;
    for diff in finding.diffs {
        writeln!(out, "- `{}`", diff.replace('`', "'"))?;
    }
    if !finding.diffs.is_empty() {
        writeln!(out)?;
    }
    writeln!(
        out,
        "| credited to | outlet | date | lang | quote | attribution | match |"
    )?;
    writeln!(out, "| --- | --- | --- | --- | --- | --- | --- |")?;
    for quote in &finding.quotes {
        write_quote_row(out, report, quote)?;
    }
    writeln!(out)?;
    if let Some(statement) = statement {
        let provenance = &statement.provenance;
        let first = &provenance.first;
        writeln!(
            out,
            "**Provenance:** first in {} (`{}`, {}, {}), credited to {}.",
            escape(report.outlet(first.article)),
            first.article.replace('`', "'"),
            first.date.map_or("undated".to_string(), escape),
            first.lang.map_or("??", Lang::code),
            first.speaker.map_or("nobody".to_string(), escape),
        )?;
        for step in &provenance.changes {
            let what = step.describe(
                |t| format!("“{}”", escape(t)),
                |speaker| format!("**{}**", escape(speaker)),
            );
            writeln!(
                out,
                "- {} {} ({}): {what}",
                step.date.map_or("undated".to_string(), escape),
                escape(report.outlet(step.article)),
                step.lang.map_or("??", Lang::code),
            )?;
        }
        if let Some(note) = provenance.repeats_note() {
            writeln!(out, "- {note}")?;
        }
        writeln!(out)?;
    }
    Ok(())
}

fn write_quote_row(out: &mut dyn Write, report: &Report, quote: &QuoteRecord) -> io::Result<()> {
    let article = report.article(quote.article);
    let outlet = escape(report.outlet(quote.article));
    let url = article
        .and_then(|a| a.meta.url.as_deref())
        .filter(|u| is_web_link(u));
    let outlet = match url {
        Some(url) => format!("[{outlet}](<{}>)", url.replace(['<', '>', ' '], "")),
        None => format!("{outlet} (`{}`)", quote.article.replace('`', "'")),
    };
    let mut speaker = quote
        .speaker
        .map_or("*nobody*".to_string(), |s| format!("**{}**", escape(s)));
    if let Some(mention) = quote.mention.filter(|m| Some(*m) != quote.speaker) {
        speaker.push_str(&format!(" as “{}”", escape(mention)));
    }
    let attribution: String = quote
        .evidence_parts()
        .into_iter()
        .map(|(text, mark)| match mark {
            Mark::Cue => format!("**{}**", escape(text)),
            Mark::Speaker => format!("*{}*", escape(text)),
            Mark::Plain | Mark::Quote => escape(text),
        })
        .collect();
    let matched = match quote.matched {
        None => "core".to_string(),
        Some(score) => format!(
            "{:.0}% / {:.0}%{}",
            score.short_coverage * 100.0,
            score.long_coverage * 100.0,
            if score.anchors.is_empty() {
                String::new()
            } else {
                format!("; anchors: {}", escape(&score.anchors_joined(", ")))
            }
        ),
    };
    writeln!(
        out,
        "| {speaker} | {outlet} | {} | {} | “{}” | {} | {matched} |",
        article
            .and_then(|a| a.meta.date.as_deref())
            .map_or(String::new(), escape),
        quote.lang.map_or("??", Lang::code),
        escape(quote.text),
        attribution,
    )
}

fn write_summary(out: &mut dyn Write, report: &Report) -> io::Result<()> {
    let overview = &report.overview;
    writeln!(out, "## Summary\n")?;
    if !overview.by_kind.is_empty() {
        writeln!(out, "| finding | severity | count |")?;
        writeln!(out, "| --- | --- | ---: |")?;
        for count in &overview.by_kind {
            writeln!(
                out,
                "| `{}` | {} | {} |",
                count.kind.name(),
                count.severity.name(),
                count.findings
            )?;
        }
        writeln!(out)?;
    }
    if !overview.by_speaker.is_empty() {
        writeln!(out, "| speaker | findings |")?;
        writeln!(out, "| --- | ---: |")?;
        for speaker in &overview.by_speaker {
            writeln!(
                out,
                "| {} | {} |",
                escape(speaker.speaker),
                speaker.findings
            )?;
        }
        writeln!(out)?;
    }
    if overview.outlets.iter().any(|o| o.compared > 0) {
        writeln!(
            out,
            "| outlet | disagrees with the other outlets | of statements compared |"
        )?;
        writeln!(out, "| --- | ---: | ---: |")?;
        for outlet in overview.outlets.iter().filter(|o| o.compared > 0) {
            writeln!(
                out,
                "| {} | {} | {} |",
                escape(outlet.outlet),
                outlet.disagreements,
                outlet.compared
            )?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// True for an `http:` or `https:` address, the only ones a report links to.
pub fn is_web_link(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_syntax_in_quotes_is_escaped() {
        assert_eq!(escape("*a* | [b](c)\nU.S."), "\\*a\\* \\| \\[b\\](c) U.S.");
        assert_eq!(escape("<script>"), "\\<script\\>");
        assert_eq!(escape("# 1"), "\\# 1");
        assert_eq!(escape("- a - b"), "\\- a - b");
        assert_eq!(escape("2026. year"), "2026\\. year");
    }

    #[test]
    fn only_web_addresses_are_links() {
        assert!(is_web_link("https://example.org/a"));
        assert!(is_web_link(" HTTP://example.org"));
        assert!(!is_web_link("javascript:alert(1)"));
        assert!(!is_web_link("corpora/a.md"));
    }
}
