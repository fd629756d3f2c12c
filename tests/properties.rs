//! Property tests over extraction and attribution on arbitrary text full of quotation marks:
//! no panic, spans on character boundaries inside the body, text matching its span.
//! For a longer local fuzz run: `PROPTEST_CASES=20000 cargo test --release --test properties`.

use proptest::prelude::*;
use quotecheck::{Article, ArticleMeta, Checker};
use std::sync::OnceLock;

fn checker() -> &'static Checker {
    static CHECKER: OnceLock<Checker> = OnceLock::new();
    CHECKER.get_or_init(Checker::new)
}

/// Text made of words, spaces, line breaks, dashes and every quotation mark the scanner knows.
fn hostile_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("“".to_string()),
        Just("”".to_string()),
        Just("«".to_string()),
        Just("»".to_string()),
        Just("‘".to_string()),
        Just("’".to_string()),
        Just("\"".to_string()),
        Just("'".to_string()),
        Just("‹".to_string()),
        Just("›".to_string()),
        Just("—".to_string()),
        Just("\n\n".to_string()),
        Just("\n".to_string()),
        Just(" ".to_string()),
        Just(", dijo Petro. ".to_string()),
        Just(" said Trump: ".to_string()),
        Just("él".to_string()),
        Just("don't".to_string()),
        "[a-zA-ZáéíóúñÑ]{1,8}",
        "\\PC{1,3}",
    ];
    prop::collection::vec(piece, 0..80).prop_map(|pieces| pieces.concat())
}

proptest! {
    #[test]
    fn quotes_have_sound_spans(body in hostile_text()) {
        let article = Article { id: "a".into(), meta: ArticleMeta::default(), declared_lang: None, body: body.clone() };
        let (_, quotes) = checker().extract(vec![article]);
        for quote in quotes {
            prop_assert!(quote.start <= quote.end && quote.end <= body.len());
            prop_assert!(body.is_char_boundary(quote.start) && body.is_char_boundary(quote.end));
            prop_assert!(!quote.text.is_empty());
            if !body[quote.start..quote.end].contains('\n') {
                prop_assert_eq!(&body[quote.start..quote.end], quote.text.as_str());
            }
            if let Some(attribution) = &quote.attribution {
                prop_assert!(attribution.sentence.0 <= attribution.sentence.1 && attribution.sentence.1 <= body.len());
            }
        }
    }

    #[test]
    fn checking_never_panics(bodies in prop::collection::vec(hostile_text(), 1..4)) {
        let articles = bodies.into_iter().enumerate().map(|(i, body)| Article {
            id: format!("a{i}"), meta: ArticleMeta::default(), declared_lang: None, body,
        }).collect();
        let analysis = checker().check(articles);
        for statement in &analysis.statements {
            prop_assert!(!statement.quotes.is_empty());
        }
    }
}
