//! The CSV report, for spreadsheets: one row per quote of every statement with a finding (see
//! [`COLUMNS`]). Cells a spreadsheet would run as a formula are defused.

use super::{Report, Reporter, StatementRecord, Wording};
use crate::Lang;
use std::io::{self, Write};

/// The header row: the column names, in order.
pub const COLUMNS: [&str; 22] = [
    "statement",
    "severity",
    "findings",
    "finding_confidence",
    "statement_text",
    "article",
    "outlet",
    "date",
    "url",
    "lang",
    "speaker",
    "mention",
    "cue",
    "attribution_confidence",
    "quote",
    "attribution",
    "relation",
    "short_coverage",
    "long_coverage",
    "anchors",
    "evidence",
    "provenance",
];

/// Writes the report as CSV.
#[derive(Clone, Copy, Debug, Default)]
pub struct CsvReporter {
    /// Start with a UTF-8 byte order mark, which spreadsheet programs that otherwise assume a
    /// legacy encoding (Excel) need to read accents right.
    pub bom: bool,
}

/// `cell` made safe for a spreadsheet: one that starts with `=`, `+`, `-`, `@`, a tab or a
/// carriage return would be read as a formula, so it gets a leading apostrophe.
pub fn defuse(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

impl Reporter for CsvReporter {
    fn write(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        if self.bom {
            out.write_all("\u{feff}".as_bytes())?;
        }
        let mut writer = ::csv::Writer::from_writer(out);
        writer.write_record(COLUMNS)?;
        for statement in &report.statements {
            let findings: Vec<_> = report
                .findings
                .iter()
                .filter(|f| f.statement == statement.id)
                .collect();
            // Findings are most severe first: the first one speaks for the statement.
            let Some(worst) = findings.first() else {
                continue;
            };
            let kinds: Vec<&str> = findings.iter().map(|f| f.kind.name()).collect();
            for quote in &statement.quotes {
                let article = report.article(quote.article);
                let meta = |field: fn(&crate::ArticleMeta) -> &Option<String>| {
                    article.and_then(|a| field(a.meta).as_deref()).unwrap_or("")
                };
                let is_evidence = findings.iter().any(|f| {
                    f.quotes
                        .iter()
                        .any(|q| q.article == quote.article && q.start == quote.start)
                });
                let attribution: String = quote.evidence_parts().iter().map(|(t, _)| *t).collect();
                let (relation, short, long, anchors) = match quote.matched {
                    None => (
                        "core".to_string(),
                        String::new(),
                        String::new(),
                        String::new(),
                    ),
                    Some(score) => (
                        score
                            .relation
                            .map_or("none", |r| match r {
                                crate::Relation::Same => "same",
                                crate::Relation::FragmentOf => "fragment_of",
                            })
                            .to_string(),
                        format!("{:.2}", score.short_coverage),
                        format!("{:.2}", score.long_coverage),
                        score.anchors.join("; "),
                    ),
                };
                let row: [String; 22] = [
                    statement.id.to_string(),
                    worst.severity.name().to_string(),
                    kinds.join("; "),
                    format!("{:.2}", worst.confidence),
                    statement.text.to_string(),
                    quote.article.to_string(),
                    meta(|m| &m.outlet).to_string(),
                    meta(|m| &m.date).to_string(),
                    meta(|m| &m.url).to_string(),
                    quote.lang.map_or("", Lang::code).to_string(),
                    quote.speaker.unwrap_or("").to_string(),
                    quote.mention.unwrap_or("").to_string(),
                    quote.cue.unwrap_or("").to_string(),
                    quote
                        .confidence
                        .map_or(String::new(), |c| format!("{c:.2}")),
                    quote.text.to_string(),
                    attribution,
                    relation,
                    short,
                    long,
                    anchors,
                    if is_evidence { "yes" } else { "no" }.to_string(),
                    provenance_of(statement, quote.article, quote.start),
                ];
                writer.write_record(row.iter().map(|cell| defuse(cell)))?;
            }
        }
        writer.flush()
    }
}

/// The quote's place in its statement's provenance: `original`, `translated` or `reworded`
/// (each with `, speaker changed` when it credits another speaker than the original), or
/// `repeat`.
fn provenance_of(statement: &StatementRecord, article: &str, start: usize) -> String {
    let provenance = &statement.provenance;
    let same_quote = |step: &super::ProvenanceStep| step.article == article && step.start == start;
    if same_quote(&provenance.first) {
        return Wording::Original.name().to_string();
    }
    match provenance.changes.iter().find(|step| same_quote(step)) {
        None => "repeat".to_string(),
        Some(step) => {
            let wording = match step.wording {
                Wording::Same | Wording::Trimmed => "repeat",
                other => other.name(),
            };
            if step.speaker_changed {
                format!("{wording}, speaker changed")
            } else {
                wording.to_string()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_defused_and_other_cells_kept() {
        assert_eq!(defuse("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(defuse("+1"), "'+1");
        assert_eq!(defuse("-2"), "'-2");
        assert_eq!(defuse("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(
            defuse("We had a very good meeting"),
            "We had a very good meeting"
        );
        assert_eq!(defuse("0.95"), "0.95");
    }
}
