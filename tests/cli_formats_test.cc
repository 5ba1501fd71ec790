// End-to-end tests of `veille analyze` on HTML pages, RSS/Atom feeds and
// WARC archives, including hostile input.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "ingest/ingest_testing.h"
#include "test_support.h"

namespace veille::testing {
namespace {

using nlohmann::json;

std::vector<json> ParseOutput(const std::string& out) {
  std::vector<json> objects;
  std::istringstream in(out);
  std::string line;
  while (std::getline(in, line)) objects.push_back(json::parse(line));  // throws on a partial line
  return objects;
}

std::string Example(const std::string& path) {
  return SourceDir() + "/examples/" + path;
}

// Maps a byte offset of an article's text to its page through source.anchors:
// returns false when the offset is not inside text copied from the page.
bool ToRaw(const json& anchors, size_t text_bytes, size_t offset, size_t* raw) {
  for (size_t i = 0; i < anchors.size(); ++i) {
    const size_t start = anchors[i][0];
    const size_t end = i + 1 < anchors.size() ? anchors[i + 1][0].get<size_t>() : text_bytes;
    if (offset < start || offset >= end) continue;
    if (end - start != anchors[i][2].get<size_t>()) return false;  // a replaced unit
    *raw = anchors[i][1].get<size_t>() + (offset - start);
    return true;
  }
  return false;
}

TEST(CliFormatsTest, ReadsEveryFormatInADirectory) {
  TempDir dir;
  dir.Write("a_page.html", ReadTestdata("news_page.html"));
  dir.Write("b_wire.rss", ReadTestdata("coastal_wire.rss"));
  dir.Write("c_notes.atom", ReadTestdata("harbour_notes.atom"));
  const std::string warc = ReadFileOrDie(Example("pages/crawl.warc"));
  dir.Write("d_crawl.warc", warc);
  dir.Write("e_crawl.warc.gz", GzipMember(warc));
  dir.Write("f_notes.txt", "Port notes\n\nThe harbour master said the quay would reopen on Friday.\n");
  dir.Write("g_ignored.json", "{\"text\": \"not an article extension\"}");
  CommandResult r = RunVeille({"analyze", dir.path()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto objects = ParseOutput(r.out);
  std::map<std::string, int> formats;
  for (const json& j : objects) formats[j["source"]["format"]]++;
  EXPECT_EQ(formats, (std::map<std::string, int>{
                         {"html", 1}, {"rss", 3}, {"atom", 2}, {"warc", 4}, {"text", 1}}));
  ASSERT_EQ(objects.size(), 11u);
  const json& page = objects[0];
  EXPECT_EQ(page["title"], "Harbour cranes idle as port strike enters second week");
  EXPECT_EQ(page["title_span"]["start"], 0);
  EXPECT_EQ(page["url"], "https://ledger.example/business/port-strike-second-week");
  EXPECT_EQ(page["outlet"], "The Northern Ledger");
  EXPECT_EQ(page["byline"], "Fiona Gallagher");
  EXPECT_EQ(page["date"], "2025-03-14");
  EXPECT_EQ(page["language"], "en");
  EXPECT_TRUE(page["source"]["anchors"].is_array());
  EXPECT_TRUE(page["source"]["offset"].is_null());
  const json& item = objects[1];
  EXPECT_EQ(item["source"]["line"], 1);
  EXPECT_EQ(item["source"]["offset"], 410);
  EXPECT_FALSE(item["source"].contains("anchors"));
  EXPECT_EQ(objects[6]["source"]["line"], 3);  // WARC: the record number
  EXPECT_EQ(objects[6]["url"], "https://harbour-post.example/travel/night-trains-return");
  EXPECT_EQ(objects[6]["id"], objects[8]["id"]) << "the same page in .warc and .warc.gz";
  EXPECT_EQ(objects[8]["source"]["offset"], 0) << "a single gzip member";
  EXPECT_TRUE(objects[10]["source"]["offset"].is_null());
  EXPECT_FALSE(objects[10]["source"].contains("anchors"));
}

TEST(CliFormatsTest, StdinAndUnknownExtensionsAreSniffed) {
  const std::string warc = ReadFileOrDie(Example("pages/crawl.warc"));
  const std::pair<std::string, const char*> inputs[] = {
      {ReadTestdata("news_page.html"), "html"},
      {ReadTestdata("coastal_wire.rss"), "rss"},
      {ReadTestdata("harbour_notes.atom"), "atom"},
      {warc, "warc"},
      {GzipMember(warc), "warc"},
      {"{\"text\": \"A JSON line about the harbour and its cranes, long enough.\"}\n", "jsonl"},
      {"Plain text about <html> and WARC/1.1, still text.\n", "text"},
  };
  TempDir dir;
  for (const auto& [bytes, format] : inputs) {
    CommandResult piped = RunVeille({"analyze", "-"}, bytes);
    ASSERT_EQ(piped.exit_code, 0) << format << ": " << piped.err;
    const auto objects = ParseOutput(piped.out);
    ASSERT_FALSE(objects.empty()) << format;
    EXPECT_EQ(objects[0]["source"]["format"], format);
    EXPECT_EQ(objects[0]["source"]["path"], "-");
    // The same bytes in a file whose name says nothing.
    const std::string path = dir.Write(std::string("input_") + format + ".dat", bytes);
    CommandResult named = RunVeille({"analyze", path});
    ASSERT_EQ(named.exit_code, 0) << format << ": " << named.err;
    EXPECT_EQ(ParseOutput(named.out)[0]["source"]["format"], format);
  }
}

TEST(CliFormatsTest, InputFormatFlagForcesTheReader) {
  TempDir dir;
  const std::string path = dir.Write("page.txt", ReadTestdata("news_page.html"));
  CommandResult as_text = RunVeille({"analyze", path});
  ASSERT_EQ(as_text.exit_code, 0) << as_text.err;
  EXPECT_EQ(ParseOutput(as_text.out)[0]["source"]["format"], "text");
  CommandResult as_html = RunVeille({"analyze", "--input-format", "html", path});
  ASSERT_EQ(as_html.exit_code, 0) << as_html.err;
  const json page = ParseOutput(as_html.out)[0];
  EXPECT_EQ(page["source"]["format"], "html");
  EXPECT_EQ(page["title"], "Harbour cranes idle as port strike enters second week");
  CommandResult as_feed = RunVeille({"analyze", "--input-format", "feed", path});
  EXPECT_EQ(as_feed.exit_code, 1);
  EXPECT_NE(as_feed.err.find("not an RSS or Atom feed (root element <html>)"), std::string::npos)
      << as_feed.err;
}

// Every span of the output, mapped through source.anchors, is the same text
// in the page's bytes.
TEST(CliFormatsTest, AnchorsShowSpansInTheOriginalPage) {
  const std::string html = ReadFileOrDie(Example("pages/fr_digue_saint_aubin.html"));
  CommandResult r = RunVeille({"analyze", Example("pages/fr_digue_saint_aubin.html")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json a = ParseOutput(r.out)[0];
  const json& anchors = a["source"]["anchors"];
  const size_t text_bytes = a["text_bytes"];
  EXPECT_EQ(a["source"]["bytes"], html.size());
  size_t checked = 0;
  for (const char* kind : {"entities", "quotes", "claims", "sentences"}) {
    for (const json& span : a[kind]) {
      const size_t start = span["start"], end = span["end"];
      size_t raw_start = 0, raw_last = 0;
      // Spans inside one stretch copied from the page are found byte for byte.
      if (!ToRaw(anchors, text_bytes, start, &raw_start) || !ToRaw(anchors, text_bytes, end - 1, &raw_last) ||
          raw_last - raw_start != end - start - 1) {
        continue;
      }
      if (span.contains("text")) {
        EXPECT_EQ(html.substr(raw_start, end - start), span["text"].get<std::string>()) << kind;
      }
      ++checked;
    }
  }
  EXPECT_GT(checked, 10u);
  EXPECT_EQ(a["byline"], "Mathilde Ronsard");
  EXPECT_NE(a["byline_span"], nullptr) << "the byline is in the article's own header";
  EXPECT_EQ(a["date"], "2025-02-18");
}

TEST(CliFormatsTest, ExamplesCoverEveryFormat) {
  CommandResult r = RunVeille({"analyze", Example("pages"), Example("feeds/estuary_wire.rss"),
                               Example("feeds/wire.jsonl")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::set<std::string> formats;
  for (const json& j : ParseOutput(r.out)) formats.insert(j["source"]["format"]);
  EXPECT_EQ(formats, (std::set<std::string>{"html", "warc", "rss", "jsonl"}));
}

TEST(CliFormatsTest, HostileInputsAreReportedAndTheRestAnalysed) {
  TempDir dir;
  const std::string page = ReadTestdata("news_page.html");
  dir.Write("01_truncated.html", page.substr(0, page.find("Ships are now queuing")));
  std::string deep = "<html><body>";
  for (int i = 0; i < 10000; ++i) deep += "<div>";
  dir.Write("02_deep.html", deep + "<p>Still found under ten thousand open elements, with a comma.</p>");
  std::string deeper = "<html><body>";
  for (int i = 0; i < 30000; ++i) deeper += "<div><span>";
  dir.Write("03_too_deep.html", deeper + "<p>Never parsed.</p>");
  dir.Write("04_binary.html", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01", 20));
  dir.Write("05_furniture.html", "<html><body><nav><a href='/'>Home</a></nav></body></html>");
  const std::string rss = ReadTestdata("coastal_wire.rss");
  std::string broken = rss;
  broken.replace(broken.find("<title>Council"), 14, "<title>Council < ");
  dir.Write("06_broken.rss", broken);
  const std::string warc = ReadFileOrDie(Example("pages/crawl.warc"));
  dir.Write("07_truncated.warc", warc.substr(0, warc.size() - 400));
  std::string huge = warc;
  const size_t last = huge.rfind("WARC/1.1");
  huge.replace(huge.find("Content-Length: ", last), 16, "Content-Length: 999999999999\r\nX: ");
  dir.Write("08_huge_length.warc", huge);
  std::string gz = GzipMember(warc.substr(0, last));
  std::string damaged = GzipMember(warc.substr(last));
  for (size_t i = 30; i < 80; ++i) damaged[i] = static_cast<char>(damaged[i] ^ 0x33);
  dir.Write("09_garbage.warc.gz", gz + damaged);
  dir.Write("10_sitemap.xml", "<?xml version=\"1.0\"?><urlset><url><loc>https://x.example/</loc></url></urlset>");
  dir.Write("11_empty.rss", "");

  CommandResult r = RunVeille({"analyze", dir.path()});
  EXPECT_EQ(r.exit_code, 1);
  const auto objects = ParseOutput(r.out);
  std::map<std::string, int> per_file;
  for (const json& j : objects) {
    per_file[std::filesystem::path(j["source"]["path"].get<std::string>()).filename()]++;
  }
  EXPECT_EQ(per_file, (std::map<std::string, int>{{"01_truncated.html", 1},
                                                  {"02_deep.html", 1},
                                                  {"06_broken.rss", 2},
                                                  {"07_truncated.warc", 1},
                                                  {"08_huge_length.warc", 1},
                                                  {"09_garbage.warc.gz", 1}}))
      << r.err;
  for (const std::string& fragment :
       {std::string("03_too_deep.html: bad input: markup nested more than 20000 elements deep"),
        std::string("04_binary.html: bad input: binary file (PNG image)"),
        std::string("05_furniture.html: bad input: no article text found"),
        std::string("06_broken.rss: bad input: XML error at line 22, column 23: StartTag: invalid element name (item 2 skipped)"),
        std::string("(item 2 skipped)"),
        "07_truncated.warc: bad input: WARC record 5 at byte " + std::to_string(last) +
            " (https://echo-abers.example/mer/criee-port-lannec-travaux): Content-Length",
        std::string("08_huge_length.warc: bad input: WARC record 5 at byte ") + std::to_string(last) +
            " (https://echo-abers.example/mer/criee-port-lannec-travaux): Content-Length "
            "999999999999 runs past the end of the file",
        "09_garbage.warc.gz: bad input: WARC record 5 at byte " + std::to_string(gz.size()) +
            ": corrupt gzip member at byte " + std::to_string(gz.size()),
        std::string("10_sitemap.xml: bad input: not an RSS or Atom feed (root element <urlset>)"),
        std::string("11_empty.rss: bad input: empty input")}) {
    EXPECT_NE(r.err.find(fragment), std::string::npos) << "missing: " << fragment << "\n" << r.err;
  }
}

}  // namespace
}  // namespace veille::testing
