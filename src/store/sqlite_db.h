// A thin RAII layer over the SQLite C API: one connection, its prepared
// statements (cached per connection), transactions.
//
// Every statement takes its values through bound parameters; SQL text is
// only ever assembled from fixed fragments and validated identifiers. A
// Database is not thread-safe: use one per thread (SQLite connections may be
// opened by any number of threads and processes on the same file).
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "veille/status.h"

namespace veille::sqlite {

class Database;

// A cached prepared statement in use. The destructor resets it and clears its
// bindings, so a statement left half-stepped never holds a read snapshot open
// (which would stop WAL checkpoints). Movable, not copyable.
class Statement {
 public:
  Statement(Database* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  Statement(Statement&& other) noexcept : db_(other.db_), stmt_(other.stmt_) {
    other.stmt_ = nullptr;
  }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  // Parameters are 1-based, as in SQLite. Text and blobs are copied by SQLite
  // (SQLITE_TRANSIENT), so the arguments need not outlive the call.
  Statement& Bind(int index, std::string_view text);
  Statement& Bind(int index, const char* text) {
    return Bind(index, std::string_view(text));
  }
  Statement& Bind(int index, const std::string& text) {
    return Bind(index, std::string_view(text));
  }
  Statement& BindBlob(int index, std::string_view bytes);
  Statement& Bind(int index, int64_t value);
  Statement& Bind(int index, int value) {
    return Bind(index, static_cast<int64_t>(value));
  }
  Statement& Bind(int index, uint32_t value) {
    return Bind(index, static_cast<int64_t>(value));
  }
  Statement& Bind(int index, uint64_t value) {
    return Bind(index, static_cast<int64_t>(value));
  }
  Statement& Bind(int index, double value);
  Statement& Bind(int index, bool value) {
    return Bind(index, static_cast<int64_t>(value));
  }
  Statement& BindNull(int index);
  // NULL for nullopt.
  Statement& Bind(int index, const std::optional<std::string>& text);
  Statement& Bind(int index, const std::optional<double>& value);
  // NULL for an empty string.
  Statement& BindOrNull(int index, std::string_view text);

  // Steps once: true when a row is available, false when done.
  Result<bool> Step();
  // Steps to completion, for statements that return no rows.
  Status Run();
  // Steps through every row, calling `on_row()` for each (it reads the
  // columns of this statement).
  template <typename F>
  Status ForEachRow(F&& on_row) {
    while (true) {
      Result<bool> row = Step();
      if (!row.ok()) return row.status();
      if (!*row) return Status::Ok();
      on_row();
    }
  }

  bool IsNull(int column) const;
  int64_t Int64(int column) const;
  double Double(int column) const;
  // Valid until the next Step or the statement's destruction.
  std::string_view Text(int column) const;
  std::string String(int column) const { return std::string(Text(column)); }
  std::optional<std::string> OptionalString(int column) const;
  std::optional<double> OptionalDouble(int column) const;

 private:
  Database* db_;
  sqlite3_stmt* stmt_;
};

// One connection. Open() configures it (WAL, busy timeout, foreign keys).
class Database {
 public:
  struct Options {
    bool create_if_missing = true;
    int busy_timeout_ms = 10000;
  };
  static Result<std::unique_ptr<Database>> Open(const std::string& path,
                                                const Options& options);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Runs SQL without parameters (schema changes, pragmas); several statements allowed.
  Status Exec(const char* sql);
  // The cached statement for `sql`, compiled on first use.
  Result<Statement> Prepare(const std::string& sql);
  // Drops every cached statement (after a schema change that they depend on).
  void ClearStatementCache();

  int64_t LastInsertRowid() const { return sqlite3_last_insert_rowid(db_); }
  // A Status describing the connection's last error, prefixed by `what`.
  Status Error(std::string_view what) const;
  sqlite3* handle() const { return db_; }
  const std::string& path() const { return path_; }

 private:
  Database(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  sqlite3* db_;
  std::string path_;
  std::unordered_map<std::string, sqlite3_stmt*> statements_;
};

// BEGIN IMMEDIATE ... COMMIT; rolls back in the destructor unless committed.
// IMMEDIATE takes the write lock up front, so two writers queue on the busy
// timeout instead of failing to upgrade a read lock.
class Transaction {
 public:
  explicit Transaction(Database* db) : db_(db) {}
  ~Transaction();
  Status Begin();
  Status Commit();

 private:
  Database* db_;
  bool open_ = false;
};

}  // namespace veille::sqlite
