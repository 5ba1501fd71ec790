#include "ingest/decode.h"

#include <fmt/format.h>

#include <unicode/ucnv.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <memory>

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


// Appends the UTF-8 for the Windows-1252 bytes `bytes` (which start at input
// offset `base`); when `to_raw` is given, records each output byte's input
// offset in it.
void DecodeCp1252(std::string_view bytes, uint32_t base, std::string* out,
                  std::vector<uint32_t>* to_raw = nullptr) {
  out->reserve(out->size() + bytes.size() + bytes.size() / 8);
  for (size_t i = 0; i < bytes.size(); ++i) {
    const size_t before = out->size();
    const auto b = static_cast<unsigned char>(bytes[i]);
    if (b < 0x80) {
      out->push_back(bytes[i]);
    } else {
      utf8::Append(Cp1252ToUnicode(b), out);
    }
    if (to_raw != nullptr) {
      to_raw->insert(to_raw->end(), out->size() - before, base + static_cast<uint32_t>(i));
    }
  }
}

// UTF-8 with each invalid byte replaced by U+FFFD (one byte consumed, so
// offsets stay aligned with the input).
void RepairUtf8Mapped(std::string_view bytes, uint32_t base, std::string* out,
                      std::vector<uint32_t>* to_raw) {
  size_t pos = 0;
  while (pos < bytes.size()) {
    size_t len = 0;
    const char32_t c = utf8::Decode(bytes, pos, &len);
    const size_t before = out->size();
    if (c == utf8::kReplacement && len == 1) {
      utf8::Append(utf8::kReplacement, out);
    } else {
      out->append(bytes.substr(pos, len));
    }
    to_raw->insert(to_raw->end(), out->size() - before, base + static_cast<uint32_t>(pos));
    pos += len;
  }
}

// Any other charset, through ICU; illegal sequences become U+FFFD.
Status DecodeIcuMapped(std::string_view bytes, uint32_t base, const char* charset,
                       std::string* out, std::vector<uint32_t>* to_raw) {
  UErrorCode error = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> converter(ucnv_open(charset, &error),
                                                                ucnv_close);
  if (U_FAILURE(error)) {
    return Status::BadInput(fmt::format("unknown charset \"{}\"", charset));
  }
  // Every charset ICU reads spends at least one input byte per UTF-16 unit,
  // except single-byte charsets mapping a byte to a surrogate pair (none do).
  std::vector<UChar> units(bytes.size() + 1);
  std::vector<int32_t> offsets(bytes.size() + 1);
  UChar* target = units.data();
  const char* source = bytes.data();
  ucnv_toUnicode(converter.get(), &target, units.data() + units.size(), &source,
                 bytes.data() + bytes.size(), offsets.data(), true, &error);
  if (U_FAILURE(error)) {
    return Status::BadInput(
        fmt::format("cannot decode {}: {}", charset, u_errorName(error)));
  }
  const size_t count = static_cast<size_t>(target - units.data());
  for (size_t i = 0; i < count; ++i) {
    char32_t c = units[i];
    if (U16_IS_LEAD(c) && i + 1 < count && U16_IS_TRAIL(units[i + 1])) {
      c = U16_GET_SUPPLEMENTARY(c, units[i + 1]);
    } else if (U16_IS_SURROGATE(c)) {
      c = utf8::kReplacement;
    }
    const size_t before = out->size();
    utf8::Append(c, out);
    const uint32_t at = offsets[i] < 0 ? (to_raw->empty() ? base : to_raw->back())
                                       : base + static_cast<uint32_t>(offsets[i]);
    to_raw->insert(to_raw->end(), out->size() - before, at);
    if (c > 0xFFFF) ++i;
  }
  return Status::Ok();
}

// The charset a label names, as decoding is concerned: "utf-8",
// "windows-1252", another IANA name ICU knows, or "" (unknown or absent).
std::string CanonicalCharset(std::string_view label) {
  std::string name;
  for (const char c : label) {
    if (c == '"' || c == '\'' || c == ' ' || c == '\t') continue;
    name.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  if (name.empty()) return "";
  if (name == "utf-8" || name == "utf8" || name == "unicode-1-1-utf-8" ||
      name.starts_with("utf-16") || name.starts_with("utf16")) {
    return "utf-8";  // a UTF-16 label without a byte order mark is a lie browsers ignore
  }
  for (const char* latin : {"iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1", "us-ascii",
                            "ascii", "windows-1252", "cp1252", "x-cp1252", "cp819", "ibm819",
                            "iso-ir-100", "csisolatin1", "iso_8859-1:1987"}) {
    if (name == latin) return "windows-1252";
  }
  UErrorCode error = U_ZERO_ERROR;
  const char* standard = ucnv_getStandardName(name.c_str(), "IANA", &error);
  if (U_FAILURE(error) || standard == nullptr) {
    error = U_ZERO_ERROR;
    standard = ucnv_getStandardName(name.c_str(), "MIME", &error);
  }
  if (U_FAILURE(error) || standard == nullptr) {
    // A name ICU opens but has no IANA alias for: keep the label.
    error = U_ZERO_ERROR;
    UConverter* converter = ucnv_open(name.c_str(), &error);
    if (U_FAILURE(error)) return "";
    ucnv_close(converter);
    return name;
  }
  std::string canonical(standard);
  std::transform(canonical.begin(), canonical.end(), canonical.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return canonical == "iso-8859-1" || canonical == "us-ascii" ? "windows-1252" : canonical;
}

}  // namespace

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

char32_t Cp1252ToUnicode(unsigned char byte) {
  return byte >= 0x80 && byte < 0xA0 ? kCp1252High[byte - 0x80] : byte;
}

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
      out->text.clear();
      DecodeCp1252(bytes, 0, &out->text);
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

Status DecodeMarkup(std::string_view bytes, std::string_view declared_charset,
                    DecodedMarkup* out) {
  out->text.clear();
  out->to_raw.clear();
  out->bom_length = 0;
  if (bytes.empty()) return Status::BadInput("empty input (0 bytes)");
  if (bytes.size() >= (uint64_t{1} << 31)) {
    return Status::TooLarge(fmt::format("markup document of {} bytes is over 2 GiB", bytes.size()));
  }
  auto finish = [&]() -> Status {
    if (!out->to_raw.empty()) {
      if (out->text == bytes.substr(out->bom_length)) {
        out->to_raw.clear();  // an ASCII page in an ASCII-based charset: nothing to map
      } else {
        out->to_raw.push_back(static_cast<uint32_t>(bytes.size()));
      }
    }
    if (IsBlank(out->text)) return Status::BadInput("empty input (only white space)");
    return Status::Ok();
  };

  if (bytes.size() >= 2 && (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF")) {
    const bool little = bytes[0] == '\xFF';
    out->encoding = little ? "utf-16le" : "utf-16be";
    out->bom_length = 2;
    Status status = DecodeIcuMapped(bytes.substr(2), 2, little ? "UTF-16LE" : "UTF-16BE",
                                    &out->text, &out->to_raw);
    if (!status.ok()) return status;
    if (out->text.find('\0') != std::string::npos) {
      return Status::BadInput("binary data: NUL character in UTF-16 text");
    }
    return finish();
  }
  std::string_view body = bytes;
  if (body.substr(0, 3) == "\xEF\xBB\xBF") {
    out->bom_length = 3;
    body.remove_prefix(3);
  }
  Status status = CheckNotBinary(body);
  if (!status.ok()) return status;
  const auto base = static_cast<uint32_t>(out->bom_length);
  const utf8::ValidityCounts counts = utf8::CountValidity(body);
  const std::string declared = out->bom_length > 0 ? "utf-8" : CanonicalCharset(declared_charset);

  if (counts.invalid_bytes == 0 &&
      (declared.empty() || declared == "utf-8" || counts.multibyte_sequences > 0)) {
    out->encoding = out->bom_length > 0 ? "utf-8-bom" : "utf-8";
    out->text.assign(body);
    return finish();
  }
  if (declared.empty() || declared == "utf-8") {
    if (out->bom_length == 0 && counts.invalid_bytes > 2 * counts.multibyte_sequences) {
      // Mostly isolated high bytes: a legacy 8-bit page, not damaged UTF-8.
      out->encoding = "windows-1252";
      DecodeCp1252(body, base, &out->text, &out->to_raw);
    } else {
      out->encoding = out->bom_length > 0 ? "utf-8-bom" : "utf-8";
      RepairUtf8Mapped(body, base, &out->text, &out->to_raw);
    }
    return finish();
  }
  out->encoding = declared;
  if (declared == "windows-1252") {
    DecodeCp1252(body, base, &out->text, &out->to_raw);
    return finish();
  }
  status = DecodeIcuMapped(body, base, declared.c_str(), &out->text, &out->to_raw);
  if (!status.ok()) return status;
  return finish();
}

}  // namespace veille
