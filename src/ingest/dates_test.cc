#include "ingest/dates.h"

#include <gtest/gtest.h>

namespace veille {
namespace {

TEST(NormalizeDateTest, ReadsTheDatesPagesAndFeedsWrite) {
  const std::pair<const char*, const char*> cases[] = {
      {"2025-03-14", "2025-03-14"},
      {"2025-03-14T09:30:00+01:00", "2025-03-14T09:30:00+01:00"},
      {"2025-03-14T09:30:00.123Z", "2025-03-14T09:30:00Z"},
      {" 2025-03-14 09:30 ", "2025-03-14T09:30:00"},
      {"2025-03-14T09:30:00+0100", "2025-03-14T09:30:00+01:00"},
      {"Fri, 14 Mar 2025 09:30:00 +0100", "2025-03-14T09:30:00+01:00"},
      {"Fri, 14 Mar 2025 23:30:00 -0500", "2025-03-14T23:30:00-05:00"},  // not moved to UTC
      {"14 Mar 2025 09:30 GMT", "2025-03-14T09:30:00Z"},
      {"Mon, 3 February 25 07:00:00 EST", "2025-02-03T07:00:00-05:00"},
      {"Tue, 11 Mar 2025", "2025-03-11"},
      {"le 14 mars 2025", "2025-03-14"},  // words, through the text date finder
      {"2025-13-01", ""},
      {"2025-02-30T10:00", "2025-02-30T10:00:00"},  // day checked only against 31
      {"yesterday", ""},
      {"", ""},
      {"Fri, 99 Mar 2025 09:30:00 +0100", ""},
  };
  for (const auto& [input, expected] : cases) EXPECT_EQ(NormalizeDate(input), expected) << input;
}

}  // namespace
}  // namespace veille
