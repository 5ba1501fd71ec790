// A [start, end) byte range into an article's original text.
#pragma once

#include <cstdint>
#include <string_view>

namespace veille {

struct Span {
  uint32_t start = 0;
  uint32_t end = 0;

  uint32_t size() const { return end - start; }
  bool empty() const { return end <= start; }
  bool Contains(const Span& other) const { return start <= other.start && other.end <= end; }
  bool Overlaps(const Span& other) const { return start < other.end && other.start < end; }
  std::string_view In(std::string_view text) const { return text.substr(start, end - start); }
  friend bool operator==(const Span&, const Span&) = default;
};

}  // namespace veille
