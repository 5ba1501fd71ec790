#include "ingest/feed_reader.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "ingest/ingest_testing.h"
#include "util/hash.h"

namespace veille {
namespace {

CollectingSink Read(const std::string& bytes, ReadOptions options = {}) {
  CollectingSink sink;
  ReadFeed(bytes, "feed.xml", options, TestExtractor(), &sink);
  return sink;
}

std::string Replace(std::string s, const std::string& from, const std::string& to) {
  const size_t at = s.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return at == std::string::npos ? s : s.replace(at, from.size(), to);
}

// An RSS 2.0 feed of `items` (each the inside of an <item>).
std::string Rss(const std::vector<std::string>& items) {
  std::string feed = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Wire</title>\n";
  for (const std::string& item : items) feed += "<item>" + item + "</item>\n";
  return feed + "</channel></rss>\n";
}

TEST(FeedReaderTest, RssItemsBecomeArticlesWithTheirExactBytes) {
  const std::string feed = ReadTestdata("coastal_wire.rss");
  const CollectingSink sink = Read(feed);
  EXPECT_TRUE(sink.errors.empty()) << sink.Errors();
  ASSERT_EQ(sink.articles.size(), 3u);

  const Article& first = sink.articles[0];
  EXPECT_EQ(first.source.format, "rss");
  EXPECT_EQ(first.source.line, 1u);
  EXPECT_EQ(first.id, "cw-2025-0311-ferry");  // the guid
  EXPECT_EQ(first.url, "https://coastalwire.example/news/ferry-gales");
  EXPECT_EQ(first.title, "Ferry crossings suspended as gales batter the islands");
  EXPECT_EQ(first.date, "2025-03-11T07:45:00+00:00");
  EXPECT_EQ(first.author, "Ewan Morrison");
  EXPECT_EQ(first.outlet, "Coastal Wire - Regional news");
  EXPECT_EQ(first.language, "en");
  // content:encoded wins over description; its share link is furniture.
  EXPECT_EQ(first.text,
            "Ferry crossings suspended as gales batter the islands\n\n"
            "All sailings to the outer islands were cancelled on Tuesday morning after gusts of up "
            "to 90\u00A0mph were recorded at the harbour.\n\n"
            "\u201CSafety comes first,\u201D the operator said in a statement, adding that it hoped "
            "to resume crossings on Thursday.");
  // The raw bytes are the item's XML, found at source.offset in the file.
  for (const Article& a : sink.articles) {
    ASSERT_TRUE(a.source.offset.has_value());
    EXPECT_EQ(feed.substr(*a.source.offset, a.raw.size()), a.raw);
    EXPECT_TRUE(a.raw.starts_with("<item>")) << a.raw;
    EXPECT_TRUE(a.raw.ends_with("</item>")) << a.raw;
    EXPECT_EQ(a.source.sha256, Sha256Hex(a.raw));
  }

  const Article& second = sink.articles[1];
  EXPECT_EQ(second.id, "https://coastalwire.example/news/flood-barrier");  // no guid: the link
  EXPECT_EQ(second.title, "Council approves & funds new flood barrier");
  EXPECT_EQ(second.author, "Ailsa Reid");  // "newsdesk@... (Ailsa Reid)"
  EXPECT_EQ(second.date, "2025-03-10T18:20:00Z");
  // Escaped HTML in the description, with references escaped twice.
  EXPECT_EQ(second.text,
            "Council approves & funds new flood barrier\n\nCouncillors voted 31 to 4 on Monday to "
            "fund a \u00A314\u00A0million flood barrier at the river mouth.\n\n"
            "Work is expected to start next spring.");
  // An HTML entity the feed never declared.
  EXPECT_EQ(sink.articles[2].title, "Lifeboat crew d\u00E9clares record year");
}

TEST(FeedReaderTest, AtomEntriesReadTextHtmlAndXhtmlContent) {
  const std::string feed = ReadTestdata("harbour_notes.atom");
  const CollectingSink sink = Read(feed);
  EXPECT_TRUE(sink.errors.empty()) << sink.Errors();
  ASSERT_EQ(sink.articles.size(), 2u);
  const Article& a = sink.articles[0];
  EXPECT_EQ(a.source.format, "atom");
  EXPECT_EQ(a.id, "tag:notes-du-port.example,2025:chantier");
  EXPECT_EQ(a.url, "https://notes-du-port.example/2025/03/chantier");  // not the enclosure
  EXPECT_EQ(a.title, "Le chantier naval rouvre ses portes");         // type="html"
  EXPECT_EQ(a.date, "2025-03-12T07:30:00+01:00");                    // published, not updated
  EXPECT_EQ(a.author, "Claire Dubreuil");
  EXPECT_EQ(a.language, "fr");
  EXPECT_EQ(a.outlet, "Notes du port");
  EXPECT_EQ(a.text,
            "Le chantier naval rouvre ses portes\n\nFerm\u00E9 depuis l'automne, le chantier naval "
            "de la pointe a rouvert lundi avec une trentaine de salari\u00E9s.\n\n\u00AB Nous avons "
            "trois coques en commande \u00BB, a indiqu\u00E9 la directrice, H\u00E9l\u00E8ne Marchal.");
  EXPECT_EQ(feed.substr(*a.source.offset, a.raw.size()), a.raw);
  EXPECT_TRUE(a.raw.starts_with("<entry>") && a.raw.ends_with("</entry>")) << a.raw;
  // A plain-text summary keeps its paragraphs; the date falls back to <updated>.
  const Article& b = sink.articles[1];
  EXPECT_EQ(b.date, "2025-03-11T17:00:00+01:00");
  EXPECT_EQ(b.text,
            "Mar\u00E9" "e d'\u00E9quinoxe : vigilance sur le littoral\n\nLa pr\u00E9" "fecture appelle "
            "\u00E0 la prudence pendant les grandes mar\u00E9" "es de la fin de semaine.\n\nLes "
            "promenades sur les digues sont d\u00E9" "conseill\u00E9" "es samedi et dimanche.");
}

TEST(FeedReaderTest, BrokenItemInTheMiddleCostsOnlyItself) {
  // An unescaped '<' stops libxml2 even in recovery mode; reading resumes at
  // the next item.
  const std::string feed = Rss({"<title>One</title><description>First item.</description>",
                                "<title>Two</title><description>x < y</description>",
                                "<title>Three</title><description>Third item.</description>"});
  const CollectingSink sink = Read(feed);
  ASSERT_EQ(sink.articles.size(), 2u) << sink.Errors();
  EXPECT_EQ(sink.articles[0].title, "One");
  EXPECT_EQ(sink.articles[1].title, "Three");
  EXPECT_EQ(sink.articles[1].source.line, 3u);  // item numbers count the broken one
  EXPECT_EQ(feed.substr(*sink.articles[1].source.offset, sink.articles[1].raw.size()),
            sink.articles[1].raw);
  ASSERT_FALSE(sink.errors.empty());
  EXPECT_EQ(sink.errors[0],
            "feed.xml: bad input: XML error at line 4, column 41: StartTag: invalid element name "
            "(item 2 skipped)");
}

TEST(FeedReaderTest, MismatchedTagsSkipTheItemAndKeepTheRest) {
  const std::string feed = Rss({"<title>One</title>", "<title>Two</titl><link>x</link>",
                                "<title>Three</title>"});
  const CollectingSink sink = Read(feed);
  ASSERT_EQ(sink.articles.size(), 2u) << sink.Errors();
  EXPECT_EQ(sink.articles[1].title, "Three");
  EXPECT_TRUE(sink.HasError("XML error at line 4, column")) << sink.Errors();
  EXPECT_TRUE(sink.HasError("Opening and ending tag mismatch: title line 4 and titl (item 2 skipped)"))
      << sink.Errors();
}

TEST(FeedReaderTest, UnclosedItemIsReportedAndTheNextOnesRead) {
  std::string feed = Rss({"<title>One</title>", "<title>Two</title>", "<title>Three</title>"});
  feed = Replace(feed, "<title>One</title></item>", "<title>One</title>");
  const CollectingSink sink = Read(feed);
  ASSERT_EQ(sink.articles.size(), 2u) << sink.Errors();
  EXPECT_EQ(sink.articles[0].title, "Two");
  EXPECT_EQ(sink.errors[0], "feed.xml: bad input: item 1 (line 3) is not closed; skipped");
}

TEST(FeedReaderTest, TruncatedFeedKeepsTheItemsBefore) {
  const std::string full = ReadTestdata("coastal_wire.rss");
  // Cut inside the third item's title, between two of its fields, and after
  // the last item (all three items are whole then).
  for (const auto& [cut, whole_items] : {std::pair{"Lifeboat crew", 2u}, {"<pubDate>Sun", 2u},
                                         {"</channel>", 3u}}) {
    const std::string feed = full.substr(0, full.find(cut) + 3);
    const CollectingSink sink = Read(feed);
    ASSERT_EQ(sink.articles.size(), whole_items) << cut << "\n" << sink.Errors();
    EXPECT_TRUE(sink.HasError("(end of file)")) << cut << "\n" << sink.Errors();
    EXPECT_TRUE(sink.HasError("XML error at line ")) << sink.Errors();
  }
}

TEST(FeedReaderTest, ManyBrokenItemsStillFinish) {
  std::vector<std::string> items;
  for (int i = 0; i < 300; ++i) {
    items.push_back(i % 2 ? "<title>Good " + std::to_string(i) + "</title>" : "<title>a < b</title>");
  }
  const CollectingSink sink = Read(Rss(items));
  EXPECT_EQ(sink.articles.size(), 150u);
  EXPECT_LE(sink.errors.size(), 11u);  // at most 10 shown, then a count
  EXPECT_TRUE(sink.HasError("more XML error(s) not shown")) << sink.Errors();
}

TEST(FeedReaderTest, WholeFeedProblems) {
  struct Case {
    const char* name;
    std::string feed;
    const char* error;
  };
  const Case cases[] = {
      {"sitemap", "<?xml version=\"1.0\"?><urlset><url><loc>https://x.example/</loc></url></urlset>",
       "feed.xml: bad input: not an RSS or Atom feed (root element <urlset>)"},
      {"no items", "<rss version=\"2.0\"><channel><title>Empty</title></channel></rss>",
       "feed.xml: bad input: RSS feed has no items"},
      {"empty item", Rss({"<link>https://x.example/a</link>"}),
       "feed.xml: bad input: item 1 (line 3) has no title and no text"},
      {"not xml", "just some words", "not an RSS or Atom feed"},
      {"binary", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16), "binary file (PNG image)"},
  };
  for (const Case& c : cases) {
    const CollectingSink sink = Read(c.feed);
    EXPECT_TRUE(sink.articles.empty()) << c.name;
    EXPECT_TRUE(sink.HasError(c.error)) << c.name << ":\n" << sink.Errors();
  }
}

TEST(FeedReaderTest, DeclaredEntitiesAreNeitherExpandedNorFetched) {
  const std::string feed =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY boom \"BOOM BOOM BOOM\">"
      "<!ENTITY secret SYSTEM \"file:///etc/hostname\">]>\n"
      "<rss><channel><item><title>A &boom; and a &secret; here</title></item></channel></rss>";
  const CollectingSink sink = Read(feed);
  ASSERT_EQ(sink.articles.size(), 1u) << sink.Errors();
  EXPECT_EQ(sink.articles[0].title, "A \uFFFD and a \uFFFD here");
}

TEST(FeedReaderTest, LegacyEncodingKeepsTheItemsOriginalBytes) {
  const std::string feed =
      "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<rss><channel><title>Le Journal</title>"
      "<item><title>Le d\xE9put\xE9 d\xE9missionne</title><description>Il a quitt\xE9 "
      "l'h\xE9micycle.</description></item></channel></rss>";
  const CollectingSink sink = Read(feed);
  ASSERT_EQ(sink.articles.size(), 1u) << sink.Errors();
  const Article& a = sink.articles[0];
  EXPECT_EQ(a.source.encoding, "windows-1252");
  EXPECT_EQ(a.text, "Le d\u00E9put\u00E9 d\u00E9missionne\n\nIl a quitt\u00E9 l'h\u00E9micycle.");
  EXPECT_EQ(a.raw, feed.substr(feed.find("<item>"), feed.find("</channel>") - feed.find("<item>")));
}

TEST(FeedReaderTest, ItemOverTheArticleLimitIsReported) {
  ReadOptions options;
  options.max_article_bytes = 200;
  const CollectingSink sink =
      Read(Rss({"<title>Small</title>", "<title>Big</title><description>" +
                                            std::string(300, 'x') + "</description>"}),
           options);
  ASSERT_EQ(sink.articles.size(), 1u);
  EXPECT_TRUE(sink.HasError("item 2 of")) << sink.Errors();
  EXPECT_TRUE(sink.HasError("too large")) << sink.Errors();
}

TEST(FeedReaderTest, SniffsFeeds) {
  EXPECT_TRUE(LooksLikeFeed("<?xml version=\"1.0\"?>\n<rss version=\"2.0\">"));
  EXPECT_TRUE(LooksLikeFeed("\xEF\xBB\xBF<?xml version=\"1.0\"?><!-- c --><?xml-stylesheet href=\"s\"?>"
                            "<feed xmlns=\"http://www.w3.org/2005/Atom\">"));
  EXPECT_TRUE(LooksLikeFeed("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"));
  EXPECT_FALSE(LooksLikeFeed("<?xml version=\"1.0\"?><html>"));
  EXPECT_FALSE(LooksLikeFeed("<rssx>"));
  EXPECT_FALSE(LooksLikeFeed("{\"text\": \"<rss>\"}"));
}

}  // namespace
}  // namespace veille
