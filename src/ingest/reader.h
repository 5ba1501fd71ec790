// Reads articles from files, directories and stdin, one event per article or
// per failure, in a deterministic order (arguments in order, directory entries
// sorted by name).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "veille/article.h"
#include "veille/status.h"

namespace veille {

struct ReadOptions {
  // An article (a text or HTML file, one JSON line, a feed item, a WARC
  // record) larger than this is rejected without being held in memory. A
  // feed, read whole, may be 8 times larger.
  size_t max_article_bytes = 32u << 20;
  // Where the HTML reader's rules are (data/ingest/); "" for the default of
  // ResolveDataDir().
  std::string data_dir;
};

// A failure to read one input or one JSON line. ToString() gives the one-line
// message printed by the CLI: "path:line: bad input: why".
struct ReadError {
  std::string path;
  uint64_t line = 0;  // 0 when the error is about the whole file
  Status status;
  std::string ToString() const;
};

// Receives what the readers produce. Called from the reading thread only.
class ArticleSink {
 public:
  virtual ~ArticleSink() = default;
  virtual void OnArticle(Article&& article) = 0;
  virtual void OnError(ReadError&& error) = 0;
};

// kFeed is RSS or Atom; kWarc is plain or gzip-compressed.
enum class InputFormat { kAuto, kText, kJsonLines, kHtml, kFeed, kWarc };

// The names --input-format accepts: auto, text, jsonl, html, feed, warc.
const std::vector<std::string>& InputFormatNames();
// The format one of those names says; kAuto for any other.
InputFormat InputFormatFromName(std::string_view name);

// Reads every path ("-" is stdin). Directories are walked recursively; inside
// them only files with a known article extension are read (.txt, .text,
// .jsonl, .ndjson, .html, .htm, .xhtml, .rss, .atom, .xml, .warc, .warc.gz)
// and hidden entries are skipped. A file named explicitly is always read, its
// format guessed from the extension or, failing that, from its first bytes
// ('{', "WARC/1.", a gzip member holding a WARC, <rss>/<feed>/<rdf:RDF>,
// <!DOCTYPE html>/<html>); stdin is always sniffed. JSON Lines and WARC are
// streamed; other formats are read whole.
void ReadInputs(const std::vector<std::string>& paths, const ReadOptions& options,
                InputFormat format, ArticleSink* sink);

// "sha256:" + the first 16 hex digits of the SHA-256 of `text`: the id of an
// article that has none of its own.
std::string ArticleIdFromText(std::string_view text);

// Builds an article from a whole text input (a .txt file or stdin).
Status MakeTextArticle(std::string_view bytes, const std::string& path, Article* article);

// Builds an article from one JSON line; `line` is 1-based.
Status MakeJsonLineArticle(std::string_view json, const std::string& path, uint64_t line,
                           Article* article);

}  // namespace veille
