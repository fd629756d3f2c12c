//! Review: a reviewer's decisions on findings, kept in a baseline file between runs.
//!
//! Each decision names a finding by its fingerprint ([`crate::fingerprint`]): `confirmed` (a
//! real misattribution) or `dismissed` (a false alarm, with an optional reason). `check` reads
//! the baseline to hide dismissed findings, label confirmed ones and list the entries that no
//! longer match any finding (stale); `review` ([`session`]) walks the findings and writes the
//! decisions as they are made.
//!
//! The baseline is a JSON file:
//!
//! ```json
//! { "version": 1, "entries": [ { "fingerprint": "…", "decision": "dismissed", "reason": "…",
//!   "kind": "speaker_conflict", "statement": "…", "speakers": ["…"] } ] }
//! ```
//!
//! Entries are sorted by fingerprint; `kind`, `statement` and `speakers` are for people reading
//! the file (only the fingerprint and the decision are used to match).

pub mod session;

use crate::judge::{shorten, Finding, FindingKind};
use crate::report::{FindingRecord, Report};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The default baseline, relative to the corpus folder (see [`default_path`]).
pub const DEFAULT_BASELINE: &str = ".quotecheck/baseline.json";

/// Version of the baseline file format written; files of other versions are refused.
const FORMAT_VERSION: u32 = 1;

/// Characters of the statement's core quote kept in an entry.
const STATEMENT_SUMMARY_CHARS: usize = 120;

/// The default baseline for a run over `paths`: [`DEFAULT_BASELINE`] inside the corpus folder,
/// which is the first path when it is a directory, else the directory holding it (the current
/// directory for `-`, standard input, and for a bare file name).
pub fn default_path(paths: &[PathBuf]) -> PathBuf {
    let corpus = match paths.first() {
        Some(first) if first.is_dir() => first.clone(),
        Some(first) if first.as_os_str() != crate::STDIN_PATH => first
            .parent()
            .filter(|parent| !parent.as_os_str().is_empty())
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf),
        _ => PathBuf::from("."),
    };
    corpus.join(DEFAULT_BASELINE)
}

/// What a reviewer decided about a finding.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Decision {
    /// A real misattribution (or misquote): keep reporting it, labelled.
    Confirmed,
    /// A false alarm: hide it.
    Dismissed,
}

impl Decision {
    /// The lower-case name used in files and reports.
    pub fn name(self) -> &'static str {
        match self {
            Decision::Confirmed => "confirmed",
            Decision::Dismissed => "dismissed",
        }
    }
}

/// One decision in the baseline.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// The finding's fingerprint.
    pub fingerprint: String,
    /// Confirmed or dismissed.
    pub decision: Decision,
    /// Why (optional, typically for a dismissal).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The finding's kind, for people reading the file.
    pub kind: FindingKind,
    /// The statement's core quote (shortened), for people reading the file.
    pub statement: String,
    /// The speakers the finding's evidence credits, sorted, for people reading the file.
    pub speakers: Vec<String>,
}

impl Entry {
    /// A decision on `finding`, a finding of `report`.
    pub fn new(
        report: &Report,
        finding: &FindingRecord,
        decision: Decision,
        reason: Option<String>,
    ) -> Entry {
        // The core is the one quote of a statement without a match to the core.
        let core = report
            .statements
            .iter()
            .find(|s| s.id == finding.statement)
            .and_then(|s| s.quotes.iter().find(|q| q.matched.is_none()))
            .map_or("", |q| q.text);
        let speakers: BTreeSet<&str> = finding.quotes.iter().filter_map(|q| q.speaker).collect();
        Entry {
            fingerprint: finding.fingerprint.to_string(),
            decision,
            reason: reason.filter(|r| !r.trim().is_empty()),
            kind: finding.kind,
            statement: shorten(core, STATEMENT_SUMMARY_CHARS),
            speakers: speakers.into_iter().map(str::to_string).collect(),
        }
    }
}

/// A problem reading or writing a baseline file.
#[derive(Debug, thiserror::Error)]
#[error("{path}: {problem}")]
pub struct BaselineError {
    /// The baseline file.
    pub path: String,
    /// What went wrong.
    pub problem: String,
}

/// The file layout.
#[derive(Serialize, Deserialize)]
struct BaselineFile {
    version: u32,
    entries: Vec<Entry>,
}

/// The decisions of a baseline file, by fingerprint.
#[derive(Clone, Debug, PartialEq)]
pub struct Baseline {
    path: PathBuf,
    entries: BTreeMap<String, Entry>,
}

impl Baseline {
    /// Reads the baseline at `path`; a missing file is an empty baseline (saved there later).
    pub fn open(path: &Path) -> Result<Baseline, BaselineError> {
        if path.exists() {
            Baseline::read(path)
        } else {
            Ok(Baseline {
                path: path.to_path_buf(),
                entries: BTreeMap::new(),
            })
        }
    }

    /// Reads the baseline at `path`, which must exist.
    pub fn read(path: &Path) -> Result<Baseline, BaselineError> {
        let error = |problem: String| BaselineError {
            path: path.display().to_string(),
            problem,
        };
        let text = std::fs::read_to_string(path)
            .map_err(|e| error(format!("cannot read baseline: {e}")))?;
        let file: BaselineFile = serde_json::from_str(&text)
            .map_err(|e| error(format!("not a quotecheck baseline: {e}")))?;
        if file.version != FORMAT_VERSION {
            return Err(error(format!(
                "baseline version {} is not supported (this quotecheck reads version {FORMAT_VERSION})",
                file.version
            )));
        }
        let mut entries = BTreeMap::new();
        for entry in file.entries {
            let fingerprint = entry.fingerprint.clone();
            if entries.insert(fingerprint.clone(), entry).is_some() {
                return Err(error(format!("fingerprint {fingerprint} is decided twice")));
            }
        }
        Ok(Baseline {
            path: path.to_path_buf(),
            entries,
        })
    }

    /// The file this baseline is read from and saved to.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The decision on the finding with `fingerprint`, if any.
    pub fn get(&self, fingerprint: &str) -> Option<&Entry> {
        self.entries.get(fingerprint)
    }

    /// Every decision, sorted by fingerprint.
    pub fn entries(&self) -> impl Iterator<Item = &Entry> {
        self.entries.values()
    }

    /// Records `entry`, replacing any earlier decision on its fingerprint (in memory: see
    /// [`Baseline::save`]).
    pub fn decide(&mut self, entry: Entry) {
        self.entries.insert(entry.fingerprint.clone(), entry);
    }

    /// Writes the baseline to its file atomically: a temporary file in the same folder
    /// (created if missing), flushed to disk, then renamed over the old file, so an
    /// interrupted save leaves the previous baseline intact.
    pub fn save(&self) -> Result<(), BaselineError> {
        let error = |problem: String| BaselineError {
            path: self.path.display().to_string(),
            problem,
        };
        let folder = self
            .path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        std::fs::create_dir_all(folder)
            .map_err(|e| error(format!("cannot create folder {}: {e}", folder.display())))?;
        let file = BaselineFile {
            version: FORMAT_VERSION,
            entries: self.entries.values().cloned().collect(),
        };
        let mut json = serde_json::to_vec_pretty(&file)
            .map_err(|e| error(format!("cannot encode baseline: {e}")))?;
        json.push(b'\n');
        let name = self
            .path
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_else(|| "baseline.json".to_string());
        let temporary = folder.join(format!(".{name}.{}.tmp", std::process::id()));
        let written = std::fs::File::create(&temporary).and_then(|mut out| {
            out.write_all(&json)?;
            out.sync_all()
        });
        if let Err(e) = written.and_then(|()| std::fs::rename(&temporary, &self.path)) {
            let _ = std::fs::remove_file(&temporary);
            return Err(error(format!("cannot write baseline: {e}")));
        }
        Ok(())
    }

    /// Applies the baseline to `findings`: removes the dismissed ones and tells what it did.
    /// An entry is stale when no finding (dismissed or not) has its fingerprint, so this must
    /// see every finding of the run, before any other filter.
    pub fn apply(&self, findings: &mut Vec<Finding>) -> Applied {
        let present: BTreeSet<&str> = findings.iter().map(|f| f.fingerprint.as_str()).collect();
        let stale = self
            .entries
            .values()
            .filter(|e| !present.contains(e.fingerprint.as_str()))
            .map(|e| e.fingerprint.clone())
            .collect();
        let before = findings.len();
        findings.retain(|f| {
            self.get(&f.fingerprint)
                .is_none_or(|e| e.decision != Decision::Dismissed)
        });
        Applied {
            dismissed: before - findings.len(),
            stale,
        }
    }

    /// Labels the confirmed findings of `report` and records in it what `applied` did.
    pub fn annotate<'a>(&'a self, report: &mut Report<'a>, applied: &Applied) {
        let mut confirmed = 0;
        for finding in &mut report.findings {
            finding.review = self.get(finding.fingerprint).map(|entry| {
                confirmed += usize::from(entry.decision == Decision::Confirmed);
                ReviewRecord {
                    decision: entry.decision,
                    reason: entry.reason.as_deref(),
                }
            });
        }
        report.baseline = Some(BaselineRecord {
            file: self.path.display().to_string(),
            confirmed,
            dismissed: applied.dismissed,
            stale: applied
                .stale
                .iter()
                .filter_map(|fingerprint| self.get(fingerprint))
                .collect(),
        });
    }
}

/// What applying a baseline to a run's findings did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Applied {
    /// Findings hidden because they are dismissed.
    pub dismissed: usize,
    /// Fingerprints of the entries that match no finding of the run, sorted.
    pub stale: Vec<String>,
}

/// A finding's review, as a report shows it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ReviewRecord<'a> {
    /// confirmed (dismissed findings are hidden from reports).
    pub decision: Decision,
    /// The reviewer's reason, if given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<&'a str>,
}

impl ReviewRecord<'_> {
    /// "confirmed" or "confirmed: reason".
    pub fn label(&self) -> String {
        match self.reason {
            Some(reason) => format!("{}: {reason}", self.decision.name()),
            None => self.decision.name().to_string(),
        }
    }
}

/// What the baseline did to a report.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BaselineRecord<'a> {
    /// The baseline file.
    pub file: String,
    /// Findings shown labelled as confirmed.
    pub confirmed: usize,
    /// Findings hidden because they were dismissed.
    pub dismissed: usize,
    /// Entries that match no finding of this run, sorted by fingerprint.
    pub stale: Vec<&'a Entry>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_file(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("quotecheck-baseline-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir.join(".quotecheck").join("baseline.json")
    }

    fn entry(fingerprint: &str, decision: Decision) -> Entry {
        Entry {
            fingerprint: fingerprint.to_string(),
            decision,
            reason: None,
            kind: FindingKind::SpeakerConflict,
            statement: "We had a very good meeting".to_string(),
            speakers: vec!["Donald Trump".to_string(), "Gustavo Petro".to_string()],
        }
    }

    fn finding(fingerprint: &str) -> Finding {
        Finding {
            kind: FindingKind::SpeakerConflict,
            severity: FindingKind::SpeakerConflict.severity(),
            statement: "S1".to_string(),
            message: String::new(),
            quotes: Vec::new(),
            confidence: 1.0,
            diffs: Vec::new(),
            fingerprint: fingerprint.to_string(),
        }
    }

    #[test]
    fn default_path_is_beside_the_corpus() {
        let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpora/trump-petro-2026");
        assert_eq!(
            default_path(std::slice::from_ref(&corpus)),
            corpus.join(".quotecheck/baseline.json")
        );
        assert_eq!(
            default_path(&[corpus.join("en-01-wire.md")]),
            corpus.join(".quotecheck/baseline.json")
        );
        assert_eq!(
            default_path(&[PathBuf::from("article.md")]),
            PathBuf::from("./.quotecheck/baseline.json")
        );
        assert_eq!(
            default_path(&[PathBuf::from("-")]),
            PathBuf::from("./.quotecheck/baseline.json")
        );
    }

    #[test]
    fn saves_sorted_and_reads_back() {
        let path = temp_file("roundtrip");
        let mut baseline = Baseline::open(&path).unwrap();
        assert_eq!(baseline.entries().count(), 0);
        baseline.decide(entry("ff00000000000000", Decision::Confirmed));
        baseline.decide(Entry {
            reason: Some("the tabloid is right".to_string()),
            ..entry("0a00000000000000", Decision::Dismissed)
        });
        baseline.save().unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.find("0a00000000000000") < text.find("ff00000000000000"));
        assert_eq!(Baseline::read(&path).unwrap(), baseline);
        // No temporary file is left beside it.
        let files = std::fs::read_dir(path.parent().unwrap()).unwrap().count();
        assert_eq!(files, 1);
    }

    #[test]
    fn bad_files_are_refused_with_their_path() {
        let path = temp_file("bad");
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, "{\"version\": 1, \"entries\": [{}]}").unwrap();
        let error = Baseline::read(&path).unwrap_err().to_string();
        assert!(error.starts_with(&path.display().to_string()), "{error}");
        assert!(error.contains("not a quotecheck baseline"), "{error}");
        std::fs::write(&path, "{\"version\": 9, \"entries\": []}").unwrap();
        let error = Baseline::read(&path).unwrap_err().to_string();
        assert!(error.contains("version 9"), "{error}");
        let twice = serde_json::to_string(&BaselineFile {
            version: FORMAT_VERSION,
            entries: vec![
                entry("0a00000000000000", Decision::Confirmed),
                entry("0a00000000000000", Decision::Dismissed),
            ],
        })
        .unwrap();
        std::fs::write(&path, twice).unwrap();
        let error = Baseline::read(&path).unwrap_err().to_string();
        assert!(error.contains("decided twice"), "{error}");
    }

    #[test]
    fn apply_hides_dismissed_and_finds_stale_entries() {
        let mut baseline = Baseline::open(&temp_file("apply")).unwrap();
        baseline.decide(entry("aaaaaaaaaaaaaaaa", Decision::Dismissed));
        baseline.decide(entry("bbbbbbbbbbbbbbbb", Decision::Confirmed));
        baseline.decide(entry("cccccccccccccccc", Decision::Dismissed));
        let mut findings = vec![
            finding("aaaaaaaaaaaaaaaa"),
            finding("bbbbbbbbbbbbbbbb"),
            finding("dddddddddddddddd"),
        ];
        let applied = baseline.apply(&mut findings);
        assert_eq!(applied.dismissed, 1);
        assert_eq!(applied.stale, ["cccccccccccccccc"]);
        let left: Vec<&str> = findings.iter().map(|f| f.fingerprint.as_str()).collect();
        assert_eq!(left, ["bbbbbbbbbbbbbbbb", "dddddddddddddddd"]);
    }
}
