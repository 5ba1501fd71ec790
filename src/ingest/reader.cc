#include "ingest/reader.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>

#include "ingest/byte_stream.h"
#include "ingest/decode.h"
#include "ingest/feed_reader.h"
#include "ingest/html_reader.h"
#include "ingest/warc_reader.h"
#include "util/hash.h"
#include "veille/analyzer.h"

namespace veille {
namespace fs = std::filesystem;
namespace {

bool HasExtension(const fs::path& path, std::initializer_list<const char*> extensions) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  for (const char* candidate : extensions) {
    if (ext == candidate) return true;
  }
  return false;
}

bool IsTextExtension(const fs::path& p) { return HasExtension(p, {".txt", ".text"}); }
bool IsJsonLinesExtension(const fs::path& p) { return HasExtension(p, {".jsonl", ".ndjson"}); }
bool IsWarcExtension(const fs::path& p) {
  return HasExtension(p, {".warc"}) || (HasExtension(p, {".gz"}) && HasExtension(p.stem(), {".warc"}));
}

// The format a file's extension says, or kAuto when it says nothing (or, for
// .xml, when only the content can tell a feed from an XHTML page).
InputFormat FormatFromExtension(const fs::path& p) {
  if (IsJsonLinesExtension(p)) return InputFormat::kJsonLines;
  if (IsTextExtension(p)) return InputFormat::kText;
  if (HasExtension(p, {".html", ".htm", ".xhtml"})) return InputFormat::kHtml;
  if (HasExtension(p, {".rss", ".atom"})) return InputFormat::kFeed;
  if (IsWarcExtension(p)) return InputFormat::kWarc;
  return InputFormat::kAuto;
}

bool IsArticleExtension(const fs::path& p) {
  return FormatFromExtension(p) != InputFormat::kAuto || HasExtension(p, {".xml"});
}

struct FileCloser {
  void operator()(FILE* f) const {
    if (f != nullptr && f != stdin) std::fclose(f);
  }
};
using FilePtr = std::unique_ptr<FILE, FileCloser>;

// Splits a stream into lines without ever holding a line longer than the limit:
// the rest of an overlong line is skipped and reported.
class LineReader {
 public:
  LineReader(InputStream* stream, size_t limit) : stream_(stream), limit_(limit) {}

  // Returns false at end of stream. *too_long is set when the line was cut.
  bool Next(std::string* line, bool* too_long, size_t* line_bytes) {
    line->clear();
    *too_long = false;
    *line_bytes = 0;
    bool any = false;
    while (true) {
      if (pos_ == len_) {
        len_ = stream_->Read(buffer_, sizeof buffer_);
        pos_ = 0;
        if (len_ == 0) {
          error_ = !stream_->status().ok();
          return any;
        }
      }
      any = true;
      const char* start = buffer_ + pos_;
      const void* nl = std::memchr(start, '\n', len_ - pos_);
      const size_t chunk = nl ? static_cast<const char*>(nl) - start : len_ - pos_;
      *line_bytes += chunk;
      if (!*too_long) {
        if (line->size() + chunk > limit_) {
          *too_long = true;
          line->clear();
          line->shrink_to_fit();
        } else {
          line->append(start, chunk);
        }
      }
      pos_ += chunk;
      if (nl) {
        ++pos_;
        return true;
      }
    }
  }
  bool error() const { return error_; }

 private:
  InputStream* stream_;
  size_t limit_;
  char buffer_[1 << 16];
  size_t pos_ = 0;
  size_t len_ = 0;
  bool error_ = false;
};

void ReadJsonLinesStream(InputStream* stream, const std::string& path, const ReadOptions& options,
                         ArticleSink* sink) {
  auto reader = std::make_unique<LineReader>(stream, options.max_article_bytes);
  std::string line;
  bool too_long = false;
  size_t line_bytes = 0;
  uint64_t line_number = 0;
  while (reader->Next(&line, &too_long, &line_bytes)) {
    ++line_number;
    if (too_long) {
      sink->OnError({path, line_number,
                     Status::TooLarge(fmt::format(
                         "line of {} bytes is over the {} MiB article limit (--max-article-bytes)",
                         line_bytes, options.max_article_bytes >> 20))});
      continue;
    }
    std::string_view view = line;
    if (line_number == 1 && view.substr(0, 3) == "\xEF\xBB\xBF") view.remove_prefix(3);
    if (!view.empty() && view.back() == '\r') view.remove_suffix(1);
    if (view.find_first_not_of(" \t") == std::string_view::npos) continue;
    Article article;
    Status status = MakeJsonLineArticle(view, path, line_number, &article);
    if (status.ok()) {
      sink->OnArticle(std::move(article));
    } else {
      sink->OnError({path, line_number, std::move(status)});
    }
  }
  if (reader->error()) sink->OnError({path, 0, Status::IoError("read failed")});
  if (line_number == 0) sink->OnError({path, 0, Status::BadInput("empty input (0 bytes)")});
}

// Reading state shared by every input of one ReadInputs call.
class Reading {
 public:
  Reading(const ReadOptions& options, ArticleSink* sink) : options_(options), sink_(sink) {}

  const ReadOptions& options() const { return options_; }
  ArticleSink* sink() const { return sink_; }

  // The HTML extractor, loaded at first use; null (after reporting why,
  // against `path`) when its rules cannot be loaded.
  const HtmlExtractor* Extractor(const std::string& path) {
    if (extractor_ == nullptr && extractor_status_.ok()) {
      auto loaded = HtmlExtractor::Load(ResolveDataDir(options_.data_dir));
      if (loaded.ok()) {
        extractor_ = std::move(loaded).value();
      } else {
        extractor_status_ = loaded.status();
      }
    }
    if (extractor_ == nullptr) sink_->OnError({path, 0, extractor_status_});
    return extractor_.get();
  }

 private:
  const ReadOptions& options_;
  ArticleSink* sink_;
  std::unique_ptr<HtmlExtractor> extractor_;
  Status extractor_status_;
};

// Feeds are read whole; they hold many articles, so they may be larger.
size_t FeedLimit(const ReadOptions& options) { return options.max_article_bytes * 8; }

// Reads a whole input as one article built by `make(bytes, article)`.
template <typename Make>
void ReadOneArticle(InputStream* stream, const std::string& path, Reading* reading, Make make) {
  std::string bytes;
  Status status = stream->ReadAll(reading->options().max_article_bytes, &bytes);
  Article article;
  if (status.ok()) status = make(bytes, &article);
  if (status.ok()) {
    reading->sink()->OnArticle(std::move(article));
  } else {
    reading->sink()->OnError({path, 0, std::move(status)});
  }
}

void ReadTextStream(InputStream* stream, const std::string& path, Reading* reading) {
  ReadOneArticle(stream, path, reading, [&](std::string_view bytes, Article* article) {
    return MakeTextArticle(bytes, path, article);
  });
}

void ReadHtmlStream(InputStream* stream, const std::string& path, Reading* reading) {
  const HtmlExtractor* extractor = reading->Extractor(path);
  if (extractor == nullptr) return;
  ReadOneArticle(stream, path, reading, [&](std::string_view bytes, Article* article) {
    return MakeHtmlArticle(bytes, "", path, *extractor, article);
  });
}

void ReadFeedStream(InputStream* stream, const std::string& path, Reading* reading) {
  const HtmlExtractor* extractor = reading->Extractor(path);
  if (extractor == nullptr) return;
  std::string bytes;
  Status status = stream->ReadAll(FeedLimit(reading->options()), &bytes);
  if (!status.ok()) {
    if (status.code() == Status::Code::kTooLarge) {
      status = Status::TooLarge(fmt::format("feed is over {} MiB (8 times --max-article-mib)",
                                            FeedLimit(reading->options()) >> 20));
    }
    reading->sink()->OnError({path, 0, std::move(status)});
    return;
  }
  ReadFeed(bytes, path, reading->options(), *extractor, reading->sink());
}

void ReadWarcStream(InputStream* stream, const std::string& path, Reading* reading) {
  const HtmlExtractor* extractor = reading->Extractor(path);
  if (extractor == nullptr) return;
  if (stream->Peek(2) == "\x1F\x8B") {
    GzipSource gzip(stream);
    ReadWarc(&gzip, path, reading->options(), *extractor, reading->sink());
  } else {
    ReadWarc(stream, path, reading->options(), *extractor, reading->sink());
  }
}

// Guesses the format of a stream from its first bytes.
InputFormat SniffFormat(InputStream* stream) {
  std::string_view head = stream->Peek(4096);
  if (head.starts_with("\x1F\x8B")) {
    return GzipStartsWith(stream->Peek(64 * 1024), "WARC/") ? InputFormat::kWarc : InputFormat::kText;
  }
  if (LooksLikeWarc(head)) return InputFormat::kWarc;
  const size_t first = head.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (first != std::string_view::npos && head[first] == '{') return InputFormat::kJsonLines;
  if (LooksLikeFeed(head)) return InputFormat::kFeed;
  if (LooksLikeHtml(head)) return InputFormat::kHtml;
  return InputFormat::kText;
}

void ReadOneFile(const fs::path& path, const std::string& shown, InputFormat format,
                 Reading* reading) {
  const ReadOptions& options = reading->options();
  ArticleSink* sink = reading->sink();
  FilePtr file;
  if (shown == "-") {
    file.reset(stdin);
  } else {
    std::error_code ec;
    if (fs::is_directory(path, ec)) return;
    file.reset(std::fopen(path.c_str(), "rb"));
    if (!file) {
      sink->OnError({shown, 0, Status::IoError(fmt::format("cannot open: {}", std::strerror(errno)))});
      return;
    }
  }
  InputStream stream(file.get());
  if (format == InputFormat::kAuto) format = FormatFromExtension(path);
  if (format == InputFormat::kAuto) {
    format = SniffFormat(&stream);
    // An .xml file is read as a feed unless it is an XHTML page, so that
    // other XML (a sitemap) is reported as not being a feed.
    if (format == InputFormat::kText && HasExtension(path, {".xml"})) format = InputFormat::kFeed;
  }
  if (shown != "-") {
    // Whole-file formats are refused before being read when too large.
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    const size_t limit = format == InputFormat::kFeed ? FeedLimit(options) : options.max_article_bytes;
    const bool streamed = format == InputFormat::kJsonLines || format == InputFormat::kWarc;
    if (!ec && !streamed && size > limit) {
      sink->OnError({shown, 0, Status::TooLarge(fmt::format(
                                   "file of {} bytes is over the {} MiB {} limit "
                                   "(--max-article-bytes{})",
                                   size, limit >> 20, format == InputFormat::kFeed ? "feed" : "article",
                                   format == InputFormat::kFeed ? ", times 8" : ""))});
      return;
    }
  }
  switch (format) {
    case InputFormat::kJsonLines: ReadJsonLinesStream(&stream, shown, options, sink); break;
    case InputFormat::kHtml: ReadHtmlStream(&stream, shown, reading); break;
    case InputFormat::kFeed: ReadFeedStream(&stream, shown, reading); break;
    case InputFormat::kWarc: ReadWarcStream(&stream, shown, reading); break;
    default: ReadTextStream(&stream, shown, reading); break;
  }
}

void WalkDirectory(const fs::path& root, InputFormat format, Reading* reading) {
  ArticleSink* sink = reading->sink();
  std::vector<fs::path> files;
  std::error_code ec;
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    sink->OnError({root.string(), 0, Status::IoError(fmt::format("cannot list: {}", ec.message()))});
    return;
  }
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) {
      sink->OnError({root.string(), 0, Status::IoError(fmt::format("cannot list: {}", ec.message()))});
      break;
    }
    const fs::path& p = it->path();
    if (p.filename().string().starts_with(".")) {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (it->is_symlink(ec) && !fs::exists(it->status(ec))) {
      sink->OnError({p.string(), 0, Status::NotFound("broken symbolic link")});
      continue;
    }
    if (!it->is_regular_file(ec)) continue;
    if (IsArticleExtension(p)) files.push_back(p);
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& p : files) ReadOneFile(p, p.string(), format, reading);
}

}  // namespace

const std::vector<std::string>& InputFormatNames() {
  static const std::vector<std::string> kNames = {"auto", "text", "jsonl", "html", "feed", "warc"};
  return kNames;
}

InputFormat InputFormatFromName(std::string_view name) {
  static constexpr std::pair<std::string_view, InputFormat> kFormats[] = {
      {"text", InputFormat::kText}, {"jsonl", InputFormat::kJsonLines},
      {"html", InputFormat::kHtml}, {"feed", InputFormat::kFeed}, {"warc", InputFormat::kWarc}};
  for (const auto& [n, format] : kFormats) {
    if (n == name) return format;
  }
  return InputFormat::kAuto;
}

std::string ArticleIdFromText(std::string_view text) {
  return "sha256:" + Sha256Hex(text).substr(0, 16);
}

std::string ReadError::ToString() const {
  if (line > 0) return fmt::format("{}:{}: {}", path, line, status.ToString());
  return fmt::format("{}: {}", path, status.ToString());
}

Status MakeTextArticle(std::string_view bytes, const std::string& path, Article* article) {
  DecodedText decoded;
  Status status = DecodeText(bytes, &decoded);
  if (!status.ok()) return status;
  article->source.path = path;
  article->source.line = 0;
  article->source.format = "text";
  article->source.encoding = decoded.encoding;
  article->source.sha256 = Sha256Hex(bytes);
  article->text = std::move(decoded.text);
  if (decoded.transcoded || decoded.bom_length > 0) article->raw.assign(bytes);
  article->id = ArticleIdFromText(article->text);
  return Status::Ok();
}

Status MakeJsonLineArticle(std::string_view json, const std::string& path, uint64_t line,
                           Article* article) {
  // One parser per thread: it keeps its buffers between lines.
  thread_local simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (auto error = parser.parse(json.data(), json.size(), true).get(root)) {
    return Status::BadInput(fmt::format("not valid JSON: {}", simdjson::error_message(error)));
  }
  simdjson::dom::object object;
  if (root.get(object)) return Status::BadInput("JSON line is not an object");

  auto get_string = [&](const char* key, std::string* out) -> Status {
    simdjson::dom::element value;
    if (object[key].get(value)) return Status::Ok();  // absent
    if (value.is_null()) return Status::Ok();
    std::string_view sv;
    if (!value.get(sv)) {
      out->assign(sv);
      return Status::Ok();
    }
    if (value.is_int64() || value.is_uint64()) {
      *out = simdjson::to_string(value);
      return Status::Ok();
    }
    return Status::BadInput(fmt::format("field \"{}\" is not a string", key));
  };

  simdjson::dom::element text_value;
  if (object["text"].get(text_value)) return Status::BadInput("missing field \"text\"");
  std::string_view text;
  if (text_value.get(text)) return Status::BadInput("field \"text\" is not a string");
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return Status::BadInput("field \"text\" is empty");
  }
  article->text.assign(text);
  for (auto [key, field] : {std::pair{"id", &article->id}, {"url", &article->url},
                            {"title", &article->title}, {"date", &article->date},
                            {"outlet", &article->outlet}, {"language", &article->language}}) {
    Status status = get_string(key, field);
    if (!status.ok()) return status;
  }
  if (article->id.empty()) article->id = ArticleIdFromText(article->text);
  article->raw.assign(json);
  article->source.path = path;
  article->source.line = line;
  article->source.format = "jsonl";
  article->source.encoding = "utf-8";
  article->source.sha256 = Sha256Hex(json);
  return Status::Ok();
}

void ReadInputs(const std::vector<std::string>& paths, const ReadOptions& options,
                InputFormat format, ArticleSink* sink) {
  Reading reading(options, sink);
  for (const std::string& arg : paths) {
    if (arg == "-") {
      ReadOneFile(fs::path(), "-", format, &reading);
      continue;
    }
    std::error_code ec;
    const fs::path path(arg);
    const fs::file_status st = fs::status(path, ec);
    if (ec || !fs::exists(st)) {
      sink->OnError({arg, 0, Status::NotFound("no such file or directory")});
    } else if (fs::is_directory(st)) {
      WalkDirectory(path, format, &reading);
    } else {
      ReadOneFile(path, arg, format, &reading);
    }
  }
}

}  // namespace veille
