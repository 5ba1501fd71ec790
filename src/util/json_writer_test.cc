#include "util/json_writer.h"

#include <gtest/gtest.h>

#include <limits>

namespace veille {
namespace {

TEST(JsonWriterTest, NestedContainersGetCommas) {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject().Key("a").Int(1).Key("b").BeginArray().String("x").Null().Bool(true).EndArray();
  w.Key("c").BeginObject().EndObject().EndObject();
  EXPECT_EQ(out, R"({"a":1,"b":["x",null,true],"c":{}})");
}

TEST(JsonWriterTest, EscapesControlCharactersAndQuotes) {
  std::string out;
  JsonWriter::AppendQuoted("«\"a\"»\n\t\x01\\", &out);
  EXPECT_EQ(out, "\"«\\\"a\\\"»\\n\\t\\u0001\\\\\"");
}

TEST(JsonWriterTest, DoublesAreCompactAndFinite) {
  std::string out;
  JsonWriter w(&out);
  w.BeginArray().Double(1200).Double(1.5).Double(std::numeric_limits<double>::infinity()).EndArray();
  EXPECT_EQ(out, "[1200,1.5,null]");
}

}  // namespace
}  // namespace veille
