#include "quality/translationese.h"

#include <fmt/format.h>

#include <algorithm>

#include "quality/data_table.h"

namespace veille {

Result<std::unique_ptr<TranslationeseDetector>> TranslationeseDetector::Load(
    const std::string& data_dir) {
  auto detector = std::unique_ptr<TranslationeseDetector>(new TranslationeseDetector());
  Status status = ForEachTableRow(
      data_dir + "/quality/translationese.tsv", [&](const TableRow& row) -> Status {
        if (row.fields.size() != 4) {
          return Status::InvalidArgument("expected lang<TAB>weight<TAB>pattern<TAB>why");
        }
        double weight = 0;
        if (Status s = ParseUnitInterval(row.fields[1], false, &weight); !s.ok()) return s;
        auto pattern = TokenPattern::Compile(row.fields[2]);
        if (!pattern.ok()) return pattern.status();
        Language& language = detector->languages_[std::string(row.fields[0])];
        language.patterns.Add(std::move(pattern).value(), static_cast<int>(language.rules.size()));
        language.rules.push_back({weight, std::string(row.fields[3])});
        return Status::Ok();
      });
  if (!status.ok()) return status;
  return detector;
}

void TranslationeseDetector::Find(const Document& doc, const std::vector<uint64_t>& keys,
                                  std::vector<QualitySignal>* out) const {
  const auto it = languages_.find(doc.language);
  if (it == languages_.end()) return;
  const Language& language = it->second;
  // Matches stay inside a paragraph; sentence by sentence they merge.
  QualitySignal pending;
  size_t pending_sentence = SIZE_MAX;
  std::vector<std::string> reasons;
  auto flush = [&] {
    if (pending_sentence == SIZE_MAX) return;
    pending.kind = "translationese";
    pending.weight = std::min(kMaxSentenceWeight, pending.weight);
    pending.why.clear();
    for (const std::string& r : reasons) pending.why += (pending.why.empty() ? "" : "; ") + r;
    out->push_back(pending);
    pending = QualitySignal();
    reasons.clear();
    pending_sentence = SIZE_MAX;
  };
  size_t sentence = 0;
  for (const Span& paragraph : doc.paragraphs) {
    const uint32_t begin = doc.TokenAt(paragraph.start);
    const uint32_t limit = doc.TokenAt(paragraph.end);
    language.patterns.FindAll(doc, keys, begin, limit, [&](int id, uint32_t first, uint32_t end) {
      const Span span{doc.tokens[first].start, doc.tokens[end - 1].end};
      while (sentence + 1 < doc.sentences.size() && doc.sentences[sentence].span.end <= span.start) {
        ++sentence;
      }
      if (sentence != pending_sentence) flush();
      if (pending_sentence == SIZE_MAX) {
        pending_sentence = sentence;
        pending.span = span;
      }
      pending.span.start = std::min(pending.span.start, span.start);
      pending.span.end = std::max(pending.span.end, span.end);
      pending.weight += language.rules[id].weight;
      const std::string& why = language.rules[id].why;
      if (std::find(reasons.begin(), reasons.end(), why) == reasons.end()) reasons.push_back(why);
    });
  }
  flush();
}

}  // namespace veille
