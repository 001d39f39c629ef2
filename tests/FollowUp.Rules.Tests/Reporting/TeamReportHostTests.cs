using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FollowUp.Rules.Reporting;
using static FollowUp.Rules.Tests.Reporting.ReportFixtures;

namespace FollowUp.Rules.Tests.Reporting;

/// <summary>A report in a web host: returned through the host's serializer, and written to a body that refuses synchronous writes.</summary>
public sealed class TeamReportHostTests
{
    private static readonly Lazy<TeamReport> Sample = new(SampleReport);

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private static readonly JsonSerializerOptions General = new(JsonSerializerDefaults.General);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void JsonSerializer_WritesTheReportsOwnJson(bool web)
    {
        var hosted = JsonNode.Parse(JsonSerializer.Serialize(Sample.Value, web ? Web : General));
        var own = JsonNode.Parse(Sample.Value.ToString(TeamReportFormat.Json));

        Assert.True(JsonNode.DeepEquals(own, hosted));
        Assert.NotNull(hosted!["dealsAtRisk"]![0]!["overdueHours"] ?? hosted["dealsAtRisk"]![0]!["hoursSinceContact"]);
    }

    [Fact]
    public void JsonSerializer_ReadingAReport_IsNotSupported() =>
        Assert.Throws<NotSupportedException>(() => JsonSerializer.Deserialize<TeamReport>("{}"));

    [Theory]
    [InlineData(TeamReportFormat.Text, "zh-CN")]
    [InlineData(TeamReportFormat.Markdown, "en")]
    [InlineData(TeamReportFormat.Json, "zh-CN")]
    [InlineData(TeamReportFormat.Html, "en")]
    public async Task WriteAsync_ToABodyThatRefusesSynchronousWrites_WritesTheReportAsUtf8(TeamReportFormat format, string culture)
    {
        var language = CultureInfo.GetCultureInfo(culture);
        using var body = new AsyncOnlyStream();

        await Sample.Value.WriteAsync(body, format, language);

        Assert.Equal(Sample.Value.ToString(format, language), new UTF8Encoding(false).GetString(body.ToArray()));
        Assert.NotEqual(0xEF, body.ToArray()[0]);
    }

    [Fact]
    public async Task WriteAsync_NullStream_Throws() =>
        await Assert.ThrowsAsync<ArgumentNullException>("stream", () => Sample.Value.WriteAsync(null!, TeamReportFormat.Text));

    [Fact]
    public async Task WriteAsync_Cancelled_Throws()
    {
        using var body = new AsyncOnlyStream();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Sample.Value.WriteAsync(body, TeamReportFormat.Html, cancellationToken: new CancellationToken(canceled: true)));
    }

    /// <summary>A stream that fails synchronous writes and flushes, as Kestrel's response body does by default.</summary>
    private sealed class AsyncOnlyStream : Stream
    {
        private readonly MemoryStream _written = new();

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public byte[] ToArray() => _written.ToArray();

        public override void Write(byte[] buffer, int offset, int count) => throw new InvalidOperationException("Synchronous operations are disallowed.");

        public override void Flush() => throw new InvalidOperationException("Synchronous operations are disallowed.");

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            _written.Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            _written.Dispose();
            base.Dispose(disposing);
        }
    }
}
