//! Finding fingerprints: short ids that name a finding across runs.
//!
//! A fingerprint is the 64-bit FNV-1a hash, as 16 lower-case hex digits, of
//!
//! ```text
//! "quotecheck-fingerprint-v1" US kind US word SP word SP … US speaker US speaker …
//! ```
//!
//! (US is the unit separator U+001F, SP a space) where `kind` is the finding kind's snake_case
//! name, the words are the statement's normalized core words (see `statement_words`) and the
//! speakers are the canonical names credited in the finding's evidence, sorted and without
//! repeats. Nothing in it depends on article ids, paths, byte offsets, statement numbers or the
//! order of the input, so it survives re-running with more articles and renaming or reordering
//! files. FNV-1a is written out here rather than taken from `std`, whose hasher may change
//! between Rust versions: a fingerprint stored in a baseline must mean the same thing forever.
//! Changing what goes into the hash means changing the version tag above.

use crate::cluster::Statement;
use crate::judge::FindingKind;
use crate::text::{NormToken, NormalizedQuote};

/// Tag at the start of every hashed text; a new fingerprint definition gets a new tag.
const VERSION_TAG: &str = "quotecheck-fingerprint-v1";

/// Separates the parts of the hashed text (no word or name holds it).
const UNIT_SEPARATOR: char = '\u{1f}';

/// The 64-bit FNV-1a hash of `bytes` (offset basis and prime from the FNV specification).
fn fnv1a64(bytes: &[u8]) -> u64 {
    const OFFSET_BASIS: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    bytes.iter().fold(OFFSET_BASIS, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(PRIME)
    })
}

/// The words of a quote that name it in a fingerprint: its content words and auxiliaries
/// (content words when the v1 definition was fixed).
fn naming_words<'q>(quote: &'q NormalizedQuote) -> impl Iterator<Item = &'q NormToken<'q>> {
    quote.tokens.iter().filter(|t| t.content || t.auxiliary)
}

/// The normalized core words of a statement: the comparison keys (folded stems of lemmas) of
/// the naming words (content words and auxiliaries) of its longest quote, sorted and without
/// repeats, so that word order and repeated words do not matter. Among quotes equally long (in
/// naming words), the one whose words sort first is taken, never the first in file order. A
/// quote with no naming words contributes all its words.
pub(crate) fn statement_words(
    statement: &Statement,
    normalized: &[NormalizedQuote],
) -> Vec<String> {
    let words_of = |quote: &NormalizedQuote| {
        let naming: Vec<&str> = naming_words(quote).map(|t| t.key.as_str()).collect();
        let mut words: Vec<String> = if naming.is_empty() {
            quote.tokens.iter().map(|t| t.key.to_string()).collect()
        } else {
            naming.into_iter().map(str::to_string).collect()
        };
        words.sort();
        words.dedup();
        words
    };
    let longest = statement
        .quotes
        .iter()
        .map(|&q| naming_words(&normalized[q]).count())
        .max()
        .unwrap_or(0);
    statement
        .quotes
        .iter()
        .filter(|&&q| naming_words(&normalized[q]).count() == longest)
        .map(|&q| words_of(&normalized[q]))
        .min()
        .unwrap_or_default()
}

/// The fingerprint of a finding of `kind` on a statement with core `words` whose evidence
/// credits `speakers` (in any order, repeats allowed).
pub(crate) fn fingerprint<'s>(
    kind: FindingKind,
    words: &[String],
    speakers: impl IntoIterator<Item = &'s str>,
) -> String {
    let mut speakers: Vec<&str> = speakers.into_iter().collect();
    speakers.sort_unstable();
    speakers.dedup();
    let mut text = String::from(VERSION_TAG);
    text.push(UNIT_SEPARATOR);
    text.push_str(kind.name());
    text.push(UNIT_SEPARATOR);
    text.push_str(&words.join(" "));
    for speaker in speakers {
        text.push(UNIT_SEPARATOR);
        text.push_str(speaker);
    }
    format!("{:016x}", fnv1a64(text.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::text::{Lexicon, Normalizer};

    #[test]
    fn fnv1a_matches_the_published_test_vectors() {
        assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a64(b"foobar"), 0x8594_4171_f739_67e8);
    }

    fn words(texts: &[&str]) -> Vec<String> {
        words_in(Lang::En, texts)
    }

    fn words_in(lang: Lang, texts: &[&str]) -> Vec<String> {
        let normalizer = Normalizer::new(Lexicon::builtin());
        let normalized: Vec<NormalizedQuote> = texts
            .iter()
            .map(|t| normalizer.normalize(t, lang))
            .collect();
        let statement = Statement {
            id: "S1".to_string(),
            quotes: (0..texts.len()).collect(),
            core: 0,
            matches: vec![None; texts.len()],
        };
        statement_words(&statement, &normalized)
    }

    #[test]
    fn core_words_are_stems_in_any_order_whatever_the_quote_order() {
        let one = words(&["We had a very good meeting", "a good meeting"]);
        assert_eq!(one, ["good", "meet", "veri"]);
        assert_eq!(
            words_in(Lang::Es, &["Tuvimos una muy buena reunión"]),
            ["buen", "muy", "reunion", "ten"]
        );
        assert_eq!(
            one,
            words(&["a good meeting", "We had a very good meeting"])
        );
        // Two quotes of the same length: the choice does not depend on which comes first.
        assert_eq!(
            words(&["the meeting was good", "the talks were fine"]),
            words(&["the talks were fine", "the meeting was good"])
        );
    }

    #[test]
    fn fingerprint_depends_on_kind_words_and_speaker_set_only() {
        let core = words(&["We had a very good meeting"]);
        let a = fingerprint(
            FindingKind::SpeakerConflict,
            &core,
            ["Gustavo Petro", "Donald Trump", "Donald Trump"],
        );
        assert_eq!(a.len(), 16);
        assert!(a.chars().all(|c| c.is_ascii_hexdigit()));
        assert_eq!(
            a,
            fingerprint(
                FindingKind::SpeakerConflict,
                &core,
                ["Donald Trump", "Gustavo Petro"]
            )
        );
        assert_ne!(
            a,
            fingerprint(
                FindingKind::SelfConflict,
                &core,
                ["Donald Trump", "Gustavo Petro"]
            )
        );
        assert_ne!(
            a,
            fingerprint(FindingKind::SpeakerConflict, &core, ["Donald Trump"])
        );
        let other = words(&["We had a very bad meeting"]);
        assert_ne!(
            a,
            fingerprint(
                FindingKind::SpeakerConflict,
                &other,
                ["Donald Trump", "Gustavo Petro"]
            )
        );
    }
}
