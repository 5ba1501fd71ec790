// A minimal streaming JSON writer appending to a caller-owned string.
//
// It writes compact JSON (one line) with commas managed automatically. Strings
// must be valid UTF-8; control characters are escaped. Not thread-safe; one
// writer per output string.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace veille {

class JsonWriter {
 public:
  explicit JsonWriter(std::string* out) : out_(out) {}

  JsonWriter& BeginObject();
  JsonWriter& EndObject();
  JsonWriter& BeginArray();
  JsonWriter& EndArray();
  // Writes an object key; the next call writes its value.
  JsonWriter& Key(std::string_view key);

  JsonWriter& String(std::string_view value);
  JsonWriter& Int(int64_t value);
  JsonWriter& Uint(uint64_t value);
  JsonWriter& Double(double value);
  JsonWriter& Bool(bool value);
  JsonWriter& Null();
  JsonWriter& OptionalString(const std::optional<std::string>& value);
  // Inserts already-serialized JSON as a value.
  JsonWriter& Raw(std::string_view json);

  // Appends `value` to `out` as a JSON string literal, quotes included.
  static void AppendQuoted(std::string_view value, std::string* out);

 private:
  void BeforeValue();
  std::string* out_;
  // One entry per open container: true once it holds an element.
  std::vector<bool> has_element_;
  bool after_key_ = false;
};

}  // namespace veille
