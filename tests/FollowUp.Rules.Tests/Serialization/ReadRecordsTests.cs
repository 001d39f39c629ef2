using System.Text;
using FollowUp.Rules.Cli.Tests.Infrastructure;
using FollowUp.Rules.Serialization;
using FollowUp.Rules.Tests.TestData;

namespace FollowUp.Rules.Tests;

/// <summary>
/// <see cref="FollowUpJson.ReadRecordsAsync"/>: many records from one stream, as leniently as DeserializeRecord reads one; every
/// line or element that is not blank is one result with its number, and an unreadable one never stops the rest.
/// </summary>
public sealed class ReadRecordsTests
{
    /// <summary>A custom field nested 70 levels deep: the record and its custom object are the first two of them.</summary>
    private static readonly string TooDeep =
        $"{{\"id\":\"deep\",\"custom\":{{\"a\":{string.Concat(Enumerable.Repeat("{\"a\":", 68))}1{new string('}', 69)}}}";

    [Fact]
    public async Task ReadRecordsAsync_JsonLines_GivesEachLineItsNumberAndReadsOnAfterAnUnreadableOne()
    {
        string[] lines =
        [
            """{"id":"L-1","owner":"李明"}""",    // 1
            """{"id":"L-2",""",                   // 2 broken
            "",                                   // 3 blank: skipped
            """{"id":"L-4","customer":"张伟"}""",  // 4 wrong-shaped value: read without it
            "null",                               // 5
            "  \t ",                              // 6 blank: skipped
            "[1]",                                // 7
            """{"id":"L-8"}""",                   // 8, last, without a line break
        ];

        var results = await ReadAsync(string.Join("\r\n", lines));

        Assert.All(results, r => Assert.Equal(JsonRecordLayout.JsonLines, r.Layout));
        Assert.Equal([1L, 2, 4, 5, 7, 8], results.Select(r => r.Number));
        Assert.Equal(["L-1", null, "L-4", null, null, "L-8"], results.Select(r => r.Record?.Id));
        Assert.Equal("李明", results[0].Record!.Owner);
        Assert.StartsWith("byte 12 of the line: ", results[1].Error, StringComparison.Ordinal);
        Assert.Equal("customer", Assert.Single(results[2].Record!.InvalidValues).Path);
        Assert.Equal("the line is null, not a JSON object.", results[3].Error);
        Assert.Equal("the line is an array, not a JSON object.", results[4].Error);
        Assert.DoesNotContain(results, r => r.EndsReading);
    }

    [Fact]
    public async Task ReadRecordsAsync_PrettyPrintedArray_GivesElementNumbersAndReportsNullElements()
    {
        var json = """

              [
                {
                  "id": "A-1",
                  "owner": "李明"
                },
                null,
                {"id": "A-3", "needs": {"summary": ["a", "b"]}},
                42
              ]

            """;

        var results = await ReadAsync(json);

        Assert.All(results, r => Assert.Equal(JsonRecordLayout.Array, r.Layout));
        Assert.Equal([1L, 2, 3, 4], results.Select(r => r.Number));
        Assert.Equal(["A-1", null, "A-3", null], results.Select(r => r.Record?.Id));
        Assert.Equal("the element is null, not a JSON object.", results[1].Error);
        Assert.Equal("needs.summary", Assert.Single(results[2].Record!.InvalidValues).Path);
        Assert.Equal("the element is a number, not a JSON object.", results[3].Error);
    }

    [Theory]
    [InlineData("[{\"id\":\"B-1\"},\r\n{\"id\":\"B-2\"}]", JsonRecordLayout.Array)]
    [InlineData("{\"id\":\"B-1\"}\r\n{\"id\":\"B-2\"}\r\n", JsonRecordLayout.JsonLines)]
    [InlineData("{\r\n  \"id\": \"B-1\"\r\n}\r\n{\r\n  \"id\": \"B-2\"\r\n}\r\n", JsonRecordLayout.Concatenated)]
    public async Task ReadRecordsAsync_ByteOrderMark_IsSkippedAndTheLayoutToldFromWhatFollows(string json, JsonRecordLayout layout)
    {
        var results = await ReadAsync([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(json)]);

        Assert.Equal(["B-1", "B-2"], results.Select(r => r.Record?.Id));
        Assert.All(results, r => Assert.Equal(layout, r.Layout));
        Assert.Equal([1L, 2], results.Select(r => r.Number));
    }

    [Fact]
    public async Task ReadRecordsAsync_FieldGivenTwice_IsUnreadableNamingTheFieldAndTheRestIsRead()
    {
        var results = await ReadAsync("[{\"id\":\"D1\",\"ID\":\"D2\"},{\"id\":\"D3\"}]");

        Assert.Equal(
            "The record gives 'id' twice, as \"id\" and \"ID\" (names are read ignoring case): which value is meant cannot be told, so give each field once.",
            results[0].Error);
        Assert.Equal("D3", results[1].Record?.Id);
    }

    [Theory]
    [InlineData("{0}\n{1}\n{2}\n", "line")]
    [InlineData("[{0},\n{1},\n{2}]", "element")]
    public async Task ReadRecordsAsync_RecordNestedTooDeeply_SaysSoAndTheRestIsRead(string format, string unit)
    {
        var results = await ReadAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, "{\"id\":\"N-1\"}", TooDeep, "{\"id\":\"N-3\"}"));

        Assert.Equal(["N-1", null, "N-3"], results.Select(r => r.Record?.Id));
        Assert.Equal(
            $"byte 338 of the {unit}: The record is nested too deeply: objects and lists may nest 64 levels deep, and here they go deeper.",
            results[1].Error);
    }

    [Fact]
    public async Task ReadRecordsAsync_InvalidUtf8_SaysTheTextIsNotUtf8AndTheNextLineIsRead()
    {
        var results = await ReadAsync([.. "{\"id\":\""u8, 0xFF, 0xFE, 0x80, .. "\"}\n{\"id\":\"U-2\"}\n"u8]);

        Assert.Equal("byte 8 of the line: the text is not valid UTF-8; save the file as UTF-8.", results[0].Error);
        Assert.Equal("U-2", results[1].Record?.Id);
    }

    /// <summary>Read around a wrong-shaped value, bytes that are not UTF-8 would come back as U+FFFD: the record is unreadable, as without it.</summary>
    [Fact]
    public async Task ReadRecordsAsync_InvalidUtf8BesideAWrongShapedValue_IsUnreadableNotReplaced()
    {
        var results = await ReadAsync([.. "{\"id\":\"U-1\",\"customer\":\"张伟\",\"owner\":\""u8, 0xFF, 0xFE, .. "李\"}\n"u8]);

        Assert.Null(results[0].Record);
        Assert.Equal("byte 42 of the line: the text is not valid UTF-8; save the file as UTF-8.", results[0].Error);
    }

    [Theory]
    [InlineData("[{\"id\":\"T-1\"},{\"id\":\"T-2\"}", "T-1 T-2")]
    [InlineData("[{\"id\":\"T-1\"},{\"id\":\"T-", "T-1")]
    [InlineData("[{\"id\":\"T-1\"} {\"id\":\"T-2\"}]", "T-1")]
    public async Task ReadRecordsAsync_TruncatedOrBrokenArray_ReadsTheElementsBeforeAndEndsWithAResultSayingSo(string json, string ids)
    {
        var results = await ReadAsync(json);

        var read = ids.Split(' ');
        Assert.Equal(read, results.SkipLast(1).Select(r => r.Record?.Id));
        var last = results[^1];
        Assert.Equal((read.Length + 1L, true, null), (last.Number, last.EndsReading, last.Record));
        Assert.EndsWith("The rest of this JSON array cannot be read.", last.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\uFEFF\r\n \n")]
    [InlineData("[ ]")]
    public async Task ReadRecordsAsync_NoRecords_GivesNoResults(string json) => Assert.Empty(await ReadAsync(json));

    [Fact]
    public async Task ReadRecordsAsync_CancelledBetweenRecords_StopsWithOperationCanceled()
    {
        using var cancellation = new CancellationTokenSource();
        var stream = new MemoryStream(Encoding.UTF8.GetBytes("{\"id\":\"C-1\"}\n{\"id\":\"C-2\"}\n{\"id\":\"C-3\"}\n"));
        var read = new List<string?>();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var result in FollowUpJson.ReadRecordsAsync(stream, cancellation.Token))
            {
                read.Add(result.Record?.Id);
                await cancellation.CancelAsync();
            }
        });

        Assert.Equal(["C-1"], read);
    }

    [Fact]
    public async Task ReadRecordsAsync_ComposedWithEvaluateRowsAsync_HandsUnreadableRowsBackInPlaceUnevaluated()
    {
        var record = FollowUpJson.Serialize(SampleRecords.CompleteToB());
        var stream = new MemoryStream(Encoding.UTF8.GetBytes($"{record}\n{{oops\n\n{record}\nnull\n"));

        var results = new List<BatchResult<JsonRecordResult>>();
        await foreach (var result in TestClock.Evaluator().EvaluateRowsAsync(FollowUpJson.ReadRecordsAsync(stream), row => row.Record))
        {
            results.Add(result);
        }

        Assert.Equal([1L, 2, 4, 5], results.Select(r => r.Item.Number));
        Assert.Equal([true, false, true, false], results.Select(r => r.Evaluation is not null));
        Assert.Equal(100, results[0].Evaluation!.Score);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    public async Task ReadRecords_SynchronousForm_GivesWhatTheAsynchronousOneGivesHoweverTheBytesArrive(int bytesPerRead)
    {
        var bytes = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "SampleData", "follow-ups.jsonl"));
        var lines = Encoding.UTF8.GetString(bytes).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var array = Encoding.UTF8.GetBytes($"[\n{string.Join(",\n", lines)},\nnull,\n{{\"id\":1}}]");

        foreach (var input in new[] { bytes, array })
        {
            var asynchronous = await ReadAsync(new TrickleStream(input, bytesPerRead));
            var synchronous = FollowUpJson.ReadRecords(new TrickleStream(input, bytesPerRead)).ToList();

            Assert.Equal(asynchronous.Select(r => r.ToString()), synchronous.Select(r => r.ToString()));
            Assert.Equal(lines.Length + (input == array ? 2 : 0), synchronous.Count);
            Assert.Equal(lines.Select(l => FollowUpJson.DeserializeRecord(l)!.Id), synchronous.Take(lines.Length).Select(r => r.Record?.Id));
        }
    }

    [Fact]
    public void ToString_NamesTheNumberAndTheRecordOrTheReason()
    {
        var results = FollowUpJson.ReadRecords(new MemoryStream("{\"id\":\"S-1\"}\n7\n"u8.ToArray())).ToList();

        Assert.Equal(["line 1: record S-1", "line 2: the line is a number, not a JSON object."], results.Select(r => r.ToString()));
    }

    [Fact]
    public void ReadRecords_NullStream_ThrowsWhenCalled()
    {
        Assert.Throws<ArgumentNullException>(() => FollowUpJson.ReadRecords(null!));
        Assert.Throws<ArgumentNullException>(() => FollowUpJson.ReadRecordsAsync(null!));
    }

    [Fact]
    public async Task ReadRecordsAsync_LayoutJsonLines_ReadsTextThatOpensWithABracketLineByLine()
    {
        var json = "[1]\n{\"id\":\"J-2\"}\n[{\"id\":\"J-3\"}]\n";

        var told = await ReadAsync(json);
        var named = await ReadAsync(json, new JsonRecordReadOptions { Layout = JsonRecordLayout.JsonLines });

        Assert.Equal(JsonRecordLayout.Array, told[0].Layout);
        Assert.True(told[^1].EndsReading);
        Assert.All(named, r => Assert.Equal(JsonRecordLayout.JsonLines, r.Layout));
        Assert.Equal(
            ["line 1: the line is an array, not a JSON object.", "line 2: record J-2", "line 3: the line is an array, not a JSON object."],
            named.Select(r => r.ToString()));
    }

    [Fact]
    public async Task ReadRecordsAsync_LayoutArray_ReadsAnArrayAndRefusesTextThatIsNotOne()
    {
        var options = new JsonRecordReadOptions { Layout = JsonRecordLayout.Array };

        var array = await ReadAsync("\uFEFF\n  [{\"id\":\"A-1\"},\n{\"id\":\"A-2\"}]", options);
        var jsonLines = await ReadAsync("{\"id\":\"A-1\"}\n{\"id\":\"A-2\"}\n", options);

        Assert.Equal(["element 1: record A-1", "element 2: record A-2"], array.Select(r => r.ToString()));
        var refused = Assert.Single(jsonLines);
        Assert.Equal((JsonRecordLayout.Array, 1L, true), (refused.Layout, refused.Number, refused.EndsReading));
        Assert.Equal("The input does not start with '['. The rest of this JSON array cannot be read.", refused.Error);
    }

    [Fact]
    public async Task ReadRecordsAsync_LayoutConcatenated_ReadsObjectsSharingALine()
    {
        var results = await ReadAsync("{\"id\":\"C-1\"} {\"id\":\"C-2\"}\n{\"id\":\"C-3\"}", new JsonRecordReadOptions { Layout = JsonRecordLayout.Concatenated });

        Assert.Equal(["record 1: record C-1", "record 2: record C-2", "record 3: record C-3"], results.Select(r => r.ToString()));
    }

    /// <summary>
    /// Records over the limit, each in a layout: the long one holds what could throw a scan for its end off (brackets,
    /// quotes and an escaped backslash in strings, a comment, nesting), and arrives whole or a few bytes at a time.
    /// </summary>
    [Theory]
    [InlineData(JsonRecordLayout.JsonLines, 1)]
    [InlineData(JsonRecordLayout.JsonLines, 4096)]
    [InlineData(JsonRecordLayout.Array, 1)]
    [InlineData(JsonRecordLayout.Array, 7)]
    [InlineData(JsonRecordLayout.Array, 4096)]
    [InlineData(JsonRecordLayout.Concatenated, 1)]
    [InlineData(JsonRecordLayout.Concatenated, 7)]
    [InlineData(JsonRecordLayout.Concatenated, 4096)]
    public async Task ReadRecordsAsync_RecordOverMaxRecordBytes_IsReportedWithItsNumberAndTheOthersAreRead(JsonRecordLayout layout, int bytesPerRead)
    {
        var longRecord = "{\"id\":\"R-2\",\"custom\":{\"note\":\"] } [ { \\\" \\\\\",\"list\":[1,[2,{\"a\":\"}\"}]], /* } ] \" */ \"pad\":\""
            + new string('x', 100) + "\"}}";
        string[] records = ["{\"id\":\"R-1\"}", longRecord, "{\"id\":\"R-3\"}", $"\"{new string('y', 100)}\"", "{\"id\":\"R-5\"}"];
        var json = layout switch
        {
            JsonRecordLayout.JsonLines => string.Join("\n", records),
            JsonRecordLayout.Array => $"[{string.Join(",\n", records)}]",
            _ => string.Join("\n", records) + "\n",
        };
        Assert.Equal("R-2", FollowUpJson.DeserializeRecord(longRecord)?.Id);

        var results = await ReadAsync(new TrickleStream(Encoding.UTF8.GetBytes(json), bytesPerRead), new JsonRecordReadOptions { Layout = layout, MaxRecordBytes = 64 });

        var unit = JsonRecordResult.UnitOf(layout);
        Assert.Equal([1L, 2, 3, 4, 5], results.Select(r => r.Number));
        Assert.Equal(["R-1", null, "R-3", null, "R-5"], results.Select(r => r.Record?.Id));
        Assert.Equal($"the {unit} is longer than 64 bytes, more than a record may hold.", results[1].Error);
        Assert.Equal(results[1].Error, results[3].Error);
        Assert.DoesNotContain(results, r => r.EndsReading);
    }

    [Theory]
    [InlineData(JsonRecordLayout.JsonLines, "{0}\r\n{0}\r\n")]
    [InlineData(JsonRecordLayout.Array, "[{0},{0}]")]
    [InlineData(JsonRecordLayout.Concatenated, "{0}\n{0}")]
    public async Task ReadRecordsAsync_RecordOfExactlyMaxRecordBytes_IsReadAndOneByteFewerIsNot(JsonRecordLayout layout, string format)
    {
        const string Record = "{\"id\":\"E-1\"}";
        var json = string.Format(System.Globalization.CultureInfo.InvariantCulture, format, Record);

        foreach (var bytesPerRead in new[] { 1, 4096 })
        {
            var fits = await ReadAsync(new TrickleStream(Encoding.UTF8.GetBytes(json), bytesPerRead), new JsonRecordReadOptions { Layout = layout, MaxRecordBytes = Record.Length });
            var over = await ReadAsync(new TrickleStream(Encoding.UTF8.GetBytes(json), bytesPerRead), new JsonRecordReadOptions { Layout = layout, MaxRecordBytes = Record.Length - 1 });

            Assert.Equal(["E-1", "E-1"], fits.Select(r => r.Record?.Id));
            Assert.Equal([$"the {JsonRecordResult.UnitOf(layout)} is longer than 11 bytes, more than a record may hold."], over.Select(r => r.Error).Distinct());
            Assert.Equal(2, over.Count);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4096)]
    public async Task ReadRecordsAsync_InputEndsInsideARecordOverTheLimit_EndsWithAResultSayingSo(int bytesPerRead)
    {
        var json = $"[{{\"id\":\"T-1\"}},{{\"id\":\"T-2\",\"note\":\"{new string('x', 100)}";

        var results = await ReadAsync(new TrickleStream(Encoding.UTF8.GetBytes(json), bytesPerRead), new JsonRecordReadOptions { MaxRecordBytes = 64 });

        Assert.Equal("T-1", results[0].Record?.Id);
        var last = Assert.Single(results.Skip(1));
        Assert.Equal((2L, true), (last.Number, last.EndsReading));
        Assert.EndsWith("The rest of this JSON array cannot be read.", last.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(JsonRecordLayout.JsonLines, 1)]
    [InlineData(JsonRecordLayout.Array, 3)]
    [InlineData(JsonRecordLayout.Concatenated, 4096)]
    public async Task ReadRecords_WithOptions_GivesWhatTheAsynchronousFormGives(JsonRecordLayout layout, int bytesPerRead)
    {
        string[] records = ["{\"id\":\"O-1\"}", $"{{\"id\":\"O-2\",\"note\":\"{new string('x', 60)}\"}}", "null", "{\"id\":\"O-4\"}"];
        var json = Encoding.UTF8.GetBytes(layout == JsonRecordLayout.Array ? $"[{string.Join(",", records)}]" : string.Join("\n", records));
        var options = new JsonRecordReadOptions { Layout = layout, MaxRecordBytes = 40 };

        var asynchronous = await ReadAsync(new TrickleStream(json, bytesPerRead), options);
        var synchronous = FollowUpJson.ReadRecords(new TrickleStream(json, bytesPerRead), options).ToList();

        Assert.Equal(4, synchronous.Count);
        Assert.Equal(asynchronous.Select(r => (r.Layout, r.ToString(), r.EndsReading)), synchronous.Select(r => (r.Layout, r.ToString(), r.EndsReading)));
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(-1, null)]
    [InlineData(JsonRecordReadOptions.DefaultMaxRecordBytes + 1, null)]
    [InlineData(64, 3)]
    public void ReadRecords_InvalidOptions_ThrowWhenCalledNamingTheProperty(int maxRecordBytes, int? layout)
    {
        var options = new JsonRecordReadOptions { MaxRecordBytes = maxRecordBytes, Layout = (JsonRecordLayout?)layout };
        var property = layout is null ? nameof(JsonRecordReadOptions.MaxRecordBytes) : nameof(JsonRecordReadOptions.Layout);

        var synchronous = Assert.Throws<ArgumentOutOfRangeException>(() => FollowUpJson.ReadRecords(Stream.Null, options));
        var asynchronous = Assert.Throws<ArgumentOutOfRangeException>(() => FollowUpJson.ReadRecordsAsync(Stream.Null, options));

        foreach (var exception in new[] { synchronous, asynchronous })
        {
            Assert.Equal("options", exception.ParamName);
            Assert.Contains($"JsonRecordReadOptions.{property}", exception.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ReadRecordsAsync_NullOptions_ReadAsWithoutThem()
    {
        var json = "[{\"id\":\"N-1\"},\n7]";

        var withNull = await ReadAsync(json, null);
        var without = await ReadAsync(json);

        Assert.Equal(without.Select(r => r.ToString()), withNull.Select(r => r.ToString()));
        Assert.Equal(JsonRecordLayout.Array, withNull[0].Layout);
    }

    [Theory]
    [InlineData(false, false, "{0}\r\n{1}\r\n", JsonRecordLayout.JsonLines)]
    [InlineData(false, true, "{0}\r\n{1}\r\n", JsonRecordLayout.JsonLines)]
    [InlineData(true, false, "\r\n  [{0},\r\n{1}]", JsonRecordLayout.Array)]
    [InlineData(true, true, "{0}\n{1}\n", JsonRecordLayout.JsonLines)]
    public async Task ReadRecordsAsync_Utf16_IsOneResultThatSaysSoAndEndsTheReading(bool bigEndian, bool byteOrderMark, string format, JsonRecordLayout layout)
    {
        var utf16 = bigEndian ? Encoding.BigEndianUnicode : Encoding.Unicode;
        var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, format, "{\"id\":\"W-1\",\"owner\":\"李明\"}", "{\"id\":\"W-2\"}");
        byte[] bytes = [.. byteOrderMark ? utf16.GetPreamble() : [], .. utf16.GetBytes(text)];

        var asynchronous = await ReadAsync(bytes);
        var synchronous = FollowUpJson.ReadRecords(new TrickleStream(bytes, 3)).ToList();

        var result = Assert.Single(asynchronous);
        Assert.Equal((layout, 1L, true, null), (result.Layout, result.Number, result.EndsReading, result.Record));
        Assert.Equal(
            $"the input is UTF-16 {(bigEndian ? "big" : "little")}-endian text, not UTF-8, so none of it can be read; save it as UTF-8, or transcode it to UTF-8 first (Encoding.CreateTranscodingStream).",
            result.Error);
        Assert.Equal([result.ToString()], synchronous.Select(r => r.ToString()));
    }

    [Fact]
    public async Task ReadRecordsAsync_Utf16WithALayoutNamed_IsOneResultInThatLayout()
    {
        var bytes = Encoding.Unicode.GetBytes("[{\"id\":\"W-1\"}]\r\n");

        var results = await ReadAsync(new MemoryStream(bytes), new JsonRecordReadOptions { Layout = JsonRecordLayout.JsonLines });

        var result = Assert.Single(results);
        Assert.Equal((JsonRecordLayout.JsonLines, true), (result.Layout, result.EndsReading));
        Assert.StartsWith("line 1: the input is UTF-16 little-endian text", result.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadRecordsAsync_Utf8WithStrayZeroBytes_IsReadLineByLineAsUtf8()
    {
        var results = await ReadAsync("{\0\"id\":\"Z-1\"}\n{\"id\":\"Z-2\"}\n{\"id\":\"Z-3\0\"}\n\0\n{\"id\":\"Z-5\"}\n");

        Assert.All(results, r => Assert.Equal(JsonRecordLayout.JsonLines, r.Layout));
        Assert.Equal([1L, 2, 3, 4, 5], results.Select(r => r.Number));
        Assert.Equal([null, "Z-2", null, null, "Z-5"], results.Select(r => r.Record?.Id));
        Assert.DoesNotContain(results, r => r.EndsReading || r.Error?.Contains("UTF-16", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task ReadRecordsAsync_ShortUtf8LineWithTwoZeroBytes_LosesNoRecordAfterIt()
    {
        var results = await ReadAsync("{\0\"\0id\":\"X\"}\n{\"id\":\"B\"}\n{\"id\":\"C\"}\n");

        Assert.Equal([null, "B", "C"], results.Select(r => r.Record?.Id));
        Assert.DoesNotContain(results, r => r.EndsReading);
    }

    private static Task<List<JsonRecordResult>> ReadAsync(string json) => ReadAsync(Encoding.UTF8.GetBytes(json));

    private static Task<List<JsonRecordResult>> ReadAsync(byte[] utf8) => ReadAsync(new MemoryStream(utf8));

    private static Task<List<JsonRecordResult>> ReadAsync(string json, JsonRecordReadOptions? options) => ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), options);

    private static async Task<List<JsonRecordResult>> ReadAsync(Stream stream, JsonRecordReadOptions? options = null)
    {
        var results = new List<JsonRecordResult>();
        await foreach (var result in FollowUpJson.ReadRecordsAsync(stream, options))
        {
            results.Add(result);
        }

        return results;
    }
}
