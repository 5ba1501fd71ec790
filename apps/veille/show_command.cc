// veille show ID [--raw]: one stored article, as `analyze` printed it, or its
// original bytes.
#include <cstdio>

#include "commands.h"
#include "store_cli.h"

namespace veille::cli {
namespace {

struct ShowOptions {
  std::string id;
  std::string db;
  bool raw = false;
};

}  // namespace

Command RegisterShow(CLI::App* app, const GlobalOptions*) {
  auto options = std::make_shared<ShowOptions>();
  CLI::App* cmd = app->add_subcommand(
      "show",
      "Print a stored article's analysis (JSON), or its original bytes with --raw");
  cmd->add_option("id", options->id, "Article id, or the beginning of one")->required();
  AddDbOption(cmd, &options->db);
  cmd->add_flag("--raw", options->raw,
                "Print the bytes the article was read from, exactly (file or JSON line)");
  return {cmd, [options]() -> int {
            std::unique_ptr<Store> store =
                OpenStoreOrReport(options->db, /*create=*/false);
            if (!store) return 2;
            auto id = store->ResolveId(options->id);
            if (!id.ok()) {
              ReportError(id.status());
              return 1;
            }
            auto article = store->Get(*id);
            if (!article.ok()) {
              ReportError(article.status());
              return 1;
            }
            const std::string& out = options->raw ? article->raw : article->analysis_json;
            std::fwrite(out.data(), 1, out.size(), stdout);
            if (!options->raw) std::fputc('\n', stdout);
            return std::fflush(stdout) == 0 ? 0 : 2;
          }};
}

}  // namespace veille::cli
