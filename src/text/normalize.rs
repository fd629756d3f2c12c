//! Normalization: a quote becomes tokens that can be compared within and across languages.
//!
//! Each token keeps its folded form (lower case, no accents), its Snowball stem, whether it
//! carries content (not a stop word), and its *concepts*: for English the stem itself, for
//! Spanish the English stems the lexicon glosses it to. Numbers, written as digits or words,
//! become the concept `#N` in every language, so "dos horas" meets "two hours".

use super::{fold, lexicon::word_key, sentence_spans, tokenize, Lexicon, Word, WordMap};
use crate::lang::Lang;
use rust_stemmers::{Algorithm, Stemmer};
use std::cell::RefCell;
use std::sync::OnceLock;

/// The Snowball stem of a lower-case word.
pub(crate) fn stem(lang: Lang, word: &str) -> String {
    static EN: OnceLock<Stemmer> = OnceLock::new();
    static ES: OnceLock<Stemmer> = OnceLock::new();
    let stemmer = match lang {
        Lang::En => EN.get_or_init(|| Stemmer::create(Algorithm::English)),
        Lang::Es => ES.get_or_init(|| Stemmer::create(Algorithm::Spanish)),
    };
    stemmer.stem(word).into_owned()
}

/// What a word of a language is, whatever its place in a quote: computed once per distinct
/// word and shared by every token of it.
#[derive(Debug, PartialEq)]
pub struct WordInfo {
    /// The word as written.
    pub surface: Word,
    /// Lower case, accents stripped.
    pub folded: Word,
    /// Folded Snowball stem of the word's lemma in its language.
    pub key: Word,
    /// `~` and the key's first five letters: what a cognate in the other language shares.
    pub prefix: Word,
    /// Language the word was read in.
    pub lang: Lang,
    /// False for stop words (function words); negations and numbers always carry content.
    pub content: bool,
    /// True for a negation ("not", "nunca").
    pub negation: bool,
    /// True for an auxiliary verb ("tiene" in "tiene que"): no content word, yet one of the
    /// words that name a statement in finding fingerprints.
    pub auxiliary: bool,
    /// True for a number, in digits or words.
    pub number: bool,
    /// The number's value, for a number.
    value: Option<f64>,
    /// The word's own pivot concept: `#N` for a number, the key for an English word.
    own_concept: [Word; 1],
    /// For a Spanish word, keys of the lemmas it may be an inflection of that its own key
    /// misses (see [`spanish_alternate_keys`]): looked up in the lexicon when the key is not.
    alternate_keys: Vec<Word>,
}

/// One word of a normalized quote: the word, its pivot concepts, and whether it is an anchor.
/// It dereferences to its [`WordInfo`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NormToken<'a> {
    info: &'static WordInfo,
    /// Stems in the English pivot (the stem itself for English, glosses for Spanish), or `#N`
    /// for a number.
    pub concepts: &'a [Word],
    /// True when written with a capital inside the quote, or a number: names, places and
    /// figures that survive translation.
    pub anchor: bool,
}

impl std::ops::Deref for NormToken<'_> {
    type Target = WordInfo;

    fn deref(&self) -> &WordInfo {
        self.info
    }
}

/// A quote ready for matching.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct NormalizedQuote<'a> {
    /// Every word, in order.
    pub tokens: Vec<NormToken<'a>>,
    /// Positions in `tokens` where the quote's second and later sentences begin: empty for a
    /// quote of one sentence.
    pub sentence_starts: Vec<usize>,
}

impl<'a> NormalizedQuote<'a> {
    /// The content words, in order.
    pub fn content(&self) -> impl Iterator<Item = &NormToken<'a>> {
        self.tokens.iter().filter(|t| t.content)
    }

    /// True when both quotes are the same words (case, accents and punctuation aside).
    pub fn same_words(&self, other: &NormalizedQuote) -> bool {
        same_folded(&self.tokens, &other.tokens)
    }

    /// True when this quote's words (folded) are a stretch of `whole`'s, fewer than all of them:
    /// a trim of it.
    pub fn is_stretch_of(&self, whole: &NormalizedQuote) -> bool {
        !self.tokens.is_empty()
            && self.tokens.len() < whole.tokens.len()
            && whole
                .tokens
                .windows(self.tokens.len())
                .any(|window| same_folded(window, &self.tokens))
    }

    /// The folded content words joined by spaces: the quote's comparable core.
    pub fn core_text(&self) -> String {
        self.content()
            .map(|t| t.folded.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The quote's sentences, each as a quote of its own (the whole quote when it has one).
    pub fn sentences(&self) -> Vec<NormalizedQuote<'a>> {
        self.runs_of_sentences(1)
    }

    /// Every run of `count` adjacent sentences, each as one sentence of its own (none when the
    /// quote has fewer sentences): the words as an outlet that punctuated them otherwise
    /// would write them ("…una reunión muy buena. Me pareció fantástica" / "…una reunión muy
    /// buena, me pareció fantástica").
    pub fn runs_of_sentences(&self, count: usize) -> Vec<NormalizedQuote<'a>> {
        let mut bounds = vec![0];
        bounds.extend(&self.sentence_starts);
        bounds.push(self.tokens.len());
        bounds
            .windows(count + 1)
            .map(|span| NormalizedQuote {
                tokens: self.tokens[span[0]..span[count]].to_vec(),
                sentence_starts: Vec::new(),
            })
            .collect()
    }
}

/// Turns quote text into [`NormalizedQuote`]s.
pub struct Normalizer<'a> {
    lexicon: &'a Lexicon,
}

impl<'a> Normalizer<'a> {
    /// A normalizer glossing Spanish through `lexicon`.
    pub fn new(lexicon: &'a Lexicon) -> Self {
        Normalizer { lexicon }
    }

    /// Normalizes `text`, read as `lang`.
    pub fn normalize(&self, text: &str, lang: Lang) -> NormalizedQuote<'a> {
        let words = number_phrases(text, lang);
        let sentence_starts = sentence_starts(text, lang, &words);
        let tokens = words
            .into_iter()
            .enumerate()
            .map(|(position, phrase_word)| {
                let (word, info) = (phrase_word.text, phrase_word.info);
                let concepts: &'a [Word] = if let Some(value) = phrase_word.value {
                    number_concept(value)
                } else if info.number {
                    &info.own_concept
                } else if lang == Lang::En {
                    self.english_concepts(info)
                } else {
                    let glosses = self.lexicon.glosses(info.key);
                    if glosses.is_empty() {
                        info.alternate_keys
                            .iter()
                            .map(|&key| self.lexicon.glosses(key))
                            .find(|g| !g.is_empty())
                            .unwrap_or(glosses)
                    } else {
                        glosses
                    }
                };
                let anchor =
                    info.number || (info.content && position > 0 && super::is_capitalized(word));
                NormToken {
                    info,
                    concepts,
                    anchor,
                }
            })
            .collect();
        NormalizedQuote {
            tokens,
            sentence_starts,
        }
    }
}

/// Positions in `words` (the words of `text`) where the second and later sentences of `text`
/// begin, sentences ending as they do in an article body (abbreviations of `lang` aside).
fn sentence_starts(text: &str, lang: Lang, words: &[PhraseWord]) -> Vec<usize> {
    let is_abbreviation = |word: &str| lang.pack().abbreviations.contains(word);
    let spans = sentence_spans(text, &tokenize(text), &[], is_abbreviation);
    spans
        .iter()
        .skip(1)
        .map(|&(start, _)| words.partition_point(|w| w.start < start))
        .filter(|&position| position > 0 && position < words.len())
        .collect::<std::collections::BTreeSet<usize>>()
        .into_iter()
        .collect()
}

/// Shortest English word (in letters) read as "re" and a verb: "redo", "react" are too short
/// to tell.
const MIN_REPEAT_VERB_CHARS: usize = 6;

/// Shortest English word (in letters) read as an adjective and "-est": "best", "nest", "west"
/// are too short to tell.
const MIN_SUPERLATIVE_CHARS: usize = 6;

impl<'a> Normalizer<'a> {
    /// The concepts of an English word: its own stem, and for a content word the lexicon does
    /// not know that is built on a word it knows, also that word's concepts: "re" and a verb
    /// ("refill", "reopen", "re-elect") adds the verb and "again", so that "no volverán a
    /// llenar" meets "will not refill"; an adjective and "-est" ("poorest", "biggest",
    /// "safest", "happiest") adds the adjective, so that "los más pobres" meets "the poorest";
    /// a plural in "-men" ("women", "fishermen", "spokesmen") adds its singular in "-man",
    /// which the stemmer does not reach.
    /// A word the lexicon knows ("report", "remain", "honest", "interest") is never split.
    fn english_concepts(&self, info: &'static WordInfo) -> &'a [Word] {
        thread_local! {
            // By lexicon (its address) and word: another lexicon may know other words.
            static SPLIT: RefCell<WordMap<(usize, Word), &'static [Word]>> =
                RefCell::new(WordMap::default());
        }
        let memo_key = (std::ptr::from_ref(self.lexicon) as usize, info.key);
        let folded = info.folded.as_str();
        if !info.content || self.lexicon.knows_key(Lang::En, info.key) {
            return &info.own_concept;
        }
        if let Some(split) = SPLIT.with(|memo| memo.borrow().get(&memo_key).copied()) {
            return split;
        }
        let known_content_key = |word: &str| {
            let base = word_info(Lang::En, word);
            (base.content && self.lexicon.knows_key(Lang::En, base.key)).then_some(base.key)
        };
        let letters = folded.chars().count();
        let repeated_verb = folded
            .strip_prefix("re")
            .filter(|_| letters >= MIN_REPEAT_VERB_CHARS)
            .and_then(|verb| known_content_key(verb.trim_start_matches('-')));
        let superlative_base = || {
            folded
                .strip_suffix("est")
                .filter(|_| letters >= MIN_SUPERLATIVE_CHARS)
                .and_then(|root| superlative_bases(root).find_map(|base| known_content_key(&base)))
        };
        let singular_of_men = || {
            folded
                .strip_suffix("men")
                .and_then(|root| known_content_key(&format!("{root}man")))
        };
        let split: &'static [Word] = if let Some(verb_key) = repeated_verb {
            let again = Word::new(&word_key(Lang::En, "again"));
            Box::leak(Box::new([info.key, verb_key, again]))
        } else if let Some(base_key) = superlative_base().or_else(singular_of_men) {
            Box::leak(Box::new([info.key, base_key]))
        } else {
            &info.own_concept
        };
        SPLIT.with(|memo| memo.borrow_mut().insert(memo_key, split));
        split
    }
}

/// The adjectives an English superlative's `root` (the word without "-est") may come from,
/// most likely first: "hard" (hardest), "safe" (safest), "big" (biggest), "happy" (happiest).
fn superlative_bases(root: &str) -> impl Iterator<Item = String> + '_ {
    let mut letters = root.chars().rev();
    let last = letters.next();
    let doubled = last.filter(|&l| letters.next() == Some(l) && !"aeiou".contains(l));
    [
        Some(root.to_string()),
        Some(format!("{root}e")),
        doubled
            .and_then(|l| root.strip_suffix(l))
            .map(str::to_string),
        root.strip_suffix('i').map(|stem| format!("{stem}y")),
    ]
    .into_iter()
    .flatten()
}

/// The [`WordInfo`] of `word` read as `lang`, computed on a thread's first sight of it.
/// Infos live until the process ends, like [`Word`]s; each thread keeps its own table, so
/// looking one up never waits on another thread.
fn word_info(lang: Lang, word: &str) -> &'static WordInfo {
    thread_local! {
        static INFOS: RefCell<WordMap<(Lang, Word), &'static WordInfo>> =
            RefCell::new(WordMap::default());
    }
    let surface = Word::new(word);
    if let Some(info) = INFOS.with(|infos| infos.borrow().get(&(lang, surface)).copied()) {
        return info;
    }
    let pack = lang.pack();
    let lower = word.to_lowercase();
    let value = parse_number(&lower).or_else(|| pack.numbers.get(&lower).map(|&n| n as f64));
    // A spelled multiplier of a thousand or more ("million", "mil") counts nothing alone: a
    // quote that opens on it ("millones para el alumbrado") cut off the figure it scales, which
    // `number_phrases` joins it to when the quote holds it.
    let number = value.filter(|&v| !is_scale_word(&lower, v));
    let key = Word::new(&word_key(lang, &lower));
    let own_concept = match number {
        Some(n) => number_concept(n)[0],
        None => key,
    };
    // Word lists spell apostrophes straight, and list a word without its possessive
    // ("nobody’s" is a negation as "nobody" is).
    let straight = lower.replace('’', "'");
    let listed = |list: &std::collections::HashSet<String, super::FastHash>| {
        list.contains(&straight)
            || straight
                .strip_suffix("'s")
                .is_some_and(|base| list.contains(base))
    };
    let info: &'static WordInfo = Box::leak(Box::new(WordInfo {
        surface,
        folded: Word::new(&fold(word)),
        key,
        prefix: Word::new(&format!("~{}", key.chars().take(5).collect::<String>())),
        lang,
        content: number.is_some() || !(listed(&pack.stopwords) || listed(&pack.auxiliaries)),
        negation: listed(&pack.negations),
        auxiliary: number.is_none() && listed(&pack.auxiliaries),
        number: number.is_some(),
        value,
        own_concept: [own_concept],
        alternate_keys: if lang == Lang::Es && number.is_none() {
            spanish_alternate_keys(&lower, key)
        } else {
            Vec::new()
        },
    }));
    INFOS.with(|infos| infos.borrow_mut().insert((lang, surface), info));
    info
}

/// Endings of the Spanish future and conditional, which attach to the whole infinitive
/// ("leerán" = "leer" + "án"): the stemmer leaves some of these forms apart from their verb.
const SPANISH_FUTURE_ENDINGS: [&str; 11] = [
    "íamos", "íais", "emos", "éis", "ías", "ían", "án", "ás", "ía", "á", "é",
];

/// Keys of the lemmas a Spanish word may inflect that its own key (`key`) can miss: the
/// infinitive of a future or conditional form (regular or irregular), the infinitive of a form
/// with an inserted "y" ("cayó" → "caer", "huyen" → "huir"), and the stem with a changed vowel
/// restored (e→ie "quieren", o→ue "resuelve", e→i "eligió", "pidió"), so that "eligió" finds
/// the glosses of "elegir". Tried in order, only when the key itself has no glosses.
fn spanish_alternate_keys(lower: &str, key: Word) -> Vec<Word> {
    let mut keys = Vec::new();
    for ending in SPANISH_FUTURE_ENDINGS {
        if let Some(infinitive) = lower.strip_suffix(ending) {
            if ["ar", "er", "ir"].iter().any(|e| infinitive.ends_with(e)) {
                keys.push(Word::new(&word_key(Lang::Es, infinitive)));
            } else if let Some(root) = infinitive.strip_suffix("dr") {
                // Irregular futures drop the infinitive's vowel and add a d: "mantendrá"
                // (mantener), "saldrá" (salir).
                for vowel in ["er", "ir"] {
                    keys.push(Word::new(&word_key(Lang::Es, &format!("{root}{vowel}"))));
                }
            } else if let Some(root) = infinitive.strip_suffix('r') {
                // Others only drop the vowel: "podrá" (poder), "habrá" (haber).
                keys.push(Word::new(&word_key(Lang::Es, &format!("{root}er"))));
            }
            break;
        }
    }
    if let Some(root) = y_inflection_root(lower) {
        // "cayó", "leyeron" (caer, leer); "huyen", "construyó" (huir, construir).
        for ending in ["er", "ir"] {
            keys.push(Word::new(&word_key(Lang::Es, &format!("{root}{ending}"))));
        }
    }
    for (changed, plain) in [("ue", "o"), ("ie", "e"), ("i", "e")] {
        if let Some(at) = key.rfind(changed) {
            let restored = format!("{}{plain}{}", &key[..at], &key[at + changed.len()..]);
            keys.push(Word::new(&restored));
        }
    }
    keys.retain(|k| *k != key);
    keys.dedup();
    keys
}

/// Endings after the "y" that verbs in "-aer", "-eer", "-oír" and "-uir" put between their
/// vowel-final stem and the preterite, gerund or past subjunctive ("cayó", "leyeron",
/// "huyendo", "construyera").
const SPANISH_Y_PAST_ENDINGS: [&str; 8] =
    ["ó", "eron", "endo", "era", "eras", "eran", "ese", "esen"];

/// Endings after the "y" that verbs in "-uir" put between their stem and the present
/// ("huyen", "construye", "incluya").
const SPANISH_Y_PRESENT_ENDINGS: [&str; 8] = ["o", "es", "e", "en", "a", "as", "an", "amos"];

/// The stem of a Spanish verb form that puts a "y" between a vowel-final stem and its ending
/// ("ca" in "cayó", "constru" in "construyen"), for the infinitive to be rebuilt from it.
/// Present forms are only read for a stem in "u", where the "y" cannot be the word's own
/// consonant as in "mayo", "leyes" or "apoyo".
fn y_inflection_root(lower: &str) -> Option<&str> {
    let at = lower.rfind('y')?;
    let (root, ending) = (&lower[..at], &lower[at + 1..]);
    let read = if SPANISH_Y_PAST_ENDINGS.contains(&ending) {
        root.ends_with(['a', 'e', 'o', 'u'])
    } else {
        SPANISH_Y_PRESENT_ENDINGS.contains(&ending) && root.ends_with('u')
    };
    read.then_some(root)
}

/// A number in digits, whichever separators its language uses: a group of three digits after
/// a point or comma is thousands ("1,000", "8.100"), any other group decimals ("2.5", "2,5").
fn parse_number(word: &str) -> Option<f64> {
    if !word.chars().next()?.is_ascii_digit() {
        return None;
    }
    let groups: Vec<&str> = word.split(['.', ',']).collect();
    let (last, leading) = groups.split_last()?;
    if !groups
        .iter()
        .all(|g| !g.is_empty() && g.chars().all(|c| c.is_ascii_digit()))
    {
        return None;
    }
    if leading.is_empty() || last.len() == 3 {
        return groups.concat().parse().ok();
    }
    format!("{}.{last}", leading.concat()).parse().ok()
}

/// The pivot concept of a number, `#N` (`#2.5` for a fraction), shared by every rendering of
/// its value; one leaked slice per value and thread.
fn number_concept(value: f64) -> &'static [Word] {
    thread_local! {
        static CONCEPTS: RefCell<std::collections::HashMap<u64, &'static [Word; 1]>> =
            RefCell::new(std::collections::HashMap::new());
    }
    CONCEPTS.with(|concepts| {
        *concepts
            .borrow_mut()
            .entry(value.to_bits())
            .or_insert_with(|| {
                let rounded = (value * 1000.0).round() / 1000.0;
                Box::leak(Box::new([Word::new(&format!("#{rounded}"))]))
            })
    })
}

/// True for a number word that multiplies what comes before it ("hundred", "mil",
/// "millones", "billion"): a power of ten from a hundred up ("quinientos" adds).
fn is_multiplier(value: f64) -> bool {
    [1e2, 1e3, 1e6, 1e9, 1e12].contains(&value)
}

/// The words of `text` with, for the first word of each phrase that writes one number over
/// several words, the phrase's value; the phrase's other number words are dropped, but for
/// its scale words (see [`is_scale_word`]), which stay as words. A number word
/// extends a number before it when it multiplies it ("2.000 millones", "$2 billion", "dos mil
/// millones": all 2,000,000,000) or when both are words and it is smaller ("twenty five",
/// "treinta y cinco", "dos mil quinientos"). Digits never extend digits ("2019 300"), and
/// punctuation ends a phrase.
fn number_phrases(text: &str, lang: Lang) -> Vec<PhraseWord<'_>> {
    let mut words: Vec<PhraseWord> = Vec::new();
    let mut phrase: Option<OpenNumber> = None;
    let mut connector: Option<PhraseWord> = None;
    for token in tokenize(text) {
        if !token.is_word {
            phrase = None;
            words.extend(connector.take());
            continue;
        }
        let text = token.text(text);
        let word = PhraseWord {
            start: token.start,
            text,
            info: word_info(lang, text),
            value: None,
        };
        let spelled = !text.starts_with(|c: char| c.is_ascii_digit());
        match (&mut phrase, word.info.value) {
            (Some(open), Some(value)) if spelled && open.takes(value) => {
                connector = None;
                words[open.first].value = Some(open.add(value));
                // A scale word stays as a word, so that a fragment opening on it still aligns.
                if !word.info.number {
                    words.push(word);
                }
            }
            (Some(_), None) if connector.is_none() && is_number_connector(lang, text) => {
                connector = Some(word);
            }
            (_, value) => {
                words.extend(connector.take());
                phrase = value.filter(|_| word.info.number).map(|v| OpenNumber {
                    first: words.len(),
                    total: 0.0,
                    group: v,
                    largest: 0.0,
                    last: v,
                    last_spelled: spelled,
                });
                words.push(word);
            }
        }
    }
    words.extend(connector);
    words
}

/// A word of a quote with its shared information and, for the first word of a number written
/// over several words, the whole number's value (see [`number_phrases`]).
struct PhraseWord<'t> {
    /// Byte offset of the word in the quote.
    start: usize,
    text: &'t str,
    info: &'static WordInfo,
    value: Option<f64>,
}

/// A number being read over several words ("dos millones quinientos mil").
struct OpenNumber {
    /// Index of its first word.
    first: usize,
    /// Value of the groups already scaled by a thousand or more.
    total: f64,
    /// Value of the group being read (below the last scale).
    group: f64,
    /// Largest scale met so far.
    largest: f64,
    /// Value of its last word.
    last: f64,
    /// Whether its last word is spelled out.
    last_spelled: bool,
}

impl OpenNumber {
    /// True when the spelled number word `value` extends it: a multiplier, or a smaller word
    /// after a word of twenty or more ("twenty five").
    fn takes(&self, value: f64) -> bool {
        is_multiplier(value) || (self.last_spelled && value < self.last && self.last >= 20.0)
    }

    /// Adds the spelled number word `value`; returns the number's value so far.
    fn add(&mut self, value: f64) -> f64 {
        if is_multiplier(value) {
            let base = if self.group == 0.0 && self.total == 0.0 {
                1.0
            } else {
                self.group
            };
            if value >= 1000.0 && value > self.largest {
                self.total = (self.total + base) * value;
                self.largest = value;
                self.group = 0.0;
            } else if value >= 1000.0 {
                self.total += base * value;
                self.group = 0.0;
            } else {
                self.group = base * value;
            }
        } else {
            self.group += value;
        }
        self.last = value;
        self.last_spelled = true;
        self.total + self.group
    }
}

/// True for a number word that multiplies by a thousand or more ("thousand", "millones").
fn is_scale_word(word: &str, value: f64) -> bool {
    value >= 1000.0 && is_multiplier(value) && !word.starts_with(|c: char| c.is_ascii_digit())
}

/// True for the word that joins tens and units or hundreds and the rest ("treinta y cinco",
/// "one hundred and five").
fn is_number_connector(lang: Lang, word: &str) -> bool {
    match lang {
        Lang::En => word.eq_ignore_ascii_case("and"),
        Lang::Es => word.eq_ignore_ascii_case("y"),
    }
}

/// True when two runs of tokens are the same folded words.
fn same_folded(a: &[NormToken], b: &[NormToken]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.folded == y.folded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quote_knows_where_its_sentences_begin() {
        let normalizer = Normalizer::new(Lexicon::builtin());
        let quote = normalizer.normalize(
            "We met Gov. Ortiz today. Was it useful? It was, and we will meet again",
            Lang::En,
        );
        let firsts: Vec<&str> = quote
            .sentence_starts
            .iter()
            .map(|&i| quote.tokens[i].surface.as_str())
            .collect();
        assert_eq!(firsts, ["Was", "It"]);
        let sentences = quote.sentences();
        assert_eq!(sentences.len(), 3);
        assert_eq!(sentences[1].tokens.len(), 3);
        assert!(normalizer
            .normalize("A single sentence, with a comma.", Lang::En)
            .sentence_starts
            .is_empty());
    }

    #[test]
    fn numbers_meet_across_languages() {
        let normalizer = Normalizer::new(Lexicon::builtin());
        let en = normalizer.normalize("two hours", Lang::En);
        let es = normalizer.normalize("2 horas", Lang::Es);
        assert_eq!(en.tokens[0].concepts, ["#2"]);
        assert_eq!(es.tokens[0].concepts, ["#2"]);
        assert!(es.tokens[1]
            .concepts
            .iter()
            .any(|c| en.tokens[1].concepts.contains(c)));
    }

    #[test]
    fn a_number_over_several_words_is_one_value() {
        let normalizer = Normalizer::new(Lexicon::builtin());
        let concepts = |text: &str, lang| -> Vec<String> {
            normalizer
                .normalize(text, lang)
                .tokens
                .iter()
                .filter(|t| t.number)
                .map(|t| t.concepts[0].to_string())
                .collect()
        };
        for (text, lang) in [
            ("$2 billion", Lang::En),
            ("two billion", Lang::En),
            ("2.000 millones", Lang::Es),
            ("2 mil millones", Lang::Es),
            ("dos mil millones", Lang::Es),
        ] {
            assert_eq!(concepts(text, lang), ["#2000000000"], "{text}");
        }
        for (text, lang) in [
            ("2.5 million", Lang::En),
            ("2,5 millones", Lang::Es),
            ("dos millones quinientos mil", Lang::Es),
            ("two million five hundred thousand", Lang::En),
        ] {
            assert_eq!(concepts(text, lang), ["#2500000"], "{text}");
        }
        assert_eq!(concepts("treinta y cinco", Lang::Es), ["#35"]);
        assert_eq!(concepts("thirty five", Lang::En), ["#35"]);
        assert_eq!(
            concepts("1,000 jobs", Lang::En),
            concepts("1.000 empleos", Lang::Es)
        );
        // Separate figures stay apart.
        assert_eq!(concepts("in 2019 300 people", Lang::En), ["#2019", "#300"]);
        assert_eq!(concepts("one two three", Lang::En), ["#1", "#2", "#3"]);
        assert_eq!(concepts("cinco, seis", Lang::Es), ["#5", "#6"]);
        // A scale word alone counts nothing, and stays a word after its figure, so that a
        // fragment opening on it aligns with the whole.
        assert!(concepts("millones para el alumbrado", Lang::Es).is_empty());
        let whole = normalizer.normalize("500 millones para el alumbrado", Lang::Es);
        let fragment = normalizer.normalize("millones para el alumbrado", Lang::Es);
        assert_eq!(whole.core_text(), "500 millones alumbrado");
        assert_eq!(fragment.tokens[0].concepts, whole.tokens[1].concepts);
        assert_eq!(concepts("dos y tres", Lang::Es), ["#2", "#3"]);
    }

    #[test]
    fn inflections_the_stemmer_misses_find_their_verb() {
        let normalizer = Normalizer::new(Lexicon::builtin());
        for (spanish, english) in [
            ("eligió", "choose"),
            ("leerán", "read"),
            ("resuelve", "solve"),
        ] {
            let es = normalizer.normalize(spanish, Lang::Es);
            let en = normalizer.normalize(english, Lang::En);
            assert!(
                es.tokens[0].concepts.contains(&en.tokens[0].concepts[0]),
                "{spanish}: {:?}",
                es.tokens[0].concepts
            );
        }
    }

    /// True when the first word of `spanish` and the first word of `english` share a concept.
    fn first_words_meet(spanish: &str, english: &str) -> bool {
        let normalizer = Normalizer::new(Lexicon::builtin());
        let es = normalizer.normalize(spanish, Lang::Es);
        let en = normalizer.normalize(english, Lang::En);
        es.tokens[0]
            .concepts
            .iter()
            .any(|c| en.tokens[0].concepts.contains(c))
    }

    #[test]
    fn forms_with_an_inserted_y_find_their_verb() {
        for (spanish, english) in [
            ("cayó", "fall"),
            ("cayeron", "fall"),
            ("huyen", "flee"),
            ("huyó", "flee"),
            ("creyó", "believe"),
            ("leyendo", "read"),
            ("construyó", "build"),
            ("construyen", "build"),
        ] {
            assert!(first_words_meet(spanish, english), "{spanish} ≠ {english}");
        }
        // A "y" of the word itself is no inserted one: "leyes" are laws, not reading. Where
        // the stem of an inserted-y form is a word of its own ("leyó", "ley"), the irregular
        // forms list gives its lemma.
        assert!(!first_words_meet("leyes", "read"));
        assert!(first_words_meet("leyó", "read"));
        assert!(first_words_meet("oyeron", "hear"));
    }

    #[test]
    fn a_superlative_meets_its_adjective() {
        for (spanish, superlative) in [
            ("pobres", "poorest"),
            ("difícil", "hardest"),
            ("barato", "cheapest"),
            ("segura", "safest"),
            ("feliz", "happiest"),
        ] {
            assert!(first_words_meet(spanish, superlative), "{superlative}");
        }
        // Words the lexicon knows stay whole: "honest" is no "hon" at its most.
        let normalizer = Normalizer::new(Lexicon::builtin());
        for word in ["honest", "interest", "forest", "protest", "request"] {
            let quote = normalizer.normalize(word, Lang::En);
            assert_eq!(quote.tokens[0].concepts.len(), 1, "{word}");
        }
    }

    #[test]
    fn a_plural_in_men_meets_its_singular() {
        for (spanish, plural) in [
            ("pescadores", "fishermen"),
            ("diputados", "congressmen"),
            ("voceros", "spokesmen"),
        ] {
            assert!(first_words_meet(spanish, plural), "{plural}");
        }
    }

    #[test]
    fn a_repeated_verb_meets_its_verb_and_again() {
        let normalizer = Normalizer::new(Lexicon::builtin());
        let concepts = |word: &str| {
            let quote = normalizer.normalize(word, Lang::En);
            quote.tokens[0].concepts.to_vec()
        };
        let refill = concepts("refill");
        let llenar = normalizer.normalize("llenar", Lang::Es);
        assert!(llenar.tokens[0].concepts.iter().any(|c| refill.contains(c)));
        assert!(refill.contains(&concepts("again")[0]));
        // Words the lexicon knows stay whole: "report" is no "port" again.
        assert_eq!(concepts("report").len(), 1);
    }

    #[test]
    fn negations_carry_content() {
        let normalizer = Normalizer::new(Lexicon::builtin());
        let quote = normalizer.normalize("We will not raise taxes", Lang::En);
        assert!(quote.content().any(|t| t.folded == "not"));
        assert!(!quote.content().any(|t| t.folded == "we"));
        let quote = normalizer.normalize("We won’t cave, but we’re ready", Lang::En);
        assert!(quote.content().any(|t| t.folded == "won’t" && t.negation));
        assert!(!quote.content().any(|t| t.folded == "we’re"));
        let quote = normalizer.normalize("growers are nobody’s bargaining chip", Lang::En);
        assert!(quote
            .content()
            .any(|t| t.folded == "nobody’s" && t.negation));
    }
}
