#include "extract/outlet_catalog.h"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>

#include "text/tokenizer.h"
#include "util/tsv.h"
#include "veille/article.h"

namespace veille {
namespace {

namespace fs = std::filesystem;

bool IsHyphen(std::string_view text, size_t pos) { return text[pos] == '-'; }

}  // namespace

Result<std::unique_ptr<OutletCatalog>> OutletCatalog::Load(const std::string& data_dir) {
  std::unique_ptr<OutletCatalog> catalog(new OutletCatalog());
  const std::string path = (fs::path(data_dir) / "outlets" / "outlets.tsv").string();
  if (!fs::exists(path)) return Status::NotFound(fmt::format("{}: outlet catalog not found", path));
  OutletCatalog* c = catalog.get();
  Status status = ForEachTsvRow(path, [&](int line_number, const std::vector<std::string>& cols,
                                          const std::string& line) -> Status {
    if (cols.size() < 6 || cols[0].rfind("outlet:", 0) != 0) {
      return Status::InvalidArgument(
          fmt::format("{}:{}: expected id, name, kind, country, forms, mangled: \"{}\"", path,
                      line_number, line));
    }
    const uint32_t index = static_cast<uint32_t>(c->outlets_.size());
    c->outlets_.push_back({cols[0], cols[1], cols[2], cols[3]});
    for (int column = 4; column <= 5; ++column) {
      if (cols[column] == "-") continue;
      for (const std::string& form : SplitFields(cols[column], '|')) {
        if (form.empty()) continue;
        const int id = c->phrases_.Add(form, ~0u);
        if (id < 0) continue;
        c->forms_.resize(c->phrases_.size());
        c->forms_[id] = {index, column == 5, false};
        if (form.find(' ') == std::string::npos && form.find('-') == std::string::npos) {
          c->single_word_.emplace(form, static_cast<uint32_t>(id));
        }
      }
    }
    return Status::Ok();
  });
  if (!status.ok()) return status;
  const std::string context = (fs::path(data_dir) / "outlets" / "context.tsv").string();
  if (fs::exists(context)) {
    status = catalog->LoadContext(context);
    if (!status.ok()) return status;
  }
  return catalog;
}

Status OutletCatalog::LoadContext(const std::string& path) {
  return ForEachTsvRow(path, [&](int line_number, const std::vector<std::string>& cols,
                                 const std::string& line) -> Status {
    if (cols.size() < 2 || cols[1] != "platform") {
      return Status::InvalidArgument(
          fmt::format("{}:{}: expected form<TAB>platform: \"{}\"", path, line_number, line));
    }
    // Flag every phrase whose text is exactly this form.
    Article article;
    article.text = cols[0];
    Document doc;
    doc.article = &article;
    doc.text = article.text;
    Tokenize(&doc);
    const uint32_t n = static_cast<uint32_t>(doc.tokens.size());
    std::vector<PhraseHit> hits;
    phrases_.MatchAt(doc, 0, n, ~0u, &hits);
    for (const PhraseHit& hit : hits) {
      if (hit.end_token == n) forms_[hit.id].needs_platform_context = true;
    }
    return Status::Ok();
  });
}

void OutletCatalog::FindMentions(const Document& doc, std::vector<OutletMention>* out) const {
  std::vector<PhraseHit> hits;
  const uint32_t n = static_cast<uint32_t>(doc.tokens.size());
  for (uint32_t i = 0; i < n;) {
    const Token& token = doc.tokens[i];
    if (token.kind != TokenKind::kWord && token.kind != TokenKind::kSymbol) {
      ++i;
      continue;
    }
    hits.clear();
    phrases_.MatchAt(doc, i, n, ~0u, &hits);
    if (!hits.empty()) {
      const PhraseHit& best = hits.front();  // longest first
      const Form& form = forms_[best.id];
      OutletMention m;
      m.first_token = i;
      m.end_token = best.end_token;
      m.span = {token.start, doc.tokens[best.end_token - 1].end};
      m.outlet = form.outlet;
      m.mangled = form.mangled;
      m.needs_platform_context = form.needs_platform_context;
      out->push_back(m);
      i = best.end_token;
      continue;
    }
    // "Telegram-канале", "ex-Twitter": a form as the first or last segment.
    const std::string_view text = doc.Text(token);
    const size_t first_hyphen = text.find('-');
    if (token.kind == TokenKind::kWord && first_hyphen != std::string_view::npos) {
      const size_t last_hyphen = text.rfind('-');
      const std::pair<size_t, size_t> segments[] = {{0, first_hyphen},
                                                    {last_hyphen + 1, text.size()}};
      for (const auto& [from, to] : segments) {
        if (to <= from || (from > 0 && !IsHyphen(text, from - 1))) continue;
        const auto it = single_word_.find(text.substr(from, to - from));
        if (it == single_word_.end()) continue;
        const Form& form = forms_[it->second];
        OutletMention m;
        m.first_token = i;
        m.end_token = i + 1;
        m.span = {static_cast<uint32_t>(token.start + from), static_cast<uint32_t>(token.start + to)};
        m.outlet = form.outlet;
        m.mangled = form.mangled;
        m.needs_platform_context = form.needs_platform_context;
        out->push_back(m);
        break;
      }
    }
    ++i;
  }
}

}  // namespace veille
