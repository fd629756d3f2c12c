//! The quotecheck command line: parses arguments, runs the library, prints, sets the exit status.

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use quotecheck::eval::{evaluate, Gold};
use quotecheck::report::{
    write_quotes, ColorChoice, CsvReporter, HtmlReporter, JsonReporter, MarkdownReporter,
    QuoteListFormat, Report, Reporter, TextReporter,
};
use quotecheck::review::session::{self, Tally};
use quotecheck::review::{self, Baseline, Decision};
use quotecheck::{
    ingest, Analysis, Checker, IngestOptions, Ingested, InputFormat, JsonDialect, ReferenceReader,
    Severity, DEFAULT_MAX_ARTICLE_BYTES, STDIN_PATH,
};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The command runs on mimalloc: a check makes millions of small, short-lived strings and vectors
/// on two threads, and the system allocator spent about a fifth of a 10k-article run in
/// malloc and free (see README, "Scale and robustness").
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Checks whether the same statement is attributed to the same speaker across English and
/// Spanish news coverage.
#[derive(Parser)]
#[command(name = "quotecheck", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check a set of articles: match statements across articles and languages, report conflicts.
    Check {
        #[command(flatten)]
        input: InputArgs,
        #[command(flatten)]
        output: OutputArgs,
        #[command(flatten)]
        matching: MatchingArgs,
        #[command(flatten)]
        baseline: BaselineArgs,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
        format: ReportFormat,
        /// Colour the text report: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE
        /// forces it), always or never.
        #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorArg::Auto)]
        color: ColorArg,
        /// Start CSV output with a UTF-8 byte order mark (for Excel).
        #[arg(long)]
        csv_bom: bool,
        /// Report only findings at least this sure (0 to 1).
        #[arg(long, value_name = "CONFIDENCE", default_value_t = 0.0, value_parser = parse_confidence)]
        min_confidence: f32,
        /// Print counts and per-stage timings on standard error.
        #[arg(short, long)]
        verbose: bool,
        /// Exit with status 1 when a finding of this severity or worse is reported.
        #[arg(long, value_enum, default_value_t = FailOn::Error)]
        fail_on: FailOn,
    },
    /// Score quotecheck against a gold annotation file (gold.json).
    Eval {
        /// The gold file; article keys are paths relative to it.
        #[arg(long, value_name = "GOLD.json")]
        gold: PathBuf,
        /// Articles to check (default: the gold file's folder).
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
        format: CheckFormat,
        /// List every miss and false alarm.
        #[arg(short, long)]
        verbose: bool,
        /// Write the output to FILE instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        #[command(flatten)]
        matching: MatchingArgs,
    },
    /// List every quotation found, with kind, language and speaker.
    Extract {
        #[command(flatten)]
        input: InputArgs,
        #[command(flatten)]
        output: OutputArgs,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ExtractFormat::Jsonl)]
        format: ExtractFormat,
    },
    /// Walk the findings one at a time and confirm or dismiss each; decisions are saved to the
    /// baseline file as they are made. Needs a terminal, unless a script option is given.
    Review {
        #[command(flatten)]
        input: InputArgs,
        #[command(flatten)]
        matching: MatchingArgs,
        /// The baseline file to update (default: .quotecheck/baseline.json in the corpus
        /// folder: the first PATH if it is a directory, else the folder holding it).
        #[arg(long, value_name = "FILE")]
        baseline: Option<PathBuf>,
        #[command(flatten)]
        script: ScriptArgs,
    },
}

#[derive(clap::Args)]
struct InputArgs {
    /// Article files or directories (read recursively); `-` reads one article from standard input.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Skip articles larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = DEFAULT_MAX_ARTICLE_BYTES)]
    max_article_bytes: u64,
    /// Read every input in this format (files in directories: those with its extensions);
    /// `auto` tells it by extension and, for JSON, by each record's fields.
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = InputFormatArg::Auto)]
    input_format: InputFormatArg,
    /// Print nothing on standard error but errors.
    #[arg(short, long)]
    quiet: bool,
}

/// `--input-format` values.
#[derive(Clone, Copy, ValueEnum)]
enum InputFormatArg {
    Auto,
    Text,
    Json,
    NewsPlease,
    Trafilatura,
    Newspaper4k,
    CcNews,
    Html,
    Warc,
}

impl InputFormatArg {
    fn format(self) -> InputFormat {
        match self {
            InputFormatArg::Auto => InputFormat::Auto,
            InputFormatArg::Text => InputFormat::Text,
            InputFormatArg::Json => InputFormat::Json,
            InputFormatArg::NewsPlease => InputFormat::JsonDialect(JsonDialect::NewsPlease),
            InputFormatArg::Trafilatura => InputFormat::JsonDialect(JsonDialect::Trafilatura),
            InputFormatArg::Newspaper4k => InputFormat::JsonDialect(JsonDialect::Newspaper4k),
            InputFormatArg::CcNews => InputFormat::JsonDialect(JsonDialect::CcNews),
            InputFormatArg::Html => InputFormat::Html,
            InputFormatArg::Warc => InputFormat::Warc,
        }
    }
}

#[derive(clap::Args)]
struct OutputArgs {
    /// Write the output to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

#[derive(clap::Args)]
struct BaselineArgs {
    /// Apply this review baseline: hide dismissed findings, label confirmed ones, list stale
    /// entries. Without it, .quotecheck/baseline.json in the corpus folder is applied when it
    /// exists.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Apply no baseline, not even the default one.
    #[arg(long, conflicts_with = "baseline")]
    no_baseline: bool,
}

impl BaselineArgs {
    /// The baseline to apply to a run over `paths`: the one named, else the default one if it
    /// exists, unless --no-baseline.
    fn read(&self, paths: &[PathBuf]) -> Result<Option<Baseline>> {
        if self.no_baseline {
            return Ok(None);
        }
        let path = match &self.baseline {
            Some(path) => path.clone(),
            None => {
                let path = review::default_path(paths);
                if !path.exists() {
                    return Ok(None);
                }
                path
            }
        };
        Ok(Some(Baseline::read(&path)?))
    }
}

/// Decisions made without a terminal.
#[derive(clap::Args)]
#[command(group(clap::ArgGroup::new("fingerprints").args(["confirm", "dismiss"]).multiple(true)))]
struct ScriptArgs {
    /// Confirm every finding that has no decision yet.
    #[arg(long)]
    accept_all: bool,
    /// Confirm the finding with this fingerprint (may be given more than once).
    #[arg(long, value_name = "FINGERPRINT")]
    confirm: Vec<String>,
    /// Dismiss the finding with this fingerprint (may be given more than once).
    #[arg(long, value_name = "FINGERPRINT")]
    dismiss: Vec<String>,
    /// The reason recorded with --confirm and --dismiss.
    #[arg(long, value_name = "TEXT", requires = "fingerprints")]
    reason: Option<String>,
}

impl ScriptArgs {
    /// True when any script option is given: no terminal is needed.
    fn given(&self) -> bool {
        self.accept_all || !self.confirm.is_empty() || !self.dismiss.is_empty()
    }

    /// The --confirm and --dismiss decisions, in that order.
    fn decisions(&self) -> Vec<(String, Decision)> {
        let confirmed = self
            .confirm
            .iter()
            .map(|f| (f.clone(), Decision::Confirmed));
        let dismissed = self
            .dismiss
            .iter()
            .map(|f| (f.clone(), Decision::Dismissed));
        confirmed.chain(dismissed).collect()
    }
}

#[derive(clap::Args)]
struct MatchingArgs {
    /// Extra Spanish→English lemma pairs (TSV: spanish<TAB>english), added to the built-in
    /// lexicon; may be given more than once.
    #[arg(long, value_name = "FILE.tsv")]
    lexicon: Vec<PathBuf>,
    /// Speakers and their aliases (TOML: [[speaker]] name = "...", aliases = ["..."]); quotes
    /// credited to an alias are credited to the name. May be given more than once.
    #[arg(long, value_name = "FILE.toml")]
    speakers: Vec<PathBuf>,
    /// Reference attributions to compare the coverage with: Quotebank or GDELT
    /// quotation-graph JSONL, plain or gzipped (`-`: standard input); may be given more than
    /// once.
    #[arg(long, value_name = "FILE")]
    reference: Vec<PathBuf>,
}

impl MatchingArgs {
    /// A checker with the built-in data plus the user's lexicon files.
    fn checker(&self) -> Result<Checker> {
        let mut checker = Checker::new();
        for path in &self.lexicon {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("{}: cannot read lexicon", path.display()))?;
            checker.add_lexicon(&path.display().to_string(), &text)?;
        }
        for path in &self.speakers {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("{}: cannot read speakers file", path.display()))?;
            checker
                .add_speakers(&path.display().to_string(), &text)
                .map_err(anyhow::Error::msg)?;
        }
        Ok(checker)
    }

    /// Opens the --reference files (each must exist and be readable); their lines are read
    /// during the check.
    fn references(&self) -> Result<Vec<ReferenceReader>> {
        self.reference
            .iter()
            .map(|path| {
                if path.as_os_str() == STDIN_PATH {
                    ReferenceReader::new(STDIN_PATH, io::stdin())
                } else {
                    ReferenceReader::open(path)
                }
                .map_err(anyhow::Error::from)
            })
            .collect()
    }

    /// True when a --reference file is standard input.
    fn reads_stdin(&self) -> bool {
        self.reference.iter().any(|p| p.as_os_str() == STDIN_PATH)
    }

    /// Checks `articles` against the --reference files, reporting their bad lines on
    /// standard error.
    fn check(&self, checker: &Checker, articles: Vec<quotecheck::Article>) -> Result<Analysis> {
        let analysis = checker.check_with_references(articles, self.references()?);
        for error in analysis.references.iter().flat_map(|r| &r.errors) {
            eprintln!("quotecheck: {error}");
        }
        Ok(analysis)
    }
}

/// Which findings make the exit status 1.
#[derive(Clone, Copy, ValueEnum)]
enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

impl FailOn {
    fn fails(self, severity: Severity) -> bool {
        match self {
            FailOn::Error => severity >= Severity::Error,
            FailOn::Warning => severity >= Severity::Warning,
            FailOn::Info => true,
            FailOn::Never => false,
        }
    }
}

fn parse_confidence(text: &str) -> Result<f32, String> {
    let value: f32 = text
        .parse()
        .map_err(|_| format!("{text:?} is not a number"))?;
    if (0.0..=1.0).contains(&value) {
        Ok(value)
    } else {
        Err(format!("{value} is not between 0 and 1"))
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum CheckFormat {
    Text,
    Json,
}

/// Formats of the `check` report.
#[derive(Clone, Copy, ValueEnum)]
enum ReportFormat {
    Text,
    Json,
    Markdown,
    Csv,
    Html,
}

/// `--color`.
#[derive(Clone, Copy, ValueEnum)]
enum ColorArg {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, ValueEnum)]
enum ExtractFormat {
    Jsonl,
    Json,
    Text,
}

/// Exit status: no findings (at or above `--fail-on`).
const EXIT_CLEAN: u8 = 0;
/// Exit status: findings at or above `--fail-on`.
const EXIT_FINDINGS: u8 = 1;
/// Exit status: usage, I/O error, or no article could be read.
const EXIT_ERROR: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(error) => {
            if is_broken_pipe(&error) {
                return ExitCode::from(EXIT_CLEAN);
            }
            eprintln!("quotecheck: {error:#}");
            ExitCode::from(EXIT_ERROR)
        }
    }
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|e| {
        e.downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}

fn run(cli: Cli) -> Result<u8> {
    match cli.command {
        Command::Check {
            input,
            output,
            matching,
            baseline,
            format,
            color,
            csv_bom,
            min_confidence,
            verbose,
            fail_on,
        } => {
            let mut checker = matching.checker()?;
            if let Some(bar) = progress_bar(input.quiet) {
                checker.set_progress(bar);
            }
            if matching.reads_stdin() && input.paths.iter().any(|p| p.as_os_str() == STDIN_PATH) {
                eprintln!(
                    "quotecheck: standard input (`-`) can hold an article or a reference file, \
                     not both"
                );
                return Ok(EXIT_ERROR);
            }
            let Some(ingested) = read_articles(&input) else {
                return Ok(EXIT_ERROR);
            };
            let (skipped, errors) = (ingested.skipped(), ingested.errors.len());
            let baseline = baseline.read(&input.paths)?;
            let mut analysis = matching.check(&checker, ingested.articles)?;
            // The baseline sees every finding, so that an entry is stale only when its finding
            // is gone, not when --min-confidence hides it.
            let applied = baseline
                .as_ref()
                .map(|baseline| baseline.apply(&mut analysis.findings));
            analysis.findings.retain(|f| f.confidence >= min_confidence);
            let reporting = std::time::Instant::now();
            let mut report = Report::new(&analysis, skipped, errors);
            if let (Some(baseline), Some(applied)) = (&baseline, &applied) {
                baseline.annotate(&mut report, applied);
            }
            let color = match color {
                ColorArg::Auto => ColorChoice::Auto,
                ColorArg::Always => ColorChoice::Always,
                ColorArg::Never => ColorChoice::Never,
            };
            use std::io::IsTerminal;
            let to_terminal = output.output.is_none() && io::stdout().is_terminal();
            let text = TextReporter {
                color: color.enabled(to_terminal, |name| std::env::var(name).ok()),
            };
            let csv = CsvReporter { bom: csv_bom };
            let reporter: &dyn Reporter = match format {
                ReportFormat::Text => &text,
                ReportFormat::Json => &JsonReporter,
                ReportFormat::Markdown => &MarkdownReporter,
                ReportFormat::Csv => &csv,
                ReportFormat::Html => &HtmlReporter,
            };
            write_output(output.output.as_deref(), |out| reporter.write(&report, out))?;
            if verbose {
                let reported = (
                    "report",
                    reporting.elapsed().as_secs_f64(),
                    quotecheck::peak_rss_mb().unwrap_or(0.0),
                );
                for (stage, seconds, peak) in analysis.timings.iter().chain([&reported]) {
                    eprintln!("quotecheck: {seconds:>8.3} s  peak {peak:>7.0} MB  {stage}");
                }
                eprintln!(
                    "quotecheck: {} articles, {} quotes, {} statements, {} scored pairs",
                    analysis.articles.len(),
                    analysis.quotes.len(),
                    analysis.statements.len(),
                    analysis.scored_pairs
                );
            }
            let fails = analysis.findings.iter().any(|f| fail_on.fails(f.severity));
            Ok(if fails { EXIT_FINDINGS } else { EXIT_CLEAN })
        }
        Command::Eval {
            gold,
            paths,
            format,
            verbose,
            output,
            matching,
        } => {
            let gold_file = Gold::read(&gold).map_err(anyhow::Error::msg)?;
            // `gold.json` given bare has the empty path as its parent: the current folder.
            let gold_dir = match gold.parent() {
                Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
                _ => PathBuf::from("."),
            };
            let paths = if paths.is_empty() {
                vec![gold_dir.clone()]
            } else {
                paths
            };
            let input = InputArgs {
                paths,
                max_article_bytes: DEFAULT_MAX_ARTICLE_BYTES,
                input_format: InputFormatArg::Auto,
                quiet: true,
            };
            let Some(ingested) = read_articles(&input) else {
                return Ok(EXIT_ERROR);
            };
            let bodies = ingested
                .articles
                .iter()
                .map(|article| (article.id.clone(), article.body.clone()))
                .collect();
            let analysis = matching.check(&matching.checker()?, ingested.articles)?;
            let scores = evaluate(&analysis, &gold_file, &bodies, |id| {
                gold_key(&gold_file, &gold_dir, id)
            });
            write_output(output.as_deref(), |out| match format {
                CheckFormat::Text => scores.write_text(out, verbose),
                CheckFormat::Json => {
                    serde_json::to_writer_pretty(&mut *out, &scores)?;
                    writeln!(out)
                }
            })?;
            Ok(EXIT_CLEAN)
        }
        Command::Extract {
            input,
            output,
            format,
        } => {
            let Some(ingested) = read_articles(&input) else {
                return Ok(EXIT_ERROR);
            };
            let mut checker = Checker::new();
            if let Some(bar) = progress_bar(input.quiet) {
                checker.set_progress(bar);
            }
            let (_, quotes) = checker.extract(ingested.articles);
            let format = match format {
                ExtractFormat::Jsonl => QuoteListFormat::JsonLines,
                ExtractFormat::Json => QuoteListFormat::Json,
                ExtractFormat::Text => QuoteListFormat::Text,
            };
            write_output(output.output.as_deref(), |out| {
                write_quotes(&quotes, format, out)
            })?;
            Ok(EXIT_CLEAN)
        }
        Command::Review {
            input,
            matching,
            baseline,
            script,
        } => review_findings(&input, &matching, baseline, &script),
    }
}

/// The `review` command: script decisions, or an interactive session on the terminal.
fn review_findings(
    input: &InputArgs,
    matching: &MatchingArgs,
    baseline: Option<PathBuf>,
    script: &ScriptArgs,
) -> Result<u8> {
    use std::io::IsTerminal;
    let interactive = !script.given();
    if interactive && !io::stdin().is_terminal() {
        eprintln!(
            "quotecheck: review asks about each finding on a terminal, and standard input is \
             not one; in scripts use --accept-all, --confirm FINGERPRINT or --dismiss \
             FINGERPRINT [--reason TEXT]"
        );
        return Ok(EXIT_ERROR);
    }
    if interactive
        && (matching.reads_stdin() || input.paths.iter().any(|p| p.as_os_str() == STDIN_PATH))
    {
        eprintln!(
            "quotecheck: review reads its answers from standard input, so it cannot read an \
             article or a reference file from it (`-`)"
        );
        return Ok(EXIT_ERROR);
    }
    let path = baseline.unwrap_or_else(|| review::default_path(&input.paths));
    let mut baseline = Baseline::open(&path)?;
    let mut checker = matching.checker()?;
    if let Some(bar) = progress_bar(input.quiet) {
        checker.set_progress(bar);
    }
    let Some(ingested) = read_articles(input) else {
        return Ok(EXIT_ERROR);
    };
    let (skipped, errors) = (ingested.skipped(), ingested.errors.len());
    let analysis = matching.check(&checker, ingested.articles)?;
    let report = Report::new(&analysis, skipped, errors);
    if interactive {
        let stdout = io::stdout();
        session::review(
            &report,
            &mut baseline,
            &mut io::stdin().lock(),
            &mut stdout.lock(),
        )?;
        return Ok(EXIT_CLEAN);
    }
    session::decide(
        &report,
        &mut baseline,
        &script.decisions(),
        script.reason.as_deref(),
    )?;
    if script.accept_all {
        session::accept_all(&report, &mut baseline)?;
    }
    if !input.quiet {
        eprintln!(
            "quotecheck: {} ({} findings); baseline {}",
            Tally::of(&report, &baseline),
            report.findings.len(),
            baseline.path().display()
        );
    }
    Ok(EXIT_CLEAN)
}

/// The gold key of article `id`: the id itself, its path relative to the gold file's folder,
/// or the one key its path ends with.
fn gold_key(gold: &Gold, gold_dir: &Path, id: &str) -> Option<String> {
    if gold.articles.contains_key(id) {
        return Some(id.to_string());
    }
    let path = Path::new(id);
    if let Some(relative) = path.strip_prefix(gold_dir).ok().and_then(Path::to_str) {
        if gold.articles.contains_key(relative) {
            return Some(relative.to_string());
        }
    }
    let mut ends = gold
        .articles
        .keys()
        .filter(|key| path.ends_with(key.as_str()));
    match (ends.next(), ends.next()) {
        (Some(key), None) => Some(key.clone()),
        _ => None,
    }
}

/// A progress bar on standard error, only when it is a terminal and `--quiet` is off.
fn progress_bar(quiet: bool) -> Option<quotecheck::ProgressFn> {
    use std::io::IsTerminal;
    if quiet || !io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new(0);
    let style =
        indicatif::ProgressStyle::with_template("{msg:>12} [{bar:40}] {pos}/{len} articles")
            .map(|s| s.progress_chars("=> "))
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
    bar.set_style(style);
    Some(Box::new(move |stage, done, total| {
        bar.set_length(total as u64);
        bar.set_message(stage);
        bar.set_position(done as u64);
        if stage == "attributing" && done == total {
            bar.finish_and_clear();
        }
    }))
}

/// Reads the articles, reporting each skipped file on standard error. None when no article
/// could be read.
fn read_articles(input: &InputArgs) -> Option<Ingested> {
    let ingested = ingest(
        &input.paths,
        IngestOptions {
            max_article_bytes: input.max_article_bytes,
            input_format: input.input_format.format(),
        },
    );
    for error in &ingested.errors {
        eprintln!("quotecheck: {error}");
    }
    if ingested.articles.is_empty() {
        eprintln!("quotecheck: no article could be read");
        return None;
    }
    if !input.quiet && !ingested.ignored.is_empty() {
        eprintln!(
            "quotecheck: skipped {} file(s) or archive record(s) that are not articles",
            ingested.ignored.len()
        );
    }
    Some(ingested)
}

/// Runs `write` on `output` (a file), or on standard output when None.
fn write_output(
    output: Option<&Path>,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<()> {
    match output {
        Some(path) => {
            let file = std::fs::File::create(path)
                .with_context(|| format!("{}: cannot create", path.display()))?;
            let mut out = io::BufWriter::new(file);
            write(&mut out).with_context(|| format!("{}: cannot write", path.display()))?;
            out.flush()
                .with_context(|| format!("{}: cannot write", path.display()))?;
        }
        None => {
            let stdout = io::stdout();
            let mut out = io::BufWriter::new(stdout.lock());
            write(&mut out)?;
            out.flush()?;
        }
    }
    Ok(())
}
