// What the store subcommands (ingest, search, show, quotes, claims, stats)
// share: the --db option and opening the database.
#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "store/store.h"

namespace veille::cli {

// Adds --db FILE to `cmd`; `path` is left empty when it is not given.
void AddDbOption(CLI::App* cmd, std::string* path);

// Opens the store at `path` (DefaultStorePath() when empty). The read
// commands pass create = false: they never leave an empty database behind.
// Prints the error and returns null on failure.
std::unique_ptr<Store> OpenStoreOrReport(const std::string& path, bool create);

// Prints "veille: <status>" on stderr.
void ReportError(const Status& status);

}  // namespace veille::cli
