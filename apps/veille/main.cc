// veille: multilingual news provenance. Thin front end; see docs/.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <exception>
#include <vector>

#include "commands.h"

int main(int argc, char** argv) {
  CLI::App app{"veille: who said what, on whose authority, and which article came first"};
  app.set_version_flag("--version", VEILLE_VERSION);
  app.require_subcommand(1);
  veille::cli::GlobalOptions global;
  app.add_option("--data-dir", global.data_dir, "Data directory (default: $VEILLE_DATA_DIR or the build's)");
  app.add_option("-j,--threads", global.threads, "Worker threads (default: every core)");

  const std::vector<veille::cli::Command> commands = {
      veille::cli::RegisterAnalyze(&app, &global),
      veille::cli::RegisterIngest(&app, &global),
      veille::cli::RegisterSearch(&app, &global),
      veille::cli::RegisterShow(&app, &global),
      veille::cli::RegisterQuotes(&app, &global),
      veille::cli::RegisterClaims(&app, &global),
      veille::cli::RegisterStats(&app, &global),
  };

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  try {
    for (const auto& command : commands) {
      if (command.app->parsed()) return command.run();
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "veille: %s\n", e.what());
    return 2;
  }
  return 0;
}
