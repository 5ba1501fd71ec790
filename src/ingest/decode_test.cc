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

struct MarkupCase {
  const char* name;
  std::string bytes;
  const char* declared;
  const char* encoding;  // or a fragment of the error when `text` is null
  const char* text;
};

class DecodeMarkupTest : public ::testing::TestWithParam<MarkupCase> {};

// Every decoded character maps back to the input bytes it came from.
TEST_P(DecodeMarkupTest, DecodesAndMapsBack) {
  const MarkupCase& c = GetParam();
  DecodedMarkup out;
  Status status = DecodeMarkup(c.bytes, c.declared, &out);
  if (c.text == nullptr) {
    ASSERT_FALSE(status.ok());
    EXPECT_NE(status.message().find(c.encoding), std::string::npos) << status.message();
    return;
  }
  ASSERT_TRUE(status.ok()) << status.ToString();
  EXPECT_EQ(out.encoding, c.encoding);
  EXPECT_EQ(out.text, c.text);
  if (out.to_raw.empty()) {
    EXPECT_EQ(std::string_view(c.bytes).substr(out.bom_length), out.text);
  } else {
    ASSERT_EQ(out.to_raw.size(), out.text.size() + 1);
    EXPECT_EQ(out.to_raw.back(), c.bytes.size());
    for (size_t i = 1; i < out.to_raw.size(); ++i) ASSERT_LE(out.to_raw[i - 1], out.to_raw[i]);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Table, DecodeMarkupTest,
    ::testing::Values(
        MarkupCase{"Utf8Undeclared", "<p>déjà</p>", "", "utf-8", "<p>déjà</p>"},
        MarkupCase{"Utf8BomWinsOverLabel", "\xEF\xBB\xBF<p>é</p>", "windows-1251", "utf-8-bom", "<p>é</p>"},
        MarkupCase{"Latin1LabelReadsAsWindows1252", "<p>d\xE9j\xE0 \x80</p>", "ISO-8859-1",
                   "windows-1252", "<p>déjà €</p>"},
        MarkupCase{"Windows1251", "<p>\xCA\xE8\xE5\xE2</p>", "windows-1251", "windows-1251",
                   "<p>Киев</p>"},
        MarkupCase{"Koi8r", "<p>\xEB\xC9\xC5\xD7</p>", "KOI8-R", "koi8-r", "<p>Киев</p>"},
        MarkupCase{"ShiftJis", "<p>\x93\x8C\x8B\x9E</p>", "shift_jis", "shift_jis", "<p>東京</p>"},
        MarkupCase{"ValidUtf8DespiteLatin1Label", "<p>déjà</p>", "iso-8859-1", "utf-8",
                   "<p>déjà</p>"},
        MarkupCase{"AsciiUnderAnyLabel", "<p>Kyiv</p>", "windows-1251", "windows-1251", "<p>Kyiv</p>"},
        MarkupCase{"UnknownLabelIgnored", "<p>déjà</p>", "x-no-such-charset", "utf-8", "<p>déjà</p>"},
        MarkupCase{"UndeclaredLegacyBytes", "<p>d\xE9j\xE0 vu, l\xE0-bas</p>", "", "windows-1252",
                   "<p>déjà vu, là-bas</p>"},
        MarkupCase{"DamagedUtf8IsRepaired", "<p>d\xC3\xA9j\xC3 \xC3\xA9t\xC3\xA9</p>", "utf-8", "utf-8",
                   "<p>déj\xEF\xBF\xBD été</p>"},
        MarkupCase{"Utf16WithBom", std::string("\xFF\xFE<\0p\0>\0\xE9\0", 10), "", "utf-16le", "<p>é"},
        MarkupCase{"Empty", "", "", "empty input", nullptr},
        MarkupCase{"Binary", std::string("\x1F\x8B\x08\0\0\0", 6), "", "binary file (gzip archive)",
                   nullptr}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(SniffBinaryFormatTest, NamesCommonFormats) {
  EXPECT_STREQ(SniffBinaryFormat("%PDF-1.7"), "PDF document");
  EXPECT_STREQ(SniffBinaryFormat("\x1F\x8B\x08"), "gzip archive");
  EXPECT_EQ(SniffBinaryFormat("Bonjour"), nullptr);
}

}  // namespace
}  // namespace veille
