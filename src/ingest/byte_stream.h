// Streams of input bytes for the readers: a file or stdin with look-ahead,
// and concatenated gzip members decompressed one by one. Neither holds more
// than a small buffer, so a 2 GB archive streams through.
#pragma once

#include <zlib.h>

#include <cstdint>
#include <cstdio>
#include <deque>
#include <string>
#include <string_view>
#include <utility>

#include "veille/status.h"

namespace veille {

// Bytes that can be read in order. Not thread-safe.
class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to `n` bytes into `out`; returns 0 at the end or after an error.
  virtual size_t Read(char* out, size_t n) = 0;
  // Why reading stopped early; ok at a clean end.
  virtual const Status& status() const = 0;
  // The offset in the file of the unit holding byte `position` of this
  // stream: the byte itself, or the gzip member it was decompressed from.
  // Positions asked must not decrease.
  virtual uint64_t FileOffset(uint64_t position) = 0;
  // After an error, moves to the next place reading can restart (the next
  // gzip member); returns false when there is none.
  virtual bool Resync() { return false; }
};

// A FILE* (a file or stdin) with look-ahead, so a format can be sniffed from
// the first bytes of a stream that cannot seek.
class InputStream : public ByteSource {
 public:
  explicit InputStream(FILE* file) : file_(file) {}

  // Up to `n` bytes ahead, not consumed (fewer at the end of the stream).
  std::string_view Peek(size_t n);
  size_t Read(char* out, size_t n) override;
  // Reads the rest of the stream, refusing to hold more than `limit` bytes.
  Status ReadAll(size_t limit, std::string* out);
  const Status& status() const override { return status_; }
  uint64_t FileOffset(uint64_t position) override { return position; }
  uint64_t position() const { return position_; }

 private:
  bool Fill(size_t want);

  FILE* file_;
  std::string buffer_;  // read ahead; buffer_[pos_:] not consumed yet
  size_t pos_ = 0;
  uint64_t position_ = 0;
  bool eof_ = false;
  Status status_;
};

// Decompresses a stream of concatenated gzip members (RFC 1952), as .warc.gz
// files are written: one member per record. Remembers where each member
// starts so a record can be located in the compressed file.
class GzipSource : public ByteSource {
 public:
  explicit GzipSource(ByteSource* compressed);
  ~GzipSource() override;
  GzipSource(const GzipSource&) = delete;
  GzipSource& operator=(const GzipSource&) = delete;

  size_t Read(char* out, size_t n) override;
  const Status& status() const override { return status_; }
  uint64_t FileOffset(uint64_t position) override;
  // Skips to the next gzip member header after a corrupt one.
  bool Resync() override;

 private:
  bool EnsureInput(size_t n);
  void Fail(std::string message);

  ByteSource* in_;
  z_stream z_{};
  bool z_ready_ = false;
  char input_[1 << 16];
  uint64_t compressed_read_ = 0;  // bytes taken from `in_`
  uint64_t produced_ = 0;         // decompressed bytes returned
  bool in_member_ = false;
  bool done_ = false;
  uint64_t member_start_ = 0;
  std::deque<std::pair<uint64_t, uint64_t>> members_;  // (decompressed start, compressed start)
  Status status_;
};

// Whether `compressed` (the first bytes of a gzip file) decompresses to data
// starting with `prefix`.
bool GzipStartsWith(std::string_view compressed, std::string_view prefix);

}  // namespace veille
