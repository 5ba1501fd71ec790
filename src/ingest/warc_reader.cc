#include "ingest/warc_reader.h"

#include <fmt/format.h>
#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <vector>

#include "ingest/dates.h"
#include "ingest/html_reader.h"
#include "ingest/html_text.h"
#include "util/utf8.h"

namespace veille {
namespace {

constexpr size_t kMaxHeaderBytes = 64 * 1024;  // WARC or HTTP headers
constexpr size_t kMaxVersionLine = 256;

// The same status with `context` before its message.
Status WithContext(const Status& status, std::string_view context) {
  std::string message = fmt::format("{}: {}", context, status.message());
  switch (status.code()) {
    case Status::Code::kTooLarge: return Status::TooLarge(std::move(message));
    case Status::Code::kIoError: return Status::IoError(std::move(message));
    case Status::Code::kNotFound: return Status::NotFound(std::move(message));
    case Status::Code::kInternal: return Status::Internal(std::move(message));
    default: return Status::BadInput(std::move(message));
  }
}

// A ByteSource read through a buffer, by lines or by counts.
class Buffered {
 public:
  explicit Buffered(ByteSource* source) : source_(source) {}

  // The next byte, or -1 at the end.
  int PeekByte() {
    if (pos_ == buffer_.size() && !Fill()) return -1;
    return static_cast<unsigned char>(buffer_[pos_]);
  }

  // Reads a line with its '\n', at most `max` bytes. Returns false when no
  // byte is left; *complete is false when the line has no '\n' within `max`
  // bytes or before the end.
  bool ReadLine(size_t max, std::string* line, bool* complete) {
    line->clear();
    *complete = false;
    while (line->size() < max) {
      if (pos_ == buffer_.size() && !Fill()) break;
      const size_t take = std::min(buffer_.size() - pos_, max - line->size());
      const size_t nl = buffer_.find('\n', pos_);
      if (nl != std::string::npos && nl < pos_ + take) {
        line->append(buffer_, pos_, nl + 1 - pos_);
        Consume(nl + 1 - pos_);
        *complete = true;
        return true;
      }
      line->append(buffer_, pos_, take);
      Consume(take);
    }
    return !line->empty();
  }

  // Appends up to `n` bytes to *out; returns how many.
  uint64_t Read(uint64_t n, std::string* out) {
    uint64_t done = 0;
    while (done < n) {
      if (pos_ == buffer_.size() && !Fill()) break;
      const size_t take = static_cast<size_t>(std::min<uint64_t>(buffer_.size() - pos_, n - done));
      if (out != nullptr) out->append(buffer_, pos_, take);
      Consume(take);
      done += take;
    }
    return done;
  }

  uint64_t Skip(uint64_t n) { return Read(n, nullptr); }
  uint64_t position() const { return position_; }

  // After the source resynchronized: what was buffered is gone.
  void Reset() {
    buffer_.clear();
    pos_ = 0;
    position_ = read_;
  }

 private:
  bool Fill() {
    buffer_.resize(1 << 16);
    const size_t n = source_->Read(buffer_.data(), buffer_.size());
    buffer_.resize(n);
    pos_ = 0;
    read_ += n;
    return n > 0;
  }
  void Consume(size_t n) {
    pos_ += n;
    position_ += n;
  }

  ByteSource* source_;
  std::string buffer_;
  size_t pos_ = 0;
  uint64_t position_ = 0;  // bytes consumed
  uint64_t read_ = 0;      // bytes taken from the source
};

// "Name: value" lines, with folded continuation lines.
class Headers {
 public:
  void Parse(std::string_view block) {
    size_t pos = 0;
    while (pos < block.size()) {
      size_t end = block.find('\n', pos);
      if (end == std::string_view::npos) end = block.size();
      std::string_view line = block.substr(pos, end - pos);
      pos = end + 1;
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (line.empty()) continue;
      if ((line[0] == ' ' || line[0] == '\t') && !fields_.empty()) {
        fields_.back().second += " ";
        fields_.back().second += TrimHtmlSpace(line);
        continue;
      }
      const size_t colon = line.find(':');
      if (colon == std::string_view::npos) continue;
      fields_.emplace_back(AsciiLower(TrimHtmlSpace(line.substr(0, colon))),
                           std::string(TrimHtmlSpace(line.substr(colon + 1))));
    }
  }
  std::string Get(std::string_view name) const {
    for (const auto& [key, value] : fields_) {
      if (key == name) return value;
    }
    return "";
  }

 private:
  std::vector<std::pair<std::string, std::string>> fields_;
};

// Splits a Content-Type value into its media type (lowercase) and charset.
void SplitContentType(std::string_view value, std::string* media, std::string* charset) {
  const size_t semi = value.find(';');
  *media = AsciiLower(TrimHtmlSpace(value.substr(0, semi)));
  charset->clear();
  if (semi == std::string_view::npos) return;
  const std::string params = AsciiLower(value.substr(semi));
  const size_t at = params.find("charset=");
  if (at == std::string::npos) return;
  std::string_view rest = std::string_view(params).substr(at + 8);
  rest = rest.substr(0, rest.find(';'));
  rest = TrimHtmlSpace(rest);
  if (rest.size() >= 2 && (rest.front() == '"' || rest.front() == '\'')) rest = rest.substr(1, rest.size() - 2);
  *charset = std::string(rest);
}

// Undoes HTTP chunked transfer coding.
Status Dechunk(std::string_view body, size_t limit, std::string* out) {
  out->clear();
  size_t pos = 0;
  while (true) {
    const size_t eol = body.find('\n', pos);
    if (eol == std::string_view::npos) {
      return Status::BadInput(fmt::format("chunked payload ends without its last chunk (at payload byte {})", pos));
    }
    const std::string_view size_line = TrimHtmlSpace(body.substr(pos, eol - pos));
    const std::string_view digits = size_line.substr(0, size_line.find(';'));
    uint64_t size = 0;
    if (digits.empty() || digits.size() > 15) {
      return Status::BadInput(fmt::format("bad chunk size \"{}\" at payload byte {}", utf8::Excerpt(size_line, 0), pos));
    }
    for (const char c : digits) {
      if (!std::isxdigit(static_cast<unsigned char>(c))) {
        return Status::BadInput(fmt::format("bad chunk size \"{}\" at payload byte {}", utf8::Excerpt(size_line, 0), pos));
      }
      size = size * 16 + static_cast<uint64_t>(std::isdigit(static_cast<unsigned char>(c)) ? c - '0' : (c | 0x20) - 'a' + 10);
    }
    pos = eol + 1;
    if (size == 0) return Status::Ok();  // trailers, if any, are not payload
    if (size > body.size() - pos) {
      return Status::BadInput(fmt::format("chunk of {} bytes at payload byte {} runs past the record", size, pos));
    }
    if (out->size() + size > limit) {
      return Status::TooLarge(fmt::format("payload is over the {} MiB article limit", limit >> 20));
    }
    out->append(body.substr(pos, size));
    pos += size;
    while (pos < body.size() && (body[pos] == '\r' || body[pos] == '\n')) ++pos;
  }
}

// Undoes gzip or deflate content coding, refusing output over `limit`.
Status Inflate(std::string_view body, int window_bits, size_t limit, std::string* out) {
  out->clear();
  z_stream z{};
  if (inflateInit2(&z, window_bits) != Z_OK) return Status::Internal("cannot initialize zlib");
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(body.data()));
  z.avail_in = static_cast<uInt>(body.size());
  char chunk[1 << 16];
  int ret = Z_OK;
  while (ret == Z_OK) {
    z.next_out = reinterpret_cast<Bytef*>(chunk);
    z.avail_out = sizeof chunk;
    ret = inflate(&z, Z_NO_FLUSH);
    out->append(chunk, sizeof chunk - z.avail_out);
    if (out->size() > limit) {
      inflateEnd(&z);
      return Status::TooLarge(fmt::format("decompressed payload is over the {} MiB article limit", limit >> 20));
    }
    if (ret == Z_BUF_ERROR && z.avail_in == 0) break;  // truncated: keep what came out
  }
  const std::string message = z.msg != nullptr ? z.msg : "";
  inflateEnd(&z);
  if (ret != Z_STREAM_END && ret != Z_BUF_ERROR) {
    return Status::BadInput(fmt::format("corrupt compressed payload: {}", message.empty() ? "inflate failed" : message));
  }
  return Status::Ok();
}

struct Record {
  uint64_t number = 0;
  uint64_t offset = 0;
  Headers headers;
  std::string type;
  uint64_t length = 0;
  std::string block;  // the whole block, or its head when over the limit
  bool over_limit = false;
};

enum class Outcome { kArticle, kSkipped, kFailed };

class WarcParser {
 public:
  WarcParser(ByteSource* source, const std::string& path, const ReadOptions& options,
             const HtmlExtractor& extractor, ArticleSink* sink)
      : source_(source), in_(source), path_(path), options_(options), extractor_(extractor), sink_(sink) {}

  void Run();

 private:
  Outcome Process(Record& record);
  bool Fail(const Record& record, const std::string& what);
  void RecordError(const Record& record, const Status& status) {
    std::string context = fmt::format("WARC record {} at byte {}", record.number, record.offset);
    const std::string uri = TargetUri(record);
    if (!uri.empty()) context += fmt::format(" ({})", uri);
    sink_->OnError({path_, 0, WithContext(status, context)});
    ++errors_;
  }
  static std::string TargetUri(const Record& record) {
    std::string uri = record.headers.Get("warc-target-uri");
    if (uri.size() >= 2 && uri.front() == '<' && uri.back() == '>') uri = uri.substr(1, uri.size() - 2);
    return uri;
  }

  ByteSource* source_;
  Buffered in_;
  const std::string& path_;
  const ReadOptions& options_;
  const HtmlExtractor& extractor_;
  ArticleSink* sink_;
  uint64_t articles_ = 0;
  uint64_t errors_ = 0;
  std::map<std::string, uint64_t> skipped_;  // why -> how many records
};

// Reports a record that cannot be read to its end; returns whether reading
// can go on (after a corrupt gzip member, at the next one).
bool WarcParser::Fail(const Record& record, const std::string& what) {
  // A damaged stream explains itself better than what it caused.
  RecordError(record, Status::BadInput(source_->status().ok() ? what : source_->status().message()));
  if (!source_->Resync()) return false;
  in_.Reset();
  return true;
}

Outcome WarcParser::Process(Record& record) {
  std::string media, charset;
  std::string_view payload;
  std::string decoded;  // storage when the payload had to be decoded
  if (record.type == "response") {
    if (!AsciiLower(record.headers.Get("content-type")).starts_with("application/http")) {
      ++skipped_["responses that are not HTTP"];
      return Outcome::kSkipped;
    }
    std::string_view block = record.block;
    size_t end = block.find("\r\n\r\n");
    size_t body_start = end == std::string_view::npos ? end : end + 4;
    if (const size_t lf = block.find("\n\n"); lf != std::string_view::npos && (end == std::string_view::npos || lf < end)) {
      body_start = lf + 2;
    }
    if (body_start == std::string_view::npos || body_start > kMaxHeaderBytes) {
      if (record.over_limit) {
        ++skipped_["oversized responses without readable HTTP headers"];
        return Outcome::kSkipped;
      }
      RecordError(record, Status::BadInput("HTTP headers are not terminated by an empty line"));
      return Outcome::kFailed;
    }
    const std::string_view status_line = block.substr(0, block.find('\n'));
    if (!status_line.starts_with("HTTP/")) {
      RecordError(record, Status::BadInput(fmt::format("not an HTTP response: \"{}\"", utf8::Excerpt(status_line, 0, 40))));
      return Outcome::kFailed;
    }
    const size_t space = status_line.find(' ');
    const int code = space == std::string_view::npos ? 0 : std::atoi(std::string(status_line.substr(space + 1, 3)).c_str());
    if (code < 200 || code > 299) {
      ++skipped_[fmt::format("HTTP {} responses", code)];
      return Outcome::kSkipped;
    }
    Headers http;
    http.Parse(block.substr(status_line.size(), body_start - status_line.size()));
    SplitContentType(http.Get("content-type"), &media, &charset);
    payload = block.substr(body_start);
    if (media.empty() && LooksLikeHtml(payload)) media = "text/html";
    if (media != "text/html" && media != "application/xhtml+xml" && media != "text/plain") {
      ++skipped_["responses that are not HTML or text"];
      return Outcome::kSkipped;
    }
    if (record.over_limit) {
      RecordError(record, Status::TooLarge(fmt::format("record of {} bytes is over the {} MiB article limit (--max-article-bytes); skipped",
                                                       record.length, options_.max_article_bytes >> 20)));
      return Outcome::kFailed;
    }
    if (AsciiLower(http.Get("transfer-encoding")).find("chunked") != std::string::npos) {
      Status status = Dechunk(payload, options_.max_article_bytes, &decoded);
      if (!status.ok()) {
        RecordError(record, status);
        return Outcome::kFailed;
      }
      record.block.swap(decoded);  // the block is no longer needed
      payload = record.block;
    }
    const std::string coding = AsciiLower(TrimHtmlSpace(http.Get("content-encoding")));
    if (coding == "gzip" || coding == "x-gzip" || coding == "deflate") {
      // "deflate" is meant to be zlib-wrapped, but raw deflate is common too.
      Status status = Inflate(payload, 32 + MAX_WBITS, options_.max_article_bytes, &decoded);
      if (!status.ok() && coding == "deflate" && status.code() == Status::Code::kBadInput) {
        status = Inflate(payload, -MAX_WBITS, options_.max_article_bytes, &decoded);
      }
      if (!status.ok()) {
        RecordError(record, status);
        return Outcome::kFailed;
      }
      payload = decoded;
    } else if (!coding.empty() && coding != "identity") {
      RecordError(record, Status::BadInput(fmt::format("Content-Encoding \"{}\" is not supported", coding)));
      return Outcome::kFailed;
    }
  } else {
    SplitContentType(record.headers.Get("content-type"), &media, &charset);
    if (media != "text/html" && media != "application/xhtml+xml" && media != "text/plain") {
      ++skipped_[fmt::format("{} records that are not HTML or text", record.type)];
      return Outcome::kSkipped;
    }
    if (record.over_limit) {
      RecordError(record, Status::TooLarge(fmt::format("record of {} bytes is over the {} MiB article limit (--max-article-bytes); skipped",
                                                       record.length, options_.max_article_bytes >> 20)));
      return Outcome::kFailed;
    }
    payload = record.block;
  }

  Article article;
  Status status = media == "text/plain" ? MakeTextArticle(payload, path_, &article)
                                        : MakeHtmlArticle(payload, charset, path_, extractor_, &article);
  if (!status.ok()) {
    RecordError(record, status);
    return Outcome::kFailed;
  }
  article.url = TargetUri(record);
  if (article.date.empty()) article.date = NormalizeDate(record.headers.Get("warc-date"));
  article.source.line = record.number;
  article.source.offset = record.offset;
  article.source.format = "warc";
  sink_->OnArticle(std::move(article));
  ++articles_;
  return Outcome::kArticle;
}

void WarcParser::Run() {
  uint64_t records = 0;
  uint64_t last_offset = 0;  // of the last record started
  std::string line;
  bool complete = false;
  while (true) {
    int c;
    while ((c = in_.PeekByte()) == '\r' || c == '\n') in_.Skip(1);
    Record record;
    record.number = records + 1;
    if (c < 0) {
      if (source_->status().ok()) break;
      // The stream broke before a record's first byte. A gzip member that
      // started there held the next record; stray bytes held none.
      record.offset = source_->FileOffset(in_.position());
      if (records == 0 || record.offset != last_offset) {
        ++records;
        if (Fail(record, "")) continue;
        break;
      }
      sink_->OnError({path_, 0, Status::BadInput(fmt::format("after WARC record {}: {}", records,
                                                             source_->status().message()))});
      ++errors_;
      if (!source_->Resync()) break;
      in_.Reset();
      continue;
    }
    const uint64_t start = in_.position();
    ++records;
    in_.ReadLine(kMaxVersionLine, &line, &complete);
    record.offset = source_->FileOffset(start);
    last_offset = record.offset;
    if (!line.starts_with("WARC/")) {
      const std::string_view found = TrimHtmlSpace(line);
      if (Fail(record, fmt::format("expected a WARC/1.x version line, found \"{}\"",
                                   utf8::Excerpt(found, 0, 32)))) {
        continue;
      }
      break;
    }
    std::string header;
    bool terminated = false;
    while (header.size() < kMaxHeaderBytes && in_.ReadLine(kMaxHeaderBytes - header.size(), &line, &complete)) {
      if (line == "\r\n" || line == "\n") {
        terminated = true;
        break;
      }
      header += line;
      if (!complete) break;
    }
    if (!terminated) {
      const std::string what = header.size() >= kMaxHeaderBytes
                                   ? fmt::format("WARC headers are longer than {} KiB", kMaxHeaderBytes >> 10)
                                   : fmt::format("missing header terminator: the file ends after {} header bytes", header.size());
      if (Fail(record, what)) continue;
      break;
    }
    record.headers.Parse(header);
    record.type = AsciiLower(record.headers.Get("warc-type"));
    const std::string length = record.headers.Get("content-length");
    uint64_t value = 0;
    bool valid = !length.empty() && length.size() <= 18;
    for (const char ch : length) {
      valid = valid && std::isdigit(static_cast<unsigned char>(ch));
      if (valid) value = value * 10 + static_cast<uint64_t>(ch - '0');
    }
    if (!valid) {
      if (Fail(record, fmt::format("missing or bad Content-Length \"{}\"", utf8::Excerpt(length, 0, 24)))) continue;
      break;
    }
    record.length = value;
    const bool wanted = record.type == "response" || record.type == "resource" || record.type == "conversion";
    record.over_limit = value > options_.max_article_bytes;
    uint64_t got = 0;
    if (wanted) {
      // Over the limit only the start is kept, to say what the record holds.
      const uint64_t keep = record.over_limit ? std::min<uint64_t>(value, kMaxHeaderBytes) : value;
      got = in_.Read(keep, &record.block);
      if (got == keep) got += in_.Skip(value - got);
    } else {
      got = in_.Skip(value);
    }
    if (got < value) {
      if (Fail(record, fmt::format("Content-Length {} runs past the end of the file ({} bytes left)", value, got))) continue;
      break;
    }
    if (!wanted) {
      ++skipped_[record.type.empty() ? "records without a WARC-Type" : record.type + " records"];
      continue;
    }
    Process(record);
  }
  if (records == 0) {
    sink_->OnError({path_, 0, Status::BadInput("empty input (no WARC record)")});
  } else if (articles_ == 0 && errors_ == 0) {
    std::string why;
    for (const auto& [reason, count] : skipped_) {
      why += fmt::format("{}{} {}", why.empty() ? "" : ", ", count, reason);
    }
    sink_->OnError({path_, 0, Status::BadInput(fmt::format(
                                  "no HTML or text page among {} WARC record(s) ({})", records, why))});
  }
}

}  // namespace

void ReadWarc(ByteSource* source, const std::string& path, const ReadOptions& options,
              const HtmlExtractor& extractor, ArticleSink* sink) {
  WarcParser parser(source, path, options, extractor, sink);
  parser.Run();
}

bool LooksLikeWarc(std::string_view head) {
  return head.starts_with("WARC/1.") || head.starts_with("WARC/0.");
}

}  // namespace veille
