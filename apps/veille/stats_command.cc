// veille stats [--json]: what the store holds.
#include <fmt/format.h>

#include <cstdio>

#include "commands.h"
#include "store_cli.h"
#include "util/json_writer.h"

namespace veille::cli {
namespace {

struct StatsOptions {
  std::string db;
  bool json = false;
};

using Counts = std::vector<std::pair<std::string, uint64_t>>;

void WriteCounts(JsonWriter& w, const char* key, const Counts& counts) {
  w.Key(key).BeginObject();
  for (const auto& [value, count] : counts) w.Key(value).Uint(count);
  w.EndObject();
}

std::string Join(const Counts& counts) {
  std::string out;
  for (const auto& [value, count] : counts) {
    out += fmt::format("{}{} {}", out.empty() ? "" : ", ", value, count);
  }
  return out.empty() ? "-" : out;
}

std::string StatsJson(const StoreStats& s) {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Key("path").String(s.path);
  w.Key("schema_version").Int(s.schema_version);
  w.Key("articles").Uint(s.articles);
  w.Key("raw_bytes").Uint(s.raw_bytes);
  w.Key("database_bytes").Uint(s.database_bytes);
  w.Key("entities").Uint(s.entities);
  w.Key("entity_mentions").Uint(s.entity_mentions);
  w.Key("quotes").Uint(s.quotes);
  w.Key("claims").Uint(s.claims);
  w.Key("citations").Uint(s.citations);
  w.Key("quality_signals").Uint(s.quality_signals);
  w.Key("first_date").OptionalString(s.first_date);
  w.Key("last_date").OptionalString(s.last_date);
  WriteCounts(w, "languages", s.languages);
  WriteCounts(w, "verdicts", s.verdicts);
  WriteCounts(w, "outlets", s.outlets);
  WriteCounts(w, "top_entities", s.top_entities);
  w.EndObject();
  out.push_back('\n');
  return out;
}

std::string StatsText(const StoreStats& s) {
  std::string out = fmt::format("{} (schema {}, {:.1f} MB)\n", s.path, s.schema_version,
                                s.database_bytes / 1e6);
  out +=
      fmt::format("articles     {} ({:.1f} MB of input)", s.articles, s.raw_bytes / 1e6);
  if (s.first_date)
    out += fmt::format(", dated {} to {}", *s.first_date, s.last_date.value_or(""));
  out += "\n";
  out += fmt::format("languages    {}\n", Join(s.languages));
  out += fmt::format("verdicts     {}\n", Join(s.verdicts));
  out += fmt::format("outlets      {}\n", Join(s.outlets));
  out += fmt::format("entities     {} distinct, {} mentions; most cited: {}\n",
                     s.entities, s.entity_mentions, Join(s.top_entities));
  out += fmt::format("quotes       {}\n", s.quotes);
  out += fmt::format("claims       {}\n", s.claims);
  out += fmt::format("citations    {}\n", s.citations);
  out += fmt::format("signals      {}\n", s.quality_signals);
  return out;
}

}  // namespace

Command RegisterStats(CLI::App* app, const GlobalOptions*) {
  auto options = std::make_shared<StatsOptions>();
  CLI::App* cmd = app->add_subcommand("stats", "Summarize what the store holds");
  AddDbOption(cmd, &options->db);
  cmd->add_flag("--json", options->json, "One JSON object");
  return {cmd, [options]() -> int {
            std::unique_ptr<Store> store =
                OpenStoreOrReport(options->db, /*create=*/false);
            if (!store) return 2;
            auto stats = store->Stats();
            if (!stats.ok()) {
              ReportError(stats.status());
              return 2;
            }
            const std::string out = options->json ? StatsJson(*stats) : StatsText(*stats);
            std::fwrite(out.data(), 1, out.size(), stdout);
            return 0;
          }};
}

}  // namespace veille::cli
