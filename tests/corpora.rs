//! Snapshot tests over every corpus in corpora/: the `check` report in every format (text,
//! JSON, Markdown, CSV, HTML), the `extract` listing and the `eval` scores. A change to any output or any figure shows up as
//! a snapshot diff for review.

use std::process::Command;

fn run(args: &[&str]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_quotecheck"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run quotecheck");
    assert!(
        output.status.code().is_some_and(|c| c <= 1),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8 output")
}

#[test]
fn corpus_snapshots() {
    insta::glob!("../corpora", "*/gold.json", |gold| {
        let corpus_dir = gold.parent().expect("corpus folder");
        let corpus = corpus_dir
            .file_name()
            .unwrap()
            .to_string_lossy()
            .to_string();
        let path = format!("corpora/{corpus}");
        let path = path.as_str();
        let mut settings = insta::Settings::clone_current();
        settings.set_snapshot_path("../snapshots");
        settings.set_snapshot_suffix(corpus.clone());
        settings.set_prepend_module_to_snapshot(false);
        settings.set_input_file(gold);
        settings.bind(|| {
            // A review baseline left in a corpus folder must not change the snapshots.
            let check = ["check", "--no-baseline"];
            insta::assert_snapshot!("check_text", run(&[&check[..], &[path]].concat()));
            for format in ["json", "markdown", "csv", "html"] {
                insta::assert_snapshot!(
                    format!("check_{format}"),
                    run(&[&check[..], &["--format", format, path]].concat())
                );
            }
            insta::assert_snapshot!("extract", run(&["extract", "--format", "text", path]));
            let gold_path = format!("{path}/gold.json");
            insta::assert_snapshot!("eval", run(&["eval", "--gold", &gold_path]));
        });
    });
}
