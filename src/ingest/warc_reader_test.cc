#include "ingest/warc_reader.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <cstdio>

#include "ingest/ingest_testing.h"

namespace veille {
namespace {

std::string Record(const std::string& type, const std::vector<std::string>& headers,
                   const std::string& block) {
  std::string r = "WARC/1.1\r\nWARC-Type: " + type + "\r\n";
  for (const std::string& h : headers) r += h + "\r\n";
  return r + "Content-Length: " + std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
}

std::string Response(const std::string& uri, const std::string& http) {
  return Record("response",
                {"WARC-Target-URI: " + uri, "WARC-Date: 2025-02-18T10:00:06Z",
                 "Content-Type: application/http; msgtype=response"},
                http);
}

std::string Http(const std::string& status, const std::vector<std::string>& headers,
                 const std::string& body) {
  std::string r = "HTTP/1.1 " + status + "\r\n";
  for (const std::string& h : headers) r += h + "\r\n";
  return r + "\r\n" + body;
}

std::string Page(const std::string& title, const std::string& extra_head = "") {
  return "<!DOCTYPE html><html><head><title>" + title + "</title>" + extra_head +
         "</head><body><nav><a href=\"/\">Home</a></nav><article><h1>" + title +
         "</h1><p>The first paragraph of " + title +
         " is long enough to be article text, with a comma.</p><p>A second paragraph, also with a "
         "comma, closes the story.</p></article></body></html>";
}

std::string Chunked(const std::string& body) {
  const size_t half = body.size() / 2;
  char size1[32], size2[32];
  std::snprintf(size1, sizeof size1, "%zx", half);
  std::snprintf(size2, sizeof size2, "%zx;ext=1", body.size() - half);
  return std::string(size1) + "\r\n" + body.substr(0, half) + "\r\n" + size2 + "\r\n" +
         body.substr(half) + "\r\n0\r\n\r\n";
}

// The records of a small crawl, in order, and which of them are articles.
std::vector<std::string> CrawlRecords() {
  const std::string page_a = Page("Quay closed after storm", "<meta property=\"article:published_time\" "
                                                             "content=\"2025-02-17T08:00:00Z\">");
  const std::string page_b = Page("Ferry back in service");
  return {
      Record("warcinfo", {"Content-Type: application/warc-fields"}, "software: test\r\n"),
      Record("request", {"WARC-Target-URI: https://a.example/quay", "Content-Type: application/http; msgtype=request"},
             "GET /quay HTTP/1.1\r\nHost: a.example\r\n\r\n"),
      Response("https://a.example/quay", Http("200 OK", {"Content-Type: text/html; charset=utf-8"}, page_a)),
      Response("<https://b.example/ferry>",  // WARC 1.0 wrote the URI in angle brackets
               Http("200 OK", {"Content-Type: text/html", "Transfer-Encoding: chunked",
                               "Content-Encoding: gzip"},
                    Chunked(GzipMember(page_b)))),
      Response("https://a.example/logo.png",
               Http("200 OK", {"Content-Type: image/png"}, std::string("\x89PNG\r\n\x1a\n\0\0", 10))),
      Response("https://a.example/missing", Http("404 Not Found", {"Content-Type: text/html"}, Page("Not found"))),
      Response("https://a.example/old", Http("301 Moved Permanently", {"Location: /new"}, "")),
      Record("metadata", {"WARC-Target-URI: https://a.example/quay", "Content-Type: application/warc-fields"},
             "outlink: https://a.example/\r\n"),
      Record("resource", {"WARC-Target-URI: file:///notes/bulletin.txt", "WARC-Date: 2025-02-19T07:00:00Z",
                          "Content-Type: text/plain; charset=utf-8"},
             "Harbour bulletin\n\nThe north quay reopens on Friday, the port authority said.\n"),
      Record("revisit", {"WARC-Target-URI: https://a.example/quay", "WARC-Profile: "
                         "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest"}, ""),
  };
}

CollectingSink ReadBytes(const std::string& bytes, ReadOptions options = {}) {
  CollectingSink sink;
  FILE* file = fmemopen(const_cast<char*>(bytes.data()), bytes.size(), "rb");
  EXPECT_NE(file, nullptr);
  InputStream stream(file);
  if (stream.Peek(2) == "\x1F\x8B") {
    GzipSource gzip(&stream);
    ReadWarc(&gzip, "crawl.warc", options, TestExtractor(), &sink);
  } else {
    ReadWarc(&stream, "crawl.warc", options, TestExtractor(), &sink);
  }
  std::fclose(file);
  return sink;
}

std::string Join(const std::vector<std::string>& parts) {
  std::string all;
  for (const std::string& p : parts) all += p;
  return all;
}

TEST(WarcReaderTest, PagesOfAPlainArchiveBecomeArticles) {
  const std::vector<std::string> records = CrawlRecords();
  const std::string warc = Join(records);
  const CollectingSink sink = ReadBytes(warc);
  EXPECT_TRUE(sink.errors.empty()) << sink.Errors();
  ASSERT_EQ(sink.articles.size(), 3u);

  const Article& a = sink.articles[0];
  EXPECT_EQ(a.source.format, "warc");
  EXPECT_EQ(a.source.line, 3u);
  EXPECT_EQ(*a.source.offset, records[0].size() + records[1].size());
  EXPECT_EQ(warc.substr(*a.source.offset, 8), "WARC/1.1");
  EXPECT_EQ(a.url, "https://a.example/quay");
  EXPECT_EQ(a.date, "2025-02-17T08:00:00Z");  // the page's own date
  EXPECT_EQ(a.title, "Quay closed after storm");
  EXPECT_TRUE(a.text.starts_with("Quay closed after storm\n\nThe first paragraph")) << a.text;
  EXPECT_TRUE(a.raw.starts_with("<!DOCTYPE html>"));  // the HTTP payload
  ASSERT_FALSE(a.source.anchors.empty());
  const TextAnchor& second = a.source.anchors[2];  // the first paragraph
  EXPECT_EQ(a.raw.substr(second.raw, second.raw_length), AnchorText(a, 2));

  const Article& b = sink.articles[1];  // chunked, then gzip
  EXPECT_EQ(b.source.line, 4u);
  EXPECT_EQ(b.url, "https://b.example/ferry");
  EXPECT_EQ(b.date, "2025-02-18T10:00:06Z");  // no date in the page: the capture date
  EXPECT_EQ(b.title, "Ferry back in service");
  EXPECT_TRUE(b.raw.starts_with("<!DOCTYPE html>")) << "payload decoded";

  const Article& c = sink.articles[2];  // a text/plain resource
  EXPECT_EQ(c.source.line, 9u);
  EXPECT_EQ(c.url, "file:///notes/bulletin.txt");
  EXPECT_EQ(c.text, "Harbour bulletin\n\nThe north quay reopens on Friday, the port authority said.\n");
  EXPECT_EQ(c.date, "2025-02-19T07:00:00Z");
  EXPECT_EQ(c.source.format, "warc");
}

TEST(WarcReaderTest, GzipMembersAreReadAndLocated) {
  const std::vector<std::string> records = CrawlRecords();
  std::string gz;
  std::vector<size_t> member_offsets;
  for (const std::string& r : records) {
    member_offsets.push_back(gz.size());
    gz += GzipMember(r);
  }
  const CollectingSink sink = ReadBytes(gz);
  EXPECT_TRUE(sink.errors.empty()) << sink.Errors();
  ASSERT_EQ(sink.articles.size(), 3u);
  EXPECT_EQ(*sink.articles[0].source.offset, member_offsets[2]);
  EXPECT_EQ(*sink.articles[1].source.offset, member_offsets[3]);
  EXPECT_EQ(*sink.articles[2].source.offset, member_offsets[8]);
  EXPECT_EQ(sink.articles[1].title, "Ferry back in service");
  // The whole archive in one member reads the same; offsets are the member's.
  const CollectingSink single = ReadBytes(GzipMember(Join(records)));
  ASSERT_EQ(single.articles.size(), 3u) << single.Errors();
  EXPECT_EQ(*single.articles[2].source.offset, 0u);
}

TEST(WarcReaderTest, TruncatedOrDamagedArchivesKeepTheRecordsBefore) {
  const std::vector<std::string> records = CrawlRecords();
  const std::string warc = Join(records);
  const size_t third = records[0].size() + records[1].size();  // offset of record 3
  const size_t fourth = third + records[2].size();
  std::string huge = records[3];
  huge.replace(huge.find("Content-Length: "), 16, "Content-Length: 999999999999\r\nX-Was: ");
  struct Case {
    const char* name;
    std::string bytes;
    size_t articles;
    std::string error;
  };
  const Case cases[] = {
      {"cut inside the fourth record", warc.substr(0, fourth + 300), 1,
       "crawl.warc: bad input: WARC record 4 at byte " + std::to_string(fourth) +
           " (https://b.example/ferry): Content-Length"},
      {"Content-Length past the end", records[0] + records[1] + records[2] + huge, 1,
       "Content-Length 999999999999 runs past the end of the file"},
      {"headers without their end", warc.substr(0, fourth + 40), 1,
       "WARC record 4 at byte " + std::to_string(fourth) + ": missing header terminator"},
      {"garbage instead of a record", warc.substr(0, fourth) + "GET / HTTP/1.1\r\n\r\n", 1,
       "WARC record 4 at byte " + std::to_string(fourth) +
           ": expected a WARC/1.x version line, found \"GET / HTTP/1.1\""},
      {"bad Content-Length", warc.substr(0, fourth) + "WARC/1.1\r\nContent-Length: 12x\r\n\r\n", 1,
       "missing or bad Content-Length \"12x\""},
  };
  for (const Case& c : cases) {
    const CollectingSink sink = ReadBytes(c.bytes);
    EXPECT_EQ(sink.articles.size(), c.articles) << c.name << "\n" << sink.Errors();
    EXPECT_TRUE(sink.HasError(c.error)) << c.name << ":\n" << sink.Errors();
  }
}

TEST(WarcReaderTest, CorruptGzipMemberIsReportedAndReadingResumes) {
  const std::vector<std::string> records = CrawlRecords();
  std::vector<std::string> members;
  for (const std::string& r : records) members.push_back(GzipMember(r));
  size_t offset_of_third = members[0].size() + members[1].size();
  std::string damaged = members[2];
  for (size_t i = 20; i < 60 && i < damaged.size(); ++i) damaged[i] ^= 0x5A;
  std::string gz = members[0] + members[1] + damaged;
  for (size_t i = 3; i < members.size(); ++i) gz += members[i];
  const CollectingSink sink = ReadBytes(gz);
  ASSERT_EQ(sink.articles.size(), 2u) << sink.Errors();  // record 3 lost, 4 and 9 read
  EXPECT_EQ(sink.articles[0].source.line, 4u);
  EXPECT_TRUE(sink.HasError("WARC record 3 at byte " + std::to_string(offset_of_third)))
      << sink.Errors();
  EXPECT_TRUE(sink.HasError("corrupt gzip member at byte " + std::to_string(offset_of_third)))
      << sink.Errors();

  // Stray bytes after the last member, and a member cut short.
  std::string all;
  for (const std::string& m : members) all += m;
  const CollectingSink stray = ReadBytes(all + "junk");
  EXPECT_EQ(stray.articles.size(), 3u);
  EXPECT_TRUE(stray.HasError("after WARC record 10: not gzip data at byte " + std::to_string(all.size())))
      << stray.Errors();
  const CollectingSink cut = ReadBytes(all.substr(0, all.size() - members.back().size() - 10));
  EXPECT_EQ(cut.articles.size(), 3u);
  EXPECT_TRUE(cut.HasError("is truncated: the file ends inside it")) << cut.Errors();
}

TEST(WarcReaderTest, BadPayloadsAreReportedPerRecord) {
  const std::string ok = Response("https://ok.example/", Http("200 OK", {"Content-Type: text/html"}, Page("Fine page")));
  struct Case {
    const char* name;
    std::string record;
    std::string error;
  };
  std::string binary(512, '\0');
  for (size_t i = 0; i < binary.size(); ++i) binary[i] = static_cast<char>(i);
  const Case cases[] = {
      {"binary labelled HTML", Response("https://x.example/bin", Http("200 OK", {"Content-Type: text/html"}, binary)),
       "WARC record 1 at byte 0 (https://x.example/bin): binary data"},
      {"bad chunk", Response("https://x.example/c", Http("200 OK", {"Content-Type: text/html",
                                                                    "Transfer-Encoding: chunked"}, "zz\r\nabc")),
       "bad chunk size \"zz\""},
      {"brotli", Response("https://x.example/br", Http("200 OK", {"Content-Type: text/html",
                                                                  "Content-Encoding: br"}, "\x0b\x02\x80")),
       "Content-Encoding \"br\" is not supported"},
      {"corrupt gzip payload", Response("https://x.example/gz", Http("200 OK", {"Content-Type: text/html",
                                                                               "Content-Encoding: gzip"}, "\x1f\x8b\x08garbage")),
       "corrupt compressed payload"},
      {"no article text", Response("https://x.example/empty", Http("200 OK", {"Content-Type: text/html"},
                                                                   "<html><body><nav>Menu</nav></body></html>")),
       "no article text found"},
      {"HTTP headers never end", Response("https://x.example/h", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"),
       "HTTP headers are not terminated"},
  };
  for (const Case& c : cases) {
    const CollectingSink sink = ReadBytes(c.record + ok);
    EXPECT_EQ(sink.articles.size(), 1u) << c.name << "\n" << sink.Errors();
    EXPECT_TRUE(sink.HasError(c.error)) << c.name << ":\n" << sink.Errors();
  }
}

TEST(WarcReaderTest, RecordOverTheLimitIsSkippedAndReported) {
  ReadOptions options;
  options.max_article_bytes = 2000;
  std::string long_page = Page("Long page");
  long_page.insert(long_page.find("</article>"), "<p>" + std::string(3000, 'x') + "</p>");
  const std::string warc =
      Response("https://x.example/long", Http("200 OK", {"Content-Type: text/html"}, long_page)) +
      Response("https://x.example/video", Http("200 OK", {"Content-Type: video/mp4"}, std::string(5000, 'v'))) +
      Response("https://x.example/short", Http("200 OK", {"Content-Type: text/html"}, Page("Short page")));
  const CollectingSink sink = ReadBytes(warc, options);
  ASSERT_EQ(sink.articles.size(), 1u) << sink.Errors();
  EXPECT_EQ(sink.articles[0].title, "Short page");
  ASSERT_EQ(sink.errors.size(), 1u) << sink.Errors();  // the video is not an article: no error
  EXPECT_TRUE(sink.HasError("WARC record 1 at byte 0 (https://x.example/long): record of")) << sink.Errors();
  EXPECT_TRUE(sink.HasError("too large")) << sink.Errors();
}

TEST(WarcReaderTest, ArchiveWithoutPagesSaysWhatItHeld) {
  const std::vector<std::string> records = CrawlRecords();
  const CollectingSink sink = ReadBytes(records[0] + records[1] + records[4] + records[5]);
  EXPECT_TRUE(sink.articles.empty());
  EXPECT_TRUE(sink.HasError("no HTML or text page among 4 WARC record(s) (1 HTTP 404 responses, "
                            "1 request records, 1 responses that are not HTML or text, 1 warcinfo records)"))
      << sink.Errors();
  const CollectingSink empty = ReadBytes("\r\n");
  EXPECT_TRUE(empty.HasError("empty input (no WARC record)")) << empty.Errors();
}

TEST(WarcReaderTest, SniffsWarcAndGzippedWarc) {
  EXPECT_TRUE(LooksLikeWarc("WARC/1.1\r\nWARC-Type: warcinfo"));
  EXPECT_TRUE(LooksLikeWarc("WARC/1.0\r\n"));
  EXPECT_FALSE(LooksLikeWarc("WARCHIVE"));
  EXPECT_TRUE(GzipStartsWith(GzipMember("WARC/1.1\r\n"), "WARC/"));
  EXPECT_FALSE(GzipStartsWith(GzipMember("<html>"), "WARC/"));
  EXPECT_FALSE(GzipStartsWith("\x1f\x8b\x08 not really", "WARC/"));
}

}  // namespace
}  // namespace veille
