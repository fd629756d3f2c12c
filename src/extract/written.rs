//! Written words quoted again: once attribution knows who wrote what, a quotation whose words
//! all stand, in order, in a written quotation of the same person ("called her “dear
//! Claudia”" before the post "“Hello my dear Claudia …”, she wrote") is writing too; and a
//! written medium named once ("In a Facebook statement, Saifuddin said …") carries to the
//! person's later quotes until a spoken setting or another speaker's quote.

use super::kind::folded_words;
use super::{lower_words, Document};
use crate::lang::LanguagePack;
use crate::model::QuoteKind;

/// Turns speech into writing where a quotation repeats words of a written quotation by the
/// same person. `persons` (the person each quotation is credited to) and `kinds` hold one entry
/// per quotation of `doc`.
pub fn follow_written_words(doc: &Document, persons: &[Option<usize>], kinds: &mut [QuoteKind]) {
    let written: Vec<usize> = (0..doc.quotes.len())
        .filter(|&i| kinds[i] == QuoteKind::Writing && persons[i].is_some())
        .collect();
    if written.is_empty() {
        return;
    }
    // Only credited speech and writing are compared: the others keep no words.
    let words: Vec<Vec<String>> = (0..doc.quotes.len())
        .map(|i| {
            let compared =
                persons[i].is_some() && matches!(kinds[i], QuoteKind::Speech | QuoteKind::Writing);
            if compared {
                folded_words(&doc.quotes[i].text)
            } else {
                Vec::new()
            }
        })
        .collect();
    for index in 0..doc.quotes.len() {
        if kinds[index] != QuoteKind::Speech || words[index].is_empty() {
            continue;
        }
        let Some(person) = persons[index] else {
            continue;
        };
        let repeats_written = written.iter().any(|&other| {
            other != index
                && persons[other] == Some(person)
                && words[other]
                    .windows(words[index].len())
                    .any(|w| w == words[index].as_slice())
        });
        if repeats_written {
            kinds[index] = QuoteKind::Writing;
        }
    }
}

/// What attribution found for one quotation: its person and the sentence that credits it.
pub type Credit = Option<(usize, (usize, usize))>;

/// Turns speech into writing where a written document named earlier in the paragraph still
/// holds: a sentence that names one ("In a Facebook statement, Saifuddin said …", "said in a
/// statement") makes writing of the later quotes of its paragraph credited to its person (the
/// person of a quote in it, else the first person it names), until another person's quote or
/// a sentence, or the sentence crediting a quote, that names a spoken setting ("told
/// reporters", "en rueda de prensa"). A quote nobody is credited with in a sentence that names
/// a written medium is writing too ("«…», son algunos de los comentarios en la publicación").
/// `names` holds the byte offset and the person of every name mention, in order; `credits` and
/// `kinds` one entry per quotation of `doc`.
pub fn carry_written_medium(
    doc: &Document,
    pack: &LanguagePack,
    names: &[(usize, usize)],
    credits: &[Credit],
    kinds: &mut [QuoteKind],
) {
    let Some(last_quote) = doc.quotes.last() else {
        return;
    };
    if doc.sentences.is_empty() || doc.paragraphs.is_empty() {
        return;
    }
    let sentence_words =
        |(start, end): (usize, usize)| lower_words(doc, &doc.words_outside_quotes(start, end));
    let names_setting =
        |words: &[String]| (0..words.len()).any(|at| pack.spoken_setting_at(&words[at..]));
    // The person a document holds for, and its paragraph.
    let mut carrier: Option<(usize, usize)> = None;
    // Cheap first: only paragraphs that hold speech are read.
    let mut holds_speech = vec![false; doc.paragraphs.len()];
    for (quote, kind) in doc.quotes.iter().zip(kinds.iter()) {
        if quote.depth == 0 && *kind == QuoteKind::Speech {
            holds_speech[doc.paragraph_at(quote.open)] = true;
        }
    }
    let mut next_quote = 0;
    for (index, &(start, end)) in doc.sentences[..=doc.sentence_at(last_quote.open)]
        .iter()
        .enumerate()
    {
        let first = next_quote;
        while next_quote < doc.quotes.len() && doc.sentence_at(doc.quotes[next_quote].open) == index
        {
            next_quote += 1;
        }
        let here = first..next_quote;
        if !holds_speech[doc.paragraph_at(start)] {
            carrier = None;
            continue;
        }
        let words = sentence_words((start, end));
        // A document named in the sentence outweighs a setting named with it ("said in a
        // statement after the meeting"); a bare platform does not ("in a video on X").
        let document = (0..words.len()).any(|at| pack.written_document_at(&words[at..]).is_some());
        if document {
            let named_before = names.partition_point(|&(at, _)| at < start);
            let named_here = names.partition_point(|&(at, _)| at < end);
            carrier = here
                .clone()
                .find_map(|q| credits[q].map(|(person, _)| person))
                .or_else(|| {
                    names[named_before..named_here]
                        .first()
                        .map(|&(_, person)| person)
                })
                .map(|person| (person, doc.paragraph_at(start)));
        }
        let setting = !document && names_setting(&words);
        if setting {
            carrier = None;
        }
        let medium = document || (!setting && names_platform_after_cue(pack, &words));
        for quote in here {
            if doc.quotes[quote].depth > 0 || !kinds[quote].is_statement() {
                continue;
            }
            match (credits[quote], carrier) {
                (None, _) if medium => kinds[quote] = QuoteKind::Writing,
                (None, _) => {}
                // Attribution read the medium of a quote its own sentence credits.
                (Some(_), _) if medium => {}
                (Some((person, credit_sentence)), Some((holder, paragraph)))
                    if person == holder
                        && doc.paragraph_at(doc.quotes[quote].open) == paragraph
                        && (credit_sentence == (start, end)
                            || !names_setting(&sentence_words(credit_sentence))) =>
                {
                    kinds[quote] = QuoteKind::Writing;
                }
                (Some(_), _) => carrier = None,
            }
        }
    }
}

/// How many words a reporting verb right before a platform may have ("ha escrito en X").
const MAX_CUE_WORDS: usize = 3;

/// True when the lower-case `words` of a sentence name a platform right after a reporting verb
/// ("said on X", "escribió en su cuenta de X"): a platform named otherwise is often what people
/// talk about ("habló de lo que ocurre en X"). A written document named anywhere counts too,
/// but the caller has looked for one already.
fn names_platform_after_cue(pack: &LanguagePack, words: &[String]) -> bool {
    let after_cue = |at: usize| {
        (at.saturating_sub(MAX_CUE_WORDS)..at).any(|cue| {
            pack.cue_at(&words[cue..], false)
                .is_some_and(|m| cue + m.len == at)
        })
    };
    (0..words.len()).any(|at| pack.written_medium_at(&words[at..]).is_some() && after_cue(at))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    #[test]
    fn words_repeated_from_the_same_persons_written_quote_are_writing() {
        use QuoteKind::*;
        let body = "She called her “dear Claudia” in a post. “Hello my dear Claudia, where are you,” she wrote. He spoke of “dear Claudia” too, and of “where she is”.";
        let doc = Document::new(body);
        let mut kinds = vec![Speech, Writing, Speech, Speech];
        follow_written_words(&doc, &[Some(0), Some(0), Some(1), Some(0)], &mut kinds);
        // Another person's words, or words the post does not hold, stay speech.
        assert_eq!(kinds, [Writing, Writing, Speech, Speech]);
    }

    /// The spans of the sentences of `doc` that hold each quotation: each quote credited by its
    /// own sentence.
    fn own_sentences(doc: &Document) -> Vec<(usize, usize)> {
        doc.quotes
            .iter()
            .map(|q| doc.sentences[doc.sentence_at(q.open)])
            .collect()
    }

    #[test]
    fn a_written_document_carries_to_its_persons_later_quotes_in_the_paragraph() {
        use QuoteKind::*;
        let body = "In a written statement, Dubois said the plan was sound. “We will not wait,” she said. “The rules hold,” Dubois added.\n\n“Trade is open,” Dubois said.\n\nIn a letter, Dubois said she agreed. “It is fair,” Ruiz said. “It is late,” Dubois said.\n\nIn a statement, Dubois said she agreed. “We won,” she told reporters. “It is done,” she said.\n\nDubois said in a statement after the meeting that she agreed. “Yes,” she said.";
        let doc = Document::new(body);
        let pack = Lang::En.pack();
        let names: Vec<(usize, usize)> = body
            .match_indices("Dubois")
            .map(|(at, _)| (at, 0))
            .chain(body.match_indices("Ruiz").map(|(at, _)| (at, 1)))
            .collect::<std::collections::BTreeMap<_, _>>()
            .into_iter()
            .collect();
        let persons = [0, 0, 0, 1, 0, 0, 0, 0];
        let credits: Vec<Credit> = own_sentences(&doc)
            .into_iter()
            .zip(persons)
            .map(|(sentence, person)| Some((person, sentence)))
            .collect();
        let mut kinds = vec![Speech; doc.quotes.len()];
        carry_written_medium(&doc, pack, &names, &credits, &mut kinds);
        // Not past the paragraph, another person's quote or a spoken setting; a setting named
        // with the document does not end it.
        assert_eq!(
            kinds,
            [Writing, Writing, Speech, Speech, Speech, Speech, Speech, Writing]
        );
    }

    #[test]
    fn a_quote_nobody_is_credited_with_in_a_sentence_naming_a_written_medium_is_writing() {
        use QuoteKind::*;
        let body = "«No es sorpresa»; «es culpa de él», son algunos de los comentarios en la publicación del ministro.\n\nHabló de lo que ocurre en la red social X, donde «se juega duro».";
        let doc = Document::new(body);
        let mut kinds = vec![Speech; doc.quotes.len()];
        carry_written_medium(&doc, Lang::Es.pack(), &[], &[None, None, None], &mut kinds);
        // A platform named as what someone talks about names no medium of the quote.
        assert_eq!(kinds, [Writing, Writing, Speech]);
    }
}
