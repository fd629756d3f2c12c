//! Matching: which quotes report the same utterance, within and across languages.
//!
//! Candidates come from an inverted index of statement cores over content words and their
//! English-pivot concepts, probed by each quote's rarest keys (never all pairs). Each candidate is scored by aligning content words: same stem in
//! one language; across languages a shared pivot concept (lexicon gloss), the same name or
//! number, or a cognate by string similarity that is not a listed false friend.

use crate::text::{alike, Lexicon, NormToken, NormalizedQuote, Word, WordMap};
use serde::Serialize;
use std::cell::RefCell;

/// Share of the shorter quote's content words that must align for two quotes to match.
/// Chosen on corpora/trump-petro-2026: translated quotes align 0.75–1.0 of their words, while
/// different statements by the same people on the same topic align at most 0.67 (2 of 3).
pub const MIN_SHORT_COVERAGE: f32 = 0.7;
/// Share of the longer quote's words that must align for the quotes to be the same rendering
/// rather than a fragment of it.
pub const MIN_SAME_COVERAGE: f32 = 0.6;
/// Normalized Levenshtein similarity of two folded stems above which they are cognates
/// ("cooperacion" / "cooperation" = 0.82; "optimista" / "optimistic" = 0.8).
pub const MIN_COGNATE_SIMILARITY: f64 = 0.72;
/// Shortest word (in characters) that may count as a cognate: short words collide by chance.
pub const MIN_COGNATE_CHARS: usize = 5;
/// Same-language quotes whose folded content words are this similar as strings match even if
/// word alignment falls short (spelling variants, typos).
pub const MIN_STRING_SIMILARITY: f64 = 0.85;
/// A key's list of statement cores stops growing at this length: a key that common says
/// nothing about which statement a quote belongs to.
pub const MAX_POSTING: usize = 5_000;
/// Spelling variants are looked for (an edit-distance pass, the costliest test) only between
/// quotes sharing at least this share of words: strings 0.85 alike always do.
pub const MIN_STRING_CHECK_COVERAGE: f32 = 0.4;
/// A quote needs this many content words to match anything: one word is no statement.
pub const MIN_CONTENT_WORDS: usize = 2;

/// Quotes with at most this many content words are generic ("We had a very productive
/// meeting" / "It was a very productive meeting"): in one language, their function words must
/// align too, and no word of one rendering may stand where the other has another ("Fue una
/// reunión muy productiva" / "Hemos tenido una reunión muy productiva"). Across languages function words do not translate one for one (Spanish drops
/// subjects), so translations are judged by content words.
pub const SHORT_QUOTE_CONTENT_WORDS: usize = 3;
/// Share of all the words of such a short quote that must align. Chosen on
/// corpora/similar-statements: translations of one short statement align 0.8–1.0 of their
/// words, boilerplate said by two people aligns about 0.67 (the subject and verb differ).
pub const MIN_SHORT_QUOTE_WORD_COVERAGE: f32 = 0.8;

/// Two quotes that differ by a negation are one statement (a misquote) only when this share of
/// both sides' content words aligns; otherwise they are opposite statements ("Colombia is ready
/// to open a corridor" / "Colombia is not ready to open a corridor without guarantees").
pub const MIN_NEGATION_FLIP_COVERAGE: f32 = 0.85;

/// A same-language fragment of several sentences with at least this many content words aligned
/// in the longer quote matches even though some of its words stand where the longer quote has
/// others: outlets that translate one answer apart swap words ("Nos llevamos de maravilla" /
/// "Nos llevamos muy bien") in a cut of it that otherwise agrees. A swap still parts quotes of
/// one sentence, where it makes another statement ("We are not going to suspend pensions…" /
/// "…to reform small business loans…"). Chosen on real coverage (22 excerpts of two press
/// events, a whole answer one statement): 4, 5 and 6 join the same pairs (recall 0.439 →
/// 0.656, precision 1.0); 5 leaves a margin on both sides.
pub const MIN_FRAGMENT_WORDS_DESPITE_SWAP: usize = 5;

/// How two matching quotes relate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// Both render the same words (possibly translated).
    Same,
    /// The shorter quote is a part of the longer one.
    FragmentOf,
    /// Neither holds the other, but they share a whole sentence: two cuts of one multi-sentence
    /// utterance (see [`MIN_SENTENCE_CONTENT_WORDS`]).
    SharesSentence,
}

/// A sentence of one quote that renders a sentence of the other: the evidence of a
/// [`Relation::SharesSentence`] match.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct SharedSentence {
    /// The sentence's number (from 0) in the first quote compared (for two adjacent sentences
    /// read as one, since outlets punctuate one answer apart: the first of them).
    pub first: usize,
    /// The sentence's number (from 0) in the second quote compared (likewise).
    pub second: usize,
    /// Share of the shorter sentence's content words aligned.
    pub short_coverage: f32,
}

/// The score of a candidate pair, with the evidence behind it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MatchScore {
    /// Share of the shorter quote's content words aligned.
    pub short_coverage: f32,
    /// Share of the longer quote's content words aligned.
    pub long_coverage: f32,
    /// None when the quotes do not match.
    pub relation: Option<Relation>,
    /// Aligned word pairs (as written), in the shorter quote's order.
    pub aligned: Vec<(Word, Word)>,
    /// How many of the aligned pairs are the same word but for case and accents.
    #[serde(skip)]
    pub written_alike: usize,
    /// Names and numbers found in both.
    pub anchors: Vec<Word>,
    /// For a [`Relation::SharesSentence`] match, the sentences the quotes share.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub shared_sentences: Vec<SharedSentence>,
}

impl MatchScore {
    /// The anchors joined by `separator`, for reports.
    pub fn anchors_joined(&self, separator: &str) -> String {
        let words: Vec<&str> = self.anchors.iter().map(|a| a.as_str()).collect();
        words.join(separator)
    }

    /// How surely the match holds: the aligned share of the shorter side (of the shorter
    /// shared sentence, for quotes that share sentences).
    pub fn sureness(&self) -> f32 {
        self.shared_sentences
            .iter()
            .map(|s| s.short_coverage)
            .fold(None, |best: Option<f32>, c| {
                Some(best.map_or(c, |b| b.max(c)))
            })
            .unwrap_or(self.short_coverage)
    }
}

/// A sentence needs this many content words for two quotes sharing it to be one utterance cut
/// at different sentences: shorter sentences ("Thank you.", "It was great.") recur across
/// statements. Chosen on real coverage of two press events (22 excerpts, a whole answer one
/// statement): 3 and 4 join the same pairs (recall 0.439, precision 1.0), 5 loses some (0.424)
/// and 6 more (0.319); 4 is the surest of the best.
pub const MIN_SENTENCE_CONTENT_WORDS: usize = 4;

/// Compares two quotes. The evidence lists word pairs from `a`'s side first. Quotes whose
/// numbers or names contradict each other ("790 families" / "270 families", "in Ostrena" /
/// "in Nueva Tolva") do not match: see [`compare_anchors_aside`] for the comparison that lets
/// them.
pub fn compare(a: &NormalizedQuote, b: &NormalizedQuote, lexicon: &Lexicon) -> MatchScore {
    compare_with(a, b, lexicon, true, MIN_CONTENT_WORDS)
}

/// [`compare`] for a quote that continues, in its article, a quote of the statement whose core
/// is `b` ("Water is not negotiable" … “It is a right,” she added): one content word is
/// enough, since the neighbour already says which statement the words may belong to.
pub fn compare_continuation(
    a: &NormalizedQuote,
    b: &NormalizedQuote,
    lexicon: &Lexicon,
) -> MatchScore {
    compare_with(a, b, lexicon, true, 1)
}

/// [`compare`], except that contradicting numbers and names do not part the quotes: for
/// telling whether a lone rendering is a misquote of a statement that others report alike.
pub fn compare_anchors_aside(
    a: &NormalizedQuote,
    b: &NormalizedQuote,
    lexicon: &Lexicon,
) -> MatchScore {
    compare_with(a, b, lexicon, false, MIN_CONTENT_WORDS)
}

fn compare_with(
    a: &NormalizedQuote,
    b: &NormalizedQuote,
    lexicon: &Lexicon,
    anchors_must_agree: bool,
    min_content_words: usize,
) -> MatchScore {
    let a_content: Vec<&NormToken> = a.content().collect();
    let b_content: Vec<&NormToken> = b.content().collect();
    // Which content words align, computed once: the costly part of matching.
    let width = b_content.len().max(1);
    let aligns: Vec<bool> = a_content
        .iter()
        .flat_map(|x| b_content.iter().map(|y| words_align(x, y, lexicon)))
        .collect();
    let aligned_a: Vec<Option<&NormToken>> = aligns
        .chunks(width)
        .map(|row| row.iter().position(|&hit| hit).map(|j| b_content[j]))
        .collect();
    let aligned_b: Vec<bool> = (0..b_content.len())
        .map(|j| aligns.chunks(width).any(|row| row[j]))
        .collect();
    let matched_b = aligned_b.iter().filter(|&&hit| hit).count();
    let matched_a = aligned_a.iter().filter(|m| m.is_some()).count();
    let cov_a = ratio(matched_a, a_content.len());
    let cov_b = ratio(matched_b, b_content.len());
    let a_is_short = a_content.len() <= b_content.len();
    let (short_coverage, long_coverage, matched_short) = if a_is_short {
        (cov_a, cov_b, matched_a)
    } else {
        (cov_b, cov_a, matched_b)
    };
    let (short_quote, long_quote) = if a_is_short { (a, b) } else { (b, a) };
    // A very short quote repeated word for word ("You are great") is the same quotation.
    let verbatim = same_folded_words(a, b);
    let enough_words = a_content.len().min(b_content.len()) >= min_content_words || verbatim;
    let generic_wording_differs = || {
        let aligned = short_quote
            .tokens
            .iter()
            .filter(|x| long_quote.tokens.iter().any(|y| words_align(x, y, lexicon)))
            .count();
        let swapped = || {
            long_quote.tokens.iter().any(|y| {
                !short_quote
                    .tokens
                    .iter()
                    .any(|x| words_align(x, y, lexicon))
            }) && aligned < short_quote.tokens.len()
        };
        short_quote.content().count() <= SHORT_QUOTE_CONTENT_WORDS
            && (ratio(aligned, short_quote.tokens.len()) < MIN_SHORT_QUOTE_WORD_COVERAGE
                || swapped())
    };
    let same_language = a_content
        .first()
        .zip(b_content.first())
        .is_some_and(|(x, y)| x.lang == y.lang);
    let string_match =
        || same_language && alike(&a.core_text(), &b.core_text(), MIN_STRING_SIMILARITY);
    // A negation gained or lost turns a statement into its opposite: only a near-verbatim
    // rendering (a misquote, reported as drift) stays the same statement.
    // Across languages only the polarity compares: Spanish doubles its negations ("no habrá
    // nada" / "there will be nothing"). Only the sentences a quote shares with the other count:
    // a negation in a sentence the other does not render is no flip of what it does render.
    let polarity = |count: usize| if same_language { count } else { count.min(1) };
    let a_negations = polarity(negations_in_rendered_sentences(a, |i| {
        aligned_a[i].is_some()
    }));
    let b_negations = polarity(negations_in_rendered_sentences(b, |j| aligned_b[j]));
    let (short_negations, long_negations) = if a_is_short {
        (a_negations, b_negations)
    } else {
        (b_negations, a_negations)
    };
    let negation_conflict =
        if short_coverage < MIN_SAME_COVERAGE || long_coverage < MIN_SAME_COVERAGE {
            short_negations > long_negations
        } else {
            a_negations != b_negations
                && (short_coverage < MIN_NEGATION_FLIP_COVERAGE
                    || long_coverage < MIN_NEGATION_FLIP_COVERAGE)
        };
    let covered_same = short_coverage >= MIN_SHORT_COVERAGE && long_coverage >= MIN_SAME_COVERAGE;
    let relation = if !enough_words || negation_conflict {
        None
    } else if covered_same
        || ((MIN_STRING_CHECK_COVERAGE..MIN_SHORT_COVERAGE).contains(&short_coverage)
            && string_match())
    {
        Some(Relation::Same)
    } else if short_coverage >= MIN_SHORT_COVERAGE
        && aligned_together(&aligns, width, a_is_short, a_content.len())
    {
        Some(Relation::FragmentOf)
    } else {
        None
    };
    // Only two renderings of a whole short statement must agree in function words; a short
    // fragment of a longer quote ("Nobody listens to us") is judged by its content words.
    let relation = relation
        .filter(|r| *r == Relation::FragmentOf || !same_language || !generic_wording_differs());
    // A long stretch of an answer that two outlets translated apart ("Nos llevamos de
    // maravilla" / "Nos llevamos muy bien") differs by a word yet is plainly part of it.
    let swap_tolerated = relation == Some(Relation::FragmentOf)
        && !short_quote.sentence_starts.is_empty()
        && matched_short >= MIN_FRAGMENT_WORDS_DESPITE_SWAP;
    let relation = relation.filter(|_| {
        !anchors_must_agree
            || !(anchors_contradict(&a_content, &b_content, &aligns, lexicon)
                || (same_language
                    && !swap_tolerated
                    && words_swapped(&a_content, &b_content, &aligns)))
    });
    if relation.is_none()
        && enough_words
        && !a.sentence_starts.is_empty()
        && !b.sentence_starts.is_empty()
    {
        if let Some(mut shared) = shared_sentences(a, b, lexicon, anchors_must_agree) {
            shared.short_coverage = short_coverage;
            shared.long_coverage = long_coverage;
            return shared;
        }
    }
    // Evidence is kept only for matches: most candidates are rejected.
    let (aligned, written_alike, anchors) = if relation.is_some() {
        let aligned = a_content
            .iter()
            .zip(&aligned_a)
            .filter_map(|(x, y)| y.map(|y| (x.surface, y.surface)))
            .collect();
        let written_alike = a_content
            .iter()
            .zip(&aligned_a)
            .filter(|(x, y)| y.is_some_and(|y| x.folded == y.folded))
            .count();
        let anchors = a_content
            .iter()
            .zip(&aligned_a)
            .filter_map(|(x, y)| y.filter(|y| x.anchor && y.anchor).map(|_| x.surface))
            .collect();
        (aligned, written_alike, anchors)
    } else {
        (Vec::new(), 0, Vec::new())
    };
    MatchScore {
        short_coverage,
        long_coverage,
        relation,
        aligned,
        written_alike,
        anchors,
        shared_sentences: Vec::new(),
    }
}

/// The negations of `quote` in the sentences that count in a comparison: those holding a
/// content word other than a negation that `aligned` marks (by its position among the
/// content words), which the other quote renders, and those too short to say anything
/// without the sentence they follow (fewer than [`MIN_CONTENT_WORDS`] content words besides
/// their negations: “Not before.”). A sentence of its own that the other quote leaves out
/// (“That water is not coming back”) does not count. A quote of one sentence counts all of
/// its negations.
fn negations_in_rendered_sentences(
    quote: &NormalizedQuote,
    aligned: impl Fn(usize) -> bool,
) -> usize {
    if quote.sentence_starts.is_empty() {
        return quote.tokens.iter().filter(|t| t.negation).count();
    }
    let sentences = quote.sentence_starts.len() + 1;
    let sentence_of = |position: usize| quote.sentence_starts.partition_point(|&s| s <= position);
    // Per sentence: whether it holds an aligned content word, and its other content words.
    let mut rendered = vec![false; sentences];
    let mut words = vec![0; sentences];
    let content = quote.tokens.iter().enumerate().filter(|(_, t)| t.content);
    for (n, (position, token)) in content.enumerate() {
        let sentence = sentence_of(position);
        rendered[sentence] |= aligned(n) && !token.negation;
        words[sentence] += usize::from(!token.negation);
    }
    quote
        .tokens
        .iter()
        .enumerate()
        .filter(|(position, token)| {
            let sentence = sentence_of(*position);
            token.negation && (rendered[sentence] || words[sentence] < MIN_CONTENT_WORDS)
        })
        .count()
}

/// The [`Relation::SharesSentence`] match of two quotes of several sentences each, when a
/// sentence of one renders a sentence of the other, whole or as its part, and the shorter of
/// the two holds [`MIN_SENTENCE_CONTENT_WORDS`] content words. Outlets punctuate one answer
/// apart, so a sentence shared with no sentence of the other quote may render two adjacent
/// ones read as one ("…una reunión muy buena. Me pareció fantástica" / "…una reunión muy
/// buena, me pareció fantástica"). The evidence lists the aligned words of every shared
/// sentence; the coverages are left for the caller.
fn shared_sentences(
    a: &NormalizedQuote,
    b: &NormalizedQuote,
    lexicon: &Lexicon,
    anchors_must_agree: bool,
) -> Option<MatchScore> {
    let (a_sentences, b_sentences) = (a.sentences(), b.sentences());
    let mut shared = MatchScore {
        short_coverage: 0.0,
        long_coverage: 0.0,
        relation: Some(Relation::SharesSentence),
        aligned: Vec::new(),
        written_alike: 0,
        anchors: Vec::new(),
        shared_sentences: Vec::new(),
    };
    let share = |shared: &mut MatchScore,
                 sentences: (usize, usize),
                 x: &NormalizedQuote,
                 y: &NormalizedQuote| {
        let shorter = x.content().count().min(y.content().count());
        if shorter < MIN_SENTENCE_CONTENT_WORDS {
            return;
        }
        let score = compare_with(
            x,
            y,
            lexicon,
            anchors_must_agree,
            MIN_SENTENCE_CONTENT_WORDS,
        );
        if score.relation.is_some() {
            shared.aligned.extend(score.aligned);
            shared.written_alike += score.written_alike;
            shared.anchors.extend(score.anchors);
            shared.shared_sentences.push(SharedSentence {
                first: sentences.0,
                second: sentences.1,
                short_coverage: score.short_coverage,
            });
        }
    };
    for (first, x) in a_sentences.iter().enumerate() {
        for (second, y) in b_sentences.iter().enumerate() {
            share(&mut shared, (first, second), x, y);
        }
    }
    let a_unshared = unshared(a_sentences.len(), &shared.shared_sentences, |s| s.first);
    let b_unshared = unshared(b_sentences.len(), &shared.shared_sentences, |s| s.second);
    // Runs are built only for a side whose counterpart has sentences left to share.
    if !a_unshared.is_empty() {
        for (second, y) in b.runs_of_sentences(2).iter().enumerate() {
            for &first in &a_unshared {
                share(&mut shared, (first, second), &a_sentences[first], y);
            }
        }
    }
    if !b_unshared.is_empty() {
        for (first, x) in a.runs_of_sentences(2).iter().enumerate() {
            for &second in &b_unshared {
                share(&mut shared, (first, second), x, &b_sentences[second]);
            }
        }
    }
    (!shared.shared_sentences.is_empty()).then_some(shared)
}

/// The numbers of a quote's `count` sentences that no sentence of `shared` names by `number`.
fn unshared(
    count: usize,
    shared: &[SharedSentence],
    number: impl Fn(&SharedSentence) -> usize,
) -> Vec<usize> {
    (0..count)
        .filter(|&i| !shared.iter().any(|s| number(s) == i))
        .collect()
}

/// True when each quote holds a number, or each a name, that nothing in the other aligns
/// with: the same sentence said of another place or another figure is another statement
/// ("We need 2,300 more nurses in Puerto Almira" / "We need 900 more nurses in San Ebrel").
/// A number or name only one side holds is trimming, not contradiction. Names are anchors the
/// lexicon does not know (a capitalized ordinary word may be a sentence start or a title).
fn anchors_contradict(
    a: &[&NormToken],
    b: &[&NormToken],
    aligns: &[bool],
    lexicon: &Lexicon,
) -> bool {
    let width = b.len().max(1);
    let is_name = |t: &NormToken| t.anchor && !t.number && !lexicon.knows_key(t.lang, t.key);
    // Unaligned (numbers, names) of each side.
    let mut a_loose = (false, false);
    for (i, token) in a.iter().enumerate() {
        if token.anchor && !aligns[i * width..(i + 1) * width].iter().any(|&hit| hit) {
            a_loose.0 |= token.number;
            a_loose.1 |= is_name(token);
        }
    }
    if a_loose == (false, false) {
        return false;
    }
    let mut b_loose = (false, false);
    for (j, token) in b.iter().enumerate() {
        if token.anchor && !(0..a.len()).any(|i| aligns[i * width + j]) {
            b_loose.0 |= token.number;
            b_loose.1 |= is_name(token);
        }
    }
    (a_loose.0 && b_loose.0) || (a_loose.1 && b_loose.1)
}

/// True when each side of a same-language pair holds a content word that nothing on the
/// other side aligns with: a word swapped ("We are not going to reform small business loans" /
/// "... to review small business loans"), which makes another statement unless a lone article
/// misquotes (see [`compare_anchors_aside`]). Renderings of one statement in one language trim
/// words but rarely swap them.
fn words_swapped(a: &[&NormToken], b: &[&NormToken], aligns: &[bool]) -> bool {
    let width = b.len().max(1);
    // Negations are weighed on their own (see MIN_NEGATION_FLIP_COVERAGE): "not ever" /
    // "nor ever" is no swap.
    let a_loose: Vec<&NormToken> = (0..a.len())
        .filter(|&i| !a[i].negation && !aligns[i * width..(i + 1) * width].iter().any(|&hit| hit))
        .map(|i| a[i])
        .collect();
    let b_loose: Vec<&NormToken> = (0..b.len())
        .filter(|&j| !b[j].negation && !(0..a.len()).any(|i| aligns[i * width + j]))
        .map(|j| b[j])
        .collect();
    // Two translations of one statement may choose words the lexicon glosses alike ("sean
    // liberados" / "queden en libertad": release): such a pair is no swap. Same-language
    // words never align through their glosses (stem collisions make glosses too loose for
    // that), but they may excuse a difference.
    let synonyms = |x: &NormToken, y: &NormToken| x.concepts.iter().any(|c| y.concepts.contains(c));
    let unexcused = |loose: &[&NormToken], other: &[&NormToken]| {
        loose.iter().any(|x| !other.iter().any(|y| synonyms(x, y)))
    };
    !a_loose.is_empty()
        && !b_loose.is_empty()
        && unexcused(&a_loose, &b_loose)
        && unexcused(&b_loose, &a_loose)
}

/// A repeated phrase this long is a quotation even with one content word ("You are great");
/// a repeated single word ("secuestro") is a borrowed word, not a statement.
const MIN_VERBATIM_WORDS: usize = 3;

/// True when both quotes are the same words (case, accents and punctuation aside).
fn same_folded_words(a: &NormalizedQuote, b: &NormalizedQuote) -> bool {
    a.tokens.len() >= MIN_VERBATIM_WORDS && a.same_words(b)
}

/// Widest stretch of a longer quote's content words, per content word of a fragment, that may
/// hold the words the fragment aligns with (plus [`FRAGMENT_WINDOW_SLACK`]): a part of a
/// quote says its words together, while two common words found far apart in a long
/// quotation ("We got along great" / "…having somebody else get in… the great people of
/// Venezuela…") are chance. Clauses that a translation reorders, and an elided stretch
/// (“If people have no options to eat… what there will be is drug trafficking”), stay well
/// within it.
pub const FRAGMENT_WINDOW_PER_WORD: usize = 3;
/// Content words a fragment's window may hold beyond [`FRAGMENT_WINDOW_PER_WORD`] per word.
pub const FRAGMENT_WINDOW_SLACK: usize = 4;

/// True when the shorter quote's aligned content words find their partners in the longer one
/// within a window of [`FRAGMENT_WINDOW_PER_WORD`] content words per word of the shorter,
/// plus [`FRAGMENT_WINDOW_SLACK`]. `aligns` is the alignment matrix of `a` (rows) against `b`
/// (`width` columns); `a_len` is `a`'s number of content words.
fn aligned_together(aligns: &[bool], width: usize, a_is_short: bool, a_len: usize) -> bool {
    // (position in the longer quote, word of the shorter quote) of every aligned pair.
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for i in 0..a_len {
        for j in 0..width {
            if aligns[i * width + j] {
                pairs.push(if a_is_short { (j, i) } else { (i, j) });
            }
        }
    }
    pairs.sort_unstable();
    let short_len = if a_is_short { a_len } else { width };
    let words: std::collections::BTreeSet<usize> = pairs.iter().map(|&(_, w)| w).collect();
    let allowed = FRAGMENT_WINDOW_PER_WORD * short_len + FRAGMENT_WINDOW_SLACK;
    // The narrowest window of the longer quote holding a partner of every aligned word.
    let mut counts = vec![0usize; short_len];
    let mut covered = 0;
    let mut start = 0;
    for end in 0..pairs.len() {
        if counts[pairs[end].1] == 0 {
            covered += 1;
        }
        counts[pairs[end].1] += 1;
        while covered == words.len() {
            if pairs[end].0 - pairs[start].0 < allowed {
                return true;
            }
            counts[pairs[start].1] -= 1;
            if counts[pairs[start].1] == 0 {
                covered -= 1;
            }
            start += 1;
        }
    }
    words.is_empty()
}

fn ratio(part: usize, whole: usize) -> f32 {
    if whole == 0 {
        0.0
    } else {
        part as f32 / whole as f32
    }
}

/// True when two content words can stand for each other.
fn words_align(x: &NormToken, y: &NormToken, lexicon: &Lexicon) -> bool {
    if x.folded == y.folded {
        return true;
    }
    if x.lang == y.lang {
        return x.key == y.key;
    }
    if x.concepts.iter().any(|c| y.concepts.contains(c)) {
        return true;
    }
    let (spanish, english) = if x.lang == crate::lang::Lang::Es {
        (x, y)
    } else {
        (y, x)
    };
    // Cognates share their first letter; checking it first spares most edit distances.
    spanish.key.chars().next() == english.key.chars().next()
        && spanish.folded.chars().count() >= MIN_COGNATE_CHARS
        && english.folded.chars().count() >= MIN_COGNATE_CHARS
        && stems_look_alike(spanish.key, english.key)
        && !lexicon.is_false_friend(spanish.key, english.key)
}

/// True when two stems are at least [`MIN_COGNATE_SIMILARITY`] alike. The same word pairs
/// meet again and again across candidates, so each thread remembers the edit distances it
/// has computed.
fn stems_look_alike(spanish: Word, english: Word) -> bool {
    thread_local! {
        static ALIKE: RefCell<WordMap<(Word, Word), bool>> = RefCell::new(WordMap::default());
    }
    if let Some(known) = ALIKE.with(|memo| memo.borrow().get(&(spanish, english)).copied()) {
        return known;
    }
    let similar = alike(&spanish, &english, MIN_COGNATE_SIMILARITY);
    ALIKE.with(|memo| memo.borrow_mut().insert((spanish, english), similar));
    similar
}

/// The keys under which a quote is indexed, all in the English pivot so that renderings in
/// either language meet: each content word's keys (see [`token_keys`]), sorted, without
/// repeats.
fn index_keys(quote: &NormalizedQuote) -> Vec<Word> {
    sorted_distinct(quote.content().flat_map(token_keys).collect())
}

/// `keys` sorted, without repeats.
fn sorted_distinct(mut keys: Vec<Word>) -> Vec<Word> {
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// The keys of one content word: concepts (English stems, Spanish glosses, `#N` numbers), and
/// for words the lexicon cannot gloss (names, cognates) their folded form and a five-letter
/// prefix. A number is known by its concept alone, so that "8,100" and "8.100" share as many
/// keys as two renderings of one name.
fn token_keys(token: &NormToken) -> Vec<Word> {
    let mut keys = Vec::new();
    if token.number {
        keys.extend(token.concepts.iter().copied());
        keys.push(Word::new(&format!("~{}", token.concepts[0].as_str())));
        return keys;
    }
    if token.concepts.is_empty() || token.anchor {
        keys.push(token.folded);
        keys.push(token.prefix);
    } else if token.lang == crate::lang::Lang::En {
        // An English word may be the cognate of an unglossed Spanish one.
        keys.push(token.prefix);
    }
    keys.extend(token.concepts.iter().copied());
    keys
}

/// Keys of a quote, rarest first, that probe the index: rare words are what a quote shares
/// with its other renderings and with little else. Glossed Spanish words bring several keys
/// each, so a quote of 12 words has about 40.
pub const PROBE_KEYS: usize = 48;
/// A probe key shared by more statement cores than this is skipped: it says nothing about
/// which statement a quote belongs to, and scanning it would cost time on every quote.
pub const MAX_PROBE_POSTING: usize = 128;
/// Statements scored per quote at most: the ones sharing most probe keys. Keeps the work per
/// quote constant however large the archive.
pub const MAX_CANDIDATES: usize = 8;

/// A core sharing fewer probe keys than this with a quote is not scored: one shared word is
/// chance (every English word brings two keys, its stem and its prefix).
pub const MIN_SHARED_KEYS: usize = 2;

/// An inverted index of statement cores, probed by each quote's rarest keys, so that matching
/// scores a bounded number of candidates per quote (never all pairs).
pub struct CoreIndex {
    /// Quotes key rarity is counted over.
    quotes: u32,
    document_frequency: WordMap<Word, u32>,
    postings: WordMap<Word, Vec<u32>>,
}

impl CoreIndex {
    /// An empty index whose key rarity is counted over `quotes`.
    pub fn new<'a, 'w: 'a>(quotes: impl IntoIterator<Item = &'a NormalizedQuote<'w>>) -> CoreIndex {
        let mut document_frequency: WordMap<Word, u32> = WordMap::default();
        let mut count = 0;
        for quote in quotes {
            count += 1;
            for key in index_keys(quote) {
                *document_frequency.entry(key).or_default() += 1;
            }
        }
        CoreIndex {
            quotes: count,
            document_frequency,
            postings: WordMap::default(),
        }
    }

    /// Indexes core `id` under every key of `quote`; lists of very common keys stop growing.
    pub fn add_core(&mut self, id: usize, quote: &NormalizedQuote) {
        for key in index_keys(quote) {
            let list = self.postings.entry(key).or_default();
            if list.len() < MAX_POSTING {
                list.push(id as u32);
            }
        }
    }

    /// The cores worth scoring against `quote`: those sharing most of its rarest keys (ties by
    /// id, so the result is deterministic), at most [`MAX_CANDIDATES`].
    pub fn candidates(&self, quote: &NormalizedQuote) -> Vec<usize> {
        self.candidates_from(quote, 0)
    }

    /// [`CoreIndex::candidates`] among the cores numbered `first` or above.
    pub fn candidates_from(&self, quote: &NormalizedQuote, first: usize) -> Vec<usize> {
        self.ranked_candidates(quote, first, 0)
    }

    /// The cores worth scoring against a quote that was not among those the index counted
    /// key rarity over (a reference quote): its own keys count once more, so that a key it
    /// shares with a single core is as telling as two indexed quotes sharing it.
    pub fn candidates_for_outside(&self, quote: &NormalizedQuote) -> Vec<usize> {
        self.ranked_candidates(quote, 0, 1)
    }

    /// The candidates among cores numbered `first` or above, the quote's keys counting
    /// `own` more times than the index says. Cores are ranked by the words they share with the
    /// quote, each word weighing the rarity of its rarest shared key: a Spanish word glossed
    /// several ways counts once, not once per gloss, so that a translation sharing a rare name
    /// outranks same-language statements that share only common words ("Es la peor crisis que
    /// ha vivido Ostrena en 8 años" finds “This is the worst crisis Ostrena has seen in 8
    /// years” before the same Spanish sentence said of other towns).
    fn ranked_candidates(&self, quote: &NormalizedQuote, first: usize, own: u32) -> Vec<usize> {
        let frequency = |k: &Word| self.document_frequency.get(k).copied().unwrap_or(0) + own;
        let word_keys: Vec<Vec<Word>> = quote.content().map(token_keys).collect();
        let mut keys: Vec<(u32, Word)> =
            sorted_distinct(word_keys.iter().flatten().copied().collect())
                .into_iter()
                .map(|k| (frequency(&k), k))
                .filter(|(df, _)| *df > 1)
                .collect();
        keys.sort();
        // Each probe's cores and rarity (the log of how many quotes per quote holding the key).
        let probes: WordMap<Word, (&[u32], f64)> = keys
            .iter()
            .take(PROBE_KEYS)
            .filter_map(|&(df, key)| {
                let cores = self.postings.get(&key).map(Vec::as_slice).unwrap_or(&[]);
                let rarity = (f64::from(self.quotes + own) / f64::from(df)).ln();
                (cores.len() <= MAX_PROBE_POSTING).then_some((key, (cores, rarity)))
            })
            .collect();
        // Per core: shared keys, and the words' weights.
        let mut shared: WordMap<usize, (usize, f64)> = WordMap::default();
        let mut word_weight: WordMap<usize, f64> = WordMap::default();
        for token_keys in &word_keys {
            word_weight.clear();
            for key in token_keys {
                let Some(&(cores, rarity)) = probes.get(key) else {
                    continue;
                };
                for core in cores.iter().map(|&core| core as usize) {
                    if core >= first {
                        let weight = word_weight.entry(core).or_default();
                        *weight = weight.max(rarity);
                    }
                }
            }
            // Summed in any order: each core's sum is over its own words, whose order the
            // quote fixes, so the ranking never depends on the map's order.
            for (&core, &weight) in &word_weight {
                let entry = shared.entry(core).or_default();
                entry.1 += weight;
            }
        }
        // Shared keys, each counted once however many words bring it.
        for (cores, _) in probes.values() {
            for core in cores.iter().map(|&core| core as usize) {
                if let Some(entry) = shared.get_mut(&core) {
                    entry.0 += 1;
                }
            }
        }
        let mut ranked: Vec<(usize, (usize, f64))> = shared
            .into_iter()
            .filter(|&(_, (keys, _))| keys >= MIN_SHARED_KEYS)
            .collect();
        ranked.sort_by(|a, b| b.1 .1.total_cmp(&a.1 .1).then(a.0.cmp(&b.0)));
        ranked
            .into_iter()
            .take(MAX_CANDIDATES)
            .map(|(core, _)| core)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::text::Normalizer;

    fn score(a: (&str, Lang), b: (&str, Lang)) -> MatchScore {
        let lexicon = Lexicon::builtin();
        let normalizer = Normalizer::new(lexicon);
        compare(
            &normalizer.normalize(a.0, a.1),
            &normalizer.normalize(b.0, b.1),
            lexicon,
        )
    }

    #[test]
    fn translations_match_and_different_statements_do_not() {
        let s = score(
            ("We had a very good meeting", Lang::En),
            ("Tuvimos una muy buena reunión", Lang::Es),
        );
        assert_eq!(s.relation, Some(Relation::Same), "{s:?}");
        let s = score(
            ("We had a very good meeting", Lang::En),
            ("the meeting was productive", Lang::En),
        );
        assert_eq!(s.relation, None, "{s:?}");
    }

    #[test]
    fn boilerplate_needs_its_function_words_to_match() {
        let s = score(
            ("We had a very productive meeting", Lang::En),
            ("It was a very productive meeting", Lang::En),
        );
        assert_eq!(s.relation, None, "{s:?}");
        let s = score(
            ("We had a very productive meeting", Lang::En),
            ("Tuvimos una reunión muy productiva", Lang::Es),
        );
        assert_eq!(s.relation, Some(Relation::Same), "{s:?}");
    }

    #[test]
    fn a_fragments_words_must_be_said_together_in_the_longer_quote() {
        let long = "We will not let anybody else get in there, and nobody should expect us to \
                    leave before the work is done: our engineers will rebuild the broken \
                    power lines, because we want peace and prosperity for the great people \
                    of that country";
        let s = score(("We got along great", Lang::En), (long, Lang::En));
        assert_eq!(s.relation, None, "{s:?}");
        let s = score(
            ("nobody should expect us to leave", Lang::En),
            (long, Lang::En),
        );
        assert_eq!(s.relation, Some(Relation::FragmentOf), "{s:?}");
    }

    #[test]
    fn quotes_cut_at_different_sentences_of_one_answer_share_a_sentence() {
        let earlier = "We spent an hour on the border. The bridges will reopen next month for \
                       trucks and buses.";
        let later = "The bridges will reopen next month for trucks and buses. We also talked \
                     about the price of coffee for small farmers.";
        let s = score((earlier, Lang::En), (later, Lang::En));
        assert_eq!(s.relation, Some(Relation::SharesSentence), "{s:?}");
        assert_eq!(s.shared_sentences.len(), 1, "{s:?}");
        assert_eq!(
            (s.shared_sentences[0].first, s.shared_sentences[0].second),
            (1, 0)
        );
        let translated = "Los puentes volverán a abrir el próximo mes para camiones y \
                          autobuses. También hablamos del precio del café para los pequeños \
                          agricultores.";
        let s = score((earlier, Lang::En), (translated, Lang::Es));
        assert_eq!(s.relation, Some(Relation::SharesSentence), "{s:?}");
        // The match is as sure as the shared sentence, not as the quotes' overlap as wholes.
        assert!(s.sureness() > s.short_coverage, "{s:?}");
    }

    #[test]
    fn a_sentence_may_run_across_a_full_stop_of_the_other_quote() {
        // The outlets punctuate one answer apart: the second sentence of the first quote is
        // the first two of the second, whose sentences are each too short to share alone.
        let first = "The mayor of the port called us yesterday morning. We had a long talk \
                     about the harbour, it was a very useful talk.";
        let second = "We had a long talk about the harbour. It was a very useful talk. Next \
                      week the ferries return to the island.";
        let s = score((first, Lang::En), (second, Lang::En));
        assert_eq!(s.relation, Some(Relation::SharesSentence), "{s:?}");
        assert_eq!(
            (s.shared_sentences[0].first, s.shared_sentences[0].second),
            (1, 0)
        );
    }

    #[test]
    fn a_shared_short_sentence_joins_nothing() {
        let s = score(
            (
                "The talks were very good. We will build a hospital in the north.",
                Lang::En,
            ),
            (
                "The talks were very good. Fuel taxes go down for every driver in May.",
                Lang::En,
            ),
        );
        assert_eq!(s.relation, None, "{s:?}");
    }

    #[test]
    fn a_cut_of_several_sentences_with_a_word_translated_apart_is_a_fragment() {
        let answer = (
            "Hablamos del comercio y del agua. Nos entendimos muy bien con el gobernador, \
             aunque no éramos amigos. Tuvimos una reunión muy productiva y me pareció un \
             hombre serio.",
            Lang::Es,
        );
        let cut = (
            "Tuvimos una reunión muy productiva. Me pareció un hombre serio. Nos entendimos \
             de maravilla.",
            Lang::Es,
        );
        let s = score(cut, answer);
        assert_eq!(s.relation, Some(Relation::FragmentOf), "{s:?}");
        // One sentence with a clause swapped is another statement.
        let s = score(
            (
                "No vamos a cerrar las escuelas solo para cuadrar las cuentas",
                Lang::Es,
            ),
            (
                "No vamos a subir los impuestos a las pequeñas empresas solo para cuadrar \
                 las cuentas.",
                Lang::Es,
            ),
        );
        assert_eq!(s.relation, None, "{s:?}");
    }

    #[test]
    fn diplomatic_qualifiers_translate() {
        let s = score(
            ("una transición adecuada y juiciosa", Lang::Es),
            ("a proper and judicious transition", Lang::En),
        );
        assert_eq!(s.relation, Some(Relation::Same), "{s:?}");
    }

    #[test]
    fn irregular_preterites_meet_their_translations() {
        let s = score(
            ("We looked at ways to reactivate the economy", Lang::En),
            ("Vimos cómo reactivar la economía", Lang::Es),
        );
        assert!(s.relation.is_some(), "{s:?}");
    }

    #[test]
    fn short_fragments_of_long_translations_match_by_content() {
        let s = score(
            ("Nobody listens to us", Lang::En),
            (
                "Llevamos tres semanas sin agua y nadie nos escucha",
                Lang::Es,
            ),
        );
        assert_eq!(s.relation, Some(Relation::FragmentOf), "{s:?}");
        let s = score(
            ("The reservoir is at 9 percent of its capacity", Lang::En),
            (
                "El embalse está al 9 % de su capacidad. En setenta años nunca vimos algo así",
                Lang::Es,
            ),
        );
        assert_eq!(s.relation, Some(Relation::FragmentOf), "{s:?}");
    }

    #[test]
    fn short_translations_and_verbatim_repeats_match() {
        let s = score(
            ("I thought he was terrific", Lang::En),
            ("Me pareció estupendo", Lang::Es),
        );
        assert_eq!(s.relation, Some(Relation::Same), "{s:?}");
        let s = score(("You are great.", Lang::En), ("“You are great”", Lang::En));
        assert_eq!(s.relation, Some(Relation::Same), "{s:?}");
    }

    #[test]
    fn negation_polarity_compares_across_languages() {
        let s = score(
            (
                "O racionamos ahora o en diciembre no habrá nada que racionar",
                Lang::Es,
            ),
            (
                "Either we ration now, or in December there will be nothing left to ration",
                Lang::En,
            ),
        );
        assert_eq!(s.relation, Some(Relation::Same), "{s:?}");
        let s = score(
            ("Fue una reunión muy productiva", Lang::Es),
            ("Hemos tenido una reunión muy productiva", Lang::Es),
        );
        assert_eq!(
            s.relation, None,
            "generic wording with its verb swapped: {s:?}"
        );
    }

    #[test]
    fn a_negation_counts_only_in_the_sentences_both_quotes_render() {
        let whole = "The glaciers that fed this reservoir have lost almost half of their mass since 1990. That water is not coming back.";
        let s = score(
            (
                "The glaciers that fed this reservoir have lost almost half of their mass since 1990.",
                Lang::En,
            ),
            (whole, Lang::En),
        );
        assert_eq!(s.relation, Some(Relation::Same), "{s:?}");
        // A negation in a sentence both render still parts them, and so does one in a
        // sentence too short to stand without the one before it.
        for (one, other) in [
            (
                "The glaciers that fed this reservoir have not lost half of their mass since 1990.",
                whole,
            ),
            (
                "Our members will read every line before they vote",
                "We will read every line. Then we will vote. Not before.",
            ),
        ] {
            let s = score((one, Lang::En), (other, Lang::En));
            assert_eq!(s.relation, None, "{one} / {other}: {s:?}");
        }
    }

    #[test]
    fn fragments_are_recorded() {
        let s = score(
            ("sick man", Lang::En),
            ("a sick man who likes making cocaine", Lang::En),
        );
        assert_eq!(s.relation, Some(Relation::FragmentOf), "{s:?}");
    }

    #[test]
    fn contradicting_numbers_and_names_part_statements() {
        let s = score(
            (
                "I have spoken with 790 families in Ostrena this week",
                Lang::En,
            ),
            (
                "I have spoken with 270 families in Ostrena this week",
                Lang::En,
            ),
        );
        assert_eq!(s.relation, None, "{s:?}");
        let s = score(
            (
                "I have spoken with 790 families in Ostrena this week",
                Lang::En,
            ),
            (
                "Esta semana he hablado con 790 familias de Nueva Tolva",
                Lang::Es,
            ),
        );
        assert_eq!(s.relation, None, "{s:?}");
        let s = score(
            ("790 families", Lang::En),
            (
                "Esta semana he hablado con 790 familias de Ostrena",
                Lang::Es,
            ),
        );
        assert_eq!(s.relation, Some(Relation::FragmentOf), "{s:?}");
        let s = score(
            ("We are not going to reform small business loans", Lang::En),
            ("We are not going to review small business loans", Lang::En),
        );
        assert_eq!(s.relation, None, "swapped word: {s:?}");
        let s = score(
            (
                "Cuando los presos sean liberados, revisaremos las sanciones",
                Lang::Es,
            ),
            (
                "revisaremos las sanciones cuando los presos queden en libertad",
                Lang::Es,
            ),
        );
        assert_eq!(
            s.relation,
            Some(Relation::Same),
            "synonyms are no swap: {s:?}"
        );
        let s = score(
            (
                "We are not going to cut off water to the hospitals, not today, not ever",
                Lang::En,
            ),
            (
                "We will not cut the water to hospitals, neither today nor ever",
                Lang::En,
            ),
        );
        assert_eq!(s.relation, Some(Relation::Same), "{s:?}");
        let lexicon = Lexicon::builtin();
        let normalizer = Normalizer::new(lexicon);
        let aside = compare_anchors_aside(
            &normalizer.normalize("We will send 300 observers to the border", Lang::En),
            &normalizer.normalize("We will send 200 observers to the border", Lang::En),
            lexicon,
        );
        assert_eq!(aside.relation, Some(Relation::Same), "{aside:?}");
    }

    #[test]
    fn a_translation_sharing_a_rare_name_outranks_many_glossed_namesakes() {
        let lexicon = Lexicon::builtin();
        let normalizer = Normalizer::new(lexicon);
        let towns = [
            "Nueva Tolva",
            "Puerto Almira",
            "Santa Leira",
            "Costavela",
            "Riscaluz",
            "Valmeral",
            "San Ebrel",
            "Monteluz",
            "Rocafria",
            "Altamar",
        ];
        let mut cores: Vec<NormalizedQuote> = towns
            .iter()
            .map(|town| {
                normalizer.normalize(
                    &format!("Es la peor crisis que ha vivido {town} en 8 años"),
                    Lang::Es,
                )
            })
            .collect();
        cores.push(normalizer.normalize(
            "This is the worst crisis Ostrena has seen in 8,100 years",
            Lang::En,
        ));
        let quote = normalizer.normalize(
            "Es la peor crisis que ha vivido Ostrena en 8.100 años",
            Lang::Es,
        );
        let mut index = CoreIndex::new(cores.iter().chain([&quote]));
        for (id, core) in cores.iter().enumerate() {
            index.add_core(id, core);
        }
        assert!(index.candidates(&quote).contains(&towns.len()));
    }

    #[test]
    fn names_anchor_across_languages() {
        let s = score(
            ("The top tier lives in Dubai, Madrid, Miami", Lang::En),
            ("La cúpula vive en Dubái, Madrid, Miami", Lang::Es),
        );
        assert_eq!(s.relation, Some(Relation::Same), "{s:?}");
        assert!(s.anchors.iter().any(|a| a == "Madrid"));
    }
}
