#include "store_cli.h"

#include <cstdio>

namespace veille::cli {

void AddDbOption(CLI::App* cmd, std::string* path) {
  cmd->add_option("--db", *path, "Database file (default: $VEILLE_DB, else ./veille.db)");
}

std::unique_ptr<Store> OpenStoreOrReport(const std::string& path, bool create) {
  StoreOptions options;
  options.path = path.empty() ? DefaultStorePath() : path;
  options.create_if_missing = create;
  auto store = OpenStore(options);
  if (!store.ok()) {
    ReportError(store.status());
    return nullptr;
  }
  return std::move(store).value();
}

void ReportError(const Status& status) {
  std::fflush(stdout);
  std::fprintf(stderr, "veille: %s\n", status.ToString().c_str());
}

}  // namespace veille::cli
