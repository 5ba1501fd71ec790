// An input article as read from a file, a JSON line or stdin.
#pragma once

#include <cstdint>
#include <string>

namespace veille {

// Where an article came from. Everything needed to find the bytes again.
struct SourceInfo {
  std::string path;          // file path as given, or "-" for stdin
  uint64_t line = 0;         // 1-based line for JSON Lines input, 0 otherwise
  std::string sha256;        // hex digest of `raw` (the input bytes of this article)
  std::string encoding = "utf-8";  // utf-8, utf-8-bom, utf-16le, utf-16be, windows-1252
  std::string format = "text";     // text | jsonl
};

// The article itself. `text` is the original text in UTF-8: for UTF-8 input it
// is the input bytes exactly (after a byte order mark), for transcoded input the
// UTF-8 transcoding. Every span veille outputs is a byte offset into `text`.
struct Article {
  std::string id;  // stable: the JSONL "id" when given, else "sha256:" + first 16 hex digits
  SourceInfo source;
  std::string text;
  // The input bytes when they differ from `text` (BOM, UTF-16, Windows-1252, JSON
  // escapes); empty when `text` is the input byte for byte.
  std::string raw;

  // Metadata supplied with the input (JSON Lines fields); empty when absent.
  std::string title;
  std::string url;
  std::string date;
  std::string outlet;
  std::string language;

  // The exact bytes the article was read from.
  const std::string& RawBytes() const { return raw.empty() ? text : raw; }
};

}  // namespace veille
