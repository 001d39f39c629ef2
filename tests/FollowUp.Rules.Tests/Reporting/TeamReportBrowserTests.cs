using System.Text;
using System.Text.RegularExpressions;
using FollowUp.Rules.Reporting;
using Xunit.Abstractions;

namespace FollowUp.Rules.Tests.Reporting;

/// <summary>
/// The HTML team report of the sample records, opened in headless Chromium: it must render, with its charts, without a
/// script error or a console message, and look like a page rather than a blank screen. The page and its screenshot are kept
/// in <c>browser/</c> beside the test assembly for a look by eye.
/// </summary>
public sealed partial class TeamReportBrowserTests(ITestOutputHelper output)
{
    private const int Width = 1280;
    private const int Height = 2000;

    private static readonly string OutputDirectory = Path.Combine(AppContext.BaseDirectory, "browser");

    [Fact]
    public async Task Write_HtmlOfTheSampleRecords_RendersInChromiumWithItsChartsAndNoScriptErrors()
    {
        HeadlessChromium.RequireInstalled();
        var report = ReportFixtures.SampleReport();
        var page = WritePage("team-report.html", report.ToString(TeamReportFormat.Html));
        var blankPage = WritePage("blank.html", "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"></head><body></body></html>\n");
        var screenshot = Path.Combine(OutputDirectory, "team-report.png");
        var blankScreenshot = Path.Combine(OutputDirectory, "blank.png");

        var runs = await Task.WhenAll(
            HeadlessChromium.ScreenshotAsync(page, screenshot, Width, Height),
            HeadlessChromium.ScreenshotAsync(blankPage, blankScreenshot, Width, Height),
            HeadlessChromium.DumpDomAsync(page));
        var (shot, blankShot, dom) = (runs[0], runs[1], runs[2]);

        Assert.True(shot.ExitCode == 0, $"chromium --screenshot exited {shot.ExitCode}:\n{shot.Log}");
        Assert.True(dom.ExitCode == 0, $"chromium --dump-dom exited {dom.ExitCode}:\n{dom.Log}");
        Assert.True(shot.PageMessages.Count == 0, "The page logged:\n" + string.Join('\n', shot.PageMessages));
        Assert.True(dom.PageMessages.Count == 0, "The page logged:\n" + string.Join('\n', dom.PageMessages));

        // The DOM after rendering holds the page and all its charts, each bar a rect.
        Assert.Contains("<h1>跟进记录团队复盘</h1>", dom.Output, StringComparison.Ordinal);
        Assert.Equal(["grades", "steps", "owners", "stages", "risk"], Charts().Matches(dom.Output).Select(m => m.Groups[1].Value));
        Assert.Equal(report.Owners.Count, Rects().Count(ChartOf(dom.Output, "owners")));
        Assert.Equal(4, Rects().Count(ChartOf(dom.Output, "grades")));
        Assert.Equal(5, Rects().Count(ChartOf(dom.Output, "steps")));
        Assert.Contains("<table>", dom.Output, StringComparison.Ordinal);

        // The screenshot is a page, not a blank screen: far larger than a blank page's, many colours, and the bars painted.
        Assert.True(File.Exists(screenshot), $"{screenshot} was not written:\n{shot.Log}");
        var size = new FileInfo(screenshot).Length;
        var blankSize = new FileInfo(blankScreenshot).Length;
        var image = PngImage.Read(screenshot);
        var colours = image.ColourHistogram();
        var blankColours = PngImage.Read(blankScreenshot).ColourHistogram();
        output.WriteLine($"{screenshot}: {size} bytes, {image.Width}x{image.Height}, {colours.Count} colours; blank page: {blankSize} bytes, {blankColours.Count} colour(s)");

        Assert.Equal((Width, Height), (image.Width, image.Height));
        Assert.True(size > 20_000 && size > 5 * blankSize, $"screenshot {size} bytes, blank page {blankSize} bytes");
        Assert.Single(blankColours);
        Assert.True(colours.Count > 100, $"{colours.Count} colours");
        Assert.True(colours.Values.Max() < 0.9 * Width * Height, "one colour covers 90% of the page");
        Assert.True(colours.GetValueOrDefault(0x2E7D32) > 1_000, "the green grade A bar is not painted");
        Assert.True(colours.GetValueOrDefault(0xC62828) > 1_000, "the red grade D bar is not painted");
        Assert.True(colours.GetValueOrDefault(0x1565C0) > 5_000, "the blue owner bars are not painted");
    }

    [Fact]
    public async Task PageMessages_PageThatThrows_CatchesTheUncaughtError()
    {
        // Proves the check above can fail: the same browser run on a page with a script error reports it.
        HeadlessChromium.RequireInstalled();
        var page = WritePage("throws.html", "<!DOCTYPE html>\n<html><body><p>x</p><script>throw new Error('boom-42');</script></body></html>\n");

        var run = await HeadlessChromium.DumpDomAsync(page);

        Assert.Contains(run.PageMessages, line => line.Contains("Uncaught Error: boom-42", StringComparison.Ordinal));
    }

    private static string WritePage(string name, string html)
    {
        Directory.CreateDirectory(OutputDirectory);
        var path = Path.Combine(OutputDirectory, name);
        File.WriteAllText(path, html, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return path;
    }

    private static string ChartOf(string html, string chart)
    {
        var start = html.IndexOf($"data-chart=\"{chart}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no {chart} chart");
        return html[start..html.IndexOf("</svg>", start, StringComparison.Ordinal)];
    }

    [GeneratedRegex("""<svg class="chart" data-chart="(\w+)" """)]
    private static partial Regex Charts();

    [GeneratedRegex("<rect ")]
    private static partial Regex Rects();
}
