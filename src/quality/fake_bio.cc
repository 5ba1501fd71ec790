#include "quality/fake_bio.h"

#include <fmt/format.h>

#include <algorithm>

#include "quality/data_table.h"
#include "quality/text_lines.h"
#include "quality/token_pattern.h"

namespace veille {
namespace {

// Shape of a bio: at least this many fragments, each this short.
constexpr size_t kMinFragments = 3;
constexpr int kMaxFragmentWords = 7;
// A bio sits within this many lines after the author line, or among the
// last lines of the article.
constexpr size_t kMaxLinesAfterAuthor = 2;
constexpr size_t kTailLines = 8;

struct Fragment {
  uint32_t first = 0, end = 0;  // word tokens [first, end)
  int words = 0;
  uint8_t classes = 0;  // union of the classes of its words
};

bool EndsFragment(std::string_view text) {
  return text == "." || text == "!" || text == "\xE2\x80\xA6" || text == ";";
}

}  // namespace

Result<std::unique_ptr<FakeBioDetector>> FakeBioDetector::Load(const std::string& data_dir) {
  auto detector = std::unique_ptr<FakeBioDetector>(new FakeBioDetector());
  Status status = ForEachTableRow(
      data_dir + "/quality/bio_lexicon.tsv", [&](const TableRow& row) -> Status {
        if (row.fields.size() != 3) return Status::InvalidArgument("expected lang<TAB>class<TAB>words");
        const std::string_view name = row.fields[1];
        const uint8_t word_class = name == "persona" ? kPersona
                                   : name == "topic"  ? kTopic
                                   : name == "praise" ? kPraise
                                   : name == "clause" ? kClause
                                   : name == "author" ? kAuthor
                                                      : kNone;
        if (word_class == kNone) return Status::InvalidArgument(fmt::format("unknown class '{}'", name));
        for (std::string_view word : SplitView(row.fields[2], '|')) {
          if (!word.empty()) detector->classes_[TokenKey(word)] |= word_class;
        }
        return Status::Ok();
      });
  if (!status.ok()) return status;
  return detector;
}

uint8_t FakeBioDetector::Classify(std::string_view lower, uint64_t key) const {
  if (auto it = classes_.find(key); it != classes_.end()) return it->second;
  for (std::string_view ending : {"s", "x", "e", "es"}) {
    if (lower.size() > ending.size() + 2 && lower.ends_with(ending)) {
      auto it = classes_.find(TokenKey(lower.substr(0, lower.size() - ending.size())));
      // Only content classes extend to inflected forms.
      if (it != classes_.end() && (it->second & (kPersona | kTopic | kPraise))) {
        return it->second & (kPersona | kTopic | kPraise);
      }
    }
  }
  return kNone;
}

void FakeBioDetector::Find(const Document& doc, const std::vector<uint64_t>& keys, Span byline,
                           std::vector<QualitySignal>* out) const {
  const std::vector<Span> lines = TrimmedLines(doc.text);
  // The author line: the one holding the byline, else one starting with an
  // author label ("Auteur :", "Author:").
  size_t author_line = lines.size();
  std::string author_text;
  for (size_t l = 0; l < lines.size(); ++l) {
    const uint32_t first = doc.TokenAt(lines[l].start);
    const bool has_byline = !byline.empty() && lines[l].Contains(byline);
    const bool labelled = first < doc.tokens.size() && first < doc.TokenAt(lines[l].end) &&
                          (Classify(doc.Lower(doc.tokens[first]), keys[first]) & kAuthor) &&
                          lines[l].size() < 120;
    if (has_byline || labelled) {
      author_line = l;
      author_text = std::string(doc.Text(lines[l]));
    }
  }

  std::vector<Fragment> fragments;
  for (size_t l = 0; l < lines.size(); ++l) {
    const bool after_author = author_line < l && l - author_line <= kMaxLinesAfterAuthor;
    const bool at_end = l + kTailLines >= lines.size();
    if (!after_author && !at_end) continue;

    // Split the line into fragments at . ! … ;
    fragments.clear();
    Fragment current;
    bool shape_ok = true;
    const uint32_t limit = doc.TokenAt(lines[l].end);
    for (uint32_t i = doc.TokenAt(lines[l].start); i < limit && shape_ok; ++i) {
      const Token& t = doc.tokens[i];
      if (t.kind == TokenKind::kNumber || t.Has(kHasDigit)) shape_ok = false;
      if (t.kind != TokenKind::kWord) {
        if (EndsFragment(doc.Text(t)) && current.words > 0) {
          fragments.push_back(current);
          current = Fragment();
        }
        continue;
      }
      if (current.words == 0) {
        current.first = i;
        // A fragment starts like a sentence.
        if (!t.Has(kCapitalized) && !t.Has(kAllCaps)) shape_ok = false;
      }
      current.end = i + 1;
      if (!t.Has(kElided)) ++current.words;
      current.classes |= Classify(doc.Lower(t), keys[i]);
    }
    if (current.words > 0) fragments.push_back(current);
    if (!shape_ok || fragments.size() < kMinFragments) continue;

    int bio_like = 0, personas = 0;
    std::vector<std::string_view> cues;
    for (const Fragment& f : fragments) {
      if (f.words > kMaxFragmentWords || (f.classes & kClause)) {
        shape_ok = false;
        break;
      }
      const double score = ((f.classes & kPersona) ? 1.0 : 0.0) +
                           ((f.classes & kTopic) ? 0.5 : 0.0) + ((f.classes & kPraise) ? 0.5 : 0.0);
      if (score >= 1.0) ++bio_like;
      if (f.classes & kPersona) ++personas;
    }
    if (!shape_ok || personas < 2 || bio_like * 5 < static_cast<int>(fragments.size()) * 3) continue;

    QualitySignal signal;
    signal.kind = "fake_bio";
    signal.span = TrimSpaceAndQuotes(
        doc.text, {doc.tokens[fragments.front().first].start, lines[l].end});
    signal.weight = std::min(0.5, 0.3 + 0.05 * static_cast<double>(fragments.size() - kMinFragments));
    signal.why = fmt::format(
        "{} short verbless fragments, {} of them praise or hobby phrases ({} persona words), {}",
        fragments.size(), bio_like, personas,
        after_author ? fmt::format("after the author line \"{}\"", author_text)
                     : std::string("at the end of the article"));
    out->push_back(std::move(signal));
  }
}

}  // namespace veille
