// Subcommand registration for the veille CLI; one file per subcommand.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>

namespace veille::cli {

// Options every subcommand shares.
struct GlobalOptions {
  std::string data_dir;
  int threads = 0;
};

// Each Register* adds a subcommand to `app` and returns it with the function
// that runs it (returning the exit status).
struct Command {
  CLI::App* app;
  std::function<int()> run;
};
Command RegisterAnalyze(CLI::App* app, const GlobalOptions* global);
Command RegisterIngest(CLI::App* app, const GlobalOptions* global);
Command RegisterSearch(CLI::App* app, const GlobalOptions* global);
Command RegisterShow(CLI::App* app, const GlobalOptions* global);
Command RegisterQuotes(CLI::App* app, const GlobalOptions* global);
Command RegisterClaims(CLI::App* app, const GlobalOptions* global);
Command RegisterStats(CLI::App* app, const GlobalOptions* global);

}  // namespace veille::cli
