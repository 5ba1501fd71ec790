// veille search QUERY [--lang L] [--entity ID] [--outlet X] [--speaker X]
//                     [--verdict V] [--since DATE] [--limit N] [--json]
#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>

#include "commands.h"
#include "store_cli.h"
#include "util/json_writer.h"

namespace veille::cli {
namespace {

struct SearchOptions {
  SearchQuery query;
  std::string db;
  bool json = false;
};

void AppendHitJson(const SearchHit& hit, std::string* out) {
  JsonWriter w(out);
  w.BeginObject();
  w.Key("id").String(hit.id);
  w.Key("title").OptionalString(hit.title);
  w.Key("language").String(hit.language);
  w.Key("path").String(hit.path);
  w.Key("line");
  hit.line > 0 ? w.Uint(hit.line) : w.Null();
  w.Key("date").OptionalString(hit.date);
  w.Key("outlet").OptionalString(hit.outlet);
  w.Key("verdict").String(hit.verdict);
  w.Key("quality_score").Double(hit.quality_score);
  w.Key("score").Double(hit.score);
  w.Key("snippet").String(hit.snippet);
  w.Key("highlights").BeginArray();
  for (Span s : hit.highlights) w.BeginArray().Uint(s.start).Uint(s.end).EndArray();
  w.EndArray();
  w.EndObject();
  out->push_back('\n');
}

// The snippet with its highlights in bold on a terminal, [bracketed] elsewhere.
std::string MarkedSnippet(const SearchHit& hit, bool color) {
  std::string out;
  size_t at = 0;
  for (Span s : hit.highlights) {
    if (s.start < at || s.end > hit.snippet.size()) continue;
    out.append(hit.snippet, at, s.start - at);
    out += color ? "\033[1;33m" : "[";
    out.append(hit.snippet, s.start, s.size());
    out += color ? "\033[0m" : "]";
    at = s.end;
  }
  out.append(hit.snippet, at);
  return out;
}

void AppendHitText(size_t rank, const SearchHit& hit, bool full_text, bool color,
                   std::string* out) {
  std::string facts = hit.language;
  if (hit.date) facts += " · " + *hit.date;
  if (hit.outlet) facts += " · " + *hit.outlet;
  facts += " · " + hit.verdict;
  const std::string title = hit.title.value_or("(untitled)");
  *out += fmt::format("{}. {}{}{}  [{}]", rank, color ? "\033[1m" : "", title,
                      color ? "\033[0m" : "", facts);
  if (full_text) *out += fmt::format("  score {:.2f}", hit.score);
  *out += fmt::format("\n   {}  {}{}\n", hit.id, hit.path,
                      hit.line > 0 ? fmt::format(":{}", hit.line) : "");
  if (!hit.snippet.empty()) *out += "   " + MarkedSnippet(hit, color) + "\n";
}

}  // namespace

Command RegisterSearch(CLI::App* app, const GlobalOptions*) {
  auto options = std::make_shared<SearchOptions>();
  CLI::App* cmd = app->add_subcommand(
      "search", "Full-text and faceted search of the stored articles, best match first");
  cmd->add_option("query", options->query.text,
                  "Words (stemmed, accents ignored), \"phrases\", prefix*, AND/OR/NOT, "
                  "NEAR(a b), title:word; \"\" to list by facets only")
      ->required();
  AddDbOption(cmd, &options->db);
  cmd->add_option("--lang", options->query.language,
                  "Only articles in this language (ISO 639-1)");
  cmd->add_option("--entity", options->query.entity,
                  "Only articles mentioning this entity id, e.g. person:vladimir-putin");
  cmd->add_option("--outlet", options->query.outlet, "Only articles from this outlet");
  cmd->add_option("--speaker", options->query.speaker,
                  "Only articles quoting this speaker (name, last name or entity id)");
  cmd->add_option("--verdict", options->query.verdict,
                  "Only articles with this quality verdict")
      ->check(CLI::IsMember({"clean", "suspect", "auto_translated", "content_farm"}));
  cmd->add_option("--since", options->query.since,
                  "Only articles dated on or after YYYY-MM-DD");
  cmd->add_option("--limit", options->query.limit, "At most N results (default 20)")
      ->check(CLI::Range(1, 100000));
  cmd->add_flag("--json", options->json,
                "JSON Lines: id, title, language, path, score, snippet, highlights, ...");
  return {cmd, [options]() -> int {
            std::unique_ptr<Store> store =
                OpenStoreOrReport(options->db, /*create=*/false);
            if (!store) return 2;
            auto hits = store->Search(options->query);
            if (!hits.ok()) {
              ReportError(hits.status());
              return 2;
            }
            const bool full_text =
                options->query.text.find_first_not_of(" \t\r\n") != std::string::npos;
            const bool color = !options->json && isatty(fileno(stdout));
            std::string out;
            for (size_t i = 0; i < hits->size(); ++i) {
              if (options->json) {
                AppendHitJson((*hits)[i], &out);
              } else {
                AppendHitText(i + 1, (*hits)[i], full_text, color, &out);
              }
            }
            if (!options->json && hits->empty()) out = "No article matches.\n";
            std::fwrite(out.data(), 1, out.size(), stdout);
            return 0;
          }};
}

}  // namespace veille::cli
