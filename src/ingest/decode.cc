#include "ingest/decode.h"

#include <fmt/format.h>

#include <array>
#include <cstring>

#include "util/utf8.h"

namespace veille {
namespace {

// Windows-1252 code points for bytes 0x80-0x9F; the five undefined bytes map
// to the C1 controls of the same value, as Latin-1 does.
constexpr std::array<char16_t, 32> kCp1252High = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

bool IsBlank(std::string_view text) {
  for (const char c : text) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') return false;
  }
  return true;
}

Status DecodeUtf16(std::string_view bytes, bool little_endian, DecodedText* out) {
  if (bytes.size() % 2 != 0) {
    return Status::BadInput(fmt::format("truncated UTF-16: odd byte count {}", bytes.size() + 2));
  }
  out->text.clear();
  out->text.reserve(bytes.size());
  auto unit_at = [&](size_t i) -> char16_t {
    const auto lo = static_cast<unsigned char>(bytes[i + (little_endian ? 0 : 1)]);
    const auto hi = static_cast<unsigned char>(bytes[i + (little_endian ? 1 : 0)]);
    return static_cast<char16_t>(lo | (hi << 8));
  };
  for (size_t i = 0; i < bytes.size(); i += 2) {
    char32_t c = unit_at(i);
    if (c >= 0xD800 && c <= 0xDBFF) {
      if (i + 2 >= bytes.size() || unit_at(i + 2) < 0xDC00 || unit_at(i + 2) > 0xDFFF) {
        return Status::BadInput(fmt::format("invalid UTF-16 surrogate at byte {}", i + 2));
      }
      c = 0x10000 + ((c - 0xD800) << 10) + (unit_at(i + 2) - 0xDC00);
      i += 2;
    } else if (c >= 0xDC00 && c <= 0xDFFF) {
      return Status::BadInput(fmt::format("invalid UTF-16 surrogate at byte {}", i + 2));
    } else if (c == 0) {
      return Status::BadInput(fmt::format("NUL character at byte {}: binary data", i + 2));
    }
    utf8::Append(c, &out->text);
  }
  out->transcoded = true;
  return Status::Ok();
}

void DecodeCp1252(std::string_view bytes, std::string* out) {
  out->clear();
  out->reserve(bytes.size() + bytes.size() / 8);
  for (const char ch : bytes) {
    const auto b = static_cast<unsigned char>(ch);
    if (b < 0x80) {
      out->push_back(ch);
    } else if (b < 0xA0) {
      utf8::Append(kCp1252High[b - 0x80], out);
    } else {
      utf8::Append(b, out);
    }
  }
}

// Control bytes other than tab, newline, carriage return and form feed are
// rare in text; many of them (or any NUL) mean the file is not text.
Status CheckNotBinary(std::string_view bytes) {
  if (const char* format = SniffBinaryFormat(bytes)) {
    return Status::BadInput(fmt::format("binary file ({}), not text", format));
  }
  const size_t probe = std::min<size_t>(bytes.size(), 64 * 1024);
  size_t controls = 0;
  for (size_t i = 0; i < probe; ++i) {
    const auto b = static_cast<unsigned char>(bytes[i]);
    if (b == 0) {
      return Status::BadInput(
          fmt::format("binary data: NUL byte at byte {}", i));
    }
    if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') ++controls;
  }
  if (controls * 100 > probe) {
    return Status::BadInput(
        fmt::format("binary data: {} control bytes in the first {} bytes", controls, probe));
  }
  return Status::Ok();
}

}  // namespace

const char* SniffBinaryFormat(std::string_view b) {
  auto starts = [&](const char* magic, size_t n) {
    return b.size() >= n && std::memcmp(b.data(), magic, n) == 0;
  };
  if (starts("\x89PNG\r\n\x1a\n", 8)) return "PNG image";
  if (starts("\xFF\xD8\xFF", 3)) return "JPEG image";
  if (starts("GIF87a", 6) || starts("GIF89a", 6)) return "GIF image";
  if (starts("%PDF-", 5)) return "PDF document";
  if (starts("PK\x03\x04", 4)) return "ZIP archive";
  if (starts("\x1F\x8B", 2)) return "gzip archive";
  if (starts("\x7F" "ELF", 4)) return "ELF executable";
  if (starts("SQLite format 3", 15)) return "SQLite database";
  if (starts("RIFF", 4)) return "RIFF media";
  return nullptr;
}

Status DecodeText(std::string_view bytes, DecodedText* out) {
  out->transcoded = false;
  out->bom_length = 0;
  if (bytes.empty()) return Status::BadInput("empty input (0 bytes)");

  if (bytes.size() >= 2 && (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF")) {
    const bool little = bytes[0] == '\xFF';
    out->encoding = little ? "utf-16le" : "utf-16be";
    out->bom_length = 2;
    Status status = DecodeUtf16(bytes.substr(2), little, out);
    if (!status.ok()) return status;
  } else {
    if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") {
      out->bom_length = 3;
      bytes.remove_prefix(3);
      out->encoding = "utf-8-bom";
    } else {
      out->encoding = "utf-8";
    }
    Status status = CheckNotBinary(bytes);
    if (!status.ok()) return status;
    const utf8::ValidityCounts counts = utf8::CountValidity(bytes);
    if (counts.invalid_bytes == 0) {
      out->text.assign(bytes);
    } else if (out->bom_length == 0 && counts.invalid_bytes > 2 * counts.multibyte_sequences) {
      // Mostly isolated high bytes: a legacy 8-bit file, not damaged UTF-8.
      out->encoding = "windows-1252";
      DecodeCp1252(bytes, &out->text);
      out->transcoded = true;
    } else {
      const size_t at = counts.first_invalid + out->bom_length;
      return Status::BadInput(fmt::format(
          "invalid UTF-8 at byte {} (\"{}\"): {} invalid bytes among {} valid sequences", at,
          utf8::Excerpt(bytes, counts.first_invalid, 12), counts.invalid_bytes,
          counts.multibyte_sequences));
    }
  }
  if (IsBlank(out->text)) return Status::BadInput("empty input (only white space)");
  return Status::Ok();
}

}  // namespace veille
