#include "ingest/reader.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>

#include "ingest/decode.h"
#include "util/hash.h"

namespace veille {
namespace fs = std::filesystem;
namespace {

std::string IdFromText(std::string_view text) { return "sha256:" + Sha256Hex(text).substr(0, 16); }

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

struct FileCloser {
  void operator()(FILE* f) const {
    if (f != nullptr && f != stdin) std::fclose(f);
  }
};
using FilePtr = std::unique_ptr<FILE, FileCloser>;

// Reads a whole stream, refusing to hold more than `limit` bytes.
Status ReadAll(FILE* file, size_t limit, std::string* out) {
  out->clear();
  char buffer[1 << 16];
  while (true) {
    const size_t n = std::fread(buffer, 1, sizeof buffer, file);
    if (n > 0) {
      if (out->size() + n > limit) {
        return Status::TooLarge(fmt::format(
            "input is larger than the {} MiB article limit (--max-article-bytes)", limit >> 20));
      }
      out->append(buffer, n);
    }
    if (n < sizeof buffer) {
      if (std::ferror(file)) return Status::IoError(std::strerror(errno));
      return Status::Ok();
    }
  }
}

// Splits a stream into lines without ever holding a line longer than the limit:
// the rest of an overlong line is skipped and reported.
class LineReader {
 public:
  LineReader(FILE* file, size_t limit) : file_(file), limit_(limit) {}

  // Returns false at end of stream. *too_long is set when the line was cut.
  bool Next(std::string* line, bool* too_long, size_t* line_bytes) {
    line->clear();
    *too_long = false;
    *line_bytes = 0;
    bool any = false;
    while (true) {
      if (pos_ == len_) {
        len_ = std::fread(buffer_, 1, sizeof buffer_, file_);
        pos_ = 0;
        if (len_ == 0) {
          error_ = std::ferror(file_) != 0;
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
  FILE* file_;
  size_t limit_;
  char buffer_[1 << 16];
  size_t pos_ = 0;
  size_t len_ = 0;
  bool error_ = false;
};

void ReadJsonLinesStream(FILE* file, const std::string& path, const ReadOptions& options,
                         ArticleSink* sink) {
  auto reader = std::make_unique<LineReader>(file, options.max_article_bytes);
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

void ReadTextStream(FILE* file, const std::string& path, const ReadOptions& options,
                    ArticleSink* sink) {
  std::string bytes;
  Status status = ReadAll(file, options.max_article_bytes, &bytes);
  Article article;
  if (status.ok()) status = MakeTextArticle(bytes, path, &article);
  if (status.ok()) {
    sink->OnArticle(std::move(article));
  } else {
    sink->OnError({path, 0, std::move(status)});
  }
}

// Guesses JSON Lines when the first non-blank byte opens an object.
bool LooksLikeJsonLines(FILE* file) {
  int c;
  std::string consumed;
  while ((c = std::fgetc(file)) != EOF) {
    consumed.push_back(static_cast<char>(c));
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\xEF' && c != '\xBB' &&
        c != '\xBF') {
      break;
    }
  }
  for (auto it = consumed.rbegin(); it != consumed.rend(); ++it) std::ungetc(*it, file);
  return c == '{';
}

void ReadOneFile(const fs::path& path, const std::string& shown, const ReadOptions& options,
                 InputFormat format, ArticleSink* sink) {
  FilePtr file;
  if (shown == "-") {
    file.reset(stdin);
  } else {
    std::error_code ec;
    if (fs::is_directory(path, ec)) return;
    const auto size = fs::file_size(path, ec);
    if (!ec && size > options.max_article_bytes && format != InputFormat::kJsonLines &&
        !IsJsonLinesExtension(path)) {
      sink->OnError({shown, 0, Status::TooLarge(fmt::format(
                                   "file of {} bytes is over the {} MiB article limit "
                                   "(--max-article-bytes)",
                                   size, options.max_article_bytes >> 20))});
      return;
    }
    file.reset(std::fopen(path.c_str(), "rb"));
    if (!file) {
      sink->OnError({shown, 0, Status::IoError(fmt::format("cannot open: {}", std::strerror(errno)))});
      return;
    }
  }
  if (format == InputFormat::kAuto) {
    if (IsJsonLinesExtension(path)) {
      format = InputFormat::kJsonLines;
    } else if (IsTextExtension(path)) {
      format = InputFormat::kText;
    } else {
      format = LooksLikeJsonLines(file.get()) ? InputFormat::kJsonLines : InputFormat::kText;
    }
  }
  if (format == InputFormat::kJsonLines) {
    ReadJsonLinesStream(file.get(), shown, options, sink);
  } else {
    ReadTextStream(file.get(), shown, options, sink);
  }
}

void WalkDirectory(const fs::path& root, const ReadOptions& options, InputFormat format,
                   ArticleSink* sink) {
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
    if (IsTextExtension(p) || IsJsonLinesExtension(p)) files.push_back(p);
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& p : files) ReadOneFile(p, p.string(), options, format, sink);
}

}  // namespace

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
  article->id = IdFromText(article->text);
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
  if (article->id.empty()) article->id = IdFromText(article->text);
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
  for (const std::string& arg : paths) {
    if (arg == "-") {
      ReadOneFile(fs::path(), "-", options, format, sink);
      continue;
    }
    std::error_code ec;
    const fs::path path(arg);
    const fs::file_status st = fs::status(path, ec);
    if (ec || !fs::exists(st)) {
      sink->OnError({arg, 0, Status::NotFound("no such file or directory")});
    } else if (fs::is_directory(st)) {
      WalkDirectory(path, options, format, sink);
    } else {
      ReadOneFile(path, arg, options, format, sink);
    }
  }
}

}  // namespace veille
