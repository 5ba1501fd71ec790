// An input article as read from a file, a JSON line or stdin.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace veille {

// Where a stretch of an article's text comes from in its input bytes. Kept
// for articles extracted from HTML, whose text is not a slice of the input.
// The anchor covers Article::text from `text` up to the next anchor's `text`
// (or the end) and comes from RawBytes() [raw, raw + raw_length). When both
// lengths are equal the bytes are identical; otherwise the stretch is one
// replaced unit (a character reference, collapsed white space, a transcoded
// character, a <br>) or, with raw_length 0, a separator veille inserted.
struct TextAnchor {
  uint32_t text = 0;
  uint32_t raw = 0;
  uint32_t raw_length = 0;
  bool operator==(const TextAnchor&) const = default;
};

// Where an article came from. Everything needed to find the bytes again.
struct SourceInfo {
  std::string path;          // file path as given, or "-" for stdin
  // 1-based line for JSON Lines input, item number in an RSS/Atom feed, record
  // number in a WARC file; 0 otherwise.
  uint64_t line = 0;
  // Byte offset in the file of the article's input bytes: a feed item's XML,
  // a WARC record (for .warc.gz, the gzip member holding the record's start).
  std::optional<uint64_t> offset;
  std::string sha256;        // hex digest of `raw` (the input bytes of this article)
  // utf-8, utf-8-bom, utf-16le, utf-16be, windows-1252, or another IANA
  // charset name (lowercase) an HTML page or feed declared.
  std::string encoding = "utf-8";
  std::string format = "text";  // text | jsonl | html | rss | atom | warc
  std::vector<TextAnchor> anchors;  // HTML-derived text only, sorted by `text`
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

  // Metadata supplied with the input (JSON Lines fields, HTML meta tags, feed
  // items, WARC headers); empty when absent.
  std::string title;
  std::string url;
  std::string date;
  std::string outlet;
  std::string language;
  std::string author;  // as the page or feed names it; becomes the byline when the text has none

  // The exact bytes the article was read from.
  const std::string& RawBytes() const { return raw.empty() ? text : raw; }
};

}  // namespace veille
