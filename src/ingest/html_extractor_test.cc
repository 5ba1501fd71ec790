#include "ingest/html_extractor.h"

#include <gtest/gtest.h>

#include <cstring>
#include <fstream>
#include <sstream>

#include "ingest/html_reader.h"
#include "ingest/ingest_testing.h"

namespace veille {
namespace {

Article PageArticle(const std::string& html, std::string_view charset = "") {
  Article article;
  Status status = MakeHtmlArticle(html, charset, "page.html", TestExtractor(), &article);
  EXPECT_TRUE(status.ok()) << status.ToString();
  return article;
}

bool Contains(std::string_view text, std::string_view fragment) {
  return text.find(fragment) != std::string_view::npos;
}

// A small page around `body`, with the title in <h1>.
std::string Page(const std::string& body, const std::string& head = "") {
  return "<!DOCTYPE html><html><head><meta charset=\"utf-8\">" + head + "</head><body>" + body +
         "</body></html>";
}

const char kParagraphs[] =
    "<p>The first paragraph of the story is long enough to count, with a comma, and it goes on "
    "for a while about the council meeting.</p>"
    "<p>The second paragraph adds what the mayor said, with another comma, and what comes next "
    "for the town.</p>";

TEST(HtmlExtractorTest, NewsPageKeepsTheArticleAndDropsTheFurniture) {
  const Article a = PageArticle(ReadTestdata("news_page.html"));
  EXPECT_TRUE(a.text.starts_with("Harbour cranes idle as port strike enters second week\n\n"));
  for (const char* kept :
       {"Dock workers in Aldmouth say they will not return",  // standfirst in the article header
        "By Fiona Gallagher", "almost silent since last Thursday", "the backlog has reached 38",
        "Hauliers count the cost",                      // a subheading
        "some of us simply won\u2019t be here",         // a block quote, &#8217;
        "38 vessels are waiting to unload",             // a list item
        "Talks are due to resume"}) {
    EXPECT_TRUE(Contains(a.text, kept)) << "missing: " << kept << "\n" << a.text;
  }
  for (const char* dropped :
       {"We use cookies", "Accept all cookies", "Business", "Share on Facebook", "Advertisement",
        "Read more:", "Why the port wants fewer night shifts", "Topics:", "Good on them",
        "Related stories", "Port of Aldmouth posts record profit", "business briefing",
        "All rights reserved", "dataLayer", "position:fixed"}) {
    EXPECT_FALSE(Contains(a.text, dropped)) << "kept: " << dropped << "\n" << a.text;
  }
  EXPECT_EQ(a.title, "Harbour cranes idle as port strike enters second week");
  EXPECT_EQ(a.date, "2025-03-14T09:30:00+00:00");
  EXPECT_EQ(a.author, "Fiona Gallagher");
  EXPECT_EQ(a.outlet, "The Northern Ledger");
  EXPECT_EQ(a.url, "https://ledger.example/business/port-strike-second-week");
  EXPECT_EQ(a.language, "en");
  EXPECT_EQ(a.source.format, "html");
  EXPECT_EQ(a.raw, ReadTestdata("news_page.html"));
  // The title appears once, though the page has it in <title>, og:title and <h1>.
  EXPECT_EQ(a.text.find("Harbour cranes idle"), a.text.rfind("Harbour cranes idle"));
}

TEST(HtmlExtractorTest, ParagraphsAreSeparatedByBlankLinesAndWhiteSpaceCollapses) {
  const Article a = PageArticle(
      Page("<article><h1>Town  hall\n  vote</h1><p>First   line\n of  the\tfirst paragraph, "
           "long enough to be an article paragraph.</p>\n\n<p>Second <b>paragraph</b> "
           "<i> with</i> inline  tags, also long enough to count.</p></article>"));
  EXPECT_EQ(a.text,
            "Town hall vote\n\nFirst line of the first paragraph, long enough to be an article "
            "paragraph.\n\nSecond paragraph with inline tags, also long enough to count.");
}

TEST(HtmlExtractorTest, AnchorsTileTheTextAndPointAtThePageBytes) {
  const std::string html = ReadTestdata("news_page.html");
  const Article a = PageArticle(html);
  const auto& anchors = a.source.anchors;
  ASSERT_FALSE(anchors.empty());
  EXPECT_EQ(anchors.front().text, 0u);
  size_t verbatim = 0, references = 0, separators = 0;
  for (size_t i = 0; i < anchors.size(); ++i) {
    if (i > 0) {
      ASSERT_GT(anchors[i].text, anchors[i - 1].text) << i;
    }
    ASSERT_LE(anchors[i].raw + anchors[i].raw_length, html.size());
    const std::string_view text = AnchorText(a, i);
    const std::string_view raw = std::string_view(html).substr(anchors[i].raw, anchors[i].raw_length);
    if (anchors[i].raw_length == 0) {
      EXPECT_EQ(text, "\n\n") << i;  // a separator between paragraphs
      ++separators;
    } else if (text.size() == raw.size()) {
      // Byte for byte, except white space read as one space.
      for (size_t k = 0; k < text.size(); ++k) {
        if (text[k] != raw[k]) {
          EXPECT_EQ(text[k], ' ') << i;
          EXPECT_TRUE(raw[k] == '\n' || raw[k] == '\t' || raw[k] == '\r') << i;
        }
      }
      ++verbatim;
    } else if (raw.starts_with("&")) {
      ++references;
      EXPECT_TRUE(raw.ends_with(";")) << raw;
    } else {
      // Collapsed white space.
      EXPECT_EQ(text, " ") << i << " raw=" << raw;
    }
  }
  EXPECT_GT(verbatim, 10u);
  EXPECT_GT(separators, 10u);
  EXPECT_GE(references, 6u);  // &nbsp; &ldquo; &rdquo; &pound; &#8217;
  // A sentence of the text, located in the page through the anchors.
  const std::string sentence = "We are not asking for the moon,";
  const size_t at = a.text.find(sentence);
  ASSERT_NE(at, std::string::npos);
  size_t k = 0;
  while (k + 1 < anchors.size() && anchors[k + 1].text <= at) ++k;
  const size_t raw_at = anchors[k].raw + (at - anchors[k].text);
  EXPECT_EQ(html.substr(raw_at, sentence.size()), sentence);
}

TEST(HtmlExtractorTest, TitleComesFromOgTitleThenH1ThenTitleWithoutSiteName) {
  struct Case {
    const char* name;
    std::string head;
    std::string body;
    const char* title;
  };
  const Case cases[] = {
      {"og:title", "<meta property=\"og:title\" content=\"Dam &amp; dyke repairs begin\">",
       std::string("<h1>Another heading</h1>") + kParagraphs, "Dam & dyke repairs begin"},
      {"h1 over title", "<title>Page title | Site</title>",
       std::string("<h1>The real headline</h1>") + kParagraphs, "The real headline"},
      {"title without the site", "<title>Mayor resigns after vote | Valley Times</title>"
                                 "<meta property=\"og:site_name\" content=\"Valley Times\">",
       kParagraphs, "Mayor resigns after vote"},
      {"site first", "<title>Valley Times - Mayor resigns after vote</title>"
                     "<meta property=\"og:site_name\" content=\"Valley Times\">",
       kParagraphs, "Mayor resigns after vote"},
      {"og:title suffix and h1", "<meta property=\"og:title\" content=\"Mayor resigns | VT\">",
       std::string("<h1>Mayor resigns</h1>") + kParagraphs, "Mayor resigns"},
      {"none", "", kParagraphs, ""},
  };
  for (const Case& c : cases) {
    const Article a = PageArticle(Page(c.body, c.head));
    EXPECT_EQ(a.title, c.title) << c.name;
    if (*c.title) {
      EXPECT_TRUE(a.text.starts_with(std::string(c.title) + "\n\n")) << c.name << "\n" << a.text;
    } else {
      EXPECT_TRUE(a.text.starts_with("The first paragraph")) << c.name;
    }
  }
}

TEST(HtmlExtractorTest, MetadataFromMetaTagsJsonLdAndTime) {
  struct Case {
    const char* name;
    std::string head;
    std::string body_prefix;
    const char* date;
    const char* author;
    const char* outlet;
    const char* language;
  };
  const Case cases[] = {
      {"meta tags",
       "<meta property=\"article:published_time\" content=\"2024-11-02T08:00:00Z\">"
       "<meta name=\"author\" content=\"Ana Ruiz\"><meta property=\"og:site_name\" content=\"El Valle\">"
       "<meta property=\"og:locale\" content=\"es_ES\">",
       "", "2024-11-02T08:00:00Z", "Ana Ruiz", "El Valle", "es"},
      {"json-ld graph",
       "<script type=\"application/ld+json\">{\"@graph\":[{\"@type\":\"WebPage\",\"datePublished\":"
       "\"2001-01-01\"},{\"@type\":\"NewsArticle\",\"datePublished\":\"2024-12-24T18:00:00+01:00\","
       "\"author\":[{\"name\":\"Jo Lee\"},{\"name\":\"Sam Ortiz\"}],\"publisher\":{\"name\":"
       "\"Daily Example\"}}]}</script>",
       "", "2024-12-24T18:00:00+01:00", "Jo Lee, Sam Ortiz", "Daily Example", ""},
      {"broken json-ld and a time element",
       "<script type=\"application/ld+json\">{\"datePublished\": </script>",
       "<time class=\"published\" datetime=\"2023-05-06\">6 May</time>", "2023-05-06", "", "", ""},
      {"author URL is not a name",
       "<meta property=\"article:author\" content=\"https://social.example/ana\">"
       "<meta http-equiv=\"content-language\" content=\"pt-BR\">",
       "", "", "", "", "pt"},
  };
  for (const Case& c : cases) {
    const Article a = PageArticle(Page(c.body_prefix + kParagraphs, c.head));
    EXPECT_EQ(a.date, c.date) << c.name;
    EXPECT_EQ(a.author, c.author) << c.name;
    EXPECT_EQ(a.outlet, c.outlet) << c.name;
    EXPECT_EQ(a.language, c.language) << c.name;
  }
}

TEST(HtmlExtractorTest, DeclaredCharsetIsDecodedAndAnchorsPointAtTheOriginalBytes) {
  const std::string latin1 =
      "<html><head><meta charset=\"ISO-8859-1\"></head><body><p>Le d\xE9put\xE9 a quitt\xE9 la "
      "s\xE9" "ance tr\xE8s t\xF4t, selon plusieurs t\xE9moins pr\xE9sents.</p></body></html>";
  const Article a = PageArticle(latin1);
  EXPECT_EQ(a.source.encoding, "windows-1252");
  EXPECT_EQ(a.text, "Le député a quitté la séance très tôt, selon plusieurs témoins présents.");
  // "é" is two bytes of text and one byte of the page.
  const size_t e = a.text.find("é");
  size_t k = 0;
  while (k + 1 < a.source.anchors.size() && a.source.anchors[k + 1].text <= e) ++k;
  EXPECT_EQ(a.source.anchors[k].text, e);
  EXPECT_EQ(a.source.anchors[k].raw_length, 1u);
  EXPECT_EQ(latin1[a.source.anchors[k].raw], '\xE9');

  const std::string cyrillic =
      "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">"
      "</head><body><p>\xC4\xE5\xEF\xF3\xF2\xE0\xF2 \xEF\xEE\xEA\xE8\xED\xF3\xEB "
      "\xE7\xE0\xF1\xE5\xE4\xE0\xED\xE8\xE5, and more words to make a paragraph long enough."
      "</p></body></html>";
  const Article b = PageArticle(cyrillic);
  EXPECT_EQ(b.source.encoding, "windows-1251");
  EXPECT_TRUE(b.text.starts_with("Депутат покинул заседание")) << b.text;
  // An HTTP charset wins over the page's own declaration.
  const Article c = PageArticle(cyrillic, "koi8-r");
  EXPECT_EQ(c.source.encoding, "koi8-r");
  EXPECT_FALSE(c.text.starts_with("Депутат")) << c.text;
}

TEST(HtmlExtractorTest, BrokenMarkupStillYieldsText) {
  const std::string page = ReadTestdata("news_page.html");
  // Cut in the middle of the second paragraph, inside a tag, inside a reference.
  for (const char* cut : {"Ships are now queuing", "<p>&ldquo;We are", "&ld"}) {
    const std::string truncated = page.substr(0, page.find(cut) + std::strlen(cut) / 2);
    const Article a = PageArticle(truncated);
    EXPECT_TRUE(Contains(a.text, "almost silent since last Thursday")) << cut;
  }
  std::string deep = "<html><body>";
  for (int i = 0; i < 10000; ++i) deep += i % 2 ? "<div>" : "<span>";
  deep += "<p>Ten thousand unclosed elements down, the article text is still found, intact.</p>";
  const Article d = PageArticle(deep);
  EXPECT_EQ(d.text, "Ten thousand unclosed elements down, the article text is still found, intact.");
  const Article e = PageArticle(
      "<p>An unclosed <b>bold <i>and italic paragraph with enough words to be kept as text."
      "<p>And a <a href='x'>second</a> one that the parser closes on its own, with a comma.");
  EXPECT_TRUE(Contains(e.text, "second one that the parser closes")) << e.text;
}

TEST(HtmlExtractorTest, RefusesWhatItCannotRead) {
  struct Case {
    const char* name;
    std::string html;
    const char* error;
  };
  std::string too_deep = "<html><body>";
  for (int i = 0; i < 25000; ++i) too_deep += "<div>";
  const Case cases[] = {
      {"only furniture", Page("<nav><a href='/'>Home</a></nav><footer>(c) 2025</footer>",
                              "<title>Home</title>"),
       "no article text found"},
      {"only a script", Page("<script>var x = 'lots of text, with commas, that is code';</script>"),
       "no article text found"},
      {"too deep", too_deep, "nested more than 20000 elements deep"},
      {"binary", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16), "binary file (PNG image)"},
      {"empty", "", "empty input"},
  };
  for (const Case& c : cases) {
    Article a;
    const Status status = MakeHtmlArticle(c.html, "", "x.html", TestExtractor(), &a);
    ASSERT_FALSE(status.ok()) << c.name;
    EXPECT_TRUE(Contains(status.message(), c.error)) << c.name << ": " << status.message();
  }
}

TEST(HtmlExtractorTest, ClassWordsDropBoilerplateButNotTheArticleHolder) {
  const std::string body =
      std::string("<div class=\"page-with-comments sidebar-right\"><div id=\"shareButtons\">"
                  "<p>Share this article with your friends and family on every network, now.</p>"
                  "</div><div class=\"cookieBanner\"><p>We and our partners use cookies, "
                  "trackers, and similar tools to do many things.</p></div>") +
      kParagraphs + "</div>";
  const Article a = PageArticle(Page(body));
  EXPECT_TRUE(Contains(a.text, "The first paragraph of the story")) << a.text;
  EXPECT_FALSE(Contains(a.text, "Share this article")) << a.text;
  EXPECT_FALSE(Contains(a.text, "partners use cookies")) << a.text;
}

TEST(HtmlExtractorTest, LinkListsAndFurniturePhrasesAreNotText) {
  const Article a = PageArticle(Page(
      std::string("<article>") + kParagraphs +
      "<p>Lire aussi</p><p><a href='/1'>A linked headline that is a teaser for another story</a>"
      "</p><ul><li><a href='/2'>Another teaser</a></li><li><a href='/3'>And one more teaser"
      "</a></li></ul><p>Publicité</p><p>The closing paragraph mentions <a href='/x'>a link"
      "</a> but is mostly prose, so it stays in the text.</p></article>"));
  EXPECT_FALSE(Contains(a.text, "Lire aussi"));
  EXPECT_FALSE(Contains(a.text, "teaser"));
  EXPECT_FALSE(Contains(a.text, "Publicité"));
  EXPECT_TRUE(Contains(a.text, "mentions a link but is mostly prose")) << a.text;
}

TEST(HtmlExtractorTest, LineBreaksSplitLinesAndDoubleBreaksParagraphs) {
  const Article a = PageArticle(Page(
      "<div class=\"story\">First line of an address, long enough to be counted as text<br>"
      "second line of it<br><br>A new paragraph after two breaks, also long enough to count."
      "</div>"));
  EXPECT_EQ(a.text,
            "First line of an address, long enough to be counted as text\nsecond line of it\n\n"
            "A new paragraph after two breaks, also long enough to count.");
}

TEST(HtmlExtractorTest, FragmentsKeepEveryBlockWithoutTitle) {
  HtmlExtractOptions options;
  options.whole_page = false;
  options.find_main_container = false;
  ExtractedHtml out;
  ASSERT_TRUE(TestExtractor()
                  .Extract("<h1>A heading</h1><p>Short.</p><p>Another short one.</p>"
                           "<script>x()</script><div class=\"share\"><a>Share</a></div>",
                           options, &out)
                  .ok());
  EXPECT_EQ(out.title, "");
  EXPECT_EQ(out.text, "A heading\n\nShort.\n\nAnother short one.");
}

TEST(HtmlExtractorTest, RuleFileErrorsNameTheLine) {
  EXPECT_TRUE(HtmlRules::Parse("# comment\n\ntag nav\ndrop share*\nphrase Read more\n", "r").ok());
  auto unknown = HtmlRules::Parse("tag nav\nfrobnicate x\n", "rules.txt");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.status().message(), "rules.txt:2: unknown rule \"frobnicate\"");
  auto empty = HtmlRules::Parse("drop\n", "rules.txt");
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.status().message(), "rules.txt:1: rule \"drop\" has no value");
  auto missing = HtmlExtractor::Load("/nonexistent-veille-data");
  ASSERT_FALSE(missing.ok());
  EXPECT_TRUE(Contains(missing.status().message(), "html_boilerplate.txt"));
}

TEST(HtmlExtractorTest, WordSetMatchesWordsAndPrefixes) {
  WordSet words;
  words.Add("ad");
  words.Add("advert*");
  EXPECT_TRUE(words.Matches("ad"));
  EXPECT_TRUE(words.Matches("advertisement"));
  EXPECT_FALSE(words.Matches("add"));
  EXPECT_FALSE(words.Matches("head"));
}

TEST(HtmlExtractorTest, SniffsHtmlAndDeclaredCharsets) {
  EXPECT_TRUE(LooksLikeHtml("<!DOCTYPE html><html>"));
  EXPECT_TRUE(LooksLikeHtml("\xEF\xBB\xBF  <!-- generated -->\n<HTML lang=en>"));
  EXPECT_TRUE(LooksLikeHtml("<?xml version=\"1.0\"?><!doctype HTML PUBLIC"));
  EXPECT_FALSE(LooksLikeHtml("<rss version=\"2.0\">"));
  EXPECT_FALSE(LooksLikeHtml("<htmlfoo>"));
  EXPECT_FALSE(LooksLikeHtml("Plain text about <html> tags."));
  EXPECT_EQ(FindDeclaredCharset("<meta charset=\"Windows-1251\">"), "windows-1251");
  EXPECT_EQ(FindDeclaredCharset("<META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=koi8-r'>"),
            "koi8-r");
  EXPECT_EQ(FindDeclaredCharset("<?xml version=\"1.0\" encoding='ISO-8859-1'?><rss>"), "iso-8859-1");
  EXPECT_EQ(FindDeclaredCharset("<meta name=\"viewport\" content=\"width=device-width\">"), "");
}

}  // namespace
}  // namespace veille
