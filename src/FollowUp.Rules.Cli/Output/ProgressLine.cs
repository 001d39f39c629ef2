using System.Diagnostics;
using System.Globalization;

namespace FollowUp.Rules.Cli.Output;

/// <summary>A one-line progress display on a terminal's standard error: records done and the rate, redrawn in place.</summary>
internal sealed class ProgressLine(TextWriter error) : IProgress<BatchProgress>, IDisposable
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _gate = new();
    private bool _drawn;

    public void Report(BatchProgress value)
    {
        lock (_gate)
        {
            var seconds = Math.Max(_clock.Elapsed.TotalSeconds, 0.001);
            error.Write(string.Create(CultureInfo.InvariantCulture, $"\r  evaluated {value.Evaluated:N0} records ({value.Evaluated / seconds:N0}/s)   "));
            _drawn = true;
        }
    }

    /// <summary>Moves off the progress line so a diagnostic starts on a clean line.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            if (_drawn)
            {
                error.WriteLine();
                _drawn = false;
            }
        }
    }

    public void Dispose() => Clear();
}
