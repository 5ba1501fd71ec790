// End-to-end tests of the store subcommands: ingest, search, show, quotes,
// claims, stats.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "store_test_support.h"
#include "test_support.h"

extern char** environ;

namespace veille::testing {
namespace {

using nlohmann::json;

const char kFrench[] =
    "Le gouverneur appelle des volontaires\n\n"
    "Le gouverneur de la région a déclaré lundi que plus de 800 volontaires étaient "
    "partis "
    "vers Koursk. « Nous tiendrons », a affirmé Alexandre Khinchtein. Selon lui, "
    "d'autres "
    "suivront dans les prochaines semaines.\n";
const char kEnglish[] =
    "Governor says soldiers left\n\n"
    "The regional governor said on Monday that more than 300 soldiers had left Kursk. "
    "\"We will hold,\" Alexander Khinshtein said. According to him, others will "
    "follow.\n";

std::vector<json> ParseLines(const std::string& out) {
  std::vector<json> objects;
  std::istringstream in(out);
  std::string line;
  while (std::getline(in, line)) objects.push_back(json::parse(line));
  return objects;
}

std::string Utf16(const std::string& ascii, bool little_endian) {
  std::string out = little_endian ? "\xFF\xFE" : "\xFE\xFF";
  for (char c : ascii) {
    if (little_endian) {
      out.push_back(c);
      out.push_back('\0');
    } else {
      out.push_back('\0');
      out.push_back(c);
    }
  }
  return out;
}

class CliStoreTest : public ::testing::Test {
 protected:
  std::string db() const { return dir_.path() + "/store.db"; }
  CommandResult Veille(std::vector<std::string> args) {
    args.push_back("--db");
    args.push_back(db());
    return RunVeille(args);
  }
  json Stats() {
    CommandResult r = Veille({"stats", "--json"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return json::parse(r.out);
  }
  TempDir dir_;
  TempDir inputs_;
};

TEST_F(CliStoreTest, IngestStoresWhatAnalyzePrintsAndStaysQuietWithoutATerminal) {
  inputs_.Write("a_fr.txt", kFrench);
  inputs_.Write("b_en.txt", kEnglish);
  CommandResult ingest = Veille({"ingest", inputs_.path()});
  ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
  EXPECT_EQ(ingest.err, "")
      << "no progress bar, no summary when stderr is not a terminal";
  EXPECT_EQ(ingest.out, "");

  CommandResult analyze = RunVeille({"analyze", inputs_.path()});
  ASSERT_EQ(analyze.exit_code, 0);
  const std::vector<json> analyses = ParseLines(analyze.out);
  ASSERT_EQ(analyses.size(), 2u);
  for (const json& expected : analyses) {
    CommandResult show = Veille({"show", expected["id"]});
    ASSERT_EQ(show.exit_code, 0) << show.err;
    EXPECT_EQ(json::parse(show.out), expected);
  }
  const json stats = Stats();
  EXPECT_EQ(stats["articles"], 2);
  EXPECT_EQ(stats["schema_version"], 2);
  EXPECT_EQ(stats["languages"]["fr"], 1);
  EXPECT_EQ(stats["languages"]["en"], 1);

  CommandResult text_stats = Veille({"stats"});
  ASSERT_EQ(text_stats.exit_code, 0);
  EXPECT_NE(text_stats.out.find("articles     2"), std::string::npos) << text_stats.out;
}

TEST_F(CliStoreTest, SearchPrintsRankedJsonLinesWithSnippets) {
  inputs_.Write("a_fr.txt", kFrench);
  inputs_.Write("b_en.txt", kEnglish);
  ASSERT_EQ(Veille({"ingest", inputs_.path()}).exit_code, 0);

  CommandResult r = Veille({"search", "volontaire", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto hits = ParseLines(r.out);
  ASSERT_EQ(hits.size(), 1u);
  for (const char* key :
       {"id", "title", "language", "path", "score", "snippet", "highlights"}) {
    EXPECT_TRUE(hits[0].contains(key)) << key;
  }
  EXPECT_EQ(hits[0]["language"], "fr");
  EXPECT_EQ(hits[0]["title"], "Le gouverneur appelle des volontaires");
  EXPECT_EQ(hits[0]["path"], inputs_.path() + "/a_fr.txt");
  EXPECT_GT(hits[0]["score"].get<double>(), 0);
  const std::string snippet = hits[0]["snippet"];
  ASSERT_FALSE(hits[0]["highlights"].empty());
  for (const json& h : hits[0]["highlights"]) {
    EXPECT_EQ(snippet.substr(h[0], h[1].get<size_t>() - h[0].get<size_t>()),
              "volontaires");
  }

  // Both articles mention the governor; the filters narrow it down.
  EXPECT_EQ(ParseLines(Veille({"search", "governor OR gouverneur", "--json"}).out).size(),
            2u);
  EXPECT_EQ(
      ParseLines(
          Veille({"search", "governor OR gouverneur", "--json", "--lang", "en"}).out)
          .size(),
      1u);
  EXPECT_EQ(
      ParseLines(
          Veille({"search", "governor OR gouverneur", "--json", "--limit", "1"}).out)
          .size(),
      1u);
  EXPECT_EQ(
      ParseLines(Veille({"search", "", "--json", "--verdict", "clean"}).out).size() +
          ParseLines(Veille({"search", "", "--json", "--verdict", "suspect"}).out)
              .size() +
          ParseLines(Veille({"search", "", "--json", "--verdict", "auto_translated"}).out)
              .size() +
          ParseLines(Veille({"search", "", "--json", "--verdict", "content_farm"}).out)
              .size(),
      2u);
  EXPECT_TRUE(Veille({"search", "", "--json", "--since", "2999-01-01"}).out.empty());
  EXPECT_TRUE(Veille({"search", "", "--json", "--outlet", "Nobody"}).out.empty());
  EXPECT_TRUE(Veille({"search", "", "--json", "--entity", "person:nobody"}).out.empty());

  CommandResult text = Veille({"search", "soldiers"});
  ASSERT_EQ(text.exit_code, 0);
  EXPECT_NE(text.out.find("1. Governor says soldiers left"), std::string::npos)
      << text.out;
  EXPECT_NE(text.out.find("[soldiers]"), std::string::npos) << text.out;
  EXPECT_EQ(text.out.find("\033["), std::string::npos);
  EXPECT_EQ(Veille({"search", "zzzunknownword"}).out, "No article matches.\n");
}

TEST_F(CliStoreTest, MalformedQueriesAreExplainedWithoutACrash) {
  inputs_.Write("a_fr.txt", kFrench);
  ASSERT_EQ(Veille({"ingest", inputs_.path()}).exit_code, 0);
  for (const char* query : {"\"unbalanced", "AND", "OR soldiers", "NEAR(", "*", "(", ")",
                            "title:", "nofield:word", "\"\"\"", "NEAR(a b,", "^"}) {
    CommandResult r = Veille({"search", query});
    EXPECT_EQ(r.exit_code, 2) << query << ": " << r.err;
    EXPECT_NE(r.err.find("bad query"), std::string::npos) << query << ": " << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << "one line: " << r.err;
    EXPECT_EQ(r.out, "");
  }
}

// Every quote and claim of the analysis is listed, and each speaker's filter
// finds that speaker's quotes: checked against `analyze`, so it holds whatever
// the extraction stages find.
TEST_F(CliStoreTest, QuotesAndClaimsListWhatTheAnalysisFound) {
  inputs_.Write("a_fr.txt", kFrench);
  inputs_.Write("b_en.txt", kEnglish);
  ASSERT_EQ(Veille({"ingest", inputs_.path()}).exit_code, 0);
  const std::vector<json> analyses =
      ParseLines(RunVeille({"analyze", inputs_.path()}).out);
  size_t quote_count = 0, claim_count = 0;
  std::map<std::string, size_t> by_speaker_id;
  for (const json& a : analyses) {
    quote_count += a["quotes"].size();
    claim_count += a["claims"].size();
    for (const json& q : a["quotes"]) {
      if (q["speaker_id"].is_string() && !q["speaker_id"].get<std::string>().empty()) {
        ++by_speaker_id[q["speaker_id"]];
      }
    }
  }
  CommandResult quotes = Veille({"quotes", "--json"});
  ASSERT_EQ(quotes.exit_code, 0) << quotes.err;
  const auto quote_lines = ParseLines(quotes.out);
  EXPECT_EQ(quote_lines.size(), quote_count);
  for (const json& q : quote_lines) {
    for (const char* key :
         {"article_id", "text", "kind", "speaker", "speaker_id", "start", "end"}) {
      EXPECT_TRUE(q.contains(key)) << key;
    }
  }
  for (const auto& [id, count] : by_speaker_id) {
    EXPECT_EQ(ParseLines(Veille({"quotes", "--json", "--speaker", id}).out).size(), count)
        << id;
  }
  EXPECT_TRUE(Veille({"quotes", "--speaker", "Nobody Atall"}).out.empty());
  EXPECT_EQ(Veille({"quotes"}).exit_code, 0);

  CommandResult claims = Veille({"claims", "--json"});
  ASSERT_EQ(claims.exit_code, 0) << claims.err;
  const auto claim_lines = ParseLines(claims.out);
  EXPECT_EQ(claim_lines.size(), claim_count);
  for (const json& c : claim_lines) {
    for (const char* key :
         {"article_id", "text", "value", "qualifier", "counted", "by"}) {
      EXPECT_TRUE(c.contains(key)) << key;
    }
    const std::string counted = c["counted"];
    if (!counted.empty()) {
      EXPECT_FALSE(Veille({"claims", "--json", "--counted", counted}).out.empty())
          << counted;
    }
  }
  EXPECT_TRUE(Veille({"claims", "--counted", "zzzunknown"}).out.empty());
  EXPECT_EQ(Veille({"claims", "--by", "governor"}).exit_code, 0);
  const json stats = Stats();
  EXPECT_EQ(stats["quotes"], quote_count);
  EXPECT_EQ(stats["claims"], claim_count);
}

TEST_F(CliStoreTest, IngestingTheSameContentTwiceAddsNothing) {
  inputs_.Write("a_fr.txt", kFrench);
  inputs_.Write("b_en.txt", kEnglish);
  inputs_.Write("sub/copy_of_a.txt", kFrench);  // same bytes, other path: same article
  ASSERT_EQ(Veille({"ingest", inputs_.path()}).exit_code, 0);
  EXPECT_EQ(Stats()["articles"], 2);
  CommandResult again = Veille({"ingest", inputs_.path()});
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.err, "");
  EXPECT_EQ(Stats()["articles"], 2);
}

TEST_F(CliStoreTest, SameIdWithOtherBytesIsReportedAndLeftAlone) {
  const std::string first = inputs_.Write(
      "feed.jsonl",
      R"({"id":"wire-1","text":"The minister resigned on Monday after the vote."})"
      "\n");
  ASSERT_EQ(Veille({"ingest", first}).exit_code, 0);
  TempDir later;
  const std::string second = later.Write(
      "feed.jsonl",
      R"({"id":"ok-2","text":"Another article about the vote in parliament today."})"
      "\n"
      R"({"id":"wire-1","text":"The minister resigned on Tuesday, a day after the vote."})"
      "\n");
  CommandResult r = Veille({"ingest", second});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(
      r.err.find(second + ":2: invalid argument: id \"wire-1\" is already stored with "
                          "other bytes"),
      std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("from " + first), std::string::npos) << r.err;
  EXPECT_EQ(Stats()["articles"], 2);
  CommandResult raw = Veille({"show", "wire-1", "--raw"});
  EXPECT_EQ(
      raw.out,
      R"({"id":"wire-1","text":"The minister resigned on Monday after the vote."})");
}

// `show --raw` gives back the bytes the article was read from, whatever their
// encoding: the file for a text input, the line for a JSON Lines input.
TEST_F(CliStoreTest, ShowRawReturnsTheOriginalBytesExactly) {
  const std::string sentence = "The minister resigned today. The vote follows next week.";
  std::map<std::string, std::string> files = {
      {"plain.txt", "Plain title\n\n" + sentence + "\n"},
      {"bom.txt",
       "\xEF\xBB\xBF"
       "Bom title\n\n" +
           sentence + " BOM.\n"},
      {"utf16le.txt", Utf16("Wide title\n\n" + sentence + " Little.\r\n", true)},
      {"utf16be.txt", Utf16("Wide title\n\n" + sentence + " Big.\r\n", false)},
      {"cp1252.txt",
       "Titre\n\nLe d\xE9put\xE9 a quitt\xE9 la s\xE9"
       "ance \x93tr\xE8s t\xF4t\x94 "
       "ce matin \x96 sans un mot.\n"},
      {"crlf.txt", "Title\r\n\r\n" + sentence + " CRLF.\r\n"},
  };
  for (const auto& [name, bytes] : files) inputs_.Write(name, bytes);
  const std::string jsonl_line =
      R"({"id":"esc-1","text":"Caf\u00e9 \"quoted\" text with an escaped\nnewline and a tab\t."})";
  inputs_.Write("feed.jsonl", jsonl_line + "\n");
  CommandResult ingest = Veille({"ingest", inputs_.path()});
  ASSERT_EQ(ingest.exit_code, 0) << ingest.err;

  const std::vector<json> analyses =
      ParseLines(RunVeille({"analyze", inputs_.path()}).out);
  ASSERT_EQ(analyses.size(), files.size() + 1);
  std::map<std::string, std::string> encodings;
  for (const json& a : analyses) {
    const std::string path = a["source"]["path"];
    const std::string name = std::filesystem::path(path).filename();
    CommandResult raw = Veille({"show", a["id"], "--raw"});
    ASSERT_EQ(raw.exit_code, 0) << raw.err;
    const std::string expected = name == "feed.jsonl" ? jsonl_line : files.at(name);
    EXPECT_EQ(raw.out, expected) << name;
    encodings[name] = a["source"]["encoding"];
  }
  EXPECT_EQ(encodings["utf16le.txt"], "utf-16le");
  EXPECT_EQ(encodings["utf16be.txt"], "utf-16be");
  EXPECT_EQ(encodings["cp1252.txt"], "windows-1252");
  EXPECT_EQ(encodings["bom.txt"], "utf-8-bom");
}

TEST_F(CliStoreTest, ShowAcceptsAnIdPrefixAndReportsUnknownIds) {
  inputs_.Write("a_fr.txt", kFrench);
  ASSERT_EQ(Veille({"ingest", inputs_.path()}).exit_code, 0);
  const json hit = json::parse(Veille({"search", "volontaires", "--json"}).out);
  const std::string id = hit["id"];
  CommandResult prefix = Veille({"show", id.substr(0, 12)});
  ASSERT_EQ(prefix.exit_code, 0) << prefix.err;
  EXPECT_EQ(json::parse(prefix.out)["id"], id);
  CommandResult missing = Veille({"show", "nope"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("no article with id \"nope\""), std::string::npos)
      << missing.err;
}

// Bad inputs get the same one-line errors as `analyze`; the good ones are
// stored; what the store held before is intact.
TEST_F(CliStoreTest, BadInputIsReportedLikeAnalyzeAndNothingStoredIsLost) {
  inputs_.Write("a_fr.txt", kFrench);
  ASSERT_EQ(Veille({"ingest", inputs_.path()}).exit_code, 0);
  TempDir bad;
  bad.Write("01_good.txt", kEnglish);
  bad.Write("02_empty.txt", "");
  bad.Write("03_image.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0", 18));
  bad.Write("04_broken_utf8.txt",
            "Le pr\xC3\xA9sident a d\xC3\xA9"
            "clar\xC3 que la guerre.");
  bad.Write(
      "05_feed.jsonl",
      std::string(R"({"text":"A good line about the war in the east of the country."})") +
          "\n{not json\n" + R"({"title":"no text"})" + "\n");
  CommandResult analyze = RunVeille({"analyze", bad.path()});
  CommandResult ingest = Veille({"ingest", bad.path()});
  EXPECT_EQ(ingest.exit_code, 1);
  EXPECT_EQ(analyze.exit_code, 1);
  // The same error lines, then one summary line.
  std::string analyze_errors =
      analyze.err.substr(0, analyze.err.rfind("veille: ", analyze.err.size() - 2));
  std::string ingest_errors =
      ingest.err.substr(0, ingest.err.rfind("veille: ", ingest.err.size() - 2));
  EXPECT_EQ(ingest_errors, analyze_errors);
  EXPECT_NE(ingest.err.find("02_empty.txt: bad input: empty input"), std::string::npos);
  EXPECT_NE(ingest.err.find("05_feed.jsonl:2: bad input: not valid JSON"),
            std::string::npos);
  EXPECT_NE(ingest.err.find("ingest: 2 added, 0 already stored, 5 input(s) failed"),
            std::string::npos)
      << ingest.err;
  EXPECT_EQ(Stats()["articles"], 3);
  EXPECT_EQ(CheckStoreConsistency(db()), std::vector<std::string>{});
  EXPECT_EQ(ParseLines(Veille({"search", "volontaires", "--json"}).out).size(), 1u);
}

TEST_F(CliStoreTest, ReadCommandsNeedAnExistingDatabaseAndCreateNone) {
  for (std::vector<std::string> args : std::vector<std::vector<std::string>>{
           {"search", "x"}, {"show", "x"}, {"quotes"}, {"claims"}, {"stats"}}) {
    CommandResult r = Veille(args);
    EXPECT_EQ(r.exit_code, 2) << args[0];
    EXPECT_NE(r.err.find("store.db"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("veille ingest"), std::string::npos) << r.err;
  }
  EXPECT_FALSE(std::filesystem::exists(db()));
  const std::string not_db =
      inputs_.Write("notes.db", "just some notes, not a database\n");
  CommandResult r = RunVeille({"stats", "--db", not_db});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("not a database"), std::string::npos) << r.err;
  EXPECT_EQ(ReadFileOrDie(not_db), "just some notes, not a database\n");
}

TEST_F(CliStoreTest, DefaultDatabaseComesFromVeilleDb) {
  inputs_.Write("a_fr.txt", kFrench);
  const std::string path = dir_.path() + "/from-env.db";
  setenv("VEILLE_DB", path.c_str(), 1);
  CommandResult ingest = RunVeille({"ingest", inputs_.path()});
  CommandResult stats = RunVeille({"stats", "--json"});
  unsetenv("VEILLE_DB");
  ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
  ASSERT_EQ(stats.exit_code, 0) << stats.err;
  EXPECT_EQ(json::parse(stats.out)["articles"], 1);
  EXPECT_EQ(json::parse(stats.out)["path"], path);
}

// Searches in other processes succeed while an ingest is writing.
TEST_F(CliStoreTest, SearchWorksWhileAnIngestRuns) {
  const std::string corpus = inputs_.path() + "/corpus.jsonl";
  WriteGeneratedCorpus(corpus, 3000);
  BackgroundVeille ingest({"ingest", corpus, "--db", db()}, dir_.path() + "/out",
                          dir_.path() + "/err");
  int searches_during_ingest = 0;
  while (ingest.Running()) {
    const int64_t stored = CountStoredArticles(db());
    if (stored > 0) {
      CommandResult r = Veille({"search", "Koursk OR Kursk", "--json", "--limit", "5"});
      const bool still_running = ingest.Running();
      ASSERT_EQ(r.exit_code, 0) << r.err;
      EXPECT_EQ(ParseLines(r.out).size(), 5u);
      if (still_running) ++searches_during_ingest;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_EQ(ingest.Wait(), 0) << ReadFileOrDie(dir_.path() + "/err");
  EXPECT_GT(searches_during_ingest, 0)
      << "the ingest ended before a search could overlap it";
  EXPECT_EQ(Stats()["articles"], 3000);
}

// On a terminal, ingest draws a progress bar with rate and ETA on stderr.
TEST_F(CliStoreTest, ProgressBarOnATerminal) {
  const std::string corpus = inputs_.path() + "/corpus.jsonl";
  WriteGeneratedCorpus(corpus, 1500);
  const int master = posix_openpt(O_RDWR | O_NOCTTY);
  ASSERT_GE(master, 0);
  ASSERT_EQ(grantpt(master), 0);
  ASSERT_EQ(unlockpt(master), 0);
  const std::string slave = ptsname(master);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, slave.c_str(), O_RDWR | O_NOCTTY, 0);
  std::vector<std::string> args = {VEILLE_BINARY, "-j",   "1", "ingest",
                                   corpus,        "--db", db()};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid;
  ASSERT_EQ(posix_spawn(&pid, VEILLE_BINARY, &actions, nullptr, argv.data(), environ), 0);
  posix_spawn_file_actions_destroy(&actions);
  std::string terminal;
  char buffer[4096];
  while (true) {
    pollfd fd{master, POLLIN, 0};
    if (poll(&fd, 1, 200) > 0) {
      const ssize_t n = read(master, buffer, sizeof buffer);
      if (n > 0) terminal.append(buffer, static_cast<size_t>(n));
      if (n <= 0) break;  // EIO once the child is gone
      continue;
    }
    if (waitpid(pid, nullptr, WNOHANG) == pid) {
      pid = -1;
      break;
    }
  }
  if (pid > 0) waitpid(pid, nullptr, 0);
  close(master);
  EXPECT_NE(terminal.find("ingest ["), std::string::npos) << terminal;
  EXPECT_NE(terminal.find(" articles "), std::string::npos) << terminal;
  EXPECT_NE(terminal.find("/s"), std::string::npos) << terminal;
  EXPECT_NE(terminal.find("ETA "), std::string::npos) << terminal;
  EXPECT_NE(terminal.find("ingest: 1500 added"), std::string::npos) << terminal;
}

}  // namespace
}  // namespace veille::testing
