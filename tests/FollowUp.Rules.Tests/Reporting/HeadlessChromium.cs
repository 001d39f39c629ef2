using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Compression;

namespace FollowUp.Rules.Tests.Reporting;

/// <summary>
/// Runs Debian's headless Chromium on a local page: a screenshot or the DOM after rendering, with the browser's log on
/// standard error (where console messages and uncaught script errors appear as <c>INFO:CONSOLE</c> lines).
/// </summary>
internal static class HeadlessChromium
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    /// <summary>Gets the browser: <c>/usr/bin/chromium</c>, or the <c>CHROMIUM_PATH</c> environment variable when set.</summary>
    public static string ExecutablePath { get; } = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>Fails the test, never skips it, when the browser is not installed: CI installs it in <c>.ci/run</c>.</summary>
    public static void RequireInstalled()
    {
        if (!File.Exists(ExecutablePath))
        {
            Assert.Fail(
                $"Headless Chromium is required for the HTML report test and was not found at '{ExecutablePath}'. "
                + "Install it with 'apt-get update && apt-get install -y --no-install-recommends chromium' (.ci/run does this), "
                + "or point CHROMIUM_PATH at a Chromium or Chrome binary.");
        }
    }

    /// <summary>Takes a screenshot of a page.</summary>
    public static async Task<BrowserRun> ScreenshotAsync(string page, string png, int width, int height)
    {
        File.Delete(png);
        return await RunAsync(page, $"--screenshot={png}", $"--window-size={width},{height}");
    }

    /// <summary>Renders a page and returns its DOM, serialised, as the browser holds it after rendering.</summary>
    public static Task<BrowserRun> DumpDomAsync(string page) => RunAsync(page, "--dump-dom", "--window-size=1280,2000");

    private static async Task<BrowserRun> RunAsync(string page, params string[] mode)
    {
        var profile = Path.Combine(Path.GetTempPath(), "followup-chromium", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        var start = new ProcessStartInfo(ExecutablePath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", $"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0",
                     .. mode, new Uri(page).AbsoluteUri])
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(Timeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"Chromium did not finish within {Timeout.TotalSeconds} s on {page}.");
            }

            return new BrowserRun(process.ExitCode, await output, await error);
        }
        finally
        {
            try
            {
                Directory.Delete(profile, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: the browser may still hold a lock file for a moment.
            }
        }
    }
}

/// <summary>What one browser run did.</summary>
internal sealed record BrowserRun(int ExitCode, string Output, string Log)
{
    /// <summary>Gets the log lines that come from the page: console messages and uncaught errors.</summary>
    public IReadOnlyList<string> PageMessages =>
    [
        .. Log.Split('\n').Where(line => line.Contains(":CONSOLE", StringComparison.Ordinal) || line.Contains("Uncaught", StringComparison.Ordinal)),
    ];
}

/// <summary>The pixels of an 8-bit RGB or RGBA, non-interlaced PNG (what Chromium writes), decoded with <see cref="ZLibStream"/>.</summary>
internal sealed class PngImage
{
    private PngImage(int width, int height, int channels, byte[] pixels)
    {
        Width = width;
        Height = height;
        Channels = channels;
        Pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    private int Channels { get; }

    private byte[] Pixels { get; }

    public static PngImage Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.AsSpan(0, 8).SequenceEqual((byte[])[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]), $"{path} is not a PNG.");
        int width = 0, height = 0, channels = 0;
        using var compressed = new MemoryStream();
        for (var at = 8; at < bytes.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(at));
            var type = System.Text.Encoding.ASCII.GetString(bytes, at + 4, 4);
            var data = bytes.AsSpan(at + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                Assert.Equal(8, data[8]);
                channels = data[9] switch
                {
                    2 => 3,
                    6 => 4,
                    _ => throw new NotSupportedException($"PNG colour type {data[9]}"),
                };
                Assert.Equal(0, data[12]);
            }
            else if (type == "IDAT")
            {
                compressed.Write(data);
            }

            at += 12 + length;
        }

        compressed.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }

        return new PngImage(width, height, channels, Unfilter(inflated.ToArray(), width, height, channels));
    }

    /// <summary>Counts the pixels of each colour, as 0xRRGGBB.</summary>
    public Dictionary<int, int> ColourHistogram()
    {
        var histogram = new Dictionary<int, int>();
        for (var i = 0; i < Pixels.Length; i += Channels)
        {
            var rgb = (Pixels[i] << 16) | (Pixels[i + 1] << 8) | Pixels[i + 2];
            histogram[rgb] = histogram.GetValueOrDefault(rgb) + 1;
        }

        return histogram;
    }

    private static byte[] Unfilter(byte[] data, int width, int height, int channels)
    {
        var stride = width * channels;
        var pixels = new byte[stride * height];
        var zeroRow = new byte[stride];
        for (var y = 0; y < height; y++)
        {
            var filter = data[y * (stride + 1)];
            var source = data.AsSpan((y * (stride + 1)) + 1, stride);
            var row = pixels.AsSpan(y * stride, stride);
            ReadOnlySpan<byte> previous = y == 0 ? zeroRow : pixels.AsSpan((y - 1) * stride, stride);
            for (var x = 0; x < stride; x++)
            {
                int left = x >= channels ? row[x - channels] : 0;
                int up = previous[x];
                int upLeft = x >= channels ? previous[x - channels] : 0;
                row[x] = (byte)(source[x] + filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => throw new InvalidDataException($"PNG filter {filter}"),
                });
            }
        }

        return pixels;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var pa = Math.Abs(p - a);
        var pb = Math.Abs(p - b);
        var pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
