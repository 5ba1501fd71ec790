#include "quality/mangled_names.h"

#include <fmt/format.h>

#include "quality/data_table.h"
#include "text/tokenizer.h"
#include "util/hash.h"

namespace veille {
namespace {

// Typographic and straight apostrophes compare equal.
bool SameToken(std::string_view a, std::string_view b) {
  if (a == b) return true;
  auto fold = [](std::string_view s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
      if (s.compare(i, 3, "\xE2\x80\x99") == 0) {
        out.push_back('\'');
        i += 2;
      } else {
        out.push_back(s[i]);
      }
    }
    return out;
  };
  return fold(a) == fold(b);
}

}  // namespace

Result<std::unique_ptr<MangledNameDetector>> MangledNameDetector::Load(const std::string& data_dir) {
  auto detector = std::unique_ptr<MangledNameDetector>(new MangledNameDetector());
  Status status = ForEachTableRow(
      data_dir + "/outlets/outlets.tsv", [&](const TableRow& row) -> Status {
        if (row.fields.size() < 6) return Status::InvalidArgument("expected 6 columns");
        if (row.fields[5] == "-" || row.fields[5].empty()) return Status::Ok();
        for (std::string_view form : SplitView(row.fields[5], '|')) {
          Document doc;
          doc.text = form;
          Tokenize(&doc);
          if (doc.tokens.empty()) continue;
          Form f;
          for (const Token& t : doc.tokens) f.tokens.emplace_back(doc.Text(t));
          f.outlet_name = std::string(row.fields[1]);
          detector->by_first_token_[Hash64(f.tokens[0])].push_back(
              static_cast<int>(detector->forms_.size()));
          detector->forms_.push_back(std::move(f));
        }
        return Status::Ok();
      });
  if (!status.ok()) return status;
  return detector;
}

void MangledNameDetector::Find(const Document& doc, const std::vector<Citation>& citations,
                               double weight, std::vector<QualitySignal>* out) const {
  const size_t first_own = out->size();
  // One signal per distinct mangled form, at its first occurrence: the same
  // mistranslation repeated is one piece of evidence, not several.
  std::vector<std::pair<std::string_view, int>> seen;  // form, occurrences
  std::vector<Span> counted;                            // every occurrence seen
  auto add = [&](Span span, std::string_view outlet_name, std::string_view source) {
    const std::string_view surface = doc.Text(span);
    // Already counted here (a citation, then the same form from the catalog).
    for (const Span& c : counted) {
      if (c.Overlaps(span)) return;
    }
    counted.push_back(span);
    for (size_t k = 0; k < seen.size(); ++k) {
      if (seen[k].first == surface) {
        ++seen[k].second;
        return;
      }
    }
    seen.emplace_back(surface, 1);
    out->push_back({"mangled_name", span, weight,
                    fmt::format("\"{}\" is {} translated word by word{}", surface, outlet_name,
                                source)});
  };
  for (const Citation& c : citations) {
    if (c.mangled) add(c.span, c.outlet_name, "");
  }
  for (uint32_t i = 0; i < doc.tokens.size(); ++i) {
    const std::string_view text = doc.Text(doc.tokens[i]);
    auto it = by_first_token_.find(Hash64(text));
    if (it == by_first_token_.end() || text.find("\xE2\x80\x99") != std::string_view::npos) {
      continue;
    }
    for (int index : it->second) {
      const Form& form = forms_[index];
      if (i + form.tokens.size() > doc.tokens.size()) continue;
      bool same = true;
      for (size_t k = 1; k < form.tokens.size() && same; ++k) {
        same = SameToken(doc.Text(doc.tokens[i + k]), form.tokens[k]);
      }
      // The form must not be the start of a longer capitalized name.
      const size_t after = i + form.tokens.size();
      if (!same || (after < doc.tokens.size() && doc.tokens[after].Has(kCapitalized) &&
                    !doc.tokens[after].Has(kNewlineBefore) &&
                    doc.tokens[after].start == doc.tokens[after - 1].end + 1)) {
        continue;
      }
      add({doc.tokens[i].start, doc.tokens[after - 1].end}, form.outlet_name, " (outlet catalog)");
      break;
    }
  }
  for (size_t k = 0; k < seen.size(); ++k) {
    if (seen[k].second > 1) {
      (*out)[first_own + k].why += fmt::format("; it occurs {} times", seen[k].second);
    }
  }
}

}  // namespace veille
