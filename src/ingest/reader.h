// Reads articles from files, directories and stdin, one event per article or
// per failure, in a deterministic order (arguments in order, directory entries
// sorted by name).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "veille/article.h"
#include "veille/status.h"

namespace veille {

struct ReadOptions {
  // An article (a text file, or one JSON line) larger than this is rejected
  // without being held in memory.
  size_t max_article_bytes = 32u << 20;
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

enum class InputFormat { kAuto, kText, kJsonLines };

// Reads every path ("-" is stdin). Directories are walked recursively; inside
// them only files with a known article extension (.txt, .text, .jsonl,
// .ndjson) are read and hidden entries are skipped. A file named explicitly is
// always read, its format guessed from the extension or the first byte.
void ReadInputs(const std::vector<std::string>& paths, const ReadOptions& options,
                InputFormat format, ArticleSink* sink);

// Builds an article from a whole text input (a .txt file or stdin).
Status MakeTextArticle(std::string_view bytes, const std::string& path, Article* article);

// Builds an article from one JSON line; `line` is 1-based.
Status MakeJsonLineArticle(std::string_view json, const std::string& path, uint64_t line,
                           Article* article);

}  // namespace veille
