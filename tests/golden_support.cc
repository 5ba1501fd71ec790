#include "golden_support.h"

#include <fmt/format.h>
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <stdexcept>

#include "ingest/reader.h"
#include "test_support.h"

namespace veille::testing {
namespace fs = std::filesystem;

const Analyzer& SharedAnalyzer() {
  static const std::unique_ptr<Analyzer> analyzer = [] {
    auto created = Analyzer::Create({SourceDir() + "/data"});
    if (!created.ok()) throw std::runtime_error(created.status().ToString());
    return std::move(created).value();
  }();
  return *analyzer;
}

const std::vector<GoldenArticle>& GoldenCorpus() {
  static const std::vector<GoldenArticle> corpus = [] {
    std::vector<GoldenArticle> out;
    const fs::path dir = fs::path(SourceDir()) / "examples" / "articles";
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir)) {
      if (entry.path().extension() == ".txt") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    Workspace workspace;
    for (const fs::path& path : files) {
      fs::path expected_path = path;
      expected_path.replace_extension(".expected.json");
      if (!fs::exists(expected_path)) continue;
      GoldenArticle g;
      g.name = path.filename().string();
      Status status = MakeTextArticle(ReadFileOrDie(path.string()), path.string(), &g.article);
      if (!status.ok()) throw std::runtime_error(g.name + ": " + status.ToString());
      g.expected = nlohmann::json::parse(ReadFileOrDie(expected_path.string()));
      SharedAnalyzer().Analyze(g.article, &workspace, &g.analysis);
      out.push_back(std::move(g));
    }
    return out;
  }();
  return corpus;
}

Analysis AnalyzeText(const std::string& text, Article* article_out) {
  Article article;
  Status status = MakeTextArticle(text, "test.txt", &article);
  if (!status.ok()) throw std::runtime_error(status.ToString());
  Workspace workspace;
  Analysis analysis;
  SharedAnalyzer().Analyze(article, &workspace, &analysis);
  if (article_out != nullptr) *article_out = std::move(article);
  return analysis;
}

std::string Score::ToString(std::string_view what) const {
  return fmt::format("{}: precision {:.3f} ({}/{}), recall {:.3f} ({}/{})", what, Precision(),
                     true_positives, predicted, Recall(), true_positives, expected);
}

std::string FoldForCompare(std::string_view text) {
  UErrorCode error = U_ZERO_ERROR;
  static const std::unique_ptr<icu::Transliterator> fold(icu::Transliterator::createInstance(
      "NFD; [:Nonspacing Mark:] Remove; Lower; NFC", UTRANS_FORWARD, error));
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), text.size()));
  fold->transliterate(u);
  std::string out;
  u.toUTF8String(out);
  std::string cleaned;
  bool space = false;
  for (size_t i = 0; i < out.size(); ++i) {
    if (out.compare(i, 3, "\xE2\x80\x99") == 0) {
      cleaned.push_back('\'');
      i += 2;
      space = false;
      continue;
    }
    if (out.compare(i, 2, "\xC2\xA0") == 0 || out.compare(i, 3, "\xE2\x80\xAF") == 0 ||
        out[i] == ' ' || out[i] == '\n' || out[i] == '\t') {
      if (!space && !cleaned.empty()) cleaned.push_back(' ');
      space = true;
      i += out.compare(i, 2, "\xC2\xA0") == 0 ? 1 : out.compare(i, 3, "\xE2\x80\xAF") == 0 ? 2 : 0;
      continue;
    }
    space = false;
    cleaned.push_back(out[i]);
  }
  while (!cleaned.empty() && cleaned.back() == ' ') cleaned.pop_back();
  return cleaned;
}

}  // namespace veille::testing
