//! The CSV report, for spreadsheets: one row per quote of every statement with a finding (see
//! [`COLUMNS`]). Cells a spreadsheet would run as a formula are defused.

use super::{Report, Reporter, StatementRecord, Wording};
use crate::Lang;
use std::collections::{BTreeMap, BTreeSet};
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
        let by_statement = report.findings_by_statement();
        for statement in &report.statements {
            // Findings are most severe first: the first one speaks for the statement.
            let Some(findings) = by_statement.get(statement.id) else {
                continue;
            };
            let worst = findings[0];
            let kinds: Vec<&str> = findings.iter().map(|f| f.kind.name()).collect();
            let evidence: BTreeSet<(&str, usize)> = findings
                .iter()
                .flat_map(|f| f.quotes.iter().map(|q| (q.article, q.start)))
                .collect();
            let steps = provenance_steps(statement);
            for quote in &statement.quotes {
                let article = report.article(quote.article);
                let meta = |field: fn(&crate::ArticleMeta) -> &Option<String>| {
                    article.and_then(|a| field(a.meta).as_deref()).unwrap_or("")
                };
                let is_evidence = evidence.contains(&(quote.article, quote.start));
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
                                crate::Relation::SharesSentence => "shares_sentence",
                            })
                            .to_string(),
                        format!("{:.2}", score.short_coverage),
                        format!("{:.2}", score.long_coverage),
                        score.anchors_joined("; "),
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
                    steps
                        .get(&(quote.article, quote.start))
                        .cloned()
                        .unwrap_or_else(|| "repeat".to_string()),
                ];
                writer.write_record(row.iter().map(|cell| defuse(cell)))?;
            }
        }
        writer.flush()
    }
}

/// The place in its statement's provenance of each quote the provenance lists, by (article,
/// start): `original`, `translated` or `reworded`, each with `, speaker changed` when it credits
/// another speaker than the original (the quotes it does not list are repeats: renderings
/// whose wording and speaker earlier ones already showed).
fn provenance_steps<'a>(statement: &StatementRecord<'a>) -> BTreeMap<(&'a str, usize), String> {
    let provenance = &statement.provenance;
    let mut steps = BTreeMap::new();
    let first = &provenance.first;
    steps.insert(
        (first.article, first.start),
        Wording::Original.name().to_string(),
    );
    for step in &provenance.changes {
        let wording = match step.wording {
            Wording::Same | Wording::Trimmed => "repeat",
            other => other.name(),
        };
        let place = if step.speaker_changed {
            format!("{wording}, speaker changed")
        } else {
            wording.to_string()
        };
        steps.insert((step.article, step.start), place);
    }
    steps
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
