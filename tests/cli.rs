//! End-to-end tests of the `quotecheck` binary.

mod common;

use common::{quotecheck, quotecheck_in, write};
use std::path::Path;
use std::process::{Command, Stdio};

fn temp_dir(name: &str) -> std::path::PathBuf {
    common::temp_dir("test", name)
}

const CORPUS: &str = "corpora/trump-petro-2026";

#[test]
fn check_finds_the_planted_misattributions_and_exits_1() {
    let output = quotecheck(&["check", "--format", "json", CORPUS]);
    assert_eq!(
        output.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    for key in ["articles", "quotes", "statements", "findings", "skipped"] {
        assert!(report["summary"][key].is_u64(), "summary.{key} missing");
    }
    let conflicts: Vec<&serde_json::Value> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == "speaker_conflict")
        .collect();
    // The two articles the README names as misattributing a quote.
    for (article, wrong_speaker) in [
        ("es-04-diario-mexicano.md", "Gustavo Petro"),
        ("en-03-tabloid.txt", "Donald Trump"),
    ] {
        let found = conflicts.iter().any(|f| {
            f["severity"] == "error"
                && f["quotes"].as_array().unwrap().iter().any(|q| {
                    q["article"].as_str().unwrap().ends_with(article)
                        && q["speaker"] == wrong_speaker
                })
        });
        assert!(
            found,
            "no speaker_conflict shows {article} crediting {wrong_speaker}"
        );
    }
}

#[test]
fn quote_objects_follow_the_contract() {
    let output = quotecheck(&["extract", "--format", "json", CORPUS]);
    assert_eq!(output.status.code(), Some(0));
    let quotes: Vec<serde_json::Value> = serde_json::from_slice(&output.stdout).unwrap();
    assert!(quotes.len() >= 100);
    let body_of = |id: &str| {
        let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(id)).unwrap();
        // Offsets count from the end of the front matter.
        match text
            .strip_prefix("---\n")
            .and_then(|rest| rest.find("\n---\n").map(|end| rest[end + 5..].to_string()))
        {
            Some(body) => body,
            None if id.ends_with(".json") => serde_json::from_str::<serde_json::Value>(&text)
                .unwrap()["text"]
                .as_str()
                .unwrap()
                .to_string(),
            None => text,
        }
    };
    for quote in &quotes {
        for key in [
            "article", "lang", "text", "start", "end", "kind", "speaker", "mention", "cue",
        ] {
            assert!(quote.get(key).is_some(), "quote lacks {key}: {quote}");
        }
        let body = body_of(quote["article"].as_str().unwrap());
        let (start, end) = (
            quote["start"].as_u64().unwrap() as usize,
            quote["end"].as_u64().unwrap() as usize,
        );
        let text = quote["text"].as_str().unwrap();
        if !text.contains('\n') {
            assert_eq!(&body[start..end], text, "offsets of {quote}");
        }
    }
    let english_in_spanish = quotes
        .iter()
        .any(|q| q["article"].as_str().unwrap().contains("/es-") && q["lang"] == "en");
    assert!(
        english_in_spanish,
        "a Spanish article quoting English keeps the quote's own language"
    );
}

#[test]
fn output_is_deterministic() {
    let first = quotecheck(&["check", "--format", "json", CORPUS]);
    let second = quotecheck(&["check", "--format", "json", CORPUS]);
    assert_eq!(first.stdout, second.stdout);
}

#[test]
fn bad_articles_are_reported_and_the_rest_still_checked() {
    let dir = temp_dir("bad");
    write(
        &dir,
        "good.md",
        "---\ntitle: Fine\n---\n“We had a very good meeting,” Trump said.\n".as_bytes(),
    );
    let broken = write(&dir, "broken.json", b"{\"text\": ");
    let lines = write(
        &dir,
        "feed.jsonl",
        b"{\"text\": \"\\u201cHola amigos\\u201d, dijo Petro.\"}\nnot json\n",
    );
    let binary = write(&dir, "latin1.txt", b"caf\xe9");
    write(&dir, "notes.csv", b"a,b\n");
    let output = quotecheck(&["check", "--format", "json", dir.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&format!("{broken}:1: malformed JSON")),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("{lines}:2: malformed JSON")),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("{binary}: not valid UTF-8")),
        "{stderr}"
    );
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["summary"]["articles"], 2);
    assert_eq!(report["summary"]["errors"], 3);
    assert_eq!(report["summary"]["skipped"], 4);
}

#[test]
fn no_readable_article_exits_2() {
    let dir = temp_dir("empty");
    let output = quotecheck(&["check", dir.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    let output = quotecheck(&["check", "does/not/exist.md"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr)
        .contains("does/not/exist.md: no such file or directory"));
    let output = quotecheck(&["check", "--format", "yaml", CORPUS]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn reads_one_article_from_stdin_and_writes_to_a_file() {
    let dir = temp_dir("stdin");
    let out = dir.join("quotes.jsonl");
    let mut child = Command::new(env!("CARGO_BIN_EXE_quotecheck"))
        .args(["extract", "-o", out.to_str().unwrap(), "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(
            "---\nlang: es\n---\n«Tuvimos una muy buena reunión», afirmó Trump.\n".as_bytes(),
        )
        .unwrap();
    assert!(child.wait().unwrap().success());
    let line: serde_json::Value =
        serde_json::from_str(std::fs::read_to_string(out).unwrap().trim()).unwrap();
    assert_eq!(line["article"], "-");
    assert_eq!(line["speaker"], "Trump");
    assert_eq!(line["cue"], "afirmó");
    assert_eq!(line["lang"], "es");
}

#[test]
fn eval_scores_the_shipped_corpus_against_its_gold() {
    let output = quotecheck(&[
        "eval",
        "--gold",
        "corpora/trump-petro-2026/gold.json",
        "--format",
        "json",
        "--verbose",
    ]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let scores: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(scores["articles"], 15);
    for key in [
        "extraction",
        "pairing",
        "pairing_same_language",
        "pairing_cross_language",
        "findings",
    ] {
        let f1 = scores[key]["f1"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&f1), "{key}: {f1}");
    }
    // Same-language and cross-language pairs make up all pairs.
    let count = |key: &str, field: &str| scores[key][field].as_u64().unwrap();
    for field in ["true_positives", "predicted", "gold"] {
        assert_eq!(
            count("pairing", field),
            count("pairing_same_language", field) + count("pairing_cross_language", field)
        );
    }
    // Every missed pair shows in a split statement, every rendering in its found statement.
    let errors = scores["pairing_errors"].as_array().unwrap();
    let pairs_of = |kind: &str| -> u64 {
        errors
            .iter()
            .filter(|e| e["kind"] == kind)
            .map(|e| e["pairs"].as_u64().unwrap())
            .sum()
    };
    let correct = count("pairing", "true_positives");
    assert_eq!(
        pairs_of("split_statement"),
        count("pairing", "gold") - correct
    );
    assert_eq!(
        pairs_of("merged_statements"),
        count("pairing", "predicted") - correct
    );
    assert!(
        scores["attribution_by_lang"]["es"]["total"]
            .as_u64()
            .unwrap()
            > 0
    );
    // Both planted misattributions are found: findings recall is 1.
    assert_eq!(scores["findings"]["recall"], 1.0);
    // A bare gold file name reads the articles of the current folder.
    let output = quotecheck_in(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("corpora/trump-petro-2026"),
        &["eval", "--gold", "gold.json", "--format", "json"],
    );
    let bare: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(bare["articles"], 15);
    assert_eq!(bare["extraction"], scores["extraction"]);
    let output = quotecheck(&["eval", "--gold", "corpora/missing/gold.json"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("corpora/missing/gold.json"));
}

#[test]
fn eval_scores_a_quote_over_two_paragraphs_annotated_whole_or_a_paragraph_at_a_time() {
    let dir = temp_dir("eval-paragraphs");
    write(
        &dir,
        "quay.md",
        "---\nlang: en\n---\nThe mayor of Lindenport, Clara Holt, spoke at the harbour on Monday.\n\n\
         \u{201c}The new quay opens in March and it will bring work to three hundred families.\n\n\
         \u{201c}We have waited twenty years for this, and nobody here will wait any longer,\u{201d} \
         Holt said.\n\nThe council approved the budget on Tuesday.\n",
    );
    let first = "The new quay opens in March and it will bring work to three hundred families.";
    let second = "We have waited twenty years for this, and nobody here will wait any longer,";
    let quote = |text: &str| serde_json::json!({"text": text, "speaker": "Clara Holt", "kind": "speech", "statement": null});
    let score = |quotes: Vec<serde_json::Value>| {
        let gold = serde_json::json!({"articles": {"quay.md": {"quotes": quotes}}});
        let path = write(&dir, "gold.json", gold.to_string());
        let output = quotecheck(&["eval", "--gold", &path, "--format", "json"]);
        let scores: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        let extraction = &scores["extraction"];
        (
            extraction["true_positives"].as_u64().unwrap(),
            extraction["predicted_correct"].as_u64().unwrap(),
            extraction["predicted"].as_u64().unwrap(),
            scores["attribution"]["correct"].as_u64().unwrap(),
        )
    };
    // Whole: one gold quote, one found quote.
    assert_eq!(
        score(vec![quote(&format!("{first} {second}"))]),
        (1, 1, 1, 1)
    );
    // A paragraph at a time: both gold quotes match the one found quote, which counts once.
    assert_eq!(score(vec![quote(first), quote(second)]), (2, 1, 1, 2));
    // A paragraph the gold does not hold as a quotation of its own earns nothing more.
    assert_eq!(score(vec![quote(first)]), (1, 1, 1, 1));
}

#[test]
fn a_speakers_file_names_speakers_by_their_aliases() {
    let dir = temp_dir("speakers");
    let file = write(&dir, "speakers.toml", "[[speaker]]\nname = \"Donald J. Trump\"\naliases = [\"Donald Trump\", \"el magnate republicano\"]\n".as_bytes());
    let output = quotecheck(&["extract", "--format", "json", CORPUS]);
    let before: Vec<serde_json::Value> = serde_json::from_slice(&output.stdout).unwrap();
    let output = quotecheck(&["check", "--format", "json", "--speakers", &file, CORPUS]);
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let speakers: Vec<&str> = report["statements"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| {
            s["quotes"]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(|q| q["speaker"].as_str())
        })
        .collect();
    assert!(speakers.contains(&"Donald J. Trump") && !speakers.contains(&"Donald Trump"));
    assert!(before.iter().any(|q| q["speaker"] == "Donald Trump"));
    let bad = write(&dir, "bad.toml", b"[[speaker]\n");
    let output = quotecheck(&["check", "--speakers", &bad, CORPUS]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("bad.toml"));
}

#[test]
fn text_report_fits_80_columns_and_colours_only_when_asked() {
    for corpus in [CORPUS, "corpora/andes-water-crisis"] {
        let output = quotecheck(&["check", corpus]);
        let text = String::from_utf8(output.stdout).unwrap();
        assert!(!text.contains('\u{1b}'), "colour written to a pipe");
        for line in text.lines() {
            assert!(
                line.chars().count() <= 80,
                "{corpus}: line too wide: {line}"
            );
        }
    }
    let colour = |args: &[&str], env: &[(&str, &str)]| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_quotecheck"));
        command
            .args(["check", "-q"])
            .args(args)
            .arg(CORPUS)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env_remove("NO_COLOR")
            .env_remove("CLICOLOR_FORCE");
        for (name, value) in env {
            command.env(name, value);
        }
        let output = command.output().unwrap();
        String::from_utf8(output.stdout)
            .unwrap()
            .contains("\u{1b}[")
    };
    assert!(colour(&["--color", "always"], &[]));
    assert!(!colour(&["--color", "never"], &[("CLICOLOR_FORCE", "1")]));
    assert!(colour(&[], &[("CLICOLOR_FORCE", "1")]));
    assert!(!colour(&[], &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]));
    // Other formats never colour.
    assert!(!colour(&["--format", "markdown", "--color", "always"], &[]));
}

#[test]
fn findings_come_most_severe_first_in_every_format() {
    let output = quotecheck(&["check", "--format", "json", "corpora/similar-statements"]);
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let rank = |f: &serde_json::Value| match f["severity"].as_str().unwrap() {
        "error" => 0,
        "warning" => 1,
        _ => 2,
    };
    let ranks: Vec<i32> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(rank)
        .collect();
    assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "{ranks:?}");
    assert!(ranks.contains(&1), "the corpus has a warning");
    let text =
        String::from_utf8(quotecheck(&["check", "corpora/similar-statements"]).stdout).unwrap();
    let first_warning = text.find("warning[").unwrap();
    assert!(text.rfind("error[").unwrap() < first_warning);
}

#[test]
fn csv_has_a_header_one_row_per_quote_and_an_optional_bom() {
    let output = quotecheck(&["check", "--format", "csv", CORPUS]);
    assert_eq!(
        output.status.code(),
        Some(1),
        "--fail-on works in every format"
    );
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.starts_with("statement,severity,findings,"));
    let report: serde_json::Value =
        serde_json::from_slice(&quotecheck(&["check", "--format", "json", CORPUS]).stdout).unwrap();
    let flagged: std::collections::BTreeSet<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["statement"].as_str().unwrap())
        .collect();
    let rows: usize = report["statements"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| flagged.contains(s["id"].as_str().unwrap()))
        .map(|s| s["quotes"].as_array().unwrap().len())
        .sum();
    let records: Vec<csv::StringRecord> = csv::Reader::from_reader(text.as_bytes())
        .records()
        .collect::<Result<_, _>>()
        .expect("well-formed CSV with one width");
    assert_eq!(records.len(), rows);
    let bom = quotecheck(&["check", "--format", "csv", "--csv-bom", CORPUS]).stdout;
    assert!(bom.starts_with("\u{feff}statement,".as_bytes()));
    let exit = quotecheck(&["check", "--format", "html", "--fail-on", "never", CORPUS]);
    assert_eq!(exit.status.code(), Some(0));
}

#[test]
fn quotes_from_the_web_cannot_inject_markup_formulas_or_links() {
    let dir = temp_dir("hostile-report");
    let hostile = |name: &str, speaker: &str| {
        format!(
            "---\noutlet: \"<img src=x onerror=alert(1)> | *{name}*\"\nurl: \"javascript:alert(1)\"\ndate: 2026-01-0{}\n---\n\
             {speaker} met the press. “=HYPERLINK(\\\"x\\\") <script>alert('x')</script> we will build the | bridge [now](y)”, {speaker} said.\n",
            name.len() % 9
        )
    };
    write(&dir, "a.md", hostile("One", "Maria Lopez").as_bytes());
    write(&dir, "b.md", hostile("Two", "Pedro Gomez").as_bytes());
    let path = dir.to_str().unwrap();
    let html = String::from_utf8(quotecheck(&["check", "--format", "html", path]).stdout).unwrap();
    assert!(
        html.contains("speaker_conflict"),
        "the test articles conflict"
    );
    assert!(!html.contains("<script>alert"));
    assert!(!html.contains("<img src=x"));
    assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    assert!(
        !html.contains("javascript:"),
        "only web addresses become links"
    );
    assert_eq!(
        html.matches("<script>").count(),
        1,
        "only the page's own script"
    );
    let markdown =
        String::from_utf8(quotecheck(&["check", "--format", "markdown", path]).stdout).unwrap();
    assert!(markdown.contains("\\<script\\>") && !markdown.contains("<script>"));
    assert!(markdown.contains("\\[now\\](y)") && markdown.contains("the \\| bridge"));
    assert!(!markdown.contains("javascript:"));
    let csv = String::from_utf8(quotecheck(&["check", "--format", "csv", path]).stdout).unwrap();
    assert!(csv.contains("\"'=HYPERLINK("), "formula not defused: {csv}");
    assert!(
        !csv.contains(",=") && !csv.contains(",\"="),
        "a cell starts a formula: {csv}"
    );
}

#[test]
fn the_size_limit_applies_to_each_article_of_a_jsonl_dump_not_to_the_file() {
    let dir = temp_dir("jsonl-limit");
    let record = |n: usize, words: usize| {
        let text = format!(
            "“We will keep the border open,” minister Ana Ruiz said. {}",
            "The talks went on. ".repeat(words)
        );
        serde_json::json!({ "id": format!("r{n}"), "text": text }).to_string()
    };
    let lines: Vec<String> = (1..=3)
        .map(|n| record(n, 10))
        .chain([record(4, 200)])
        .collect();
    let dump = write(&dir, "dump.jsonl", lines.join("\n").as_bytes());
    // The file is larger than the limit; only its fourth article is.
    assert!(std::fs::metadata(&dump).unwrap().len() > 1500);
    let output = quotecheck(&[
        "check",
        "--no-baseline",
        "--format",
        "json",
        "--max-article-bytes",
        "1500",
        &dump,
    ]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["summary"]["articles"], 3, "{stderr}");
    assert_eq!(report["summary"]["errors"], 1, "{stderr}");
    assert!(
        stderr.contains(&format!("{dump}: article \"r4\""))
            && stderr.contains("--max-article-bytes"),
        "{stderr}"
    );
}
