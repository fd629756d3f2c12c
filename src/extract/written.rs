//! Written words quoted again: once attribution knows who wrote what, a quotation whose words
//! all stand, in order, in a written quotation of the same person ("called her “dear
//! Claudia”" before the post "“Hello my dear Claudia …”, she wrote") is writing too.

use super::kind::folded_words;
use super::Document;
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
