using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace FollowUp.Rules.Samples.ImportGate;

/// <summary>
/// The gate's SQLite database: the schema, the <c>imports</c> row of each file, and the batches that write results.
/// A result's natural key is the export's SHA-256 and its source rows, unique across <c>accepted</c> and <c>quarantined</c>
/// together, so running the same file again inserts nothing, even when the verdict changed (the clock moved on, the rules
/// were edited) in between.
/// </summary>
internal sealed class GateDatabase : IDisposable
{
    /// <summary>The tables; <c>IF NOT EXISTS</c>, so every run may apply it. README.md describes each column.</summary>
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS imports (
            file_sha256       TEXT    NOT NULL PRIMARY KEY,
            file_name         TEXT    NOT NULL,
            file_bytes        INTEGER NOT NULL,
            map               TEXT,
            first_imported_at TEXT    NOT NULL,
            last_run_at       TEXT    NOT NULL,
            runs              INTEGER NOT NULL,
            rows_read         INTEGER,
            completed_at      TEXT
        );

        CREATE TABLE IF NOT EXISTS accepted (
            id              INTEGER PRIMARY KEY,
            file_sha256     TEXT    NOT NULL REFERENCES imports (file_sha256),
            source_rows     TEXT    NOT NULL,
            first_row       INTEGER NOT NULL,
            row_count       INTEGER NOT NULL,
            record_id       TEXT,
            grade           TEXT    NOT NULL,
            score           REAL    NOT NULL,
            risk_level      TEXT    NOT NULL,
            record_json     TEXT    NOT NULL,
            evaluation_json TEXT    NOT NULL,
            imported_at     TEXT    NOT NULL,
            warnings_json   TEXT,
            UNIQUE (file_sha256, source_rows)
        );

        """ + QuarantinedTable + """
        ;
        """;

    /// <summary>The reasons a result is quarantined, as the <c>quarantined</c> table's check lists them.</summary>
    private const string Reasons = "'unreadable', 'errors', 'incomplete', 'duplicate'";

    /// <summary>
    /// The <c>quarantined</c> table. Its <c>reason</c> gained <c>incomplete</c>, then <c>duplicate</c>, after databases
    /// were made with an older check, which SQLite cannot alter: <see cref="Open"/> rebuilds such a table with this
    /// definition, keeping its rows. <c>warnings_json</c> is last, as in <c>accepted</c>, where <c>ADD COLUMN</c> puts it.
    /// </summary>
    private const string QuarantinedTable = $"""
        CREATE TABLE IF NOT EXISTS quarantined (
            id              INTEGER PRIMARY KEY,
            file_sha256     TEXT    NOT NULL REFERENCES imports (file_sha256),
            source_rows     TEXT    NOT NULL,
            first_row       INTEGER NOT NULL,
            row_count       INTEGER NOT NULL,
            record_id       TEXT,
            reason          TEXT    NOT NULL CHECK (reason IN ({Reasons})),
            source_column   TEXT,
            message         TEXT    NOT NULL,
            findings_json   TEXT    NOT NULL,
            record_json     TEXT,
            evaluation_json TEXT,
            imported_at     TEXT    NOT NULL,
            warnings_json   TEXT,
            UNIQUE (file_sha256, source_rows)
        )
        """;

    // One statement per verdict. ON CONFLICT skips a result this table already has; NOT EXISTS skips one the other table has
    // (an earlier run's verdict stands). Either way the statement changes 0 rows, which is how a skip is counted.
    private const string AcceptSql = """
        INSERT INTO accepted (file_sha256, source_rows, first_row, row_count, record_id, grade, score, risk_level,
                              record_json, evaluation_json, imported_at, warnings_json)
        SELECT $file_sha256, $source_rows, $first_row, $row_count, $record_id, $grade, $score, $risk_level,
               $record_json, $evaluation_json, $imported_at, $warnings_json
        WHERE NOT EXISTS (SELECT 1 FROM quarantined WHERE file_sha256 = $file_sha256 AND source_rows = $source_rows)
        ON CONFLICT (file_sha256, source_rows) DO NOTHING;
        """;

    private const string QuarantineSql = """
        INSERT INTO quarantined (file_sha256, source_rows, first_row, row_count, record_id, reason, source_column, message,
                                 findings_json, record_json, evaluation_json, imported_at, warnings_json)
        SELECT $file_sha256, $source_rows, $first_row, $row_count, $record_id, $reason, $source_column, $message,
               $findings_json, $record_json, $evaluation_json, $imported_at, $warnings_json
        WHERE NOT EXISTS (SELECT 1 FROM accepted WHERE file_sha256 = $file_sha256 AND source_rows = $source_rows)
        ON CONFLICT (file_sha256, source_rows) DO NOTHING;
        """;

    private const string BeginImportSql = """
        INSERT INTO imports (file_sha256, file_name, file_bytes, map, first_imported_at, last_run_at, runs)
        VALUES ($file_sha256, $file_name, $file_bytes, $map, $now, $now, 1)
        ON CONFLICT (file_sha256) DO UPDATE SET last_run_at = excluded.last_run_at, runs = runs + 1;
        """;

    private const string CompleteImportSql = """
        UPDATE imports SET rows_read = $rows_read, completed_at = $now WHERE file_sha256 = $file_sha256;
        """;

    private readonly SqliteConnection _connection;

    private GateDatabase(SqliteConnection connection) => _connection = connection;

    /// <summary>Opens (or creates) the database file and applies the schema.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The open database.</returns>
    /// <exception cref="SqliteException">The file is not a database, or cannot be created.</exception>
    public static GateDatabase Open(string path)
    {
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            // A command-line run opens one connection; without pooling, disposing it closes the file.
            Pooling = false,
        }.ToString();
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            using var schema = connection.CreateCommand();
            schema.CommandText = Schema;
            schema.ExecuteNonQuery();
            Upgrade(connection);
            return new GateDatabase(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Brings a database made by an older gate to this schema in one transaction, keeping its rows (which keep
    /// <c>warnings_json</c> <c>NULL</c>: their warnings were not recorded): adds the column to <c>accepted</c>, and rebuilds
    /// a <c>quarantined</c> table whose check lacks a reason, which SQLite cannot alter, copying its columns by name, so
    /// the keys of its rows still skip a second import. Every such table predates <c>warnings_json</c> too: the rebuild adds it.
    /// </summary>
    private static void Upgrade(SqliteConnection connection)
    {
        var upgrade = new StringBuilder();
        if (!ColumnsOf(connection, "accepted").Contains("warnings_json"))
        {
            upgrade.AppendLine("ALTER TABLE accepted ADD COLUMN warnings_json TEXT;");
        }

        using var check = connection.CreateCommand();
        check.CommandText = "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'quarantined'";
        if (check.ExecuteScalar() is string sql && !sql.Contains(Reasons, StringComparison.Ordinal))
        {
            var columns = string.Join(", ", ColumnsOf(connection, "quarantined"));
            upgrade.AppendLine("ALTER TABLE quarantined RENAME TO quarantined_before_upgrade;")
                .Append(QuarantinedTable).AppendLine(";")
                .AppendLine(CultureInfo.InvariantCulture, $"INSERT INTO quarantined ({columns}) SELECT {columns} FROM quarantined_before_upgrade;")
                .AppendLine("DROP TABLE quarantined_before_upgrade;");
        }

        if (upgrade.Length == 0)
        {
            return;
        }

        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = upgrade.ToString();
        command.ExecuteNonQuery();
        transaction.Commit();
    }

    /// <summary>Gets the names of a table's columns, in order.</summary>
    private static List<string> ColumnsOf(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM pragma_table_info($table)";
        command.Parameters.AddWithValue("$table", table);
        using var reader = command.ExecuteReader();
        var columns = new List<string>();
        while (reader.Read())
        {
            columns.Add(reader.GetString(0));
        }

        return columns;
    }

    /// <summary>Records a run of a file in <c>imports</c>: a new row the first time, one more run after that.</summary>
    public void BeginImport(string fileSha256, string fileName, long fileBytes, string? map, DateTimeOffset now)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = BeginImportSql;
        command.Parameters.AddWithValue("$file_sha256", fileSha256);
        command.Parameters.AddWithValue("$file_name", fileName);
        command.Parameters.AddWithValue("$file_bytes", fileBytes);
        command.Parameters.AddWithValue("$map", (object?)map ?? DBNull.Value);
        command.Parameters.AddWithValue("$now", Timestamp(now));
        command.ExecuteNonQuery();
    }

    /// <summary>Marks a run of a file as read to the end.</summary>
    public void CompleteImport(string fileSha256, long rowsRead, DateTimeOffset now)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = CompleteImportSql;
        command.Parameters.AddWithValue("$file_sha256", fileSha256);
        command.Parameters.AddWithValue("$rows_read", rowsRead);
        command.Parameters.AddWithValue("$now", Timestamp(now));
        command.ExecuteNonQuery();
    }

    /// <summary>Starts a transaction with both insert statements prepared; dispose it without <see cref="Batch.Commit"/> to roll back.</summary>
    public Batch BeginBatch() => Batch.Begin(_connection);

    /// <inheritdoc />
    public void Dispose() => _connection.Dispose();

    /// <summary>Writes a time as ISO 8601 text, which SQLite's date functions read.</summary>
    internal static string Timestamp(DateTimeOffset time) => time.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>One transaction of results, with its two parameterised insert statements prepared once.</summary>
    internal sealed class Batch : IDisposable
    {
        private readonly SqliteTransaction _transaction;
        private readonly SqliteCommand _accept;
        private readonly SqliteCommand _quarantine;

        private Batch(SqliteTransaction transaction, SqliteCommand accept, SqliteCommand quarantine)
        {
            _transaction = transaction;
            _accept = accept;
            _quarantine = quarantine;
        }

        public static Batch Begin(SqliteConnection connection)
        {
            var transaction = connection.BeginTransaction();
            SqliteCommand? accept = null;
            try
            {
                accept = Prepare(connection, transaction, AcceptSql,
                    ("$file_sha256", SqliteType.Text), ("$source_rows", SqliteType.Text), ("$first_row", SqliteType.Integer),
                    ("$row_count", SqliteType.Integer), ("$record_id", SqliteType.Text), ("$grade", SqliteType.Text),
                    ("$score", SqliteType.Real), ("$risk_level", SqliteType.Text), ("$record_json", SqliteType.Text),
                    ("$evaluation_json", SqliteType.Text), ("$imported_at", SqliteType.Text), ("$warnings_json", SqliteType.Text));
                var quarantine = Prepare(connection, transaction, QuarantineSql,
                    ("$file_sha256", SqliteType.Text), ("$source_rows", SqliteType.Text), ("$first_row", SqliteType.Integer),
                    ("$row_count", SqliteType.Integer), ("$record_id", SqliteType.Text), ("$reason", SqliteType.Text),
                    ("$source_column", SqliteType.Text), ("$message", SqliteType.Text), ("$findings_json", SqliteType.Text),
                    ("$record_json", SqliteType.Text), ("$evaluation_json", SqliteType.Text), ("$imported_at", SqliteType.Text),
                    ("$warnings_json", SqliteType.Text));
                return new Batch(transaction, accept, quarantine);
            }
            catch
            {
                accept?.Dispose();
                transaction.Dispose();
                throw;
            }
        }

        /// <summary>Inserts an accepted record.</summary>
        /// <returns><see langword="true"/> when it was inserted; <see langword="false"/> when an earlier run had stored it.</returns>
        public bool Accept(
            GateKey key, string? recordId, string grade, double score, string riskLevel, string recordJson, string evaluationJson,
            string warningsJson, DateTimeOffset importedAt)
        {
            var p = _accept.Parameters;
            SetKey(p, key);
            p["$record_id"].Value = (object?)recordId ?? DBNull.Value;
            p["$grade"].Value = grade;
            p["$score"].Value = score;
            p["$risk_level"].Value = riskLevel;
            p["$record_json"].Value = recordJson;
            p["$evaluation_json"].Value = evaluationJson;
            p["$warnings_json"].Value = warningsJson;
            p["$imported_at"].Value = Timestamp(importedAt);
            return _accept.ExecuteNonQuery() == 1;
        }

        /// <summary>Inserts a quarantined record or unreadable row.</summary>
        /// <returns><see langword="true"/> when it was inserted; <see langword="false"/> when an earlier run had stored it.</returns>
        public bool Quarantine(
            GateKey key, string? recordId, string reason, string? sourceColumn, string message, string findingsJson,
            string? recordJson, string? evaluationJson, string warningsJson, DateTimeOffset importedAt)
        {
            var p = _quarantine.Parameters;
            SetKey(p, key);
            p["$record_id"].Value = (object?)recordId ?? DBNull.Value;
            p["$reason"].Value = reason;
            p["$source_column"].Value = (object?)sourceColumn ?? DBNull.Value;
            p["$message"].Value = message;
            p["$findings_json"].Value = findingsJson;
            p["$record_json"].Value = (object?)recordJson ?? DBNull.Value;
            p["$evaluation_json"].Value = (object?)evaluationJson ?? DBNull.Value;
            p["$warnings_json"].Value = warningsJson;
            p["$imported_at"].Value = Timestamp(importedAt);
            return _quarantine.ExecuteNonQuery() == 1;
        }

        /// <summary>Commits the batch.</summary>
        public void Commit() => _transaction.Commit();

        /// <inheritdoc />
        public void Dispose()
        {
            _accept.Dispose();
            _quarantine.Dispose();
            _transaction.Dispose();
        }

        private static void SetKey(SqliteParameterCollection p, GateKey key)
        {
            p["$file_sha256"].Value = key.FileSha256;
            p["$source_rows"].Value = key.SourceRows;
            p["$first_row"].Value = key.FirstRow;
            p["$row_count"].Value = key.RowCount;
        }

        private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, params (string Name, SqliteType Type)[] parameters)
        {
            var command = connection.CreateCommand();
            try
            {
                command.Transaction = transaction;
                command.CommandText = sql;
                foreach (var (name, type) in parameters)
                {
                    command.Parameters.Add(name, type);
                }

                command.Prepare();
                return command;
            }
            catch
            {
                command.Dispose();
                throw;
            }
        }
    }
}

/// <summary>A result's natural key: the export's SHA-256 and the rows the result covers.</summary>
/// <param name="FileSha256">The SHA-256 of the export's bytes, lower-case hexadecimal.</param>
/// <param name="SourceRows">The row numbers (the header is row 1, as in Excel), comma-separated in file order: <c>5</c>, or <c>2,3,4</c> for a grouped record.</param>
/// <param name="FirstRow">The first of them, to sort by.</param>
/// <param name="RowCount">How many rows.</param>
internal readonly record struct GateKey(string FileSha256, string SourceRows, long FirstRow, int RowCount)
{
    public static GateKey Of(string fileSha256, IReadOnlyList<long> rows) => new(
        fileSha256, string.Join(',', rows.Select(r => r.ToString(CultureInfo.InvariantCulture))), rows[0], rows.Count);
}
