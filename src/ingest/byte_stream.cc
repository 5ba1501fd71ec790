#include "ingest/byte_stream.h"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace veille {

bool InputStream::Fill(size_t want) {
  if (pos_ > 0 && pos_ == buffer_.size()) {
    buffer_.clear();
    pos_ = 0;
  }
  while (buffer_.size() - pos_ < want && !eof_) {
    char chunk[1 << 16];
    const size_t n = std::fread(chunk, 1, sizeof chunk, file_);
    buffer_.append(chunk, n);
    if (n < sizeof chunk) {
      eof_ = true;
      if (std::ferror(file_)) status_ = Status::IoError(std::strerror(errno));
    }
  }
  return buffer_.size() - pos_ >= want;
}

std::string_view InputStream::Peek(size_t n) {
  Fill(n);
  return std::string_view(buffer_).substr(pos_, n);
}

size_t InputStream::Read(char* out, size_t n) {
  size_t done = 0;
  if (pos_ < buffer_.size()) {
    done = std::min(n, buffer_.size() - pos_);
    std::memcpy(out, buffer_.data() + pos_, done);
    pos_ += done;
  }
  if (done < n && !eof_) {
    const size_t got = std::fread(out + done, 1, n - done, file_);
    if (got < n - done) {
      eof_ = true;
      if (std::ferror(file_)) status_ = Status::IoError(std::strerror(errno));
    }
    done += got;
  }
  position_ += done;
  return done;
}

Status InputStream::ReadAll(size_t limit, std::string* out) {
  out->clear();
  char chunk[1 << 16];
  while (true) {
    const size_t n = Read(chunk, sizeof chunk);
    if (out->size() + n > limit) {
      return Status::TooLarge(fmt::format(
          "input is larger than the {} MiB article limit (--max-article-bytes)", limit >> 20));
    }
    out->append(chunk, n);
    if (n == 0) return status_;
  }
}

GzipSource::GzipSource(ByteSource* compressed) : in_(compressed) {
  z_ready_ = inflateInit2(&z_, 16 + MAX_WBITS) == Z_OK;
  if (!z_ready_) status_ = Status::Internal("cannot initialize zlib");
}

GzipSource::~GzipSource() {
  if (z_ready_) inflateEnd(&z_);
}

void GzipSource::Fail(std::string message) {
  status_ = Status::BadInput(std::move(message));
  done_ = true;
}

// Makes at least `n` compressed bytes available at z_.next_in, unless the
// input ends first.
bool GzipSource::EnsureInput(size_t n) {
  if (z_.avail_in >= n) return true;
  if (z_.avail_in > 0 && z_.next_in != reinterpret_cast<Bytef*>(input_)) {
    std::memmove(input_, z_.next_in, z_.avail_in);
  }
  z_.next_in = reinterpret_cast<Bytef*>(input_);
  while (z_.avail_in < n) {
    const size_t got = in_->Read(input_ + z_.avail_in, sizeof input_ - z_.avail_in);
    if (got == 0) break;
    compressed_read_ += got;
    z_.avail_in += static_cast<uInt>(got);
  }
  if (!in_->status().ok()) status_ = in_->status();
  return z_.avail_in >= n;
}

size_t GzipSource::Read(char* out, size_t n) {
  while (!done_ && z_ready_) {
    if (!in_member_) {
      // A member boundary: the end of the file, or the next member's header.
      if (!EnsureInput(2)) {
        if (z_.avail_in > 0) {
          Fail(fmt::format("{} stray byte(s) after the last gzip member, at byte {}", z_.avail_in,
                           compressed_read_ - z_.avail_in));
        }
        done_ = true;
        break;
      }
      const uint64_t at = compressed_read_ - z_.avail_in;
      if (z_.next_in[0] != 0x1F || z_.next_in[1] != 0x8B) {
        Fail(fmt::format("not gzip data at byte {} (a member header was expected)", at));
        break;
      }
      inflateReset(&z_);
      member_start_ = at;
      members_.emplace_back(produced_, at);
      in_member_ = true;
    }
    if (z_.avail_in == 0 && !EnsureInput(1)) {
      Fail(fmt::format("gzip member at byte {} is truncated: the file ends inside it",
                       member_start_));
      break;
    }
    z_.next_out = reinterpret_cast<Bytef*>(out);
    z_.avail_out = static_cast<uInt>(n);
    const int ret = inflate(&z_, Z_NO_FLUSH);
    const size_t got = n - z_.avail_out;
    produced_ += got;
    if (ret == Z_STREAM_END) {
      in_member_ = false;
    } else if (ret != Z_OK && ret != Z_BUF_ERROR) {
      Fail(fmt::format("corrupt gzip member at byte {}: {}", member_start_,
                       z_.msg != nullptr ? z_.msg : "inflate failed"));
      return got;
    }
    if (got > 0) return got;
  }
  return 0;
}

uint64_t GzipSource::FileOffset(uint64_t position) {
  while (members_.size() > 1 && members_[1].first <= position) members_.pop_front();
  return members_.empty() ? 0 : members_.front().second;
}

bool GzipSource::Resync() {
  if (!z_ready_ || !in_->status().ok()) return false;
  // Skip the damaged member's first byte, then look for the next header
  // (magic and the deflate method byte).
  if (z_.avail_in > 0 && compressed_read_ - z_.avail_in == member_start_) {
    ++z_.next_in;
    --z_.avail_in;
  }
  while (true) {
    if (!EnsureInput(3)) return false;
    const auto* begin = reinterpret_cast<const char*>(z_.next_in);
    const char* found = nullptr;
    for (const char* p = begin; p + 2 < begin + z_.avail_in; ++p) {
      if (p[0] == '\x1F' && p[1] == '\x8B' && p[2] == '\x08') {
        found = p;
        break;
      }
    }
    const size_t skip = found ? static_cast<size_t>(found - begin) : z_.avail_in - 2;
    z_.next_in += skip;
    z_.avail_in -= static_cast<uInt>(skip);
    if (found) break;
  }
  in_member_ = false;
  done_ = false;
  status_ = Status::Ok();
  return true;
}

bool GzipStartsWith(std::string_view compressed, std::string_view prefix) {
  z_stream z{};
  if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) return false;
  std::string out(prefix.size(), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  z.avail_in = static_cast<uInt>(compressed.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  int ret = Z_OK;
  while (z.avail_out > 0 && z.avail_in > 0 && ret == Z_OK) ret = inflate(&z, Z_NO_FLUSH);
  const size_t got = out.size() - z.avail_out;
  inflateEnd(&z);
  return got == prefix.size() && out == prefix;
}

}  // namespace veille
