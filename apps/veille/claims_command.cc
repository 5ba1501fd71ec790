// veille claims [--counted WORD] [--by NAME] [--limit N] [--json]: the stored
// numeric claims.
#include <fmt/format.h>

#include <cstdio>

#include "commands.h"
#include "store_cli.h"
#include "util/json_writer.h"

namespace veille::cli {
namespace {

struct ClaimsOptions {
  ClaimFilter filter;
  std::string db;
  bool json = false;
};

void AppendClaimJson(const StoredClaim& c, std::string* out) {
  JsonWriter w(out);
  w.BeginObject();
  w.Key("article_id").String(c.article_id);
  w.Key("article_title").OptionalString(c.article_title);
  w.Key("start").Uint(c.claim.span.start).Key("end").Uint(c.claim.span.end);
  w.Key("text").String(c.text);
  w.Key("value").Double(c.claim.value);
  w.Key("low");
  c.claim.low ? w.Double(*c.claim.low) : w.Null();
  w.Key("high");
  c.claim.high ? w.Double(*c.claim.high) : w.Null();
  w.Key("qualifier").String(QualifierName(c.claim.qualifier));
  w.Key("counted").String(c.claim.counted);
  w.Key("event").OptionalString(c.claim.event);
  w.Key("by").OptionalString(c.claim.by);
  w.Key("by_id");
  c.claim.by_id.empty() ? w.Null() : w.String(c.claim.by_id);
  w.Key("when").OptionalString(c.claim.when);
  w.EndObject();
  out->push_back('\n');
}

void AppendClaimText(const StoredClaim& c, std::string* out) {
  *out += fmt::format("{} {}", c.claim.value, c.claim.counted);
  if (c.claim.qualifier != Qualifier::kExact) {
    *out += fmt::format(" ({})", QualifierName(c.claim.qualifier));
  }
  if (c.claim.event) *out += " " + *c.claim.event;
  *out += " — " + c.claim.by.value_or("the article");
  *out += fmt::format(": \"{}\"\n   {}  {}\n", c.text, c.article_id,
                      c.article_title.value_or(""));
}

}  // namespace

Command RegisterClaims(CLI::App* app, const GlobalOptions*) {
  auto options = std::make_shared<ClaimsOptions>();
  CLI::App* cmd = app->add_subcommand("claims", "List the stored numeric claims");
  AddDbOption(cmd, &options->db);
  cmd->add_option("--counted", options->filter.counted,
                  "Only claims counting this (a word, stemmed: soldier finds soldiers)");
  cmd->add_option("--by", options->filter.by,
                  "Only claims made by this source: name, last name or entity id");
  cmd->add_option("--limit", options->filter.limit, "At most N claims")
      ->check(CLI::Range(1, 1 << 30));
  cmd->add_flag("--json", options->json, "JSON Lines, one claim per line");
  return {cmd, [options]() -> int {
            std::unique_ptr<Store> store =
                OpenStoreOrReport(options->db, /*create=*/false);
            if (!store) return 2;
            auto claims = store->Claims(options->filter);
            if (!claims.ok()) {
              ReportError(claims.status());
              return 2;
            }
            std::string out;
            for (const StoredClaim& c : *claims) {
              options->json ? AppendClaimJson(c, &out) : AppendClaimText(c, &out);
            }
            std::fwrite(out.data(), 1, out.size(), stdout);
            return 0;
          }};
}

}  // namespace veille::cli
