//! End-to-end tests of finding fingerprints, the review baseline and the `review` command,
//! the interactive session driven through a pseudo-terminal.

mod common;

use common::quotecheck;
use rexpect::process::WaitStatus;
use rexpect::session::PtySession;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

const CORPUS: &str = "corpora/trump-petro-2026";

/// Seconds a pseudo-terminal expectation may wait before the test fails.
const PTY_TIMEOUT_MS: u64 = 60_000;

/// A fresh copy of the shipped corpus in a temporary folder of its own.
fn corpus_copy(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("quotecheck-review-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join(CORPUS);
    for entry in std::fs::read_dir(source).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
    }
    dir
}

/// `check --format json` on `args`: the report and the exit status.
fn check_json(args: &[&str]) -> (Value, i32) {
    let mut all = vec!["check", "-q", "--format", "json"];
    all.extend(args);
    let output = quotecheck(&all);
    let status = output.status.code().unwrap();
    assert!(status <= 1, "{}", String::from_utf8_lossy(&output.stderr));
    (serde_json::from_slice(&output.stdout).unwrap(), status)
}

fn findings(report: &Value) -> &Vec<Value> {
    report["findings"].as_array().unwrap()
}

fn fingerprints(report: &Value) -> Vec<String> {
    findings(report)
        .iter()
        .map(|f| f["fingerprint"].as_str().unwrap().to_string())
        .collect()
}

/// The baseline's entries as (fingerprint, decision, reason).
fn baseline_entries(path: &Path) -> Vec<(String, String, Option<String>)> {
    let baseline: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert_eq!(baseline["version"], 1);
    baseline["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["fingerprint"].as_str().unwrap().to_string(),
                e["decision"].as_str().unwrap().to_string(),
                e["reason"].as_str().map(str::to_string),
            )
        })
        .collect()
}

fn path_str(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn fingerprints_survive_more_articles_and_renamed_files() {
    let (original, _) = check_json(&["--no-baseline", CORPUS]);
    let before = fingerprints(&original);
    // Enough findings to follow through a renaming (attribution fixes make the corpus cleaner).
    assert!(before.len() >= 3);
    // The definition is fixed: a user's baseline must still match after an upgrade.
    let first = &findings(&original)[0];
    assert_eq!(first["kind"], "speaker_conflict");
    assert_eq!(first["fingerprint"], "233ef2e8d9339309");

    let dir = corpus_copy("stable");
    // Renamed files change the article order (and so the statement numbers).
    std::fs::rename(dir.join("en-01-wire.md"), dir.join("zz-wire.md")).unwrap();
    std::fs::rename(
        dir.join("es-04-diario-mexicano.md"),
        dir.join("a-diario-mexicano.md"),
    )
    .unwrap();
    // Two articles on another event bring statements and a finding of their own (they credit
    // one statement to two people).
    for (from, to) in [
        ("en-04-bogota-wire.md", "en-00-other-event.md"),
        ("es-04-diario-peruano.md", "es-00-other-event.md"),
    ] {
        std::fs::copy(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("corpora/similar-statements")
                .join(from),
            dir.join(to),
        )
        .unwrap();
    }
    let (changed, _) = check_json(&[path_str(&dir)]);
    let after = fingerprints(&changed);
    assert!(after.len() > before.len(), "the new articles add findings");
    for (fingerprint, finding) in before.iter().zip(findings(&original)) {
        let same = findings(&changed)
            .iter()
            .find(|f| f["fingerprint"] == fingerprint.as_str())
            .unwrap_or_else(|| panic!("{fingerprint} ({}) is gone", finding["message"]));
        assert_eq!(same["kind"], finding["kind"]);
    }
    let renumbered = findings(&original).iter().any(|f| {
        findings(&changed)
            .iter()
            .any(|g| g["fingerprint"] == f["fingerprint"] && g["statement"] != f["statement"])
    });
    assert!(renumbered, "statement ids changed, fingerprints did not");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn text_report_shows_each_fingerprint() {
    let (report, _) = check_json(&["--no-baseline", CORPUS]);
    let text =
        String::from_utf8(quotecheck(&["check", "-q", "--no-baseline", CORPUS]).stdout).unwrap();
    for fingerprint in fingerprints(&report) {
        assert!(
            text.contains(&format!("  fingerprint {fingerprint}\n")),
            "{fingerprint}"
        );
    }
}

#[test]
fn review_without_a_terminal_refuses_instead_of_waiting() {
    let dir = corpus_copy("no-terminal");
    let output = quotecheck(&["review", path_str(&dir)]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("not one"), "{stderr}");
    assert!(stderr.contains("--accept-all"), "{stderr}");
    assert!(!dir.join(".quotecheck").exists(), "nothing is written");
    let _ = std::fs::remove_dir_all(dir);
}

/// Spawns `quotecheck review` on `dir` in a pseudo-terminal.
fn spawn_review(dir: &Path) -> PtySession {
    let mut command = Command::new(env!("CARGO_BIN_EXE_quotecheck"));
    command.args(["review", "-q", path_str(dir)]);
    rexpect::session::spawn_command(command, Some(PTY_TIMEOUT_MS)).expect("spawn in a pty")
}

/// Waits for the next finding and returns its fingerprint.
fn next_finding(session: &mut PtySession, number: usize) -> String {
    session
        .exp_string(&format!("Finding {number} of "))
        .unwrap();
    let (_, line) = session.exp_regex("fingerprint [0-9a-f]{16}").unwrap();
    line["fingerprint ".len()..].to_string()
}

const PROMPT: &str = "[c]onfirm, [d]ismiss, [s]kip, [b]ack, [q]uit? ";

#[test]
fn interactive_review_saves_each_decision_and_check_applies_them() {
    let dir = corpus_copy("interactive");
    let baseline = dir.join(".quotecheck/baseline.json");
    let (unreviewed, _) = check_json(&[path_str(&dir)]);
    let total = findings(&unreviewed).len();

    let mut session = spawn_review(&dir);
    let confirmed = next_finding(&mut session, 1);
    session.exp_string("Undecided.").unwrap();
    session.exp_string(PROMPT).unwrap();
    session.send_line("c").unwrap();
    session.exp_string("Confirmed.").unwrap();
    let dismissed = next_finding(&mut session, 2);
    session.exp_string(PROMPT).unwrap();
    // Saved at once: the file holds the first decision while the session waits.
    assert_eq!(
        baseline_entries(&baseline),
        [(confirmed.clone(), "confirmed".to_string(), None)]
    );
    session.send_line("d").unwrap();
    session
        .exp_string("Reason (optional, Enter for none): ")
        .unwrap();
    session
        .send_line("the brief never names a speaker")
        .unwrap();
    session.exp_string("Dismissed.").unwrap();
    let third = next_finding(&mut session, 3);
    session.exp_string(PROMPT).unwrap();
    session.send_line("b").unwrap();
    assert_eq!(next_finding(&mut session, 2), dismissed);
    session
        .exp_string("Decided: dismissed (the brief never names a speaker)")
        .unwrap();
    session.exp_string(PROMPT).unwrap();
    session.send_line("s").unwrap();
    assert_eq!(next_finding(&mut session, 3), third);
    session.exp_string(PROMPT).unwrap();
    session.send_line("maybe").unwrap();
    session.exp_string("Answer c, d, s, b or q.").unwrap();
    session.send_line("q").unwrap();
    session
        .exp_string(&format!(
            "Stopped at finding 3 of {total}: 1 confirmed, 1 dismissed, {} undecided.",
            total - 2
        ))
        .unwrap();
    session.exp_eof().unwrap();
    assert!(matches!(
        session.process().wait().unwrap(),
        WaitStatus::Exited(_, 0)
    ));

    let mut expected = vec![
        (confirmed.clone(), "confirmed".to_string(), None),
        (
            dismissed.clone(),
            "dismissed".to_string(),
            Some("the brief never names a speaker".to_string()),
        ),
    ];
    expected.sort();
    assert_eq!(
        baseline_entries(&baseline),
        expected,
        "sorted by fingerprint"
    );

    // The default baseline beside the corpus applies to `check`.
    let (reviewed, status) = check_json(&[path_str(&dir)]);
    assert_eq!(status, 1, "the confirmed speaker conflict still fails");
    assert_eq!(reviewed["summary"]["findings"], total - 1);
    assert!(!fingerprints(&reviewed).contains(&dismissed));
    let label = findings(&reviewed)
        .iter()
        .find(|f| f["fingerprint"] == confirmed.as_str())
        .map(|f| f["review"].clone())
        .unwrap();
    assert_eq!(label, serde_json::json!({ "decision": "confirmed" }));
    assert_eq!(reviewed["baseline"]["confirmed"], 1);
    assert_eq!(reviewed["baseline"]["dismissed"], 1);
    assert_eq!(reviewed["baseline"]["stale"], serde_json::json!([]));
    assert_eq!(
        reviewed["baseline"]["file"],
        path_str(&baseline),
        "the baseline beside the corpus"
    );

    let text = String::from_utf8(quotecheck(&["check", "-q", path_str(&dir)]).stdout).unwrap();
    assert!(text.contains(&format!("  fingerprint {confirmed} · confirmed\n")));
    assert!(!text.contains(&dismissed));
    assert!(text.contains("1 dismissed finding hidden, 1 confirmed shown, 0 stale entries"));

    let (unfiltered, _) = check_json(&["--no-baseline", path_str(&dir)]);
    assert_eq!(unfiltered, unreviewed);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn script_modes_decide_without_a_terminal() {
    let dir = corpus_copy("script");
    let (name, text) = common::UNSIGNED_BRIEF;
    std::fs::write(dir.join(name), text).unwrap();
    let baseline = dir.join("decisions.json");
    let (report, status) = check_json(&[path_str(&dir)]);
    assert_eq!(status, 1);
    let errors: Vec<String> = findings(&report)
        .iter()
        .filter(|f| f["severity"] == "error")
        .map(|f| f["fingerprint"].as_str().unwrap().to_string())
        .collect();
    let info = findings(&report)
        .iter()
        .find(|f| f["severity"] == "info")
        .map(|f| f["fingerprint"].as_str().unwrap().to_string())
        .unwrap();
    let review = |extra: &[&str]| {
        let mut args = vec!["review", "-q", "--baseline", path_str(&baseline)];
        args.extend(extra);
        args.push(path_str(&dir));
        quotecheck(&args)
    };

    // A typo decides nothing.
    let output = review(&["--dismiss", &errors[0], "--dismiss", "0123456789abcdef"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("0123456789abcdef"));
    assert!(!baseline.exists());

    // Dismiss every error with a reason, confirm one info finding.
    let mut args = vec![
        "--confirm",
        info.as_str(),
        "--reason",
        "checked by the desk",
    ];
    for fingerprint in &errors {
        args.extend(["--dismiss", fingerprint.as_str()]);
    }
    assert_eq!(review(&args).status.code(), Some(0));
    let entries = baseline_entries(&baseline);
    assert_eq!(entries.len(), errors.len() + 1);
    assert!(entries
        .iter()
        .all(|(_, _, reason)| reason.as_deref() == Some("checked by the desk")));

    // Dismissed errors no longer fail the run; they are still there without the baseline.
    let (filtered, status) = check_json(&["--baseline", path_str(&baseline), path_str(&dir)]);
    assert_eq!(status, 0, "only dismissed findings were errors");
    assert!(findings(&filtered).iter().all(|f| f["severity"] != "error"));
    let (_, status) = check_json(&[path_str(&dir)]);
    assert_eq!(
        status, 1,
        "the baseline is not beside the corpus: not applied"
    );

    // --accept-all confirms the rest and leaves earlier decisions alone.
    assert_eq!(review(&["--accept-all"]).status.code(), Some(0));
    let entries = baseline_entries(&baseline);
    assert_eq!(entries.len(), findings(&report).len());
    for (fingerprint, decision, _) in &entries {
        let expected = if errors.contains(fingerprint) {
            "dismissed"
        } else {
            "confirmed"
        };
        assert_eq!(decision, expected, "{fingerprint}");
    }
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn entries_whose_finding_is_gone_are_reported_stale() {
    let dir = corpus_copy("stale");
    let (report, _) = check_json(&[path_str(&dir)]);
    // The “We had a very good meeting” conflict comes from the two articles crediting Petro.
    let conflict = findings(&report)[0]["fingerprint"]
        .as_str()
        .unwrap()
        .to_string();
    let decided = quotecheck(&["review", "-q", "--dismiss", &conflict, path_str(&dir)]);
    assert_eq!(decided.status.code(), Some(0));
    for article in ["es-04-diario-mexicano.md", "es-05-diario-argentino.md"] {
        std::fs::remove_file(dir.join(article)).unwrap();
    }
    let (after, _) = check_json(&[path_str(&dir)]);
    assert!(!fingerprints(&after).contains(&conflict));
    let stale = after["baseline"]["stale"].as_array().unwrap();
    assert_eq!(stale.len(), 1);
    assert_eq!(stale[0]["fingerprint"], conflict.as_str());
    assert_eq!(stale[0]["decision"], "dismissed");
    assert_eq!(after["baseline"]["dismissed"], 0);
    let text = String::from_utf8(quotecheck(&["check", "-q", path_str(&dir)]).stdout).unwrap();
    assert!(
        text.contains(&format!("  stale {conflict} dismissed [speaker_conflict]")),
        "{text}"
    );

    // A baseline named on the command line must exist.
    let missing = dir.join("missing.json");
    let output = quotecheck(&["check", "--baseline", path_str(&missing), path_str(&dir)]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("missing.json"));
    let _ = std::fs::remove_dir_all(dir);
}
