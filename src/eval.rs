//! Evaluation: scores a run against gold annotations (`gold.json`).
//!
//! A gold quote matches a found quote of the same article when their folded texts are equal,
//! one contains the other, or they are close by normalized Levenshtein similarity. From the
//! matches come extraction precision/recall/F1 (speech and writing quotes), attribution accuracy
//! (overall and per article language), kind accuracy, statement pairing precision/recall/F1 (all
//! pairs, same-language pairs and cross-language pairs), the pairing errors grouped by statement,
//! and findings precision/recall.

use crate::text::fold;
use crate::{Analysis, Lang, QuoteKind};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Folded texts at least this similar are the same quotation: allows a dropped word or a
/// changed punctuation mark on quotes of 40+ characters, never two different sentences.
const MIN_TEXT_SIMILARITY: f64 = 0.8;

/// Gold keeps a quotation's first 200 characters; without marks and punctuation, a text cut
/// there keeps at least this many, so a shorter gold text is whole and is never compared with
/// a found quote's beginning alone.
const MIN_CUT_GOLD_CHARS: usize = 150;

/// Findings at least this sure are scored again on their own (`findings (confident)`): the
/// `--min-confidence` that keeps conflicts whose weaker side names its speaker at the cue (0.8
/// and above) and drops those resting on a pronoun, an epithet or a carried-over subject
/// (judging scores these at most 0.51).
pub const CONFIDENT_FINDING: f32 = 0.6;

/// A person in the gold file.
#[derive(Clone, Debug, Deserialize)]
pub struct GoldSpeaker {
    /// Full name.
    pub name: String,
    /// Other ways articles name the person.
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// One annotated quotation.
#[derive(Clone, Debug, Deserialize)]
pub struct GoldQuote {
    /// The quotation between its marks (at most its first 200 characters).
    pub text: String,
    /// Key of `speakers`, or null when the article names nobody.
    pub speaker: Option<String>,
    /// speech, writing, title, slogan, scare, other.
    pub kind: QuoteKind,
    /// Statement id shared by quotes of one utterance; null for non-statements.
    pub statement: Option<String>,
}

/// The quotations of one article, in order.
#[derive(Clone, Debug, Deserialize)]
pub struct GoldArticle {
    /// Every quotation of the article.
    pub quotes: Vec<GoldQuote>,
}

/// A finding a correct checker must report.
#[derive(Clone, Debug, Deserialize)]
pub struct GoldFinding {
    /// Finding kind ("speaker_conflict").
    pub kind: String,
    /// Gold statement id.
    pub statement: String,
}

/// A gold annotation file.
#[derive(Clone, Debug, Deserialize)]
pub struct Gold {
    /// People, by key (optional: a speaker key no entry defines is read as the person's name).
    #[serde(default)]
    pub speakers: BTreeMap<String, GoldSpeaker>,
    /// Articles, by path relative to the gold file (or by article id).
    pub articles: BTreeMap<String, GoldArticle>,
    /// Expected findings.
    #[serde(default)]
    pub findings: Vec<GoldFinding>,
}

impl Gold {
    /// Reads and parses a gold file; the error names the file (and line).
    pub fn read(path: &Path) -> Result<Gold, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        Gold::parse(&text)
            .map_err(|e| format!("{}:{}: malformed gold file: {e}", path.display(), e.line()))
    }

    /// Parses gold JSON as annotators write it: article keys are relative paths in either
    /// separator style, with or without a leading `./`; an empty speaker is null; a speaker key
    /// that `speakers` does not define names the person itself (`"speaker": "Gustavo Petro"`).
    pub fn parse(text: &str) -> serde_json::Result<Gold> {
        let mut gold: Gold = serde_json::from_str(text)?;
        gold.articles = std::mem::take(&mut gold.articles)
            .into_iter()
            .map(|(key, article)| (normalized_article_key(&key), article))
            .collect();
        for quote in gold.articles.values_mut().flat_map(|a| &mut a.quotes) {
            if quote
                .speaker
                .as_deref()
                .is_some_and(|s| s.trim().is_empty())
            {
                quote.speaker = None;
            }
            if let Some(key) = &quote.speaker {
                gold.speakers
                    .entry(key.clone())
                    .or_insert_with(|| GoldSpeaker {
                        name: key.clone(),
                        aliases: Vec::new(),
                    });
            }
        }
        Ok(gold)
    }
}

/// An article key with `/` separators and no `.` components (`./en/a.md` → `en/a.md`).
fn normalized_article_key(key: &str) -> String {
    key.split(['/', '\\'])
        .filter(|part| !part.is_empty() && *part != ".")
        .collect::<Vec<_>>()
        .join("/")
}

/// Precision, recall and F1 with the counts behind them.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Prf {
    /// Gold items matched by a prediction.
    pub true_positives: usize,
    /// Predictions that match gold: `true_positives`, except in extraction, where one quote
    /// running over several paragraphs matches each paragraph annotated as its own quotation.
    pub predicted_correct: usize,
    /// Predictions.
    pub predicted: usize,
    /// Gold items.
    pub gold: usize,
    /// predicted_correct / predicted.
    pub precision: f64,
    /// true_positives / gold.
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
}

impl Prf {
    fn new(true_positives: usize, predicted: usize, gold: usize) -> Prf {
        Prf::counted_apart(true_positives, predicted, true_positives, gold)
    }

    /// Scores where the correct predictions and the gold items they match are counted apart.
    fn counted_apart(
        predicted_correct: usize,
        predicted: usize,
        true_positives: usize,
        gold: usize,
    ) -> Prf {
        let precision = ratio(predicted_correct, predicted);
        let recall = ratio(true_positives, gold);
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        Prf {
            true_positives,
            predicted_correct,
            predicted,
            gold,
            precision: round(precision),
            recall: round(recall),
            f1: round(f1),
        }
    }
}

/// A share with the counts behind it.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Accuracy {
    /// Correct items.
    pub correct: usize,
    /// Items scored.
    pub total: usize,
    /// correct / total.
    pub accuracy: f64,
}

impl Accuracy {
    fn new(correct: usize, total: usize) -> Accuracy {
        Accuracy {
            correct,
            total,
            accuracy: round(ratio(correct, total)),
        }
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

fn round(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// One error, for `--verbose`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EvalError {
    /// What went wrong: missed_quote, spurious_quote, wrong_speaker, wrong_kind, missed_finding,
    /// false_finding, unmatched_article.
    pub kind: &'static str,
    /// Article id (empty for corpus-level errors).
    pub article: String,
    /// The quote text or statement id concerned.
    pub text: String,
    /// What gold says.
    pub expected: String,
    /// What quotecheck said.
    pub found: String,
}

/// Every score of an evaluation.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Scores {
    /// Gold articles found among the inputs.
    pub articles: usize,
    /// Extraction of speech and writing quotes.
    pub extraction: Prf,
    /// Attribution over correctly extracted quotes whose article names the speaker.
    pub attribution: Accuracy,
    /// The same, by article language.
    pub attribution_by_lang: BTreeMap<String, Accuracy>,
    /// Kind of every matched quote.
    pub kind: Accuracy,
    /// Pairs of quotes in the same statement.
    pub pairing: Prf,
    /// Those pairs whose quotes are in the same language.
    pub pairing_same_language: Prf,
    /// Those pairs whose quotes are in different languages.
    pub pairing_cross_language: Prf,
    /// Findings, matched by kind and statement, over the kinds scored (see
    /// [`Scores::findings_scored_kinds`]).
    pub findings: Prf,
    /// The same, over findings at least [`CONFIDENT_FINDING`] sure.
    pub findings_confident: Prf,
    /// The finding kinds scored: the error kinds (speaker and self conflicts), which a gold file
    /// annotates completely, plus any other kind the gold file lists. Other kinds (for example
    /// `unattributed`, which gold files rarely list) are reported but not scored.
    pub findings_scored_kinds: Vec<String>,
    /// The errors behind the scores.
    pub errors: Vec<EvalError>,
    /// The pairing errors, grouped by statement: gold statements split over several found
    /// statements, then found statements that merge several gold statements.
    pub pairing_errors: Vec<PairingError>,
}

/// One gold statement split over several found statements (missed pairs), or one found
/// statement holding quotes of several gold statements (false pairs), for `--verbose`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PairingError {
    /// `split_statement` (missed pairs) or `merged_statements` (false pairs).
    pub kind: &'static str,
    /// The gold statement split, or the found statement that merges.
    pub statement: String,
    /// Pairs missed (split) or wrongly made (merged) within this group.
    pub pairs: usize,
    /// The renderings concerned, grouped by found statement (split) or gold statement
    /// (merged), each group's core first.
    pub renderings: Vec<Rendering>,
}

/// A matched gold quote in a pairing error.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Rendering {
    /// Its gold statement.
    pub gold_statement: String,
    /// The statement quotecheck put it in (None for a quote it left out of every statement).
    pub found_statement: Option<String>,
    /// True when it is its found statement's core.
    pub core: bool,
    /// Its article id.
    pub article: String,
    /// Its language code ("und" when unknown).
    pub lang: String,
    /// The quote as found.
    pub text: String,
    /// Share of the shorter side's content words aligned with its statement's core (None for
    /// the core itself and for quotes in no statement).
    pub short_coverage: Option<f32>,
    /// Share of the longer side's content words aligned with the core.
    pub long_coverage: Option<f32>,
}

/// Scores `analysis` against `gold`. `article_key` maps an article id to its gold key (None
/// when the article is not annotated); `bodies` holds each article's text by id, where a quote
/// running over several paragraphs is split to meet gold annotated a paragraph at a time.
pub fn evaluate(
    analysis: &Analysis,
    gold: &Gold,
    bodies: &BTreeMap<String, String>,
    article_key: impl Fn(&str) -> Option<String>,
) -> Scores {
    let mut scores = Scores::default();
    let mut errors = Vec::new();
    let statement_of: BTreeMap<usize, &str> = analysis
        .statements
        .iter()
        .flat_map(|s| s.quotes.iter().map(move |&q| (q, s.id.as_str())))
        .collect();
    let mut quotes_by_article: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    // Reference quotes (`--reference`) belong to no article: they are not scored.
    for (index, quote) in analysis
        .quotes
        .iter()
        .enumerate()
        .filter(|(_, q)| !q.is_reference())
    {
        quotes_by_article
            .entry(quote.article_index)
            .or_default()
            .push(index);
    }
    // Every matched quote that gold puts in a statement.
    let mut paired: Vec<Paired> = Vec::new();
    let (mut tp, mut predicted, mut predicted_correct, mut gold_count) = (0, 0, 0, 0);
    let (mut attribution_ok, mut attribution_total) = (0, 0);
    let mut by_lang: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let (mut kind_ok, mut kind_total) = (0, 0);
    let mut seen_gold_articles = BTreeSet::new();
    // Gold statement of each predicted statement's quotes, for findings.
    let mut gold_statements_of: BTreeMap<String, Vec<String>> = BTreeMap::new();

    for (article_index, info) in analysis.articles.iter().enumerate() {
        let Some(key) = article_key(&info.id).filter(|k| gold.articles.contains_key(k)) else {
            continue;
        };
        seen_gold_articles.insert(key.clone());
        let gold_article = &gold.articles[&key];
        let found: &[usize] = quotes_by_article
            .get(&article_index)
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        let body = bodies.get(&info.id).map_or("", String::as_str);
        let matches = align(gold_article, found, analysis, body);
        // A quote matched by several paragraphs' gold quotes is paired once.
        let mut paired_quotes = BTreeSet::new();
        let lang = info.lang.map_or("und", Lang::code).to_string();
        for (g, gold_quote) in gold_article.quotes.iter().enumerate() {
            let gold_statement_kind = gold_quote.kind.is_statement();
            gold_count += usize::from(gold_statement_kind);
            let Some(found_index) = matches[g] else {
                if gold_statement_kind {
                    errors.push(error(
                        "missed_quote",
                        &info.id,
                        &gold_quote.text,
                        gold_quote.kind.name(),
                        "-",
                    ));
                }
                continue;
            };
            let quote = &analysis.quotes[found_index];
            kind_total += 1;
            if quote.kind == gold_quote.kind {
                kind_ok += 1;
            } else {
                errors.push(error(
                    "wrong_kind",
                    &info.id,
                    &gold_quote.text,
                    gold_quote.kind.name(),
                    quote.kind.name(),
                ));
            }
            if gold_statement_kind && quote.kind.is_statement() {
                tp += 1;
                if let Some(speaker_key) = &gold_quote.speaker {
                    attribution_total += 1;
                    let entry = by_lang.entry(lang.clone()).or_default();
                    entry.1 += 1;
                    if quote
                        .speaker()
                        .is_some_and(|s| speaker_matches(gold, speaker_key, s))
                    {
                        attribution_ok += 1;
                        entry.0 += 1;
                    } else {
                        let expected = gold
                            .speakers
                            .get(speaker_key)
                            .map_or(speaker_key.as_str(), |s| s.name.as_str());
                        errors.push(error(
                            "wrong_speaker",
                            &info.id,
                            &gold_quote.text,
                            expected,
                            quote.speaker().unwrap_or("-"),
                        ));
                    }
                }
            } else if gold_statement_kind {
                errors.push(error(
                    "missed_quote",
                    &info.id,
                    &gold_quote.text,
                    gold_quote.kind.name(),
                    quote.kind.name(),
                ));
            }
            if let Some(gold_statement) = gold_quote
                .statement
                .as_ref()
                .filter(|_| paired_quotes.insert(found_index))
            {
                let predicted_statement = statement_of.get(&found_index).map(|s| s.to_string());
                if let Some(p) = &predicted_statement {
                    gold_statements_of
                        .entry(p.clone())
                        .or_default()
                        .push(gold_statement.clone());
                }
                paired.push(Paired {
                    gold: gold_statement.clone(),
                    predicted: predicted_statement,
                    lang: quote.lang,
                    quote: found_index,
                });
            }
        }
        for &found_index in found {
            let quote = &analysis.quotes[found_index];
            if !quote.kind.is_statement() {
                continue;
            }
            predicted += 1;
            let matched_gold = matches.iter().position(|m| *m == Some(found_index));
            if matched_gold.is_some_and(|g| gold_article.quotes[g].kind.is_statement()) {
                predicted_correct += 1;
            } else {
                errors.push(error(
                    "spurious_quote",
                    &info.id,
                    &quote.text,
                    "-",
                    quote.kind.name(),
                ));
            }
        }
    }
    for key in gold
        .articles
        .keys()
        .filter(|k| !seen_gold_articles.contains(*k))
    {
        errors.push(error(
            "unmatched_article",
            key,
            "",
            "annotated",
            "not among the inputs",
        ));
    }

    scores.articles = seen_gold_articles.len();
    scores.extraction = Prf::counted_apart(predicted_correct, predicted, tp, gold_count);
    scores.attribution = Accuracy::new(attribution_ok, attribution_total);
    scores.attribution_by_lang = by_lang
        .into_iter()
        .map(|(l, (ok, n))| (l, Accuracy::new(ok, n)))
        .collect();
    scores.kind = Accuracy::new(kind_ok, kind_total);
    (
        scores.pairing,
        scores.pairing_same_language,
        scores.pairing_cross_language,
    ) = pairing_scores(&paired);
    scores.pairing_errors = pairing_errors(analysis, &paired);
    (scores.findings, scores.findings_scored_kinds) =
        finding_scores(analysis, gold, &gold_statements_of, 0.0, &mut errors);
    // Its errors are among those just listed.
    (scores.findings_confident, _) = finding_scores(
        analysis,
        gold,
        &gold_statements_of,
        CONFIDENT_FINDING,
        &mut Vec::new(),
    );
    scores.errors = errors;
    scores
}

fn error(kind: &'static str, article: &str, text: &str, expected: &str, found: &str) -> EvalError {
    EvalError {
        kind,
        article: article.to_string(),
        text: text.to_string(),
        expected: expected.to_string(),
        found: found.to_string(),
    }
}

/// For each gold quote, the found quote it matches: each found quote used once, in order, except
/// that a quote running over several paragraphs matches one gold quote per paragraph when every
/// one of its paragraphs is annotated as a quotation of its own (`body` is the article's text).
fn align(
    gold: &GoldArticle,
    found: &[usize],
    analysis: &Analysis,
    body: &str,
) -> Vec<Option<usize>> {
    let folded: Vec<String> = found
        .iter()
        .map(|&i| comparable(&analysis.quotes[i].text))
        .collect();
    let targets: Vec<String> = gold.quotes.iter().map(|g| comparable(&g.text)).collect();
    let mut used = vec![false; found.len()];
    let mut matches: Vec<Option<usize>> = targets
        .iter()
        .map(|target| {
            let position =
                (0..found.len()).find(|&i| !used[i] && same_quotation(target, &folded[i]))?;
            used[position] = true;
            Some(found[position])
        })
        .collect();
    for &index in found {
        let quote = &analysis.quotes[index];
        let Some(span) = body.get(quote.start..quote.end) else {
            continue;
        };
        let paragraphs: Vec<String> = span
            .split('\n')
            .map(comparable)
            .filter(|p| !p.is_empty())
            .collect();
        if paragraphs.len() < 2 {
            continue;
        }
        // Each paragraph, in order, must be a gold quote not matched to another found quote.
        let mut next = 0;
        let mut pieces = Vec::new();
        for paragraph in &paragraphs {
            let free = |g: usize| matches[g].is_none_or(|m| m == index);
            let Some(g) =
                (next..targets.len()).find(|&g| free(g) && same_text(&targets[g], paragraph))
            else {
                break;
            };
            pieces.push(g);
            next = g + 1;
        }
        if pieces.len() == paragraphs.len() {
            for g in pieces {
                matches[g] = Some(index);
            }
        }
    }
    matches
}

/// Folded words only: marks, punctuation and spacing do not count.
fn comparable(text: &str) -> String {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn same_quotation(gold: &str, found: &str) -> bool {
    if gold.is_empty() || found.is_empty() {
        return gold == found;
    }
    found.contains(gold) || gold.contains(found) || same_text(gold, found)
}

/// True when folded texts are equal or close, whole or, for a gold text long enough to have been
/// cut, over the length gold keeps of a long quotation: one is not merely a part of the other.
fn same_text(gold: &str, found: &str) -> bool {
    let gold_chars = gold.chars().count();
    let close_prefix = || {
        let found_prefix: String = found.chars().take(gold_chars).collect();
        strsim::normalized_levenshtein(gold, &found_prefix) >= MIN_TEXT_SIMILARITY
    };
    gold == found
        || strsim::normalized_levenshtein(gold, found) >= MIN_TEXT_SIMILARITY
        || (gold_chars >= MIN_CUT_GOLD_CHARS && close_prefix())
}

/// True when quotecheck's canonical `name` is the gold speaker `key`: the gold name or an
/// alias, or a name whose words hold, or are held by, the gold name's words (“Petro” for
/// “Gustavo Petro”, “Gustavo Petro” for a gold name “petro”) when no other gold speaker's name
/// fits it that way.
fn speaker_matches(gold: &Gold, key: &str, name: &str) -> bool {
    let Some(speaker) = gold.speakers.get(key) else {
        return false;
    };
    let name = comparable(name);
    if std::iter::once(&speaker.name)
        .chain(&speaker.aliases)
        .any(|n| comparable(n) == name)
    {
        return true;
    }
    let words: BTreeSet<&str> = name.split(' ').collect();
    let fits = |full: &str| {
        let full = comparable(full);
        let full_words: BTreeSet<&str> = full.split(' ').collect();
        words.is_subset(&full_words) || full_words.is_subset(&words)
    };
    fits(&speaker.name)
        && gold
            .speakers
            .iter()
            .filter(|(k, _)| k.as_str() != key)
            .all(|(_, other)| !fits(&other.name))
}

/// A matched gold quote that gold puts in a statement.
struct Paired {
    /// Its gold statement.
    gold: String,
    /// The statement quotecheck put it in.
    predicted: Option<String>,
    /// Its language.
    lang: Option<Lang>,
    /// Its index in the analysis' quotes.
    quote: usize,
}

/// Pair scores by counting: pairs of quotes sharing a gold statement, a predicted statement,
/// or both; for all pairs, pairs in one language and pairs in different languages.
fn pairing_scores(paired: &[Paired]) -> (Prf, Prf, Prf) {
    type LangCounts = BTreeMap<Option<Lang>, usize>;
    fn pairs(counts: &LangCounts) -> (usize, usize) {
        let total: usize = counts.values().sum();
        let all = total * total.saturating_sub(1) / 2;
        let same_lang: usize = counts.values().map(|n| n * n.saturating_sub(1) / 2).sum();
        (all, all - same_lang)
    }
    let mut by_gold: BTreeMap<&str, LangCounts> = BTreeMap::new();
    let mut by_predicted: BTreeMap<&str, LangCounts> = BTreeMap::new();
    let mut by_both: BTreeMap<(&str, &str), LangCounts> = BTreeMap::new();
    for quote in paired {
        let (gold, lang) = (quote.gold.as_str(), quote.lang);
        *by_gold.entry(gold).or_default().entry(lang).or_default() += 1;
        if let Some(p) = &quote.predicted {
            *by_predicted.entry(p).or_default().entry(lang).or_default() += 1;
            *by_both
                .entry((gold, p))
                .or_default()
                .entry(lang)
                .or_default() += 1;
        }
    }
    let sum = |groups: Vec<&LangCounts>| {
        groups
            .into_iter()
            .map(pairs)
            .fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1))
    };
    let gold = sum(by_gold.values().collect());
    let predicted = sum(by_predicted.values().collect());
    let both = sum(by_both.values().collect());
    (
        Prf::new(both.0, predicted.0, gold.0),
        Prf::new(both.0 - both.1, predicted.0 - predicted.1, gold.0 - gold.1),
        Prf::new(both.1, predicted.1, gold.1),
    )
}

/// Pairs among `groups` that lie across groups: all pairs but those within a group.
fn pairs_across<T>(groups: &BTreeMap<T, Vec<&Paired>>) -> usize {
    let total: usize = groups.values().map(Vec::len).sum();
    let within: usize = groups.values().map(|g| g.len() * (g.len() - 1) / 2).sum();
    total * total.saturating_sub(1) / 2 - within
}

/// The gold statements that quotecheck split (missed pairs) and the found statements that
/// merge several gold statements (false pairs), each with its renderings grouped.
fn pairing_errors(analysis: &Analysis, paired: &[Paired]) -> Vec<PairingError> {
    let position: BTreeMap<&str, usize> = analysis
        .statements
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    let statement_of = |p: &Paired| p.predicted.as_deref().map(|id| position[id]);
    let rendering = |p: &Paired| {
        let quote = &analysis.quotes[p.quote];
        let statement = statement_of(p).map(|i| &analysis.statements[i]);
        let score = statement.and_then(|s| {
            let member = s.quotes.iter().position(|&q| q == p.quote)?;
            s.matches[member].as_ref()
        });
        Rendering {
            gold_statement: p.gold.clone(),
            found_statement: p.predicted.clone(),
            core: statement.is_some_and(|s| s.core == p.quote),
            article: quote.article.clone(),
            lang: quote.lang.map_or("und", Lang::code).to_string(),
            text: quote.text.clone(),
            short_coverage: score.map(|s| s.short_coverage),
            long_coverage: score.map(|s| s.long_coverage),
        }
    };
    // Cores first, then article order.
    let ordered = |group: &[&Paired]| {
        let mut renderings: Vec<(Rendering, usize)> =
            group.iter().map(|p| (rendering(p), p.quote)).collect();
        renderings.sort_by_key(|(r, quote)| (!r.core, *quote));
        renderings.into_iter().map(|(r, _)| r).collect::<Vec<_>>()
    };
    let mut errors = Vec::new();
    let mut by_gold: BTreeMap<&str, Vec<&Paired>> = BTreeMap::new();
    for p in paired {
        by_gold.entry(&p.gold).or_default().push(p);
    }
    for (gold, quotes) in &by_gold {
        // A quote in no statement is a group of its own.
        let mut groups: BTreeMap<(usize, usize), Vec<&Paired>> = BTreeMap::new();
        for p in quotes {
            let key = statement_of(p).map_or((usize::MAX, p.quote), |s| (s, 0));
            groups.entry(key).or_default().push(p);
        }
        if groups.len() > 1 {
            errors.push(PairingError {
                kind: "split_statement",
                statement: gold.to_string(),
                pairs: pairs_across(&groups),
                renderings: groups.values().flat_map(|g| ordered(g)).collect(),
            });
        }
    }
    let mut by_predicted: BTreeMap<usize, Vec<&Paired>> = BTreeMap::new();
    for p in paired {
        if let Some(s) = statement_of(p) {
            by_predicted.entry(s).or_default().push(p);
        }
    }
    for (statement, quotes) in &by_predicted {
        let mut groups: BTreeMap<&str, Vec<&Paired>> = BTreeMap::new();
        for p in quotes {
            groups.entry(&p.gold).or_default().push(p);
        }
        if groups.len() > 1 {
            errors.push(PairingError {
                kind: "merged_statements",
                statement: analysis.statements[*statement].id.clone(),
                pairs: pairs_across(&groups),
                renderings: groups.values().flat_map(|g| ordered(g)).collect(),
            });
        }
    }
    errors
}

/// Findings at least `min_confidence` sure match gold ones when their kind agrees and the
/// predicted statement's quotes mostly belong to the gold statement.
fn finding_scores(
    analysis: &Analysis,
    gold: &Gold,
    gold_statements_of: &BTreeMap<String, Vec<String>>,
    min_confidence: f32,
    errors: &mut Vec<EvalError>,
) -> (Prf, Vec<String>) {
    let majority = |statement: &str| -> Option<String> {
        let mut counts: BTreeMap<&String, usize> = BTreeMap::new();
        for g in gold_statements_of.get(statement)? {
            *counts.entry(g).or_default() += 1;
        }
        counts
            .into_iter()
            .max_by_key(|(g, n)| (*n, std::cmp::Reverse(*g)))
            .map(|(g, _)| g.clone())
    };
    let scored: BTreeSet<String> = ["speaker_conflict", "self_conflict"]
        .iter()
        .map(|k| k.to_string())
        .chain(gold.findings.iter().map(|g| g.kind.clone()))
        .collect();
    let predicted: Vec<(String, Option<String>, String)> = analysis
        .findings
        .iter()
        .filter(|f| scored.contains(f.kind.name()) && f.confidence >= min_confidence)
        .map(|f| {
            (
                f.kind.name().to_string(),
                majority(&f.statement),
                f.message.clone(),
            )
        })
        .collect();
    let mut matched_gold = BTreeSet::new();
    let mut true_positives = 0;
    for (kind, gold_statement, message) in &predicted {
        let hit = gold
            .findings
            .iter()
            .position(|g| &g.kind == kind && Some(&g.statement) == gold_statement.as_ref());
        // A second finding for the same gold finding is noise, not a hit.
        match hit.filter(|index| !matched_gold.contains(index)) {
            Some(index) => {
                true_positives += 1;
                matched_gold.insert(index);
            }
            None => errors.push(error("false_finding", "", message, "-", kind)),
        }
    }
    for (_, g) in gold
        .findings
        .iter()
        .enumerate()
        .filter(|(i, _)| !matched_gold.contains(i))
    {
        errors.push(error("missed_finding", "", &g.statement, &g.kind, "-"));
    }
    let prf = Prf::new(true_positives, predicted.len(), gold.findings.len());
    (prf, scored.into_iter().collect())
}

impl Scores {
    /// Writes the scores as a table; with `verbose`, every error after it.
    pub fn write_text(&self, out: &mut dyn std::io::Write, verbose: bool) -> std::io::Result<()> {
        let prf = |name: &str, s: &Prf| {
            let found_correct = if s.predicted_correct == s.true_positives {
                String::new()
            } else {
                format!(" ({} found quotes)", s.predicted_correct)
            };
            format!(
                "{name:<26} {:>9.3} {:>7.3} {:>7.3}   {} correct{found_correct}, {} found, {} gold",
                s.precision, s.recall, s.f1, s.true_positives, s.predicted, s.gold
            )
        };
        let acc = |name: &str, a: &Accuracy| {
            format!(
                "{name:<26} {:>9.3}                   {} of {}",
                a.accuracy, a.correct, a.total
            )
        };
        writeln!(
            out,
            "{:<26} {:>9} {:>7} {:>7}",
            format!("{} articles", self.articles),
            "precision",
            "recall",
            "F1"
        )?;
        writeln!(out, "{}", prf("extraction", &self.extraction))?;
        writeln!(out, "{}", prf("statement pairs", &self.pairing))?;
        writeln!(
            out,
            "{}",
            prf("same-language pairs", &self.pairing_same_language)
        )?;
        writeln!(
            out,
            "{}",
            prf("cross-language pairs", &self.pairing_cross_language)
        )?;
        writeln!(out, "{}", prf("findings", &self.findings))?;
        writeln!(
            out,
            "{}",
            prf(
                &format!("findings (≥ {CONFIDENT_FINDING} sure)"),
                &self.findings_confident
            )
        )?;
        writeln!(
            out,
            "{:<26} {}",
            "  (kinds scored)",
            self.findings_scored_kinds.join(", ")
        )?;
        writeln!(out, "{:<26} {:>9}", "", "accuracy")?;
        writeln!(out, "{}", acc("attribution", &self.attribution))?;
        for (lang, a) in &self.attribution_by_lang {
            writeln!(out, "{}", acc(&format!("attribution ({lang})"), a))?;
        }
        writeln!(out, "{}", acc("kind", &self.kind))?;
        if verbose {
            writeln!(out)?;
            for e in &self.errors {
                writeln!(
                    out,
                    "{:<16} {} “{}”: expected {}, found {}",
                    e.kind, e.article, e.text, e.expected, e.found
                )?;
            }
            for e in &self.pairing_errors {
                e.write_text(out)?;
            }
        }
        Ok(())
    }
}

impl PairingError {
    /// Writes the error as a heading and one line per rendering, grouped by found statement
    /// (split) or gold statement (merged).
    fn write_text(&self, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        let (what, groups) = match self.kind {
            "split_statement" => ("missed pairs", "found statements"),
            _ => ("false pairs", "gold statements"),
        };
        writeln!(
            out,
            "{:<16} {}: {} {what}, {} renderings in these {groups}:",
            self.kind,
            self.statement,
            self.pairs,
            self.renderings.len()
        )?;
        for r in &self.renderings {
            let group = match self.kind {
                "split_statement" => r.found_statement.as_deref().unwrap_or("-"),
                _ => r.gold_statement.as_str(),
            };
            let score = match (r.core, r.short_coverage, r.long_coverage) {
                (true, _, _) => "core".to_string(),
                (_, Some(short), Some(long)) => format!("{short:.2}/{long:.2}"),
                _ => "-".to_string(),
            };
            writeln!(
                out,
                "  {score:>9}  {group} {} {} “{}”",
                r.lang, r.article, r.text
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gold_files_are_read_as_annotators_write_them() {
        let gold = Gold::parse(
            r#"{"articles": {
                "./en/a.md": {"quotes": [
                    {"text": "We will not raise taxes", "speaker": "ruiz", "kind": "speech", "statement": "s1"},
                    {"text": "fantasy", "speaker": "", "kind": "scare", "statement": null}]},
                "es\\b.md": {"quotes": [
                    {"text": "No subiremos los impuestos", "speaker": "Luis Pérez", "kind": "speech", "statement": "s1"}]}}}"#,
        )
        .unwrap();
        assert_eq!(
            gold.articles.keys().collect::<Vec<_>>(),
            ["en/a.md", "es/b.md"]
        );
        assert_eq!(gold.articles["en/a.md"].quotes[1].speaker, None);
        // Undefined speaker keys name the person: a slug or a full name both score.
        assert!(speaker_matches(&gold, "ruiz", "Ana Ruiz"));
        assert!(speaker_matches(&gold, "Luis Pérez", "Pérez"));
        assert!(!speaker_matches(&gold, "ruiz", "Luis Pérez"));
    }

    #[test]
    fn a_shared_surname_scores_neither_namesake() {
        let gold = Gold::parse(
            r#"{"speakers": {"gp": {"name": "Gustavo Petro"}, "np": {"name": "Nicolás Petro"}},
                "articles": {}}"#,
        )
        .unwrap();
        assert!(speaker_matches(&gold, "gp", "Gustavo Petro"));
        assert!(!speaker_matches(&gold, "gp", "Petro"));
        assert!(!speaker_matches(&gold, "gp", "Nicolás Petro"));
    }

    #[test]
    fn pairs_are_counted_per_group_and_across_languages() {
        let q = |g: &str, p: Option<&str>, lang| Paired {
            gold: g.to_string(),
            predicted: p.map(str::to_string),
            lang: Some(lang),
            quote: 0,
        };
        let paired = vec![
            q("a", Some("S1"), Lang::En),
            q("a", Some("S1"), Lang::Es),
            q("a", Some("S2"), Lang::Es),
            q("b", Some("S2"), Lang::En),
        ];
        let (all, same, cross) = pairing_scores(&paired);
        // gold pairs: a has 3 quotes → 3 pairs; predicted: S1 1 pair, S2 1 pair; correct: 1.
        assert_eq!((all.true_positives, all.predicted, all.gold), (1, 2, 3));
        // cross-language: gold a: en×es(2) = 2; predicted S1 1, S2 1; correct 1.
        assert_eq!(
            (cross.true_positives, cross.predicted, cross.gold),
            (1, 2, 2)
        );
        // same language: gold a: es×es = 1; predicted none; correct none.
        assert_eq!((same.true_positives, same.predicted, same.gold), (0, 0, 1));
    }

    #[test]
    fn quotations_match_despite_marks_trims_and_truncation() {
        assert!(same_quotation(
            &comparable("We had a very good meeting,"),
            &comparable("We had a very good meeting")
        ));
        assert!(same_quotation(
            &comparable("sick man"),
            &comparable("a sick man who likes making cocaine")
        ));
        assert!(!same_quotation(
            &comparable("We had a very good meeting"),
            &comparable("the meeting was productive")
        ));
    }
}
