//! `--reference`: Quotebank and GDELT quotation-graph files compared with the coverage of
//! corpora/trump-petro-2026 (fixtures in tests/fixtures/reference/, one Quotebank record
//! deliberately crediting Petro's words to Trump).

mod common;

use common::quotecheck;
use std::process::{Command, Output};

const CORPUS: &str = "corpora/trump-petro-2026";
const QUOTEBANK: &str = "tests/fixtures/reference/quotebank.jsonl";
const GDELT: &str = "tests/fixtures/reference/gdelt.jsonl";

fn check_json(extra: &[&str]) -> (serde_json::Value, String) {
    let mut args = vec!["check", "--no-baseline", "--format", "json"];
    args.extend_from_slice(extra);
    args.push(CORPUS);
    let output = quotecheck(&args);
    let stderr = String::from_utf8_lossy(&output.stderr).to_string();
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    (serde_json::from_slice(&output.stdout).unwrap(), stderr)
}

fn findings(report: &serde_json::Value) -> &Vec<serde_json::Value> {
    report["findings"].as_array().unwrap()
}

#[test]
fn references_join_findings_without_counting_as_articles_or_moving_fingerprints() {
    let (plain, _) = check_json(&[]);
    let (with, stderr) = check_json(&["--reference", QUOTEBANK, "--reference", GDELT]);
    for key in ["articles", "quotes", "statements", "skipped", "errors"] {
        assert_eq!(
            with["summary"][key], plain["summary"][key],
            "{key}: the articles' counts"
        );
    }
    assert_eq!(
        with["summary"]["findings"].as_u64().unwrap(),
        plain["summary"]["findings"].as_u64().unwrap() + 1,
        "the coverage's findings and one reference conflict"
    );
    assert_eq!(with["articles"], plain["articles"]);
    assert!(plain.get("references").is_none());
    assert_eq!(
        with["references"],
        serde_json::json!({
            "files": [QUOTEBANK, GDELT], "read": 12, "screened_out": 1, "unattributed": 2,
            "matched": 8, "errors": 4
        })
    );
    // Bad lines are named with their file and line; the rest is read.
    for line in [
        "quotebank.jsonl:7: probas: \"high\" is not a probability",
        "quotebank.jsonl:8: not a JSON object",
        "quotebank.jsonl:9: neither a Quotebank record",
        "gdelt.jsonl:3: GDELT quotes[0]: missing field `quote`",
    ] {
        assert!(stderr.contains(line), "{line} in {stderr}");
    }
    // Every finding of the coverage is still there, with the same fingerprint; only the
    // reference conflict is new.
    let fingerprints = |report: &serde_json::Value, kind: Option<&str>| {
        findings(report)
            .iter()
            .filter(|f| kind.is_none_or(|k| f["kind"] != k))
            .map(|f| (f["kind"].clone(), f["fingerprint"].clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        fingerprints(&with, Some("reference_conflict")),
        fingerprints(&plain, None)
    );
    let added: Vec<&serde_json::Value> = findings(&with)
        .iter()
        .filter(|f| f["kind"] == "reference_conflict")
        .collect();
    assert_eq!(added.len(), 1);
    let conflict = added[0];
    assert_eq!(conflict["severity"], "warning");
    assert!(
        conflict["message"].as_str().unwrap().ends_with(
            "coverage credits Gustavo Petro (5 articles); Quotebank credits Donald Trump \
             (p = 0.58); GDELT credits Gustavo Petro (1 article)"
        ),
        "{}",
        conflict["message"]
    );
    let reference = conflict["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["source"] == "quotebank")
        .expect("the Quotebank quote is evidence");
    assert_eq!(reference["speaker"], "Donald Trump");
    assert_eq!(reference["p"], 0.58);
    assert_eq!(reference["article"], format!("{QUOTEBANK}#3"));
    assert_eq!(
        reference["urls"],
        serde_json::json!(["https://example.org/tabloid/book-gift-mixup"])
    );
    // Quotebank's "Gustavo Francisco Petro Urrego" is the coverage's Gustavo Petro, and the
    // speaker conflict on his words gains a note, not a new severity.
    let top_tier = findings(&with)
        .iter()
        .find(|f| {
            f["kind"] == "speaker_conflict" && f["message"].as_str().unwrap().contains("Dubai")
        })
        .unwrap();
    assert!(top_tier["message"].as_str().unwrap().ends_with(
        "; Quotebank credits Gustavo Petro (p = 0.83); GDELT credits Gustavo Petro (1 article)"
    ));
    assert_eq!(top_tier["severity"], "error");
    // Article quotes carry no reference fields.
    let article_quote = &top_tier["quotes"][0];
    assert!(article_quote.get("source").is_none() && article_quote.get("urls").is_none());
}

#[test]
fn gzipped_references_give_the_same_report() {
    let dir = std::env::temp_dir().join(format!("quotecheck-references-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let gz = dir.join("quotebank.jsonl.gz");
    let mut encoder = flate2::write::GzEncoder::new(
        std::fs::File::create(&gz).unwrap(),
        flate2::Compression::default(),
    );
    std::io::Write::write_all(&mut encoder, &std::fs::read(QUOTEBANK).unwrap()).unwrap();
    encoder.finish().unwrap();
    let (plain, _) = check_json(&["--reference", QUOTEBANK]);
    let (zipped, _) = check_json(&["--reference", gz.to_str().unwrap()]);
    let text = |report: &serde_json::Value| {
        serde_json::to_string(&report["findings"])
            .unwrap()
            .replace(&gz.display().to_string(), QUOTEBANK)
    };
    assert_eq!(text(&zipped), text(&plain));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_missing_reference_file_is_a_usage_error() {
    let output = quotecheck(&["check", "--reference", "no/such/quotebank.jsonl", CORPUS]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("no/such/quotebank.jsonl: cannot open reference file"),
        "{stderr}"
    );
}

#[test]
fn eval_and_review_take_references_and_eval_scores_articles_only() {
    let gold = format!("{CORPUS}/gold.json");
    let plain = quotecheck(&["eval", "--gold", &gold, "--format", "json"]);
    let with = quotecheck(&[
        "eval",
        "--gold",
        &gold,
        "--format",
        "json",
        "--reference",
        QUOTEBANK,
    ]);
    assert_eq!(with.status.code(), Some(0));
    let scores = |o: &Output| serde_json::from_slice::<serde_json::Value>(&o.stdout).unwrap();
    let (plain, with) = (scores(&plain), scores(&with));
    for key in ["extraction", "attribution", "pairing", "findings"] {
        assert_eq!(plain[key], with[key], "{key}");
    }
    let dir = std::env::temp_dir().join(format!("quotecheck-ref-review-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let baseline = dir.join("baseline.json");
    let output = quotecheck(&[
        "review",
        "--accept-all",
        "-q",
        "--baseline",
        baseline.to_str().unwrap(),
        "--reference",
        QUOTEBANK,
        CORPUS,
    ]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let saved = std::fs::read_to_string(&baseline).unwrap();
    assert!(
        saved.contains("\"kind\": \"reference_conflict\""),
        "{saved}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn check_output_with_references() {
    let run = |format: &str| {
        let output = quotecheck(&[
            "check",
            "--no-baseline",
            "--format",
            format,
            "--reference",
            QUOTEBANK,
            "--reference",
            GDELT,
            CORPUS,
        ]);
        assert_eq!(output.status.code(), Some(1));
        String::from_utf8(output.stdout).unwrap()
    };
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| {
        insta::assert_snapshot!("references_check_text", run("text"));
        insta::assert_snapshot!("references_check_json", run("json"));
    });
}

#[test]
fn references_can_come_from_standard_input_but_not_with_an_article() {
    use std::io::Write;
    use std::process::Stdio;
    let run = |args: &[&str]| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_quotecheck"))
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let input = std::fs::read(QUOTEBANK).unwrap();
        // The refusal may come before standard input is read: a closed pipe is fine.
        let _ = child.stdin.take().unwrap().write_all(&input);
        child.wait_with_output().unwrap()
    };
    let piped = run(&[
        "check",
        "--no-baseline",
        "--format",
        "json",
        "--reference",
        "-",
        CORPUS,
    ]);
    assert_eq!(piped.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&piped.stdout).unwrap();
    assert_eq!(report["references"]["files"], serde_json::json!(["-"]));
    assert_eq!(report["references"]["matched"], 4);
    let stderr = String::from_utf8_lossy(&piped.stderr);
    assert!(stderr.contains("quotecheck: -:7: probas"), "{stderr}");
    let both = run(&["check", "--reference", "-", "-"]);
    assert_eq!(both.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&both.stderr).contains("not both"));
}
