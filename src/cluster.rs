//! Clustering: statements from matched quotes.
//!
//! Quotes are taken longest first; each joins the statement whose *core* (its longest quote)
//! it matches best, or founds a new statement. Every member is therefore close to the core, not
//! merely to some other member, so fragments cannot chain unrelated quotes together.

use crate::matching::{compare, CoreIndex, MatchScore};
use crate::model::Quote;
use crate::text::{Lexicon, NormalizedQuote};

/// Quotes reporting the same utterance.
#[derive(Clone, Debug, PartialEq)]
pub struct Statement {
    /// Stable id ("S1"), numbered by first appearance (article id order, then offset).
    pub id: String,
    /// Indices of the member quotes, in article order.
    pub quotes: Vec<usize>,
    /// Index of the core quote (the longest).
    pub core: usize,
    /// For each member, its match with the core (None for the core itself): the relation
    /// (same or fragment-of) and the evidence (aligned words, anchors).
    pub matches: Vec<Option<MatchScore>>,
}

/// Groups the statement quotes (speech and writing) of `quotes` into statements. `normalized`
/// holds each quote's normalized form. Returns statements in id order and the number of
/// candidate pairs scored.
pub fn cluster(
    quotes: &[Quote],
    normalized: &[NormalizedQuote],
    lexicon: &Lexicon,
) -> (Vec<Statement>, usize) {
    let eligible: Vec<usize> = (0..quotes.len())
        .filter(|&i| quotes[i].kind.is_statement())
        .collect();
    let mut index = CoreIndex::new(eligible.iter().map(|&i| &normalized[i]));
    let mut order = eligible;
    order.sort_by_key(|&i| (std::cmp::Reverse(normalized[i].content().count()), i));
    // (core, members with their match to the core)
    type Members = Vec<(usize, Option<MatchScore>)>;
    let mut members: Vec<(usize, Members)> = Vec::new();
    let mut scored = 0;
    for &quote in &order {
        let mut best: Option<(usize, MatchScore, f32)> = None;
        for cluster in index.candidates(&normalized[quote]) {
            scored += 1;
            let score = compare(&normalized[quote], &normalized[members[cluster].0], lexicon);
            if score.relation.is_some() {
                let strength = score.short_coverage + score.long_coverage;
                if best.as_ref().is_none_or(|(_, _, s)| strength > *s) {
                    best = Some((cluster, score, strength));
                }
            }
        }
        match best {
            Some((cluster, score, _)) => members[cluster].1.push((quote, Some(score))),
            None => {
                index.add_core(members.len(), &normalized[quote]);
                members.push((quote, vec![(quote, None)]));
            }
        }
    }
    let mut statements: Vec<Statement> = members
        .into_iter()
        .map(|(core, mut list)| {
            list.sort_by_key(|(q, _)| *q);
            let (quotes, matches) = list.into_iter().unzip();
            Statement {
                id: String::new(),
                quotes,
                core,
                matches,
            }
        })
        .collect();
    statements.sort_by_key(|s| s.quotes[0]);
    for (n, statement) in statements.iter_mut().enumerate() {
        statement.id = format!("S{}", n + 1);
    }
    (statements, scored)
}
