#include "extract/outlet_catalog.h"

#include <fmt/format.h>
#include <unicode/uchar.h>

#include <filesystem>
#include <fstream>

#include "extract/data_phrase.h"
#include "extract/quote_lexicon.h"
#include "util/utf8.h"

namespace veille {
namespace {

bool HasLowercase(std::string_view text) {
  for (size_t pos = 0; pos < text.size();) {
    size_t len = 0;
    if (u_islower(static_cast<UChar32>(utf8::Decode(text, pos, &len)))) return true;
    pos += len;
  }
  return false;
}

}  // namespace

Result<std::unique_ptr<OutletCatalog>> OutletCatalog::Load(const std::string& data_dir) {
  const std::string path =
      (std::filesystem::path(data_dir) / "outlets" / "outlets.tsv").string();
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(fmt::format("{}: cannot open outlet catalog", path));
  std::unique_ptr<OutletCatalog> catalog(new OutletCatalog());
  std::string line;
  int line_number = 0;
  while (std::getline(in, line)) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    const std::vector<std::string_view> cols = SplitOn(line, '\t');
    if (cols.size() != 6 || cols[0].empty() || cols[1].empty()) {
      return Status::InvalidArgument(
          fmt::format("{}:{}: expected id, name, kind, country, forms, mangled: {}", path,
                      line_number, line));
    }
    const uint32_t index = static_cast<uint32_t>(catalog->outlets_.size());
    catalog->outlets_.push_back(
        {std::string(cols[0]), std::string(cols[1]), std::string(cols[2])});
    for (int column : {4, 5}) {
      if (cols[column] == "-") continue;
      for (std::string_view text : SplitOn(cols[column], '|')) {
        if (text.empty()) continue;
        PhraseTokens tokens = TokenizePhrase(text);
        if (tokens.text.empty()) continue;
        Form form;
        form.case_sensitive = !HasLowercase(text);
        form.mangled = column == 5;
        form.outlet = index;
        form.words = form.case_sensitive ? tokens.text : tokens.lower;
        const uint64_t key = FoldedHash(tokens.lower[0]);
        catalog->by_first_word_[key].push_back(
            static_cast<uint32_t>(catalog->forms_.size()));
        catalog->forms_.push_back(std::move(form));
      }
    }
  }
  return catalog;
}

bool OutletCatalog::WordMatches(const Form& form, size_t k, std::string_view text,
                                std::string_view lower) const {
  return form.case_sensitive ? text == form.words[k] : FoldedEquals(lower, form.words[k]);
}

OutletCatalog::Match OutletCatalog::Find(const Document& doc, uint32_t i,
                                         uint32_t end) const {
  Match best;
  if (i >= end || i >= doc.tokens.size()) return best;
  const Token& first = doc.tokens[i];
  std::string_view lower = doc.Lower(first);
  std::string_view text = doc.Text(first);
  for (int attempt = 0; attempt < 2 && !best; ++attempt) {
    if (attempt == 1) {  // "Telegram-канале": the part before the first hyphen
      const size_t lh = lower.find('-');
      const size_t th = text.find('-');
      if (lh == std::string_view::npos || th == std::string_view::npos) break;
      lower = lower.substr(0, lh);
      text = text.substr(0, th);
    }
    const auto it = by_first_word_.find(FoldedHash(lower));
    if (it == by_first_word_.end()) continue;
    for (uint32_t index : it->second) {
      const Form& form = forms_[index];
      const uint32_t n = static_cast<uint32_t>(form.words.size());
      if (n <= best.length || i + n > end || i + n > doc.tokens.size()) continue;
      if (attempt == 1 && n != 1) continue;
      bool ok = WordMatches(form, 0, text, lower);
      for (uint32_t k = 1; k < n && ok; ++k) {
        const Token& t = doc.tokens[i + k];
        ok = WordMatches(form, k, doc.Text(t), doc.Lower(t));
      }
      if (ok) best = {n, &outlets_[form.outlet], form.mangled};
    }
  }
  return best;
}

}  // namespace veille
