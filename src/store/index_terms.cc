#include "store/index_terms.h"

#include <algorithm>

namespace veille {

Result<TermAnalyzer*> IndexTerms::For(std::string_view language) {
  if (auto known = by_language_.find(language); known != by_language_.end())
    return known->second;
  const std::string key = HasStemmer(language) ? std::string(language) : std::string();
  auto it = analyzers_.find(key);
  if (it == analyzers_.end()) {
    auto analyzer = TermAnalyzer::Create(db_, key);
    if (!analyzer.ok()) return analyzer.status();
    it = analyzers_.emplace(key, std::move(analyzer).value()).first;
  }
  by_language_.emplace(std::string(language), it->second.get());
  return it->second.get();
}

Status IndexTerms::AddNameKeys(std::string_view name, std::vector<std::string>* keys) {
  auto fold = For("");
  if (!fold.ok()) return fold.status();
  std::string folded = (*fold)->FoldedPhrase(name);
  if (folded.empty()) return Status::Ok();
  if (const size_t space = folded.rfind(' '); space != std::string::npos) {
    keys->push_back(folded.substr(space + 1));
  }
  keys->push_back(std::move(folded));
  return Status::Ok();
}

Status IndexTerms::AddPersonKeys(std::string_view written, std::string_view id,
                                 const std::vector<std::string>& canonical_names,
                                 std::vector<std::string>* keys) {
  Status status = AddNameKeys(written, keys);
  if (!status.ok()) return status;
  if (!id.empty()) {
    keys->emplace_back(id);
    for (const std::string& name : canonical_names) {
      status = AddNameKeys(name, keys);
      if (!status.ok()) return status;
    }
  }
  Dedupe(keys);
  return Status::Ok();
}

Result<std::string> IndexTerms::NameQueryKey(std::string_view value) {
  if (value.find(':') != std::string_view::npos) return std::string(value);
  auto fold = For("");
  if (!fold.ok()) return fold.status();
  return (*fold)->FoldedPhrase(value);
}

Status IndexTerms::AddCountedTerms(std::string_view counted, std::string_view language,
                                   std::vector<std::string>* terms) {
  auto analyzer = For(language);
  if (!analyzer.ok()) return analyzer.status();
  (*analyzer)->Terms(counted, terms);
  return Status::Ok();
}

Result<std::vector<std::vector<std::string>>> IndexTerms::CountedQueryTerms(
    std::string_view value, const std::vector<std::string>& languages) {
  auto fold = For("");
  if (!fold.ok()) return fold.status();
  std::vector<std::string> words;
  (*fold)->Terms(value, &words);
  std::vector<std::vector<std::string>> variants;
  for (const std::string& word : words) {
    std::vector<std::string> terms = {word};
    for (const std::string& language : languages) {
      auto analyzer = For(language);
      if (!analyzer.ok()) return analyzer.status();
      (*analyzer)->Terms(word, &terms);
    }
    Dedupe(&terms);
    variants.push_back(std::move(terms));
  }
  return variants;
}

void IndexTerms::Dedupe(std::vector<std::string>* values) {
  std::sort(values->begin(), values->end());
  values->erase(std::unique(values->begin(), values->end()), values->end());
}

}  // namespace veille
