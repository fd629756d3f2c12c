//! Main-text extraction: the article's own paragraphs, without navigation, ads, cookie banners,
//! related-article lists or comments, as plain text with a blank line between paragraphs.
//!
//! The container of the article is the element marked `itemprop="articleBody"`, else the
//! element whose paragraphs score highest (readability's idea: every paragraph of real prose
//! scores for its parent and, half, for its grandparent; link lists and short lines do not
//! score). Inside it, boilerplate is dropped by tag (`nav`, `aside`, `form`, `script`...),
//! by ARIA role and by class or id words (`cookie`, `related`, `comments`, `ad`...).
//!
//! Quotations the markup marks are written so the quotation-mark scanner finds them: `<q>`
//! becomes typographic marks, a `<blockquote>` its own paragraphs between marks (each paragraph
//! reopening the quote, the multi-paragraph convention), a blockquote's `<cite>` or `<footer>`
//! author a colon introduction before it ("Ana Ruiz: “…”"), and an embedded post (a tweet, a
//! Bluesky or Mastodon post...) an explicit attribution sentence naming the account holder
//! ("Gustavo Petro (@petrogustavo) wrote on X: “…”").

use crate::lang::Lang;
use scraper::{ElementRef, Html, Node};
use std::collections::HashMap;

/// A paragraph shorter than this (in characters) does not score its container: captions,
/// datelines and buttons are short.
const MIN_SCORING_PARAGRAPH_CHARS: usize = 25;
/// A paragraph whose text is more than this share of link text is a link list ("Read more:
/// …"), never prose.
const MAX_LINK_SHARE: f64 = 0.5;
/// A sibling of the best container joins the main text when it scores at least this share of
/// the best score (articles split by an ad slot into two `div`s).
const SIBLING_SCORE_SHARE: f64 = 0.3;
/// An author in a blockquote's `<cite>` or `<footer>` has at most this many words; a longer
/// footer is a source line, not a name.
const MAX_AUTHOR_WORDS: usize = 6;

/// Elements deeper than this below the container are written as their plain text, without
/// looking at their markup: real articles nest a few levels, and the writer recurses.
const MAX_RENDER_DEPTH: usize = 128;

/// Tags whose content is never article text.
const SKIPPED_TAGS: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "aside",
    "form",
    "button",
    "iframe",
    "svg",
    "select",
    "input",
    "textarea",
    "header",
    "footer",
    "figcaption",
    "h1",
    "menu",
    "dialog",
    "object",
    "embed",
    "video",
    "audio",
    "canvas",
    "map",
    "head",
    "title",
];

/// Tags that start and end a paragraph.
const BLOCK_TAGS: &[&str] = &[
    "p", "div", "section", "article", "main", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl",
    "dt", "dd", "table", "tr", "td", "th", "pre", "figure", "hr", "address", "center", "details",
    "summary", "body", "html", "tbody", "thead",
];

/// ARIA roles of page furniture.
const BOILERPLATE_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "dialog",
    "alertdialog",
    "search",
    "menu",
    "menubar",
];

/// Words of class and id names (split at `-`, `_` and case) that mark page furniture, in
/// English and in Spanish (newsrooms name their classes in their own language).
const BOILERPLATE_WORDS: &[&str] = &[
    "ad",
    "ads",
    "advert",
    "advertisement",
    "anuncio",
    "anuncios",
    "banner",
    "breadcrumb",
    "breadcrumbs",
    "byline",
    "cabecera",
    "comentarios",
    "comment",
    "comments",
    "compartir",
    "consent",
    "cookie",
    "cookies",
    "disqus",
    "footer",
    "gdpr",
    "lateral",
    "menu",
    "modal",
    "nav",
    "navbar",
    "navigation",
    "newsletter",
    "outbrain",
    "paywall",
    "popup",
    "promo",
    "publicidad",
    "recommended",
    "related",
    "relacionadas",
    "relacionados",
    "share",
    "sharing",
    "sidebar",
    "sponsored",
    "subscribe",
    "suscripcion",
    "taboola",
    "trending",
    "widget",
];

/// Whole class or id names (separators removed) that mark page furniture.
const BOILERPLATE_NAMES: &[&str] = &[
    "mostread",
    "mostpopular",
    "pullquote",
    "readmore",
    "relatedarticles",
    "socialshare",
    "tags",
];

/// Classes of embedded posts and the platform each names.
const EMBED_CLASSES: &[(&str, &str)] = &[
    ("twitter-tweet", "X"),
    ("twitter-video", "X"),
    ("bluesky-embed", "Bluesky"),
    ("mastodon-embed", "Mastodon"),
    ("text-post-media", "Threads"),
    ("instagram-media", "Instagram"),
    ("tiktok-embed", "TikTok"),
];

/// The main text of a page.
#[derive(Debug, Default)]
pub(super) struct MainText {
    /// Paragraphs joined by blank lines.
    pub text: String,
    /// How many paragraphs it has.
    pub paragraphs: usize,
    /// How many embedded posts were written as attributed quotations.
    pub embeds: usize,
}

/// The main text of `page`, written with the quotation marks and reporting words of `lang`.
pub(super) fn main_text(page: &Html, lang: Lang) -> MainText {
    let root = page.root_element();
    let containers = article_container(root).unwrap_or_else(|| vec![body_of(root)]);
    let mut writer = Writer::new(lang);
    for container in containers {
        writer.element(container);
        writer.flush();
    }
    writer.finish()
}

/// Renders an HTML fragment (a JSON-LD `articleBody` holding markup) the same way.
pub(super) fn fragment_text(fragment: &str, lang: Lang) -> MainText {
    let page = Html::parse_fragment(fragment);
    let mut writer = Writer::new(lang);
    writer.element(page.root_element());
    writer.flush();
    writer.finish()
}

/// The plain text of `element`, white space collapsed.
pub(super) fn plain_text(element: ElementRef) -> String {
    collapse_spaces(&element.text().collect::<String>())
}

fn body_of(root: ElementRef) -> ElementRef {
    root.child_elements()
        .find(|e| e.value().name() == "body")
        .unwrap_or(root)
}

/// The element(s) holding the article: `itemprop="articleBody"`, else the best-scoring
/// container and its siblings that score nearly as well, in document order.
fn article_container(root: ElementRef) -> Option<Vec<ElementRef>> {
    let elements: Vec<ElementRef> = root.descendent_elements().collect();
    if let Some(marked) = elements.iter().find(|e| {
        e.value()
            .attr("itemprop")
            .is_some_and(|p| p.split_whitespace().any(|w| w == "articleBody"))
            && !is_excluded(**e)
    }) {
        return Some(vec![*marked]);
    }
    let mut scores = HashMap::new();
    for paragraph in elements.iter().filter(|e| e.value().name() == "p") {
        if is_excluded(*paragraph) {
            continue;
        }
        let text = plain_text(*paragraph);
        let chars = text.chars().count();
        if chars < MIN_SCORING_PARAGRAPH_CHARS || link_share(*paragraph, chars) > MAX_LINK_SHARE {
            continue;
        }
        // Readability's measure: one point per paragraph, one per comma, one per 100 characters
        // (at most three).
        let score = 1.0 + text.matches([',', '،']).count() as f64 + (chars / 100).min(3) as f64;
        let parent = paragraph.parent().and_then(ElementRef::wrap);
        if let Some(parent) = parent {
            *scores.entry(parent.id()).or_insert(0.0) += score;
            if let Some(grandparent) = parent.parent().and_then(ElementRef::wrap) {
                *scores.entry(grandparent.id()).or_insert(0.0) += score / 2.0;
            }
        }
    }
    // The first element (in document order) of the best score: deterministic.
    let mut best: Option<(ElementRef, f64)> = None;
    for element in &elements {
        if let Some(&score) = scores.get(&element.id()) {
            if best.is_none_or(|(_, b)| score > b) {
                best = Some((*element, score));
            }
        }
    }
    let (best, best_score) = best?;
    let Some(parent) = best.parent().and_then(ElementRef::wrap) else {
        return Some(vec![best]);
    };
    let chosen = parent
        .child_elements()
        .filter(|sibling| {
            sibling.id() == best.id()
                || scores
                    .get(&sibling.id())
                    .is_some_and(|&s| s >= best_score * SIBLING_SCORE_SHARE)
                    && !is_boilerplate(*sibling)
        })
        .collect();
    Some(chosen)
}

/// True when `element` or an ancestor is page furniture.
fn is_excluded(element: ElementRef) -> bool {
    std::iter::successors(Some(element), |e| e.parent().and_then(ElementRef::wrap))
        .any(|e| SKIPPED_TAGS.contains(&e.value().name()) || is_boilerplate(e))
}

/// True when the element's role, class or id marks it as page furniture, or it is hidden.
fn is_boilerplate(element: ElementRef) -> bool {
    let value = element.value();
    if value.attr("hidden").is_some()
        || value.attr("aria-hidden") == Some("true")
        || value.attr("style").is_some_and(|s| {
            let s = s.replace(' ', "").to_ascii_lowercase();
            s.contains("display:none") || s.contains("visibility:hidden")
        })
    {
        return true;
    }
    if value
        .attr("role")
        .is_some_and(|r| BOILERPLATE_ROLES.contains(&r.trim().to_ascii_lowercase().as_str()))
    {
        return true;
    }
    if embed_platform(element).is_some() {
        return false;
    }
    let names = value.classes().chain(value.id());
    names.into_iter().any(is_boilerplate_name)
}

fn is_boilerplate_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    let joined: String = lower
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect();
    if BOILERPLATE_NAMES.contains(&joined.as_str()) {
        return true;
    }
    // "relatedArticles", "cookie-banner", "ad_slot": words split at separators and case.
    let mut words = Vec::new();
    let mut word = String::new();
    let mut previous_lower = false;
    for c in name.chars() {
        let boundary = !c.is_ascii_alphanumeric() || (c.is_ascii_uppercase() && previous_lower);
        if boundary && !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
        previous_lower = c.is_ascii_lowercase();
        if c.is_ascii_alphanumeric() {
            word.push(c.to_ascii_lowercase());
        }
    }
    words.push(word);
    words
        .iter()
        .any(|w| BOILERPLATE_WORDS.contains(&w.as_str()))
}

/// Share of `element`'s text (of `chars` characters) that is link text.
fn link_share(element: ElementRef, chars: usize) -> f64 {
    if chars == 0 {
        return 0.0;
    }
    let linked: usize = element
        .descendent_elements()
        .filter(|e| e.value().name() == "a")
        .map(|a| plain_text(a).chars().count())
        .sum();
    linked as f64 / chars as f64
}

/// The platform of an embedded post, from its blockquote's class.
fn embed_platform(element: ElementRef) -> Option<&'static str> {
    if element.value().name() != "blockquote" {
        return None;
    }
    element.value().classes().find_map(|class| {
        EMBED_CLASSES
            .iter()
            .find(|(name, _)| class.eq_ignore_ascii_case(name))
            .map(|(_, platform)| *platform)
    })
}

/// Collapses runs of white space into one space.
fn collapse_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Quotation marks and reporting words of a language.
struct Style {
    /// Outer opening and closing marks.
    outer: (&'static str, &'static str),
    /// Marks of a quotation inside another.
    inner: (&'static str, &'static str),
    /// "wrote on" / "escribió en", before the platform's name.
    wrote_on: &'static str,
}

fn style(lang: Lang) -> Style {
    match lang {
        Lang::En => Style {
            outer: ("“", "”"),
            inner: ("‘", "’"),
            wrote_on: "wrote on",
        },
        Lang::Es => Style {
            outer: ("«", "»"),
            inner: ("“", "”"),
            wrote_on: "escribió en",
        },
    }
}

/// Writes elements as paragraphs of plain text.
struct Writer {
    lang: Lang,
    style: Style,
    /// Drop `<cite>` elements (inside a blockquote whose author is named apart).
    skip_cite: bool,
    paragraphs: Vec<String>,
    current: String,
    /// Characters of the current paragraph that are link text.
    link_chars: usize,
    /// Depth inside `<a>` elements.
    in_link: usize,
    /// Depth inside `<q>` elements.
    quote_depth: usize,
    /// Depth of the element being written, below the container.
    depth: usize,
    embeds: usize,
}

impl Writer {
    fn new(lang: Lang) -> Self {
        Writer {
            lang,
            style: style(lang),
            skip_cite: false,
            paragraphs: Vec::new(),
            current: String::new(),
            link_chars: 0,
            in_link: 0,
            quote_depth: 0,
            depth: 0,
            embeds: 0,
        }
    }

    fn finish(mut self) -> MainText {
        self.flush();
        MainText {
            paragraphs: self.paragraphs.len(),
            text: self.paragraphs.join("\n\n"),
            embeds: self.embeds,
        }
    }

    /// Ends the current paragraph; a link list or an empty one is dropped.
    fn flush(&mut self) {
        let paragraph = std::mem::take(&mut self.current);
        let paragraph = paragraph.trim();
        let chars = paragraph.chars().count();
        let link_chars = std::mem::take(&mut self.link_chars);
        if chars == 0 || link_chars as f64 > MAX_LINK_SHARE * chars as f64 {
            return;
        }
        self.paragraphs.push(paragraph.to_string());
    }

    /// Appends text, its white space collapsed.
    fn text(&mut self, text: &str) {
        let starts_with_space = text.starts_with(char::is_whitespace);
        let ends_with_space = text.ends_with(char::is_whitespace);
        let collapsed = collapse_spaces(text);
        if starts_with_space && !self.current.is_empty() && !self.current.ends_with(' ') {
            self.current.push(' ');
        }
        if self.in_link > 0 {
            self.link_chars += collapsed.chars().count();
        }
        self.current.push_str(&collapsed);
        if ends_with_space && !collapsed.is_empty() {
            self.current.push(' ');
        }
    }

    fn children(&mut self, element: ElementRef) {
        for child in element.children() {
            match child.value() {
                Node::Text(text) => self.text(text),
                Node::Element(_) => {
                    if let Some(child) = ElementRef::wrap(child) {
                        self.element(child);
                    }
                }
                _ => {}
            }
        }
    }

    fn element(&mut self, element: ElementRef) {
        if self.depth >= MAX_RENDER_DEPTH {
            self.text(&plain_text(element));
            return;
        }
        self.depth += 1;
        self.element_within_depth(element);
        self.depth -= 1;
    }

    fn element_within_depth(&mut self, element: ElementRef) {
        let name = element.value().name();
        if SKIPPED_TAGS.contains(&name)
            || is_boilerplate(element)
            || (self.skip_cite && name == "cite")
        {
            return;
        }
        match name {
            "br" => self.flush(),
            "q" => {
                let (open, close) = self.marks(self.quote_depth);
                self.current.push_str(open);
                self.quote_depth += 1;
                self.children(element);
                self.quote_depth -= 1;
                self.current = self.current.trim_end().to_string();
                self.current.push_str(close);
            }
            "a" => {
                self.in_link += 1;
                self.children(element);
                self.in_link -= 1;
            }
            "blockquote" => {
                self.flush();
                match embed_platform(element) {
                    Some(platform) => self.embed(element, platform),
                    None => self.blockquote(element),
                }
            }
            _ if BLOCK_TAGS.contains(&name) => {
                self.flush();
                self.children(element);
                self.flush();
            }
            _ => self.children(element),
        }
    }

    fn marks(&self, depth: usize) -> (&'static str, &'static str) {
        if depth % 2 == 0 {
            self.style.outer
        } else {
            self.style.inner
        }
    }

    /// The paragraphs of `element` written by a writer of their own (the current one is
    /// empty); `skip_cite` drops `<cite>` elements (a blockquote's author, named apart).
    fn paragraphs_of(&self, element: ElementRef, skip_cite: bool) -> Vec<String> {
        let mut inner = Writer {
            skip_cite,
            quote_depth: self.quote_depth,
            depth: self.depth,
            ..Writer::new(self.lang)
        };
        inner.children(element);
        inner.flush();
        inner.paragraphs
    }

    /// A blockquote: its paragraphs between marks, each reopening the quote, after a colon
    /// introduction naming the author its `<cite>` or `<footer>` gives.
    fn blockquote(&mut self, element: ElementRef) {
        let author = element
            .descendent_elements()
            .find(|e| matches!(e.value().name(), "cite" | "footer"))
            .map(plain_text)
            .map(|a| a.trim_start_matches(['—', '–', '-', '―', ' ']).to_string())
            .filter(|a| !a.is_empty() && a.split_whitespace().count() <= MAX_AUTHOR_WORDS);
        let paragraphs = self.paragraphs_of(element, author.is_some());
        self.quoted_paragraphs(paragraphs, author.map(|a| format!("{a}:")));
    }

    /// Writes `paragraphs` as one quotation, after `introduction` when given.
    fn quoted_paragraphs(&mut self, paragraphs: Vec<String>, introduction: Option<String>) {
        if paragraphs.is_empty() {
            return;
        }
        let (open, close) = self.marks(self.quote_depth);
        let already_quoted = paragraphs[0].starts_with(['“', '«', '"', '‘', '\'', '—']);
        let last = paragraphs.len() - 1;
        for (index, paragraph) in paragraphs.into_iter().enumerate() {
            if index == 0 {
                if let Some(introduction) = &introduction {
                    self.current.push_str(introduction);
                    self.current.push(' ');
                }
            }
            if !already_quoted {
                self.current.push_str(open);
            }
            self.current.push_str(&paragraph);
            if !already_quoted && index == last {
                self.current.push_str(close);
            }
            self.flush();
        }
    }

    /// An embedded post: "Name (@handle) wrote on X: “…”", from the embed's own text.
    fn embed(&mut self, element: ElementRef, platform: &str) {
        let posts: Vec<ElementRef> = element
            .child_elements()
            .filter(|e| e.value().name() == "p")
            .collect();
        let post_text = collapse_spaces(
            &posts
                .iter()
                .map(|p| plain_text(*p))
                .collect::<Vec<_>>()
                .join(" "),
        );
        // The author stands outside the post's paragraphs: "— Name (@handle) date".
        let outside: String = element
            .children()
            .filter(|c| {
                ElementRef::wrap(*c).is_none_or(|e| !posts.iter().any(|p| p.id() == e.id()))
            })
            .map(|c| match c.value() {
                Node::Text(text) => text.to_string(),
                Node::Element(_) => ElementRef::wrap(c).map(plain_text).unwrap_or_default(),
                _ => String::new(),
            })
            .collect::<String>();
        let author = embed_author(&outside);
        match (author, post_text.is_empty()) {
            (_, true) => {}
            (Some(author), false) => {
                self.embeds += 1;
                let introduction = format!("{author} {} {platform}:", self.style.wrote_on);
                self.quoted_paragraphs(vec![post_text], Some(introduction));
            }
            (None, false) => self.quoted_paragraphs(vec![post_text], None),
        }
    }
}

/// The account holder of an embedded post from the text around it: "Name (@handle)", or a
/// lone "@handle".
fn embed_author(text: &str) -> Option<String> {
    let text = collapse_spaces(text).replace("( @", "(@");
    if let Some(at) = text.find("(@") {
        let close = text[at..].find(')').map(|c| at + c + 1)?;
        let name = text[..at]
            .trim()
            .trim_start_matches(['—', '–', '-', '―', ' '])
            .rsplit(['—', '–'])
            .next()
            .unwrap_or("")
            .trim();
        let handle = text[at + 1..close - 1].trim();
        return Some(if name.is_empty() {
            handle.to_string()
        } else {
            format!("{name} ({handle})")
        });
    }
    text.split_whitespace()
        .find(|w| w.starts_with('@') && w.len() > 1)
        .map(|w| w.trim_end_matches([',', '.', ':', ')']).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(html: &str) -> String {
        main_text(&Html::parse_document(html), Lang::En).text
    }

    #[test]
    fn boilerplate_names_are_told_by_their_words() {
        assert!(is_boilerplate_name("cookie-banner"));
        assert!(is_boilerplate_name("relatedArticles"));
        assert!(is_boilerplate_name("ad_slot"));
        assert!(is_boilerplate_name("pull-quote"));
        assert!(!is_boilerplate_name("article-body"));
        assert!(!is_boilerplate_name("heading"));
        assert!(!is_boilerplate_name("shadow"));
    }

    #[test]
    fn paragraphs_are_kept_and_furniture_dropped() {
        let html = "<html><body><nav><p>Home, World, Politics, Sports, Opinion</p></nav>\
            <div class=\"cookie-consent\"><p>We use cookies, to improve your experience here.</p></div>\
            <article><p>The first paragraph of the story, long enough to count.</p>\
            <div class=\"ad-slot\">Advertisement</div>\
            <p>The second paragraph, also long enough, with a <q>quoted phrase</q> in it.</p>\
            <ul class=\"related-links\"><li><a href=\"/x\">Another story about something</a></li></ul></article>\
            <section id=\"comments\"><p>A reader, who comments, at length about nothing at all.</p></section>\
            </body></html>";
        assert_eq!(
            text_of(html),
            "The first paragraph of the story, long enough to count.\n\n\
             The second paragraph, also long enough, with a “quoted phrase” in it."
        );
    }

    #[test]
    fn blockquotes_reopen_each_paragraph_and_name_their_author() {
        let html = "<article><p>The minister spoke at length, then, to the assembled press.</p>\
            <blockquote><p>We will not yield.</p><p>Not now, not ever.</p><footer>— Ana Ruiz</footer></blockquote></article>";
        assert_eq!(
            text_of(html),
            "The minister spoke at length, then, to the assembled press.\n\n\
             Ana Ruiz: “We will not yield.\n\n“Not now, not ever.”"
        );
    }

    #[test]
    fn embedded_posts_name_the_account_holder() {
        let html = "<article><p>The president answered on social media, late on Tuesday, in one line.</p>\
            <blockquote class=\"twitter-tweet\"><p lang=\"en\" dir=\"ltr\">We had a very good meeting \
            <a href=\"https://t.co/x\">pic.twitter.com/x</a></p>&mdash; Jane Doe (@janedoe) \
            <a href=\"https://twitter.com/janedoe/status/1\">February 3, 2026</a></blockquote></article>";
        let page = Html::parse_document(html);
        let main = main_text(&page, Lang::En);
        assert_eq!(main.embeds, 1);
        assert!(main.text.ends_with(
            "Jane Doe (@janedoe) wrote on X: “We had a very good meeting pic.twitter.com/x”"
        ));
        let spanish = main_text(&page, Lang::Es).text;
        assert!(spanish.ends_with("escribió en X: «We had a very good meeting pic.twitter.com/x»"));
    }

    #[test]
    fn embed_authors_come_from_name_and_handle() {
        assert_eq!(
            embed_author("— Gustavo Petro (@petrogustavo) February 3, 2026").as_deref(),
            Some("Gustavo Petro (@petrogustavo)")
        );
        assert_eq!(embed_author(" (@only) x").as_deref(), Some("@only"));
        assert_eq!(
            embed_author("— Ana Ruiz ( @ana.bsky.social ) March 3").as_deref(),
            Some("Ana Ruiz (@ana.bsky.social)")
        );
        assert_eq!(
            embed_author("Post by @someone.").as_deref(),
            Some("@someone")
        );
        assert_eq!(embed_author("February 3"), None);
    }
}
