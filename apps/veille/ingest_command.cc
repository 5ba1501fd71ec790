// veille ingest PATH... [--db FILE]: analyse articles and keep them in the store.
#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>

#include "commands.h"
#include "pipeline/batch_runner.h"
#include "progress_bar.h"
#include "store/store_sink.h"
#include "store_cli.h"

namespace veille::cli {
namespace {

struct IngestOptions {
  std::vector<std::string> inputs;
  std::string db;
  std::string input_format = "auto";
  size_t max_article_mib = 32;
};

// Roughly how many bytes the readers will go through, for the progress bar's
// ETA: the sizes of the files they read (directories walked like the readers
// do). 0 when stdin is among the inputs.
uint64_t EstimateInputBytes(const std::vector<std::string>& inputs) {
  namespace fs = std::filesystem;
  uint64_t total = 0;
  std::error_code ec;
  for (const std::string& input : inputs) {
    if (input == "-") return 0;
    if (!fs::is_directory(input, ec)) {
      const auto size = fs::file_size(input, ec);
      if (!ec) total += size;
      continue;
    }
    for (auto it = fs::recursive_directory_iterator(
             input, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      const std::string ext = it->path().extension().string();
      if (it->is_regular_file(ec) &&
          (ext == ".txt" || ext == ".text" || ext == ".jsonl" || ext == ".ndjson")) {
        total += it->file_size(ec);
      }
    }
  }
  return total;
}

}  // namespace

Command RegisterIngest(CLI::App* app, const GlobalOptions* global) {
  auto options = std::make_shared<IngestOptions>();
  CLI::App* cmd =
      app->add_subcommand("ingest", "Analyse articles and keep them in the store");
  cmd->add_option("inputs", options->inputs, "Files, directories, or - for stdin")
      ->required();
  AddDbOption(cmd, &options->db);
  cmd->add_option("--input-format", options->input_format,
                  "auto (default), text, jsonl, html, feed (RSS/Atom) or warc")
      ->check(CLI::IsMember(InputFormatNames()));
  cmd->add_option("--max-article-mib", options->max_article_mib,
                  "Reject articles (files or JSON lines) larger than this many MiB")
      ->check(CLI::Range(1, 4096));
  return {
      cmd, [options, global]() -> int {
        // Two connections: the sink writes on one from its writer thread and
        // looks up already stored articles on the other.
        std::unique_ptr<Store> writer = OpenStoreOrReport(options->db, /*create=*/true);
        if (!writer) return 2;
        std::unique_ptr<Store> reader = OpenStoreOrReport(options->db, /*create=*/false);
        if (!reader) return 2;
        auto analyzer = Analyzer::Create({global->data_dir});
        if (!analyzer.ok()) {
          ReportError(analyzer.status());
          return 2;
        }
        BatchOptions batch;
        batch.threads = global->threads;
        batch.read.max_article_bytes = options->max_article_mib << 20;
        batch.read.data_dir = global->data_dir;
        batch.format = InputFormatFromName(options->input_format);
        ProgressBar progress(
            "ingest", isatty(fileno(stderr)) ? EstimateInputBytes(options->inputs) : 0);
        StoreSink::Callbacks callbacks;
        callbacks.report = [&progress](const ReadError& error) {
          progress.Finish();
          std::fprintf(stderr, "veille: %s\n", error.ToString().c_str());
        };
        callbacks.progress = [&progress](const IngestCounts& counts) {
          progress.Update(counts.added + counts.unchanged + counts.conflicts,
                          counts.bytes);
        };
        StoreSink sink(writer.get(), reader.get(), callbacks);
        progress.Update(0, 0);
        RunAnalysis(options->inputs, **analyzer, batch, &sink);
        Status status = sink.Finish();
        const IngestCounts& counts = sink.counts();
        if (status.ok() && counts.added > 0) status = writer->Optimize();
        progress.Finish();
        if (!status.ok()) {
          std::fprintf(
              stderr,
              "veille: cannot store: %s; the failed batch was rolled back, the %llu "
              "article(s) stored before it are intact, %llu were not stored\n",
              status.ToString().c_str(), static_cast<unsigned long long>(counts.added),
              static_cast<unsigned long long>(counts.not_stored));
        }
        const bool failures =
            counts.failed_inputs > 0 || counts.conflicts > 0 || !status.ok();
        if (failures || progress.enabled()) {
          std::fprintf(stderr,
                       "veille: ingest: %llu added, %llu already stored, %llu input(s) "
                       "failed, %llu "
                       "conflict(s) (%.1f s)\n",
                       static_cast<unsigned long long>(counts.added),
                       static_cast<unsigned long long>(counts.unchanged),
                       static_cast<unsigned long long>(counts.failed_inputs),
                       static_cast<unsigned long long>(counts.conflicts),
                       progress.elapsed_seconds());
        }
        if (!status.ok()) return 2;
        return failures ? 1 : 0;
      }};
}

}  // namespace veille::cli
