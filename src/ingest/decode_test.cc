#include "ingest/decode.h"

#include <gtest/gtest.h>

namespace veille {
namespace {

struct DecodeCase {
  const char* name;
  std::string bytes;
  bool ok;
  const char* encoding_or_error;  // expected encoding, or a fragment of the error
  std::string text = {};
};

class DecodeTest : public ::testing::TestWithParam<DecodeCase> {};

TEST_P(DecodeTest, DecodesOrExplains) {
  const DecodeCase& c = GetParam();
  DecodedText out;
  Status status = DecodeText(c.bytes, &out);
  ASSERT_EQ(status.ok(), c.ok) << status.ToString();
  if (c.ok) {
    EXPECT_EQ(out.encoding, c.encoding_or_error);
    if (!c.text.empty()) {
      EXPECT_EQ(out.text, c.text);
    }
  } else {
    EXPECT_NE(status.message().find(c.encoding_or_error), std::string::npos) << status.message();
  }
}

INSTANTIATE_TEST_SUITE_P(
    Table, DecodeTest,
    ::testing::Values(
        DecodeCase{"PlainUtf8", "Poutine a déclaré", true, "utf-8", "Poutine a déclaré"},
        DecodeCase{"Utf8BomIsStripped", "\xEF\xBB\xBFKyiv", true, "utf-8-bom", "Kyiv"},
        DecodeCase{"Utf16LeWithBom", std::string("\xFF\xFE" "K\0y\0i\0v\0\xE9\0", 12), true,
                   "utf-16le", "Kyiv\xC3\xA9"},
        DecodeCase{"Utf16BeWithBom", std::string("\xFE\xFF\0O\0K", 6), true, "utf-16be", "OK"},
        DecodeCase{"Windows1252Fallback", "Les soldats ont d\xE9j\xE0 quitt\xE9 la r\xE9gion \x80",
                   true, "windows-1252",
                   "Les soldats ont d\xC3\xA9j\xC3\xA0 quitt\xC3\xA9 la r\xC3\xA9gion \xE2\x82\xAC"},
        DecodeCase{"EmptyFile", "", false, "empty"},
        DecodeCase{"OnlyWhitespace", " \n\t\n", false, "empty"},
        DecodeCase{"PngIsBinary", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16), false, "PNG"},
        DecodeCase{"NulByteIsBinary", std::string("abc\0def", 7), false, "NUL byte at byte 3"},
        DecodeCase{"DamagedUtf8NamesOffset", "Zelensky a d\xC3\xA9" "clar\xC3 la guerre \xC3\xA9t\xC3\xA9",
                   false, "invalid UTF-8 at byte 18"},
        DecodeCase{"OddUtf16IsTruncated", std::string("\xFF\xFE" "a\0b", 5), false, "truncated"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(SniffBinaryFormatTest, NamesCommonFormats) {
  EXPECT_STREQ(SniffBinaryFormat("%PDF-1.7"), "PDF document");
  EXPECT_STREQ(SniffBinaryFormat("\x1F\x8B\x08"), "gzip archive");
  EXPECT_EQ(SniffBinaryFormat("Bonjour"), nullptr);
}

}  // namespace
}  // namespace veille
