//! HTML pages (`.html`, `.htm`, and the bodies of WARC responses): the article's main text and
//! the metadata the page declares about itself.
//!
//! Metadata, first found wins:
//! - title: JSON-LD `headline`, `og:title`, `<title>`;
//! - outlet: JSON-LD `publisher.name`, `og:site_name`, the URL's host;
//! - url: the WARC record's `WARC-Target-URI`, `<link rel=canonical>`, `og:url`, JSON-LD `url`;
//! - date: JSON-LD `datePublished`, `article:published_time`, `<meta name=date>`;
//! - language: JSON-LD `inLanguage`, `<html lang>`, `og:locale`.
//!
//! The text is the page's main text (see [`main_text`]) or the JSON-LD `articleBody` when that
//! keeps everything the main text has (see [`prefer_article_body`]); the article's
//! [`ArticleMeta::text_source`] says which, so quote offsets can be traced.

mod main_text;

use super::IngestError;
use crate::lang::{function_word_vote, Lang};
use crate::model::{Article, ArticleMeta};
use main_text::{fragment_text, main_text, plain_text, MainText};
use scraper::Html;
use serde_json::{Map, Value};

/// [`ArticleMeta::text_source`] of text extracted from the page's markup.
const TEXT_SOURCE_MAIN_TEXT: &str = "html-main-text";
/// [`ArticleMeta::text_source`] of text taken from the page's JSON-LD `articleBody`.
const TEXT_SOURCE_ARTICLE_BODY: &str = "json-ld-articleBody";

/// The JSON-LD `articleBody` replaces the main text only when it is at least this long
/// relative to it: a shorter one is a summary or a teaser.
const ARTICLE_BODY_MIN_SHARE: f64 = 0.8;
/// Pages whose elements nest deeper than this are refused: no news page comes near it (real
/// pages nest a few dozen deep), and the HTML parser's work grows with depth times elements.
const MAX_NESTING: usize = 1_000;
/// Elements without an end tag, or whose end tag may be left out: they do not nest.
const NON_NESTING_TAGS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead",
    "tbody", "tfoot", "colgroup", "caption", "rb", "rt", "rtc", "rp", "html", "head", "body",
];
/// How much of the page's text (in bytes) is read to guess the language of the words
/// quotecheck writes (reporting verbs, quotation marks) when the page declares none.
const LANGUAGE_SAMPLE_BYTES: usize = 4_000;

/// JSON-LD types of articles.
const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "Report",
];

/// What an HTML page holds.
#[derive(Debug)]
pub(super) enum Page {
    /// An article in a language quotecheck reads (or in no declared language).
    Article(Article),
    /// A page declaring another language: (the tag, where it was declared).
    OtherLanguage(String, &'static str),
}

/// Reads the HTML page `html` of file `path` into an article with id `id`; `target_url` (a
/// WARC record's URI) is the url when given.
pub(super) fn parse_page(
    path: &str,
    id: String,
    html: &str,
    target_url: Option<&str>,
) -> Result<Page, IngestError> {
    if !looks_like_html(html) {
        return Err(IngestError::new(
            path,
            None,
            "not an HTML page (no markup found)",
        ));
    }
    let depth = max_nesting(html);
    if depth > MAX_NESTING {
        return Err(IngestError::new(
            path,
            None,
            format!("HTML elements nested {depth} deep (more than {MAX_NESTING}): not a news page"),
        ));
    }
    let page = Html::parse_document(html);
    let found = PageMeta::read(&page);
    let declared_lang = match &found.lang {
        Some((tag, source)) => match Lang::from_tag(tag) {
            Some(lang) => Some(lang),
            None => return Ok(Page::OtherLanguage(tag.clone(), source)),
        },
        None => None,
    };
    let writing_lang = declared_lang
        .or_else(|| guess_language(&page))
        .unwrap_or(Lang::En);
    let dom = main_text(&page, writing_lang);
    let article_body = found
        .article_body
        .as_deref()
        .map(|body| article_body_text(body, writing_lang));
    let (main, text_source) = match article_body {
        Some(body) if prefer_article_body(&body, &dom) => (body, TEXT_SOURCE_ARTICLE_BODY),
        _ => (dom, TEXT_SOURCE_MAIN_TEXT),
    };
    if main.text.is_empty() {
        return Err(IngestError::new(
            path,
            None,
            "no article text in the HTML page (no paragraph outside navigation, ads and \
             comments, and no JSON-LD articleBody)",
        ));
    }
    let url = target_url
        .map(str::to_string)
        .or(found.canonical)
        .or(found.og_url)
        .or(found.json_ld_url);
    let outlet = found
        .outlet
        .or_else(|| url.as_deref().and_then(host_of).map(str::to_string));
    Ok(Page::Article(Article {
        id,
        meta: ArticleMeta {
            title: found.title,
            outlet,
            url,
            date: found.date,
            text_source: Some(text_source.to_string()),
        },
        declared_lang,
        body: main.text,
    }))
}

/// True when `text` holds something like an HTML tag (`<` then a letter, `!` or `/`): a page,
/// not plain text saved as `.html`.
fn looks_like_html(text: &str) -> bool {
    text.as_bytes().windows(2).any(|pair| {
        pair[0] == b'<' && (pair[1].is_ascii_alphabetic() || matches!(pair[1], b'!' | b'/'))
    })
}

/// How deep the page's elements nest, counted on the tags without parsing (a linear scan):
/// end tags close, tags that never nest and self-closed tags are not counted, and the content
/// of comments, scripts and styles is skipped.
fn max_nesting(html: &str) -> usize {
    let (mut depth, mut deepest, mut cursor) = (0usize, 0usize, 0usize);
    while let Some(found) = html[cursor..].find('<') {
        let at = cursor + found + 1;
        let rest = &html[at..];
        if rest.starts_with("!--") {
            cursor = rest.find("-->").map_or(html.len(), |end| at + end + 3);
            continue;
        }
        let closing = rest.starts_with('/');
        let name_start = usize::from(closing);
        let name_length = rest[name_start..]
            .bytes()
            .take_while(u8::is_ascii_alphanumeric)
            .count();
        let name = rest[name_start..name_start + name_length].to_ascii_lowercase();
        let tag_end = rest.find('>').map_or(html.len(), |end| at + end + 1);
        cursor = tag_end.max(at);
        if name.is_empty() || NON_NESTING_TAGS.contains(&name.as_str()) {
            continue;
        }
        if !closing && (name == "script" || name == "style") {
            cursor = find_end_tag(html, cursor, &name);
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else if !html[..tag_end].ends_with("/>") {
            depth += 1;
            deepest = deepest.max(depth);
        }
    }
    deepest
}

/// Where the end tag `</name` first stands in `html` after `from` (any case), else the end.
fn find_end_tag(html: &str, from: usize, name: &str) -> usize {
    let mut cursor = from;
    while let Some(found) = html[cursor..].find("</") {
        let at = cursor + found + 2;
        let candidate = html.as_bytes().get(at..at + name.len());
        if candidate.is_some_and(|c| c.eq_ignore_ascii_case(name.as_bytes())) {
            return cursor + found;
        }
        cursor = at;
    }
    html.len()
}

/// The JSON-LD `articleBody` is used when it keeps everything the main text has: it is nearly
/// as long, it keeps paragraph breaks when the page has them (multi-paragraph quotes and
/// dialogue need them) and the page embeds no post (whose author only the markup names).
fn prefer_article_body(body: &MainText, dom: &MainText) -> bool {
    if dom.text.is_empty() {
        return !body.text.is_empty();
    }
    body.text.len() as f64 >= ARTICLE_BODY_MIN_SHARE * dom.text.len() as f64
        && (body.paragraphs > 1 || dom.paragraphs <= 1)
        && dom.embeds == 0
}

/// The text of a JSON-LD `articleBody`: markup and entities rendered like the page's own,
/// plain text split into paragraphs at line breaks.
fn article_body_text(body: &str, lang: Lang) -> MainText {
    if body.contains('<') || body.contains('&') {
        return fragment_text(body, lang);
    }
    let paragraphs: Vec<String> = body
        .lines()
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|line| !line.is_empty())
        .collect();
    MainText {
        paragraphs: paragraphs.len(),
        text: paragraphs.join("\n\n"),
        embeds: 0,
    }
}

/// The language of the page's words by their function words, when it declares none.
fn guess_language(page: &Html) -> Option<Lang> {
    let mut sample = String::new();
    for piece in page.root_element().text() {
        if sample.len() >= LANGUAGE_SAMPLE_BYTES {
            break;
        }
        sample.push_str(piece);
        sample.push(' ');
    }
    function_word_vote(&sample).map(|(lang, _, _)| lang)
}

/// The host of an absolute URL, without `www.`.
fn host_of(url: &str) -> Option<&str> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit('@').next()?.split(':').next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then_some(host)
}

/// True for an absolute http(s) URL.
fn is_absolute_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// What the page declares about itself.
#[derive(Debug, Default)]
struct PageMeta {
    title: Option<String>,
    outlet: Option<String>,
    canonical: Option<String>,
    og_url: Option<String>,
    json_ld_url: Option<String>,
    date: Option<String>,
    /// The language tag and where it was declared.
    lang: Option<(String, &'static str)>,
    article_body: Option<String>,
}

impl PageMeta {
    fn read(page: &Html) -> PageMeta {
        let root = page.root_element();
        let mut metas: Vec<(String, String)> = Vec::new();
        let mut canonical = None;
        let mut title_element = None;
        let mut json_ld = JsonLd::default();
        for element in root.descendent_elements() {
            let value = element.value();
            match value.name() {
                "meta" => {
                    let key = value
                        .attr("property")
                        .or_else(|| value.attr("name"))
                        .or_else(|| value.attr("itemprop"))
                        .or_else(|| value.attr("http-equiv"));
                    if let (Some(key), Some(content)) = (key, value.attr("content")) {
                        metas.push((key.trim().to_ascii_lowercase(), content.trim().to_string()));
                    }
                }
                "link" if canonical.is_none() => {
                    let is_canonical = value.attr("rel").is_some_and(|rel| {
                        rel.split_whitespace()
                            .any(|r| r.eq_ignore_ascii_case("canonical"))
                    });
                    if is_canonical {
                        canonical = value
                            .attr("href")
                            .filter(|h| is_absolute_url(h))
                            .map(|h| h.trim().to_string());
                    }
                }
                "title" if title_element.is_none() => title_element = Some(element),
                "script" => {
                    let is_json_ld = value
                        .attr("type")
                        .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
                    if is_json_ld {
                        // Malformed JSON-LD is common and harmless: the page's other metadata
                        // and its text still serve.
                        if let Ok(parsed) =
                            serde_json::from_str::<Value>(&element.text().collect::<String>())
                        {
                            json_ld.add(parsed);
                        }
                    }
                }
                _ => {}
            }
        }
        let meta = |keys: &[&str]| {
            keys.iter().find_map(|key| {
                metas
                    .iter()
                    .find(|(k, v)| k == key && !v.is_empty())
                    .map(|(_, v)| v.clone())
            })
        };
        let article = json_ld.article();
        let field = |name: &str| article.and_then(|a| string_field(a.get(name)?));
        let html_lang = root
            .value()
            .attr("lang")
            .or_else(|| root.value().attr("xml:lang"))
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(|l| (l.to_string(), "<html lang>"));
        PageMeta {
            title: field("headline")
                .or_else(|| meta(&["og:title", "twitter:title"]))
                .or_else(|| title_element.map(plain_text).filter(|t| !t.is_empty())),
            outlet: article
                .and_then(|a| json_ld.publisher_name(a))
                .or_else(|| meta(&["og:site_name", "application-name"])),
            canonical,
            og_url: meta(&["og:url"]).filter(|u| is_absolute_url(u)),
            json_ld_url: field("url")
                .or_else(|| article.and_then(|a| id_field(a.get("mainEntityOfPage")?)))
                .filter(|u| is_absolute_url(u)),
            date: field("datePublished").or_else(|| {
                meta(&[
                    "article:published_time",
                    "og:article:published_time",
                    "datepublished",
                    "date",
                    "dc.date",
                    "dc.date.issued",
                ])
            }),
            lang: field("inLanguage")
                .or_else(|| article.and_then(|a| string_field(a.get("inLanguage")?.get("name")?)))
                .map(|l| (l, "JSON-LD inLanguage"))
                .or(html_lang)
                .or_else(|| meta(&["og:locale", "content-language"]).map(|l| (l, "og:locale"))),
            article_body: field("articleBody"),
        }
    }
}

/// The JSON-LD objects of a page, in document order (`@graph` members and arrays flattened).
#[derive(Debug, Default)]
struct JsonLd {
    objects: Vec<Map<String, Value>>,
}

impl JsonLd {
    fn add(&mut self, value: Value) {
        match value {
            Value::Array(items) => items.into_iter().for_each(|item| self.add(item)),
            Value::Object(mut object) => {
                if let Some(graph) = object.remove("@graph") {
                    self.add(graph);
                }
                self.objects.push(object);
            }
            _ => {}
        }
    }

    /// The first object whose `@type` is an article type.
    fn article(&self) -> Option<&Map<String, Value>> {
        self.objects.iter().find(|object| {
            let types: Vec<&str> = match object.get("@type") {
                Some(Value::String(t)) => vec![t.as_str()],
                Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
                _ => Vec::new(),
            };
            types.iter().any(|t| ARTICLE_TYPES.contains(t))
        })
    }

    /// The publisher's name: a string, an object with `name`, the first of an array, or a
    /// reference (`@id`) to an object elsewhere on the page.
    fn publisher_name(&self, article: &Map<String, Value>) -> Option<String> {
        let publisher = match article.get("publisher")? {
            Value::Array(items) => items.first()?,
            other => other,
        };
        if let Some(name) = string_field(publisher) {
            return Some(name);
        }
        if let Some(name) = publisher.get("name").and_then(string_field) {
            return Some(name);
        }
        let id = publisher.get("@id")?.as_str()?;
        self.objects
            .iter()
            .find(|o| o.get("@id").and_then(Value::as_str) == Some(id))
            .and_then(|o| string_field(o.get("name")?))
    }
}

/// A non-empty string value, trimmed.
fn string_field(value: &Value) -> Option<String> {
    value
        .as_str()
        .map(str::trim)
        .filter(|s| !s.is_empty() && *s != "None")
        .map(str::to_string)
}

/// A URL given as a string or as an object's `@id`.
fn id_field(value: &Value) -> Option<String> {
    string_field(value).or_else(|| string_field(value.get("@id")?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(html: &str) -> Article {
        match parse_page("p.html", "p.html".into(), html, None).unwrap() {
            Page::Article(article) => article,
            other => panic!("not an article: {other:?}"),
        }
    }

    const PARAGRAPHS: &str =
        "<p>The first paragraph of the story, long enough to count as prose.</p>\
        <p>The second paragraph, also long enough, and with a comma or two, here.</p>";

    #[test]
    fn json_ld_wins_over_open_graph_and_title() {
        let html = format!(
            "<html lang=\"en-US\"><head><title>Page | Site</title>\
             <meta property=\"og:title\" content=\"OG title\">\
             <meta property=\"og:site_name\" content=\"OG Site\">\
             <meta property=\"og:url\" content=\"https://og.test/a\">\
             <meta property=\"article:published_time\" content=\"2026-02-04\">\
             <link rel=\"canonical\" href=\"https://news.test/a\">\
             <script type=\"application/ld+json\">{{\"@context\":\"https://schema.org\",\"@graph\":[\
               {{\"@type\":\"Organization\",\"@id\":\"#org\",\"name\":\"The Test Times\"}},\
               {{\"@type\":\"NewsArticle\",\"headline\":\"Headline\",\"datePublished\":\"2026-02-03T10:00:00Z\",\
                 \"publisher\":{{\"@id\":\"#org\"}},\"inLanguage\":\"es\"}}]}}</script>\
             </head><body><article>{PARAGRAPHS}</article></body></html>"
        );
        let article = article(&html);
        assert_eq!(article.meta.title.as_deref(), Some("Headline"));
        assert_eq!(article.meta.outlet.as_deref(), Some("The Test Times"));
        assert_eq!(article.meta.url.as_deref(), Some("https://news.test/a"));
        assert_eq!(article.meta.date.as_deref(), Some("2026-02-03T10:00:00Z"));
        assert_eq!(article.declared_lang, Some(Lang::Es));
        assert_eq!(
            article.meta.text_source.as_deref(),
            Some(TEXT_SOURCE_MAIN_TEXT)
        );
    }

    #[test]
    fn open_graph_and_host_fill_in_without_json_ld() {
        let html = format!(
            "<html><head><meta property=\"og:url\" content=\"https://www.diario.test/x\">\
             <meta property=\"og:title\" content=\"Título\"></head><body>{PARAGRAPHS}</body></html>"
        );
        let article = article(&html);
        assert_eq!(article.meta.title.as_deref(), Some("Título"));
        assert_eq!(article.meta.outlet.as_deref(), Some("diario.test"));
        assert_eq!(article.declared_lang, None);
    }

    #[test]
    fn article_body_is_preferred_only_when_it_keeps_the_text() {
        let long_body = "The first paragraph of the story, long enough to count as prose.\n\
                         The second paragraph, also long enough, and with a comma or two, here.";
        let html = |body: &str| {
            format!(
                "<html><head><script type=\"application/ld+json\">{}</script></head>\
                 <body><article>{PARAGRAPHS}</article></body></html>",
                serde_json::json!({"@type": "NewsArticle", "articleBody": body})
            )
        };
        let full = article(&html(long_body));
        assert_eq!(
            full.meta.text_source.as_deref(),
            Some(TEXT_SOURCE_ARTICLE_BODY)
        );
        assert_eq!(full.body.matches("\n\n").count(), 1);
        let teaser = article(&html("A teaser."));
        assert_eq!(
            teaser.meta.text_source.as_deref(),
            Some(TEXT_SOURCE_MAIN_TEXT)
        );
    }

    #[test]
    fn other_languages_empty_pages_and_plain_text_are_told_apart() {
        let french = format!("<html lang=\"fr\"><body>{PARAGRAPHS}</body></html>");
        assert!(matches!(
            parse_page("f.html", "f".into(), &french, None),
            Ok(Page::OtherLanguage(tag, "<html lang>")) if tag == "fr"
        ));
        let empty = "<html><body><nav><a href=\"/\">Home</a></nav></body></html>";
        let error = parse_page("e.html", "e".into(), empty, None).unwrap_err();
        assert!(error.to_string().starts_with("e.html: no article text"));
        let error = parse_page("t.html", "t".into(), "just words", None).unwrap_err();
        assert_eq!(
            error.to_string(),
            "t.html: not an HTML page (no markup found)"
        );
    }

    #[test]
    fn nesting_is_counted_on_tags() {
        assert_eq!(
            max_nesting("<div><p>a<div><b>x</b></div></div><br><img/>"),
            3
        );
        assert_eq!(
            max_nesting("<svg><path/><path/></svg><!-- <div><div> -->"),
            1
        );
        assert_eq!(
            max_nesting("<script>if (a<b) { s = '<div><div>'; }</script><div></div>"),
            1
        );
        let deep = "<div>".repeat(MAX_NESTING + 1);
        let error = parse_page("d.html", "d".into(), &deep, None).unwrap_err();
        assert!(error.problem.starts_with("HTML elements nested 1001 deep"));
    }

    #[test]
    fn hosts_are_read_from_urls() {
        assert_eq!(host_of("https://www.news.test:8080/a?b"), Some("news.test"));
        assert_eq!(host_of("no url"), None);
    }
}
