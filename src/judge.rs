//! Judging: findings from statements.
//!
//! Today: `speaker_conflict` (error), when the quotes of one statement are credited to
//! different speakers. Titles, slogans and scare quotes never form statements, so they never
//! yield findings.

use crate::cluster::Statement;
use crate::model::Quote;
use serde::Serialize;
use std::collections::BTreeMap;

/// What a finding reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// One statement credited to different speakers.
    SpeakerConflict,
}

impl FindingKind {
    /// The snake_case name used in reports.
    pub fn name(self) -> &'static str {
        match self {
            FindingKind::SpeakerConflict => "speaker_conflict",
        }
    }
}

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing.
    Info,
    /// Worth checking.
    Warning,
    /// A likely error in coverage.
    Error,
}

impl Severity {
    /// The lower-case name used in reports.
    pub fn name(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// A problem found in the coverage, with the quotes that show it.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    /// What is wrong.
    pub kind: FindingKind,
    /// How serious.
    pub severity: Severity,
    /// The statement's id.
    pub statement: String,
    /// One line a reviewer can read.
    pub message: String,
    /// Indices of the evidence quotes.
    pub quotes: Vec<usize>,
}

/// Findings for `statements`, in statement order. `outlet_of(article)` names an article's
/// outlet (or its id) for messages.
pub fn judge(
    statements: &[Statement],
    quotes: &[Quote],
    outlet_of: impl Fn(usize) -> String,
) -> Vec<Finding> {
    let mut findings = Vec::new();
    for statement in statements {
        let mut by_speaker: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for &q in &statement.quotes {
            if let Some(speaker) = quotes[q].speaker() {
                by_speaker.entry(speaker).or_default().push(q);
            }
        }
        if by_speaker.len() < 2 {
            continue;
        }
        // Most-credited speaker first, so the message reads "X (majority) vs Y".
        let mut credited: Vec<(&str, Vec<usize>)> = by_speaker.into_iter().collect();
        credited.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(b.0)));
        let parts: Vec<String> = credited
            .iter()
            .map(|(speaker, qs)| {
                let sources: Vec<String> = qs
                    .iter()
                    .map(|&q| outlet_of(quotes[q].article_index))
                    .collect();
                format!(
                    "{speaker} by {} ({})",
                    plural(qs.len(), "article"),
                    sources.join(", ")
                )
            })
            .collect();
        let core = &quotes[statement.core];
        findings.push(Finding {
            kind: FindingKind::SpeakerConflict,
            severity: Severity::Error,
            statement: statement.id.clone(),
            message: format!(
                "“{}” is credited to {}",
                shorten(&core.text, 80),
                parts.join("; to ")
            ),
            quotes: credited
                .iter()
                .flat_map(|(_, qs)| qs.iter().copied())
                .collect(),
        });
    }
    findings
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// At most `max` characters of `text`, with an ellipsis when cut.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        format!(
            "{}…",
            text.chars().take(max - 1).collect::<String>().trim_end()
        )
    }
}
