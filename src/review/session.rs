//! The review session: findings one at a time, each decision saved as it is made; and the
//! decisions scripts make without a terminal.

use super::{Baseline, BaselineError, Decision, Entry};
use crate::report::{Report, TextReporter};
use std::io::{self, BufRead, Write};

/// A problem during a review.
#[derive(Debug, thiserror::Error)]
pub enum ReviewError {
    /// Reading the answers or writing the findings failed.
    #[error("terminal: {0}")]
    Terminal(#[from] io::Error),
    /// The baseline could not be saved.
    #[error(transparent)]
    Baseline(#[from] BaselineError),
    /// A decision names a fingerprint that no finding of the run has.
    #[error("no finding of this run has fingerprint {0} (`quotecheck check` lists them)")]
    UnknownFingerprint(String),
}

/// How the findings of a report stand after a review.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// Findings confirmed.
    pub confirmed: usize,
    /// Findings dismissed.
    pub dismissed: usize,
    /// Findings with no decision.
    pub undecided: usize,
}

impl Tally {
    /// Counts the decisions `baseline` holds on the findings of `report`.
    pub fn of(report: &Report, baseline: &Baseline) -> Tally {
        let mut tally = Tally::default();
        for finding in &report.findings {
            match baseline.get(finding.fingerprint).map(|e| e.decision) {
                Some(Decision::Confirmed) => tally.confirmed += 1,
                Some(Decision::Dismissed) => tally.dismissed += 1,
                None => tally.undecided += 1,
            }
        }
        tally
    }
}

impl std::fmt::Display for Tally {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} confirmed, {} dismissed, {} undecided",
            self.confirmed, self.dismissed, self.undecided
        )
    }
}

/// The question asked after each finding.
const PROMPT: &str = "[c]onfirm, [d]ismiss, [s]kip, [b]ack, [q]uit? ";

/// Walks the findings of `report` in order, showing each as the text report does with its
/// current decision, and reads one answer per line from `input`: `c` confirms (a real
/// misattribution), `d` dismisses (a false alarm; a reason is asked next, Enter for none),
/// `s` skips, `b` goes back one finding, `q` quits (so does the end of `input`). Every decision
/// is saved to the baseline file at once. Returns the tally when the session ends.
pub fn review(
    report: &Report,
    baseline: &mut Baseline,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
) -> Result<Tally, ReviewError> {
    let total = report.findings.len();
    writeln!(
        out,
        "{total} finding{} to review; each decision is saved to {} at once.",
        if total == 1 { "" } else { "s" },
        baseline.path().display()
    )?;
    let mut index = 0;
    'findings: while index < total {
        let finding = &report.findings[index];
        writeln!(out, "\n── Finding {} of {total} ──", index + 1)?;
        TextReporter::default().write_finding(out, report, finding)?;
        match baseline.get(finding.fingerprint) {
            Some(entry) => {
                let reason = entry
                    .reason
                    .as_ref()
                    .map(|r| format!(" ({r})"))
                    .unwrap_or_default();
                writeln!(out, "Decided: {}{reason}", entry.decision.name())?;
            }
            None => writeln!(out, "Undecided.")?,
        }
        loop {
            let Some(answer) = ask(input, out, PROMPT)? else {
                break 'findings;
            };
            let decision = match answer.to_lowercase().as_str() {
                "c" | "confirm" => Decision::Confirmed,
                "d" | "dismiss" => Decision::Dismissed,
                "s" | "skip" => {
                    index += 1;
                    continue 'findings;
                }
                "b" | "back" if index == 0 => {
                    writeln!(out, "This is the first finding.")?;
                    continue;
                }
                "b" | "back" => {
                    index -= 1;
                    continue 'findings;
                }
                "q" | "quit" => break 'findings,
                _ => {
                    writeln!(out, "Answer c, d, s, b or q.")?;
                    continue;
                }
            };
            let reason = if decision == Decision::Dismissed {
                match ask(input, out, "Reason (optional, Enter for none): ")? {
                    Some(reason) => Some(reason),
                    None => break 'findings,
                }
            } else {
                None
            };
            baseline.decide(Entry::new(report, finding, decision, reason));
            baseline.save()?;
            writeln!(out, "{}.", capitalized(decision.name()))?;
            index += 1;
            continue 'findings;
        }
    }
    let tally = Tally::of(report, baseline);
    let stopped = if index < total {
        format!("Stopped at finding {} of {total}", index + 1)
    } else {
        "Done".to_string()
    };
    writeln!(
        out,
        "\n{stopped}: {tally}. Baseline: {}",
        baseline.path().display()
    )?;
    Ok(tally)
}

/// Writes `prompt` and reads one line, trimmed; None at the end of the input.
fn ask(input: &mut dyn BufRead, out: &mut dyn Write, prompt: &str) -> io::Result<Option<String>> {
    write!(out, "{prompt}")?;
    out.flush()?;
    let mut line = String::new();
    if input.read_line(&mut line)? == 0 {
        writeln!(out)?;
        return Ok(None);
    }
    Ok(Some(line.trim().to_string()))
}

fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Records a script's `--confirm` and `--dismiss` decisions, each naming a finding of `report`
/// by its fingerprint, with `reason`, and saves the baseline. Every fingerprint is checked
/// before anything is decided, so a typo changes nothing.
pub fn decide(
    report: &Report,
    baseline: &mut Baseline,
    decisions: &[(String, Decision)],
    reason: Option<&str>,
) -> Result<(), ReviewError> {
    let mut entries = Vec::new();
    for (fingerprint, decision) in decisions {
        let finding = report
            .findings
            .iter()
            .find(|f| f.fingerprint == fingerprint)
            .ok_or_else(|| ReviewError::UnknownFingerprint(fingerprint.clone()))?;
        entries.push(Entry::new(
            report,
            finding,
            *decision,
            reason.map(str::to_string),
        ));
    }
    for entry in entries {
        baseline.decide(entry);
    }
    baseline.save()?;
    Ok(())
}

/// Confirms every finding of `report` that has no decision yet (`--accept-all`) and saves the
/// baseline. Returns how many decisions it added.
pub fn accept_all(report: &Report, baseline: &mut Baseline) -> Result<usize, ReviewError> {
    let mut confirmed = 0;
    for finding in &report.findings {
        if baseline.get(finding.fingerprint).is_none() {
            baseline.decide(Entry::new(report, finding, Decision::Confirmed, None));
            confirmed += 1;
        }
    }
    baseline.save()?;
    Ok(confirmed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Article, ArticleMeta, Checker};

    fn analysis() -> crate::Analysis {
        let article = |id: &str, body: &str| Article {
            id: id.to_string(),
            meta: ArticleMeta::default(),
            declared_lang: None,
            body: body.to_string(),
        };
        Checker::new().check(vec![
            article(
                "a.txt",
                "Donald Trump met Gustavo Petro. “We had a very good meeting,” Trump said.",
            ),
            article(
                "b.txt",
                "Petro y Trump se reunieron. «Tuvimos una muy buena reunión», dijo Petro.",
            ),
        ])
    }

    fn baseline(name: &str) -> Baseline {
        let path = std::env::temp_dir()
            .join(format!("quotecheck-session-{}-{name}", std::process::id()))
            .join("baseline.json");
        let _ = std::fs::remove_file(&path);
        Baseline::open(&path).unwrap()
    }

    fn run(report: &Report, baseline: &mut Baseline, answers: &str) -> (Tally, String) {
        let mut out = Vec::new();
        let tally = review(report, baseline, &mut answers.as_bytes(), &mut out).unwrap();
        (tally, String::from_utf8(out).unwrap())
    }

    #[test]
    fn back_stops_at_the_first_finding_and_the_end_of_input_quits() {
        let analysis = analysis();
        let report = Report::new(&analysis, 0, 0);
        assert_eq!(report.findings.len(), 1);
        let mut baseline = baseline("back");
        let (tally, out) = run(&report, &mut baseline, "b\n");
        assert!(out.contains("This is the first finding."), "{out}");
        assert!(out.contains("Stopped at finding 1 of 1"), "{out}");
        assert_eq!(tally.undecided, 1);
        // The end of input while a reason is asked decides nothing.
        let (tally, _) = run(&report, &mut baseline, "d\n");
        assert_eq!(tally.undecided, 1);
        assert!(!baseline.path().exists());
    }

    #[test]
    fn a_decision_can_be_changed_and_is_shown_when_seen_again() {
        let analysis = analysis();
        let report = Report::new(&analysis, 0, 0);
        let mut baseline = baseline("change");
        let (tally, out) = run(&report, &mut baseline, "d\n  \n");
        assert!(out.starts_with("1 finding to review"), "{out}");
        assert!(out.contains("Done: 0 confirmed, 1 dismissed"), "{out}");
        assert_eq!(tally.dismissed, 1);
        let entry = baseline.get(report.findings[0].fingerprint).unwrap();
        assert_eq!(entry.reason, None, "a blank reason is no reason");
        assert_eq!(entry.speakers.len(), 2, "both credited speakers, sorted");
        assert!(entry.speakers[0] < entry.speakers[1]);
        let (tally, out) = run(&report, &mut baseline, "c\n");
        assert!(out.contains("Decided: dismissed\n"), "{out}");
        assert_eq!(tally.confirmed, 1);
        assert_eq!(Baseline::read(baseline.path()).unwrap(), baseline);
    }

    #[test]
    fn script_decisions_check_every_fingerprint_first() {
        let analysis = analysis();
        let report = Report::new(&analysis, 0, 0);
        let mut baseline = baseline("script");
        let fingerprint = report.findings[0].fingerprint.to_string();
        let typo = [
            (fingerprint.clone(), Decision::Dismissed),
            ("ffffffffffffffff".to_string(), Decision::Confirmed),
        ];
        assert!(matches!(
            decide(&report, &mut baseline, &typo, None),
            Err(ReviewError::UnknownFingerprint(f)) if f == "ffffffffffffffff"
        ));
        assert_eq!(baseline.entries().count(), 0);
        assert_eq!(accept_all(&report, &mut baseline).unwrap(), 1);
        assert_eq!(accept_all(&report, &mut baseline).unwrap(), 0);
    }
}
