extern alias ImportGate;

using System.Globalization;
using FollowUp.Rules.Import;
using ImportGate::FollowUp.Rules.Samples.ImportGate;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace FollowUp.Rules.Samples.Tests.ImportGate;

/// <summary>
/// A temporary directory holding one test's exports and its SQLite database, with the gate registered as the sample's
/// Program registers it and "now" fixed, so the verdicts are the same on every run. Deleted on dispose.
/// </summary>
internal sealed class GateWorkspace : IDisposable
{
    /// <summary>"Now" for every evaluation: 2026-11-26 12:00 China Standard Time, the day the sample export was taken.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.FromHours(8));

    private readonly List<ServiceProvider> _providers = [];

    public GateWorkspace()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("import-gate-").FullName;
        DatabasePath = Path.Combine(Directory, "import-gate.db");
    }

    public string Directory { get; }

    public string DatabasePath { get; }

    /// <summary>Gets a file of the repository, found by walking up from the test's output to the folder with FollowUp.Rules.sln.</summary>
    public static string RepositoryFile(params string[] parts)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "FollowUp.Rules.sln")))
            {
                return Path.Combine([directory.FullName, .. parts]);
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds FollowUp.Rules.sln.");
    }

    /// <summary>Writes a file into the workspace and returns its path.</summary>
    public string WriteFile(string name, string text)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Runs the gate once, with the default rules unless <paramref name="rules"/> edits them.</summary>
    public ImportSummary Run(
        string input, ColumnMap? map = null, int batchSize = ImportJob.DefaultBatchSize, Action<FollowUpRulesOptions>? rules = null,
        TableReadOptions? readOptions = null)
    {
        var services = new ServiceCollection();
        services.AddFollowUpRules();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
        if (rules is not null)
        {
            services.Configure(rules);
        }

        services.AddSingleton<FollowUpImportGate>();
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);
        var job = new ImportJob(input, DatabasePath)
        {
            Map = map, MapName = map is null ? null : "test map", BatchSize = batchSize, ReadOptions = readOptions,
        };
        return provider.GetRequiredService<FollowUpImportGate>().Run(job);
    }

    /// <summary>Runs one SQL query that returns one number.</summary>
    public long Scalar(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar() ?? 0L, CultureInfo.InvariantCulture);
    }

    /// <summary>Runs SQL that writes, creating the database file when it is not there.</summary>
    public void Execute(string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Reads the rows of a query, each as column name → value (<see langword="null"/> for SQL NULL).</summary>
    public List<Dictionary<string, object?>> Query(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<Dictionary<string, object?>>();
        while (reader.Read())
        {
            var row = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Counts what the database holds: results and source rows per table, and imports.</summary>
    public (long Accepted, long AcceptedRows, long Quarantined, long QuarantinedRows, long Imports) Counts() => (
        Scalar("SELECT COUNT(*) FROM accepted"),
        Scalar("SELECT COALESCE(SUM(row_count), 0) FROM accepted"),
        Scalar("SELECT COUNT(*) FROM quarantined"),
        Scalar("SELECT COALESCE(SUM(row_count), 0) FROM quarantined"),
        Scalar("SELECT COUNT(*) FROM imports"));

    public void Dispose()
    {
        foreach (var provider in _providers)
        {
            provider.Dispose();
        }

        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        connection.Open();
        return connection;
    }
}
