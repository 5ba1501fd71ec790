// End-to-end tests of `veille analyze`, including hostile input.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "test_support.h"

namespace veille::testing {
namespace {

using nlohmann::json;

const char kFrench[] =
    "Le gouverneur appelle des volontaires\n\n"
    "Le gouverneur de la région a déclaré lundi que plus de 800 volontaires étaient partis. "
    "Selon lui, d'autres suivront dans les prochaines semaines.\n";
const char kEnglish[] =
    "Governor says volunteers left\n\n"
    "The regional governor said on Monday that more than 800 volunteers had left. "
    "According to him, others will follow in the coming weeks.\n";

std::vector<json> ParseLines(const std::string& out) {
  std::vector<json> objects;
  std::istringstream in(out);
  std::string line;
  while (std::getline(in, line)) objects.push_back(json::parse(line));  // throws on a partial line
  return objects;
}

void ExpectRequiredKeys(const json& j) {
  for (const char* key : {"schema_version", "id", "source", "title", "language",
                          "language_confidence", "paragraphs", "sentences", "language_spans",
                          "entities", "quotes", "claims", "citations", "quality"}) {
    EXPECT_TRUE(j.contains(key)) << key;
  }
  for (const char* key : {"path", "line", "sha256"}) EXPECT_TRUE(j["source"].contains(key)) << key;
  for (const char* key : {"score", "verdict", "signals"}) EXPECT_TRUE(j["quality"].contains(key)) << key;
}

TEST(CliAnalyzeTest, AnalysesTextFilesIntoJsonLines) {
  TempDir dir;
  dir.Write("a_fr.txt", kFrench);
  dir.Write("b_en.txt", kEnglish);
  CommandResult r = RunVeille({"analyze", dir.path()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto objects = ParseLines(r.out);
  ASSERT_EQ(objects.size(), 2u);
  for (const auto& j : objects) ExpectRequiredKeys(j);
  EXPECT_EQ(objects[0]["language"], "fr");
  EXPECT_EQ(objects[1]["language"], "en");
  EXPECT_EQ(objects[0]["title"], "Le gouverneur appelle des volontaires");
  // Spans are byte offsets into the original text.
  const std::string text = kFrench;
  for (const auto& s : objects[0]["sentences"]) {
    EXPECT_LE(s["end"].get<size_t>(), text.size());
  }
  EXPECT_EQ(objects[0]["sentences"].size(), 3u);
  const auto& second = objects[0]["sentences"][1];
  EXPECT_EQ(text.substr(second["start"], second["end"].get<size_t>() - second["start"].get<size_t>()),
            "Le gouverneur de la région a déclaré lundi que plus de 800 volontaires étaient partis.");
}

TEST(CliAnalyzeTest, IdIsStableContentHashAndSha256OfBytes) {
  TempDir dir;
  const std::string a = dir.Write("one.txt", kFrench);
  const std::string b = dir.Write("sub/two.txt", kFrench);
  CommandResult r = RunVeille({"analyze", a, b});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto objects = ParseLines(r.out);
  ASSERT_EQ(objects.size(), 2u);
  EXPECT_EQ(objects[0]["id"], objects[1]["id"]);
  EXPECT_EQ(objects[0]["source"]["sha256"].get<std::string>().size(), 64u);
  EXPECT_EQ(objects[0]["source"]["path"], a);
}

TEST(CliAnalyzeTest, ReadsJsonLinesWithMetadataAndStdin) {
  const std::string jsonl =
      R"({"id":"wire-1","url":"https://example.org/a","title":"Supplied title","date":"2024-05-02T10:00:00Z","outlet":"Example","text":"Le ministre a parlé. Il a promis des réformes rapides pour la région."})"
      "\n\n"
      R"({"id":7,"text":"The minister spoke. He promised quick reforms for the region and its people."})"
      "\n";
  CommandResult r = RunVeille({"analyze", "-"}, jsonl);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto objects = ParseLines(r.out);
  ASSERT_EQ(objects.size(), 2u);
  EXPECT_EQ(objects[0]["id"], "wire-1");
  EXPECT_EQ(objects[0]["title"], "Supplied title");
  EXPECT_EQ(objects[0]["date"], "2024-05-02");
  EXPECT_EQ(objects[0]["source"]["line"], 1);
  EXPECT_EQ(objects[0]["source"]["path"], "-");
  EXPECT_EQ(objects[1]["id"], "7");
  EXPECT_EQ(objects[1]["source"]["line"], 3);
}

TEST(CliAnalyzeTest, PrettyFormatIsReadable) {
  TempDir dir;
  const std::string path = dir.Write("a.txt", kEnglish);
  CommandResult r = RunVeille({"analyze", "--format", "pretty", path});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Governor says volunteers left"), std::string::npos);
  EXPECT_NE(r.out.find("language en"), std::string::npos);
  EXPECT_EQ(r.out.find("\033["), std::string::npos) << "no colors when stdout is not a terminal";
}

// Each bad input gets one clear line on stderr naming it; the good articles
// are still printed, whole; the exit status says something failed.
TEST(CliAnalyzeTest, HostileInputsAreReportedAndOthersStillAnalysed) {
  TempDir dir;
  dir.Write("01_good.txt", kFrench);
  dir.Write("02_empty.txt", "");
  dir.Write("03_image.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0", 18));
  dir.Write("04_broken_utf8.txt", "Le pr\xC3\xA9sident a d\xC3\xA9" "clar\xC3 que la guerre \xC3\xA9tait finie.");
  dir.Write("05_feed.jsonl",
            std::string(R"({"text":"A good line about the war in the east of the country."})") +
                "\n{not json\n" + R"({"title":"no text"})" + "\n" + R"({"text":42})" + "\n");
  dir.Write("06_good.txt", kEnglish);
  std::filesystem::create_symlink(dir.path() + "/missing-target.txt", dir.path() + "/07_dangling.txt");
  const std::string locked = dir.Write("08_locked.txt", kEnglish);
  const bool can_lock = geteuid() != 0;  // root reads everything
  if (can_lock) chmod(locked.c_str(), 0);

  CommandResult r = RunVeille({"analyze", dir.path()});
  EXPECT_EQ(r.exit_code, 1);
  auto objects = ParseLines(r.out);
  ASSERT_EQ(objects.size(), can_lock ? 3u : 4u) << r.out;
  EXPECT_EQ(objects[0]["source"]["path"], dir.path() + "/01_good.txt");
  EXPECT_EQ(objects[1]["source"]["line"], 1);
  EXPECT_EQ(objects[2]["source"]["path"], dir.path() + "/06_good.txt");

  auto expect_error = [&](const std::string& fragment) {
    EXPECT_NE(r.err.find(fragment), std::string::npos) << "missing: " << fragment << "\n" << r.err;
  };
  expect_error("02_empty.txt: bad input: empty input");
  expect_error("03_image.txt: bad input: binary file (PNG image)");
  expect_error("04_broken_utf8.txt: bad input: invalid UTF-8 at byte 23");
  expect_error("05_feed.jsonl:2: bad input: not valid JSON");
  expect_error("05_feed.jsonl:3: bad input: missing field \"text\"");
  expect_error("05_feed.jsonl:4: bad input: field \"text\" is not a string");
  expect_error("07_dangling.txt: not found: broken symbolic link");
  if (can_lock) expect_error("08_locked.txt: I/O error: cannot open");
}

TEST(CliAnalyzeTest, HugeSingleLineInputsAreRejectedWithoutExhaustingMemory) {
  TempDir dir;
  {
    std::ofstream big(dir.path() + "/huge.jsonl", std::ios::binary);
    big << R"({"text":"fine article about the front line and the soldiers there."})" << "\n";
    big << R"({"text":")";
    const std::string chunk(1 << 20, 'a');
    for (int i = 0; i < 200; ++i) big << chunk;
    big << "\"}\n";
    big << R"({"text":"another fine article after the huge line, still analysed."})" << "\n";
  }
  std::filesystem::copy_file(dir.path() + "/huge.jsonl", dir.path() + "/huge.txt");
  CommandResult r = RunVeille({"analyze", dir.path()});
  EXPECT_EQ(r.exit_code, 1);
  auto objects = ParseLines(r.out);
  EXPECT_EQ(objects.size(), 2u);
  EXPECT_NE(r.err.find("huge.jsonl:2: too large: line of 209715211 bytes"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("huge.txt: too large: file of"), std::string::npos) << r.err;
}

TEST(CliAnalyzeTest, MissingPathAndBadFlagFailClearly) {
  CommandResult r = RunVeille({"analyze", "/nonexistent/veille-input"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("/nonexistent/veille-input: not found"), std::string::npos) << r.err;
  CommandResult bad = RunVeille({"analyze", "--format", "xml", "x"});
  EXPECT_NE(bad.exit_code, 0);
}

TEST(CliAnalyzeTest, LegacyEncodingsAreDecodedAndReported) {
  TempDir dir;
  dir.Write("latin.txt", "Titre\n\nLe d\xE9put\xE9 a quitt\xE9 la s\xE9" "ance tr\xE8s t\xF4t ce matin.\n");
  std::string utf16 = "\xFF\xFE";
  for (char c : std::string("Hello world. The minister resigned today.")) {
    utf16.push_back(c);
    utf16.push_back('\0');
  }
  dir.Write("wide.txt", utf16);
  CommandResult r = RunVeille({"analyze", dir.path()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto objects = ParseLines(r.out);
  ASSERT_EQ(objects.size(), 2u);
  EXPECT_EQ(objects[0]["source"]["encoding"], "windows-1252");
  EXPECT_EQ(objects[1]["source"]["encoding"], "utf-16le");
  EXPECT_EQ(objects[0]["language"], "fr");
}

}  // namespace
}  // namespace veille::testing
