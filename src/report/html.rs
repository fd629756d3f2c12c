//! The HTML report: one self-contained page (inline CSS and JavaScript, no external request,
//! enforced by a Content-Security-Policy) with every finding as a card: the statement, its
//! English and Spanish quotes side by side, each with the attribution sentence (speaker and
//! cue highlighted), its source article and its match; the statement's provenance; filters by
//! finding kind, speaker and outlet; every statement; and the counts. Everything that comes
//! from an article is escaped.

use super::{FindingRecord, Mark, QuoteRecord, Report, Reporter, StatementRecord};
use crate::report::markdown::is_web_link;
use crate::Lang;
use std::collections::BTreeSet;
use std::io::{self, Write};

/// Writes the report as one HTML page.
pub struct HtmlReporter;

/// The page's style sheet. The severity colours are part of the look and of the browser test,
/// which looks for [`ERROR_COLOR`] and [`CUE_COLOR`] in a screenshot.
const STYLE: &str = include_str!("html/report.css");

/// The page's script: the filters, reading and writing them in the address's `#` part.
const SCRIPT: &str = include_str!("html/report.js");

/// The colour of an error finding's band and badge (`--error` in the style sheet).
pub const ERROR_COLOR: [u8; 3] = [0xc6, 0x28, 0x28];

/// The background of a highlighted cue (`--cue` in the style sheet).
pub const CUE_COLOR: [u8; 3] = [0xff, 0xd8, 0x4d];

/// `text` with the characters HTML gives a meaning escaped, safe in text and in quoted
/// attribute values.
pub fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            _ => escaped.push(c),
        }
    }
    escaped
}

/// The name of a language for headings.
fn language_name(lang: Option<Lang>) -> &'static str {
    match lang.map(Lang::code) {
        Some("en") => "English",
        Some("es") => "Spanish",
        _ => "Other language",
    }
}

/// A JSON array of strings, escaped for an attribute value: the filters' data.
fn json_attribute(values: &BTreeSet<&str>) -> String {
    escape(&serde_json::to_string(values).unwrap_or_else(|_| "[]".to_string()))
}

/// `<option>`s for a filter: "all" and then each value, shown as `label` gives it.
fn options(all: &str, values: &BTreeSet<&str>, label: impl Fn(&str) -> String) -> String {
    let mut html = format!("<option value=\"\">{}</option>", escape(all));
    for value in values {
        html.push_str(&format!(
            "<option value=\"{}\">{}</option>",
            escape(value),
            escape(&label(value))
        ));
    }
    html
}

impl Reporter for HtmlReporter {
    fn write(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        let s = &report.summary;
        let kinds: BTreeSet<&str> = report.findings.iter().map(|f| f.kind.name()).collect();
        let speakers: BTreeSet<&str> = report
            .findings
            .iter()
            .flat_map(|f| f.quotes.iter().filter_map(|q| q.speaker))
            .collect();
        let outlets: BTreeSet<&str> = report
            .findings
            .iter()
            .flat_map(|f| f.quotes.iter().map(|q| report.outlet(q.article)))
            .collect();
        write!(
            out,
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
             style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <title>quotecheck report: {} findings</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n",
            s.findings
        )?;
        writeln!(out, "<header class=\"top\">\n<h1>quotecheck report</h1>")?;
        writeln!(
            out,
            "<p class=\"counts\">{} articles · {} quotes · {} statements · <strong>{} findings</strong>{}</p>",
            s.articles,
            s.quotes,
            s.statements,
            s.findings,
            if s.skipped > 0 {
                format!(" · {} skipped ({} errors)", s.skipped, s.errors)
            } else {
                String::new()
            }
        )?;
        write!(out, "<p class=\"chips\">")?;
        for count in &report.overview.by_kind {
            write!(
                out,
                "<span class=\"chip {}\">{} {}</span>",
                count.severity.name(),
                count.findings,
                count.kind.name().replace('_', " ")
            )?;
        }
        writeln!(out, "</p>\n</header>")?;
        writeln!(
            out,
            "<nav class=\"filters\" aria-label=\"Filters\">\n\
             <label>Finding <select id=\"filter-kind\">{}</select></label>\n\
             <label>Speaker <select id=\"filter-speaker\">{}</select></label>\n\
             <label>Outlet <select id=\"filter-outlet\">{}</select></label>\n\
             <button type=\"button\" id=\"filter-reset\">Show all</button>\n\
             <span id=\"shown\" aria-live=\"polite\">{} findings</span>\n</nav>",
            options("all kinds", &kinds, |kind| kind.replace('_', " ")),
            options("all speakers", &speakers, str::to_string),
            options("all outlets", &outlets, str::to_string),
            report.findings.len()
        )?;
        writeln!(out, "<main>\n<section id=\"findings\">\n<h2>Findings</h2>")?;
        if report.findings.is_empty() {
            writeln!(out, "<p class=\"empty\">No findings.</p>")?;
        }
        writeln!(
            out,
            "<p class=\"empty\" id=\"none-shown\" hidden>No finding matches the filters.</p>"
        )?;
        for finding in &report.findings {
            write_finding(out, report, finding)?;
        }
        writeln!(out, "</section>")?;
        write_statements(out, report)?;
        write_summary(out, report)?;
        writeln!(
            out,
            "</main>\n<footer>Generated by quotecheck {}. Quotes, names and sentences are \
             reproduced from the articles as found.</footer>\n<script>\n{SCRIPT}</script>\n</body>\n</html>",
            env!("CARGO_PKG_VERSION")
        )
    }
}

fn write_finding(out: &mut dyn Write, report: &Report, finding: &FindingRecord) -> io::Result<()> {
    let speakers: BTreeSet<&str> = finding.quotes.iter().filter_map(|q| q.speaker).collect();
    let outlets: BTreeSet<&str> = finding
        .quotes
        .iter()
        .map(|q| report.outlet(q.article))
        .collect();
    let severity = finding.severity.name();
    writeln!(
        out,
        "<article class=\"finding {severity}\" data-kind=\"{}\" data-speakers=\"{}\" data-outlets=\"{}\">",
        finding.kind.name(),
        json_attribute(&speakers),
        json_attribute(&outlets)
    )?;
    writeln!(
        out,
        "<header><span class=\"badge {severity}\">{severity}</span> <span class=\"kind\">{}</span> \
         <span class=\"sid\">{}</span> <span class=\"confidence\" title=\"How sure the finding is\">confidence {:.2}</span></header>",
        finding.kind.name().replace('_', " "),
        escape(finding.statement),
        finding.confidence
    )?;
    let statement = report.statement(finding.statement);
    if let Some(statement) = statement {
        writeln!(
            out,
            "<blockquote class=\"statement\">{}</blockquote>",
            escape(statement.text)
        )?;
    }
    writeln!(out, "<p class=\"message\">{}</p>", escape(finding.message))?;
    if !finding.diffs.is_empty() {
        writeln!(out, "<ul class=\"diffs\">")?;
        for diff in finding.diffs {
            writeln!(out, "<li>{}</li>", diff_html(diff))?;
        }
        writeln!(out, "</ul>")?;
    }
    // Speakers in the order the evidence names them, each with a colour of its own.
    let mut palette: Vec<Option<&str>> = Vec::new();
    for quote in &finding.quotes {
        if !palette.contains(&quote.speaker) {
            palette.push(quote.speaker);
        }
    }
    let mut langs: Vec<Option<Lang>> = finding.quotes.iter().map(|q| q.lang).collect();
    langs.sort_by_key(|l| l.map(Lang::code).unwrap_or("~"));
    langs.dedup();
    writeln!(out, "<div class=\"sides\">")?;
    for lang in langs {
        writeln!(
            out,
            "<div class=\"side\" lang=\"{}\"><h3>{}</h3>",
            lang.map_or("", Lang::code),
            language_name(lang)
        )?;
        for quote in finding.quotes.iter().filter(|q| q.lang == lang) {
            let colour = palette
                .iter()
                .position(|s| *s == quote.speaker)
                .unwrap_or(0);
            write_quote(out, report, quote, colour)?;
        }
        writeln!(out, "</div>")?;
    }
    writeln!(out, "</div>")?;
    if let Some(statement) = statement {
        write_provenance(out, report, statement)?;
    }
    writeln!(out, "</article>")
}

/// A word diff ("[-200-] {+300+}") with removals and insertions marked up.
fn diff_html(diff: &str) -> String {
    let mut html = String::new();
    let mut rest = diff;
    while let Some(at) = rest.find(['[', '{']) {
        let (open, close, tag) = if rest[at..].starts_with("[-") {
            ("[-", "-]", "del")
        } else if rest[at..].starts_with("{+") {
            ("{+", "+}", "ins")
        } else {
            html.push_str(&escape(&rest[..=at]));
            rest = &rest[at + 1..];
            continue;
        };
        let Some(end) = rest[at + open.len()..].find(close) else {
            break;
        };
        html.push_str(&escape(&rest[..at]));
        let inner = &rest[at + open.len()..at + open.len() + end];
        html.push_str(&format!("<{tag}>{}</{tag}>", escape(inner)));
        rest = &rest[at + open.len() + end + close.len()..];
    }
    html.push_str(&escape(rest));
    html
}

fn write_quote(
    out: &mut dyn Write,
    report: &Report,
    quote: &QuoteRecord,
    colour: usize,
) -> io::Result<()> {
    let article = report.article(quote.article);
    writeln!(out, "<div class=\"quote\">")?;
    let speaker = quote
        .speaker
        .map_or("<em>no speaker</em>".to_string(), escape);
    let mention = quote
        .mention
        .filter(|m| Some(*m) != quote.speaker)
        .map(|m| format!(" <span class=\"as\">as “{}”</span>", escape(m)))
        .unwrap_or_default();
    let confidence = quote
        .confidence
        .map(|c| {
            format!(
                "<span class=\"confidence\" title=\"Confidence of the attribution\">{c:.2}</span>"
            )
        })
        .unwrap_or_default();
    writeln!(
        out,
        "<div class=\"who\"><span class=\"speaker s{}\">{speaker}</span>{mention}{confidence}</div>",
        colour % 4
    )?;
    writeln!(out, "<p class=\"words\">{}</p>", escape(quote.text))?;
    let parts = quote.evidence_parts();
    if !parts.is_empty() {
        write!(out, "<p class=\"sentence\">")?;
        for (text, mark) in parts {
            let text = escape(text);
            match mark {
                Mark::Plain => write!(out, "{text}")?,
                Mark::Quote => write!(out, "<span class=\"q\">{text}</span>")?,
                Mark::Speaker => write!(out, "<mark class=\"mention\">{text}</mark>")?,
                Mark::Cue => write!(out, "<mark class=\"cue\">{text}</mark>")?,
            }
        }
        writeln!(out, "</p>")?;
    }
    let outlet = escape(
        article
            .and_then(|a| a.meta.outlet.as_deref())
            .unwrap_or("Unknown outlet"),
    );
    let link = match article
        .and_then(|a| a.meta.url.as_deref())
        .filter(|u| is_web_link(u))
    {
        Some(url) => format!(
            "<a href=\"{}\" rel=\"noreferrer noopener\" target=\"_blank\">{outlet}</a>",
            escape(url.trim())
        ),
        None => outlet,
    };
    let date = article
        .and_then(|a| a.meta.date.as_deref())
        .map(|d| format!(" · <time>{}</time>", escape(d)))
        .unwrap_or_default();
    writeln!(
        out,
        "<p class=\"source\">{link}{date} · <code title=\"Article id\">{}</code></p>",
        escape(quote.article)
    )?;
    let matched = match quote.matched {
        None => "the statement's core quote".to_string(),
        Some(score) => {
            let relation = match score.relation {
                Some(crate::Relation::Same) => "same words",
                Some(crate::Relation::FragmentOf) => "fragment of the core",
                Some(crate::Relation::SharesSentence) => "shares a sentence with the core",
                None => "no match",
            };
            let pairs: Vec<String> = score
                .aligned
                .iter()
                .map(|(a, b)| {
                    if a == b {
                        escape(a)
                    } else {
                        format!("{}&nbsp;↔&nbsp;{}", escape(a), escape(b))
                    }
                })
                .collect();
            let mut html = format!(
                "{relation} · {:.0}% / {:.0}% aligned",
                score.short_coverage * 100.0,
                score.long_coverage * 100.0
            );
            if !pairs.is_empty() {
                html.push_str(&format!(" · {}", pairs.join(", ")));
            }
            if !score.anchors.is_empty() {
                html.push_str(&format!(
                    " · anchors: {}",
                    escape(&score.anchors_joined(", "))
                ));
            }
            html
        }
    };
    writeln!(out, "<p class=\"match\">Match: {matched}</p>\n</div>")
}

fn write_provenance(
    out: &mut dyn Write,
    report: &Report,
    statement: &StatementRecord,
) -> io::Result<()> {
    let provenance = &statement.provenance;
    let first = &provenance.first;
    let date = |d: Option<&str>| escape(d.unwrap_or("undated"));
    writeln!(
        out,
        "<details class=\"provenance\"><summary>Provenance: first in <strong>{}</strong> ({}, {}), credited to {}</summary>\n<ol>",
        escape(report.outlet(first.article)),
        date(first.date),
        language_name(first.lang),
        first.speaker.map_or("nobody".to_string(), escape)
    )?;
    writeln!(
        out,
        "<li><time>{}</time> {} — original: “{}”</li>",
        date(first.date),
        escape(report.outlet(first.article)),
        escape(first.text)
    )?;
    for step in &provenance.changes {
        let what = step.describe(
            |t| format!("“{}”", escape(t)),
            |speaker| format!("<strong class=\"changed\">{}</strong>", escape(speaker)),
        );
        writeln!(
            out,
            "<li><time>{}</time> {} ({}) — {what}</li>",
            date(step.date),
            escape(report.outlet(step.article)),
            step.lang.map_or("??", Lang::code),
        )?;
    }
    if let Some(note) = provenance.repeats_note() {
        writeln!(out, "<li class=\"repeats\">{note}</li>")?;
    }
    writeln!(out, "</ol></details>")
}

fn write_statements(out: &mut dyn Write, report: &Report) -> io::Result<()> {
    writeln!(
        out,
        "<section id=\"statements\">\n<h2>Statements</h2>\n<table>\n<thead><tr><th>Id</th><th>Statement</th>\
         <th>Speakers</th><th>Languages</th><th>Quotes</th><th>First seen</th></tr></thead>\n<tbody>"
    )?;
    for statement in &report.statements {
        let speakers: Vec<String> = statement.speakers.iter().map(|s| escape(s)).collect();
        let langs: Vec<&str> = statement.langs.iter().map(|l| l.code()).collect();
        let first = &statement.provenance.first;
        writeln!(
            out,
            "<tr><td>{}</td><td>“{}”</td><td>{}</td><td>{}</td><td class=\"num\">{}</td><td>{} ({})</td></tr>",
            escape(statement.id),
            escape(statement.text),
            if speakers.is_empty() { "<em>unattributed</em>".to_string() } else { speakers.join(", ") },
            langs.join(", "),
            statement.quotes.len(),
            escape(report.outlet(first.article)),
            escape(first.date.unwrap_or("undated"))
        )?;
    }
    writeln!(out, "</tbody>\n</table>\n</section>")
}

fn write_summary(out: &mut dyn Write, report: &Report) -> io::Result<()> {
    let overview = &report.overview;
    writeln!(
        out,
        "<section id=\"summary\">\n<h2>Summary</h2>\n<div class=\"tables\">"
    )?;
    writeln!(
        out,
        "<table><thead><tr><th>Finding</th><th>Count</th></tr></thead><tbody>"
    )?;
    for count in &overview.by_kind {
        writeln!(
            out,
            "<tr><td><span class=\"badge {}\">{}</span> {}</td><td class=\"num\">{}</td></tr>",
            count.severity.name(),
            count.severity.name(),
            count.kind.name().replace('_', " "),
            count.findings
        )?;
    }
    writeln!(out, "</tbody></table>")?;
    writeln!(
        out,
        "<table><thead><tr><th>Speaker</th><th>Findings</th></tr></thead><tbody>"
    )?;
    for speaker in &overview.by_speaker {
        writeln!(
            out,
            "<tr><td>{}</td><td class=\"num\">{}</td></tr>",
            escape(speaker.speaker),
            speaker.findings
        )?;
    }
    writeln!(out, "</tbody></table>")?;
    writeln!(
        out,
        "<table class=\"outlets\"><thead><tr><th>Outlet</th><th>Disagrees with the other outlets' attribution</th></tr></thead><tbody>"
    )?;
    for outlet in overview.outlets.iter().filter(|o| o.compared > 0) {
        let share = outlet.disagreements as f64 / outlet.compared as f64 * 100.0;
        writeln!(
            out,
            "<tr><td>{}</td><td><span class=\"bar\"><span style=\"width:{share:.0}%\"></span></span> {} of {} statements</td></tr>",
            escape(outlet.outlet),
            outlet.disagreements,
            outlet.compared
        )?;
    }
    writeln!(out, "</tbody></table>\n</div>\n</section>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_quotes_is_escaped() {
        assert_eq!(
            escape("<script>alert('x') & \"y\"</script>"),
            "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;"
        );
    }

    #[test]
    fn diffs_mark_removed_and_inserted_words() {
        assert_eq!(
            diff_html("send {+300+} [-200-] <b> observers"),
            "send <ins>300</ins> <del>200</del> &lt;b&gt; observers"
        );
        assert_eq!(diff_html("a [b] {c"), "a [b] {c");
    }

    #[test]
    fn the_style_sheet_defines_the_colours_the_browser_test_looks_for() {
        let hex = |[r, g, b]: [u8; 3]| format!("#{r:02x}{g:02x}{b:02x}");
        assert!(STYLE.contains(&format!("--error: {}", hex(ERROR_COLOR))));
        assert!(STYLE.contains(&format!("--cue: {}", hex(CUE_COLOR))));
    }
}
