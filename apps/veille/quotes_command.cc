// veille quotes [--speaker NAME] [--limit N] [--json]: the stored quotes.
#include <fmt/format.h>

#include <cstdio>

#include "commands.h"
#include "store_cli.h"
#include "util/json_writer.h"

namespace veille::cli {
namespace {

struct QuotesOptions {
  QuoteFilter filter;
  std::string db;
  bool json = false;
};

void AppendQuoteJson(const StoredQuote& q, std::string* out) {
  JsonWriter w(out);
  w.BeginObject();
  w.Key("article_id").String(q.article_id);
  w.Key("article_title").OptionalString(q.article_title);
  w.Key("start").Uint(q.quote.span.start).Key("end").Uint(q.quote.span.end);
  w.Key("text").String(q.text);
  w.Key("kind").String(QuoteKindName(q.quote.kind));
  w.Key("speaker").OptionalString(q.quote.speaker);
  w.Key("speaker_id");
  q.quote.speaker_id.empty() ? w.Null() : w.String(q.quote.speaker_id);
  w.Key("cue");
  q.quote.cue.empty() ? w.Null() : w.String(q.quote.cue);
  w.Key("via").OptionalString(q.quote.via);
  w.EndObject();
  out->push_back('\n');
}

void AppendQuoteText(const StoredQuote& q, std::string* out) {
  *out += fmt::format("«{}»", q.text);
  if (q.quote.speaker) *out += " — " + *q.quote.speaker;
  if (!q.quote.cue.empty()) *out += " (" + q.quote.cue + ")";
  if (q.quote.via) *out += " via " + *q.quote.via;
  *out += fmt::format("\n   {}  {}\n", q.article_id, q.article_title.value_or(""));
}

}  // namespace

Command RegisterQuotes(CLI::App* app, const GlobalOptions*) {
  auto options = std::make_shared<QuotesOptions>();
  CLI::App* cmd = app->add_subcommand("quotes", "List the stored quotes, by speaker");
  AddDbOption(cmd, &options->db);
  cmd->add_option(
      "--speaker", options->filter.speaker,
      "Only this speaker: name, last name or entity id (accents and case ignored)");
  cmd->add_option("--limit", options->filter.limit, "At most N quotes")
      ->check(CLI::Range(1, 1 << 30));
  cmd->add_flag("--json", options->json, "JSON Lines, one quote per line");
  return {cmd, [options]() -> int {
            std::unique_ptr<Store> store =
                OpenStoreOrReport(options->db, /*create=*/false);
            if (!store) return 2;
            auto quotes = store->Quotes(options->filter);
            if (!quotes.ok()) {
              ReportError(quotes.status());
              return 2;
            }
            std::string out;
            for (const StoredQuote& q : *quotes) {
              options->json ? AppendQuoteJson(q, &out) : AppendQuoteText(q, &out);
            }
            std::fwrite(out.data(), 1, out.size(), stdout);
            return 0;
          }};
}

}  // namespace veille::cli
