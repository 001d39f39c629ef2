using System.Globalization;
using System.Text;
using FollowUp.Rules.Cli.Input;
using FollowUp.Rules.Cli.Tests.Infrastructure;
using FollowUp.Rules.Serialization;

namespace FollowUp.Rules.Cli.Tests.Input;

/// <summary>
/// How <c>followup evaluate</c> reads its inputs (RecordSources): JSON Lines, JSON arrays and standard input; a row that cannot
/// be read is reported with its number and reason, and every other row is still evaluated.
/// </summary>
public sealed class RecordSourcesTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task JsonLines_MixedValidAndBrokenLines_ReportsEachBrokenLineAndEvaluatesTheRest()
    {
        string[] lines =
        [
            SampleData.Record("M-01", "\"scenario\":\"ToB\""),                          // 1 valid
            """{"id":"M-02","scenario":"ToB",""",                                       // 2 broken JSON
            SampleData.Record("M-03", "\"scenario\":\"ToC\""),                          // 3 valid
            $"[{SampleData.Record("M-04")}]",                                            // 4 an array where an object belongs
            "null",                                                                      // 5 null
            "",                                                                          // 6 empty: ignored
            SampleData.Record("M-07", "\"communications\":\"x\""),                      // 7 wrong-shaped member: read without it
            "  \t ",                                                                     // 8 whitespace only: ignored
            SampleData.Record("M-09", "\"recordedAt\":\"not a date\",\"customer\":{\"decisionRole\":\"大老板\"}"), // 9 valid: lenient values are findings
            SampleData.Record("M-10", "\"customer\":\"x\"") + "\r",                     // 10 wrong-shaped member, CRLF line end: read without it
            "",                                                                          // 11 empty: ignored
            SampleData.Record("M-12", "\"scenario\":\"Project\"") + "\r",               // 12 valid, CRLF line end
            "12345",                                                                     // 13 a number
            SampleData.Record("M-14"),                                                   // 14 valid, last line without a line break
        ];
        var input = _temp.Write("mixed.jsonl", string.Join("\n", lines));

        var run = await CliRunner.RunAsync("evaluate", "--now", CliRunner.Now, input);

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Equal(["M-01", "M-03", "M-07", "M-09", "M-10", "M-12", "M-14"], run.Ids);
        Assert.Equal(7, run.Evaluations.Count);

        var errors = run.ErrorLines;
        Assert.Equal(6, errors.Count);
        (int Line, string Kind)[] reported = [(2, "unreadable record"), (4, "unreadable record"), (5, "unreadable record"), (7, "warning"), (10, "warning"), (13, "unreadable record")];
        for (var i = 0; i < reported.Length; i++)
        {
            var prefix = $"{input}:line {reported[i].Line}: {reported[i].Kind}: ";
            Assert.StartsWith(prefix, errors[i], StringComparison.Ordinal);
            Assert.True(errors[i].Length > prefix.Length + 10, $"no reason given: {errors[i]}");
        }

        Assert.EndsWith("the line is an array, not a JSON object.", errors[1], StringComparison.Ordinal);
        Assert.EndsWith("the line is null, not a JSON object.", errors[2], StringComparison.Ordinal);
        Assert.Contains("communications = \"x\"", errors[3], StringComparison.Ordinal);
        Assert.Contains("customer = \"x\"", errors[4], StringComparison.Ordinal);
        Assert.EndsWith("the line is a number, not a JSON object.", errors[5], StringComparison.Ordinal);
        string[] blankLines = [":line 6:", ":line 8:", ":line 11:"];
        Assert.DoesNotContain(errors, e => blankLines.Any(blank => e.Contains(blank, StringComparison.Ordinal)));
    }

    /// <summary>The members every record of the wrong-shape tests has besides its wrong one: a vague next action and a price objection.</summary>
    private const string EvaluableMembers =
        "\"progress\":{\"stage\":\"方案已发\",\"nextAction\":\"等客户回复\"},\"communications\":[{\"at\":\"2026-11-25 10:00\",\"summary\":\"客户说价格太贵了\"}]";

    [Theory]
    [InlineData("\"customer\":\"张伟\"", "customer")]
    [InlineData("\"owner\":{\"name\":\"x\"}", "owner")]
    [InlineData("\"needs\":{\"summary\":[\"a\",\"b\"]}", "needs.summary")]
    [InlineData("\"custom\":{\"d\":[\"x\"]}", "custom.d")]
    [InlineData("\"risks\":[{\"description\":[\"a\",\"b\"]}]", "risks[0].description")]
    [InlineData("\"attachments\":\"ERP方案V2.pdf\"", "attachments")]
    [InlineData("\"needs\":{\"changes\":\"需求变了\"}", "needs.changes")]
    public async Task JsonLines_WrongShapedValue_IsAFindingOnItsPathAndTheOtherFieldsAreEvaluated(string member, string path)
    {
        var input = _temp.Write("shapes.jsonl", $"{SampleData.Record("W-1", $"{member},{EvaluableMembers}")}\n{SampleData.Record("W-2")}\n");

        var run = await CliRunner.RunAsync("evaluate", "--now", CliRunner.Now, "--culture", "en", input);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["W-1", "W-2"], run.Ids);
        var findings = run.Evaluations[0].GetProperty("findings").EnumerateArray().ToList();
        var invalid = Assert.Single(findings, f => f.GetProperty("code").GetString() == "InvalidValue");
        Assert.Equal(("Error", path), (invalid.GetProperty("severity").GetString(), invalid.GetProperty("field").GetString()));
        Assert.Contains("has the wrong shape: expected ", invalid.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains(findings, f => (f.GetProperty("code").GetString(), f.GetProperty("field").GetString()) == ("VagueLanguage", "progress.nextAction"));
        Assert.Contains(
            run.Evaluations[0].GetProperty("risk").GetProperty("signals").EnumerateArray(),
            s => (s.GetProperty("code").GetString(), s.GetProperty("field").GetString()) == ("PriceObjection", "communications[0].summary"));
        var warning = Assert.Single(run.ErrorLines);
        Assert.StartsWith($"{input}:line 1: warning: values of the wrong shape were read as absent: {path} = ", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JsonLines_WrongShapedValuesInATable_AreReadAndNamedOnStandardError()
    {
        var input = _temp.Write("shapes.jsonl", SampleData.Record("W-1", $"\"customer\":\"张伟\",\"needs\":{{\"summary\":[\"a\",\"b\"]}},{EvaluableMembers}") + "\n");

        var run = await CliRunner.RunAsync("evaluate", "--now", CliRunner.Now, "-f", "table", input);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains(run.OutputLines, line => line.StartsWith("W-1 ", StringComparison.Ordinal));
        Assert.Equal(
            $"{input}:line 1: warning: values of the wrong shape were read as absent: customer = \"张伟\" (expected an object with fields); needs.summary = [\"a\",\"b\"] (expected text).",
            Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task JsonLines_SyntaxError_SaysWhereInTheLineItBrokeWithoutTheReadersInternals()
    {
        var input = _temp.Write("syntax.jsonl", $"{SampleData.Record("S-1")}\n{{\"id\":\"S-2\", x}}\n{SampleData.Record("S-3")} junk\n");

        var run = await CliRunner.RunAsync("evaluate", "--now", CliRunner.Now, input);

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Equal(["S-1"], run.Ids);
        Assert.Equal(2, run.ErrorLines.Count);
        Assert.StartsWith($"{input}:line 2: unreadable record: byte 14 of the line: 'x' is an invalid start of a property name.", run.ErrorLines[0], StringComparison.Ordinal);
        Assert.StartsWith($"{input}:line 3: unreadable record: byte 14 of the line: 'j' is invalid after a single JSON value.", run.ErrorLines[1], StringComparison.Ordinal);
        Assert.All(run.ErrorLines, line => Assert.DoesNotMatch("Path: |LineNumber|BytePositionInLine", line));
    }

    /// <summary>A field given twice would be read last-wins, its first value dropped without a word: the record is unreadable, the rest read.</summary>
    [Fact]
    public async Task JsonLines_FieldGivenTwice_IsAnUnreadableRecordNamingTheFieldAndTheOthersAreEvaluated()
    {
        string[] lines =
        [
            """{"id":"D1","owner":"李明","id":"D2"}""",
            """{"id":"D3","ID":"D4"}""",
            SampleData.Record("D5", "\"needs\":{\"summary\":\"替换 ERP\"},\"needs\":{\"budget\":\"50万\"}"),
            SampleData.Record("D6"),
            SampleData.Record("D7", "\"communications\":[{\"summary\":\"a\"},{\"Summary\":\"b\",\"summary\":\"c\"}]"),
        ];
        var input = _temp.Write("repeated.jsonl", string.Join("\n", lines) + "\n");

        var run = await CliRunner.RunAsync("evaluate", "--now", CliRunner.Now, input);

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Equal(["D6"], run.Ids);
        const string Why = ": which value is meant cannot be told, so give each field once.";
        Assert.Equal(
            [
                $"{input}:line 1: unreadable record: The record gives 'id' twice{Why}",
                $"{input}:line 2: unreadable record: The record gives 'id' twice, as \"id\" and \"ID\" (names are read ignoring case){Why}",
                $"{input}:line 3: unreadable record: The record gives 'needs' twice{Why}",
                $"{input}:line 5: unreadable record: The record gives 'communications[1].summary' twice, as \"Summary\" and \"summary\" (names are read ignoring case){Why}",
            ],
            run.ErrorLines);
    }

    [Fact]
    public async Task JsonArray_FieldGivenTwice_IsAnUnreadableElementAndTheArrayReadsOn()
    {
        var input = _temp.Write("repeated.json", $$$"""
            [
              {{{SampleData.Record("A-1")}}},
              {"id": "A-2",
               "custom": {"orderStatus": "已发货", "orderStatus": "已签收"}},
              {{{SampleData.Record("A-3")}}}
            ]
            """);

        var run = await CliRunner.RunAsync("evaluate", "--now", CliRunner.Now, input);

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Equal(["A-1", "A-3"], run.Ids);
        Assert.Equal(
            $"{input}:element 2: unreadable record: The record gives 'custom.orderStatus' twice: which value is meant cannot be told, so give each field once.",
            Assert.Single(run.ErrorLines));
    }

    /// <summary>A custom field nested 70 levels deep: the record and its custom object are the first two of them.</summary>
    private static string TooDeep(string id) =>
        SampleData.Record(id, $"\"custom\":{{\"a\":{string.Concat(Enumerable.Repeat("{\"a\":", 68))}1{new string('}', 69)}");

    [Fact]
    public async Task JsonLines_RecordNestedTooDeeply_SaysSoWhereItGoesTooDeepAndTheOthersAreEvaluated()
    {
        var input = _temp.Write("deep.jsonl", $"{SampleData.Record("N-1")}\n{TooDeep("N-2")}\n{SampleData.Record("N-3")}\n");

        var run = await CliRunner.RunAsync("evaluate", "--now", CliRunner.Now, input);

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Equal(["N-1", "N-3"], run.Ids);
        Assert.Equal(
            $"{input}:line 2: unreadable record: byte 337 of the line: The record is nested too deeply: objects and lists may nest 64 levels deep, and here they go deeper.",
            Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task JsonArray_ElementNestedTooDeeply_IsOneUnreadableElementAndTheArrayReadsOn()
    {
        var input = _temp.Write("deep.json", $"[\n{SampleData.Record("N-1")},\n{TooDeep("N-2")},\n{SampleData.Record("N-3")}\n]\n");

        var run = await CliRunner.RunAsync("evaluate", "--now", CliRunner.Now, input);

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Equal(["N-1", "N-3"], run.Ids);
        Assert.Equal(
            $"{input}:element 2: unreadable record: byte 337 of the element: The record is nested too deeply: objects and lists may nest 64 levels deep, and here they go deeper.",
            Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task JsonLines_InvalidUtf8InAValue_SaysTheTextIsNotUtf8()
    {
        var input = _temp.File("latin1.jsonl");
        File.WriteAllBytes(input, [.. "{\"id\":\""u8, 0xFF, 0xFE, 0x80, .. "\"}\n"u8, .. Encoding.UTF8.GetBytes(SampleData.Record("U-2") + "\n")]);

        var run = await CliRunner.RunAsync("evaluate", "--now", CliRunner.Now, input);

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Equal(["U-2"], run.Ids);
        Assert.Equal($"{input}:line 1: unreadable record: byte 8 of the line: the text is not valid UTF-8; save the file as UTF-8.", Assert.Single(run.ErrorLines));
    }

    [Theory]
    [InlineData("export.xls", new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }, "an Excel 97-2003 workbook (.xls)")]
    [InlineData("export.json", new byte[] { (byte)'P', (byte)'K', 0x03, 0x04 }, "a zip archive")]
    [InlineData("records.jsonl.gz", new byte[] { 0x1F, 0x8B, 0x08, 0x00 }, "gzip-compressed")]
    public async Task BinaryFile_IsOneUnreadableInputNamingItsFormat_NotALineOfNonsensePerLineBreak(string name, byte[] magic, string format)
    {
        // Line-break bytes are scattered through any binary file: read as JSON Lines, each made a line of nonsense.
        var input = _temp.File(name);
        File.WriteAllBytes(input, [.. magic, .. "\n\r\0\n{\n\n"u8, .. Enumerable.Range(0, 2000).Select(i => (byte)(i % 251))]);
        var records = _temp.Write("records.jsonl", SampleData.Record("B-1") + "\n");

        var run = await CliRunner.RunAsync("evaluate", "--now", CliRunner.Now, input, records);

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Equal(["B-1"], run.Ids);
        var error = Assert.Single(run.ErrorLines);
        Assert.StartsWith($"{input}:line 1: unreadable record: the input is {format}", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JsonArray_SyntaxErrorInAnElementOfSeveralLines_SaysWhichLineOfTheElement()
    {
        var input = _temp.Write("syntax.json", $"[{SampleData.Record("E-1")},\n {{\"id\":\"E-2\",\n  \"x\": y}}]");

        var run = await CliRunner.RunAsync("evaluate", "--now", CliRunner.Now, input);

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Equal(["E-1"], run.Ids);
        var error = Assert.Single(run.ErrorLines);
        Assert.StartsWith($"{input}:element 2: unreadable record: line 2, byte 8 of the element: 'y' is an invalid start of a value.", error, StringComparison.Ordinal);
        Assert.DoesNotMatch("Path: |LineNumber|BytePositionInLine", error);
    }

    [Fact]
    public async Task JsonLines_LoneCarriageReturns_EndLinesLikeLineFeeds()
    {
        var input = _temp.Write("mac.jsonl", $"{SampleData.Record("C-1")}\r{SampleData.Record("C-2")}\r{SampleData.Record("C-3")}\r\nnull\r{SampleData.Record("C-5")}");

        var run = await CliRunner.RunAsync("evaluate", "--now", CliRunner.Now, input);

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Equal(["C-1", "C-2", "C-3", "C-5"], run.Ids);
        Assert.StartsWith($"{input}:line 4: unreadable record: the line is null", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task JsonLines_LoneCarriageReturnInsideALineOfAnLfFile_KeepsTheRecordWholeAndTheLineNumbers()
    {
        var input = _temp.Write("stray-cr.jsonl", "{\"id\":\"A\"}\n{\"id\":\"B\",\"owner\":\"x\ry\"}\n{\"id\":\"C\",}\n{\"id\":\"D\" x}\n");

        var run = await CliRunner.RunAsync("evaluate", "--now", CliRunner.Now, input);

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Equal(["A", "C"], run.Ids);
        Assert.Equal(
            [$"{input}:line 2:", $"{input}:line 4:"],
            run.ErrorLines.Select(line => line[..(line.IndexOf(':', input.Length + 1) + 1)]));
    }

    [Fact]
    public async Task JsonLines_LineOverTheLimit_IsReportedWithItsNumberAndTheLinesAroundItAreRead()
    {
        // The limit is 256 MB in a run; 64 bytes here, so the test does not need the memory.
        var longLine = SampleData.Record("L-2", $"\"custom\":{{\"note\":\"{new string('x', 100)}\"}}");
        var text = $"{{\"id\":\"L-1\"}}\n{longLine}\n{{\"id\":\"L-3\"}}\n";

        var options = new JsonRecordReadOptions { Layout = JsonRecordLayout.JsonLines, MaxRecordBytes = 64 };
        var rows = await RecordSources.ReadJsonAsync("long.jsonl", new MemoryStream(Encoding.UTF8.GetBytes(text)), options, CancellationToken.None).ToListAsync();

        Assert.Equal(["L-1", null, "L-3"], rows.Select(r => r.Record?.Id));
        Assert.Equal([1L, 2L, 3L], rows.Select(r => r.Row));
        Assert.Equal("the line is longer than 64 bytes, more than a record may hold.", rows[1].Error);
    }

    [Fact]
    public async Task JsonLines_OnlyBlankLines_EvaluatesNothingAndSucceedsWithAWarning()
    {
        var input = _temp.Write("blank.jsonl", "\n\n   \n\r\n\t\n");

        var run = await CliRunner.RunAsync("evaluate", "--now", CliRunner.Now, input);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Empty(run.OutputBytes);
        Assert.Equal($"{input}: warning: the input holds no records: only white space, or an empty JSON array.\n", run.Error);
    }

    [Fact]
    public async Task Json_EmptyInputs_AreEachNamedAtTheEndAfterTheRecordsOfTheOthers()
    {
        var empty = _temp.Write("empty.jsonl", "");
        var records = _temp.Write("records.jsonl", SampleData.Record("E-1"));
        var emptyArray = _temp.Write("empty.json", "[ ]");

        var run = await CliRunner.RunAsync("evaluate", "--now", CliRunner.Now, empty, records, emptyArray);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["E-1"], run.Ids);
        Assert.Equal(
            [
                $"{empty}: warning: the input is empty, so it holds no records.",
                $"{emptyArray}: warning: the input holds no records: only white space, or an empty JSON array.",
            ],
            run.ErrorLines);
    }

    [Fact]
    public async Task JsonLines_ByteOrderMark_IsSkipped()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(SampleData.Record("BOM-1") + "\n")).ToArray();
        var input = _temp.File("bom.jsonl");
        await File.WriteAllBytesAsync(input, bytes);

        var run = await CliRunner.RunAsync("evaluate", "--now", CliRunner.Now, input);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["BOM-1"], run.Ids);
    }

    [Fact]
    public async Task JsonLines_Utf16WithByteOrderMark_IsReadLikeUtf8()
    {
        // What Windows PowerShell's '>' writes: UTF-16 LE with a byte order mark, CRLF line ends.
        var text = $"{SampleData.Record("U-1", "\"customer\":{\"company\":\"宏图建筑\"}")}\r\nnull\r\n{SampleData.Record("U-3")}\r\n";
        var input = _temp.File("powershell.jsonl");
        await File.WriteAllBytesAsync(input, [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)]);
        var utf8 = _temp.Write("utf8.jsonl", text);

        var run = await CliRunner.RunAsync("evaluate", "--now", CliRunner.Now, input);
        var expected = await CliRunner.RunAsync("evaluate", "--now", CliRunner.Now, utf8);

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Equal(expected.Output, run.Output);
        Assert.Equal($"{input}:line 2: unreadable record: the line is null, not a JSON object.", Assert.Single(run.ErrorLines));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task JsonLines_Utf16WithoutByteOrderMark_IsReadLikeUtf8AfterOneWarning(bool bigEndian)
    {
        // What bcp -w and some exports write: UTF-16 without a byte order mark, here with a Chinese-heavy first record.
        var utf16 = bigEndian ? Encoding.BigEndianUnicode : Encoding.Unicode;
        var text = $"{SampleData.Record("N-1", $"\"customer\":{{\"company\":\"宏图建筑\"}},\"custom\":{{\"note\":\"{new string('跟', 300)}\"}}")}\r\nnull\r\n{SampleData.Record("N-3")}\r\n";
        var input = _temp.File("no-mark.jsonl");
        await File.WriteAllBytesAsync(input, utf16.GetBytes(text));
        var utf8 = _temp.Write("utf8.jsonl", text);

        var run = await CliRunner.RunAsync("evaluate", "--now", CliRunner.Now, input);
        var expected = await CliRunner.RunAsync("evaluate", "--now", CliRunner.Now, utf8);

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Equal(expected.Output, run.Output);
        Assert.Equal(
            [
                $"{input}: warning: read as {utf16.WebName}: the input has no byte order mark, but zero bytes in alternate bytes, as UTF-16 text has. If its text reads wrong, save it as UTF-8.",
                $"{input}:line 2: unreadable record: the line is null, not a JSON object.",
            ],
            run.ErrorLines);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4096)]
    public async Task StandardInput_Utf16BigEndianJsonArrayWithoutByteOrderMark_IsRecognisedAndRead(int bytesPerRead)
    {
        var bytes = Encoding.BigEndianUnicode.GetBytes($"\r\n [{SampleData.Record("S-1")},\r\n{SampleData.Record("S-2")}]");

        var run = await CliRunner.RunWithInputAsync(() => new TrickleStream(bytes, bytesPerRead), "evaluate", "--now", CliRunner.Now, "-");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["S-1", "S-2"], run.Ids);
        Assert.StartsWith("-: warning: read as utf-16BE: the input has no byte order mark", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task JsonLines_Utf8WithStrayZeroBytes_StaysUtf8AndReportsEachBrokenLine()
    {
        // Zero bytes are no UTF-8 JSON's (a NUL in a string is written \u0000): a file holding a few is broken, not UTF-16.
        string[] lines =
        [
            $"{{\0{SampleData.Record("Z-1")[1..]}",   // 1 a zero byte after the opening brace
            SampleData.Record("Z-2"),                // 2
            SampleData.Record("Z-3\0"),              // 3 a zero byte in a string
            "\0",                                    // 4 a zero byte alone
            SampleData.Record("Z-5"),                // 5
        ];
        var input = _temp.Write("stray-nul.jsonl", string.Join("\n", lines) + "\n");

        var run = await CliRunner.RunAsync("evaluate", "--now", CliRunner.Now, input);

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Equal(["Z-2", "Z-5"], run.Ids);
        Assert.Equal(
            [$"{input}:line 1:", $"{input}:line 3:", $"{input}:line 4:"],
            run.ErrorLines.Select(line => line[..(line.IndexOf(':', input.Length + 1) + 1)]));
        Assert.All(run.ErrorLines, line => Assert.Contains(": unreadable record: ", line, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4096)]
    public async Task StandardInput_Utf16BigEndianJsonArray_IsRecognisedAndRead(int bytesPerRead)
    {
        var text = $" [{SampleData.Record("S-1")},{SampleData.Record("S-2")}]";
        byte[] bytes = [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)];

        var run = await CliRunner.RunWithInputAsync(() => new TrickleStream(bytes, bytesPerRead), "evaluate", "--now", CliRunner.Now, "-");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["S-1", "S-2"], run.Ids);
    }

    [Fact]
    public async Task JsonFile_PrettyPrintedObjects_AreReadOneRecordEach()
    {
        var input = _temp.Write("records.json", "{\n  \"id\": \"P-1\",\n  \"owner\": \"李明\"\n}\n{\n  \"id\": \"P-2\"\n}\n");

        var run = await CliRunner.RunAsync("evaluate", "--now", CliRunner.Now, input);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["P-1", "P-2"], run.Ids);
    }

    [Theory]
    [InlineData("[{0},{1}]")]
    [InlineData("{{\n  \"id\": \"{2}\"\n}}\n{{\n  \"id\": \"{3}\"\n}}\n")]
    [InlineData("{{ \t\r\n  \"id\": \"{2}\"\n}}\r\n{{\r\n  \"id\": \"{3}\"\r\n}}\r\n")]
    [InlineData("\r\n\n  \n{{\n  \"id\": \"{2}\"\n}}\n{{\n  \"id\": \"{3}\"\n}}\n")]
    public async Task JsonFile_WithByteOrderMarkOrSpaceAfterTheBrace_IsReadInTheFormatItsFirstLineShows(string format)
    {
        // Windows PowerShell 5.1's Out-File -Encoding utf8 writes a byte order mark before a JSON array or pretty-printed objects.
        var text = string.Format(CultureInfo.InvariantCulture, format, SampleData.Record("B-1"), SampleData.Record("B-2"), "B-1", "B-2");
        var input = _temp.File("records.json");
        await File.WriteAllBytesAsync(input, [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)]);

        var run = await CliRunner.RunAsync("evaluate", "--now", CliRunner.Now, input);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["B-1", "B-2"], run.Ids);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    public async Task StandardInput_ByteOrderMarkAndObjectsOverSeveralLines_AreRecognisedHoweverTheBytesArrive(int bytesPerRead)
    {
        byte[] bytes = [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes("{ \n  \"id\": \"T-1\"\n}\n{\n  \"id\": \"T-2\"\n}\n")];

        var run = await CliRunner.RunWithInputAsync(() => new TrickleStream(bytes, bytesPerRead), "evaluate", "--now", CliRunner.Now, "-");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["T-1", "T-2"], run.Ids);
    }

    [Fact]
    public async Task JsonFile_PrettyPrintedObjectsBrokenMidway_EvaluatesThoseBeforeAndSaysTheRestCannotBeRead()
    {
        var input = _temp.Write("records.json", "{\n  \"id\": \"P-1\"\n}\n{\n  \"id\":\n");

        var run = await CliRunner.RunAsync("evaluate", "--now", CliRunner.Now, input);

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Equal(["P-1"], run.Ids);
        var error = Assert.Single(run.ErrorLines);
        Assert.StartsWith($"{input}:record 2: unreadable record: ", error, StringComparison.Ordinal);
        Assert.EndsWith("The rest of this file cannot be read.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JsonArray_WithBadElements_ReportsElementNumbersAndEvaluatesTheOthers()
    {
        var input = _temp.Write("records.json", $"""
            [
              {SampleData.Record("A-1", "\"scenario\":\"ToB\"")},
              {SampleData.Record("A-2", "\"customer\":\"x\"")},
              42,
              null,
              {SampleData.Record("A-5", "\"scenario\":\"ECommerce\"")},
              [ {SampleData.Record("A-6")} ],
              {SampleData.Record("A-7")}
            ]
            """);

        var run = await CliRunner.RunAsync("evaluate", "--now", CliRunner.Now, input);

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Equal(["A-1", "A-2", "A-5", "A-7"], run.Ids);
        var errors = run.ErrorLines;
        Assert.Equal(4, errors.Count);
        Assert.StartsWith($"{input}:element 2: warning: ", errors[0], StringComparison.Ordinal);
        Assert.Contains("customer = \"x\"", errors[0], StringComparison.Ordinal);
        Assert.Equal($"{input}:element 3: unreadable record: the element is a number, not a JSON object.", errors[1]);
        Assert.Equal($"{input}:element 4: unreadable record: the element is null, not a JSON object.", errors[2]);
        Assert.Equal($"{input}:element 6: unreadable record: the element is an array, not a JSON object.", errors[3]);
    }

    [Fact]
    public async Task JsonArray_BrokenSyntax_EvaluatesTheElementsBeforeItAndReportsWhereItBroke()
    {
        var input = _temp.Write("broken.json", $$"""
            [ {{SampleData.Record("A-1")}}, {"id": , {{SampleData.Record("A-3")}} ]
            """);

        var run = await CliRunner.RunAsync("evaluate", "--now", CliRunner.Now, input);

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Equal(["A-1"], run.Ids);
        var error = Assert.Single(run.ErrorLines);
        Assert.StartsWith($"{input}:element 2: unreadable record: ", error, StringComparison.Ordinal);
        Assert.EndsWith("The rest of this JSON array cannot be read.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JsonArray_AndJsonLinesOfTheSameRecords_GiveTheSameOutput()
    {
        var jsonLines = await File.ReadAllLinesAsync(SampleData.FollowUpsPath);
        var array = _temp.Write("follow-ups.json", "[\n" + string.Join(",\n", jsonLines.Where(l => l.Length > 0)) + "\n]\n");

        var fromLines = await CliRunner.SampleEvaluationAsync();
        var fromArray = await CliRunner.RunAsync("evaluate", "--now", CliRunner.Now, array);

        Assert.True(fromArray.ExitCode == 0, fromArray.ToString());
        Assert.Equal(fromLines.OutputBytes, fromArray.OutputBytes);
    }

    [Theory]
    [InlineData("[]", "", "")]
    [InlineData(" \n [ \n ] \n ", "", "")]
    [InlineData("[{\"id\":\"A-1\"},]", "A-1", "")]
    [InlineData("[{\"id\":\"A]1\",\"needs\":{\"painPoints\":[\"x]\",\"y}\"]}} , /* note */ {\"id\":\"A-2\"}]", "A]1 A-2", "")]
    [InlineData("[{\"id\":\"A-1\"}", "A-1", "element 2")]
    [InlineData("[{\"id\":\"A-1\"},{\"id\":\"A-", "A-1", "element 2")]
    [InlineData("[{\"id\":\"A-1\"} {\"id\":\"A-2\"}]", "A-1", "element 2")]
    [InlineData("[{\"id\":\"A-1\"}] trailing", "A-1", "element 2")]
    [InlineData("[{\"id\":\"A-1\"}, 7]", "A-1", "element 2")]
    public async Task JsonArray_EdgeCases_EvaluateEveryElementBeforeABreak(string json, string ids, string brokenElement)
    {
        var input = _temp.Write("edge.json", json);

        var run = await CliRunner.RunAsync("evaluate", "--now", CliRunner.Now, input);

        Assert.Equal(ids.Split(' ', StringSplitOptions.RemoveEmptyEntries), run.Ids);
        if (brokenElement.Length == 0)
        {
            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Equal(ids.Length == 0 ? $"{input}: warning: the input holds no records: only white space, or an empty JSON array.\n" : "", run.Error);
        }
        else
        {
            Assert.True(run.ExitCode == 3, run.ToString());
            Assert.StartsWith($"{input}:{brokenElement}: unreadable record: ", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task LargeRecords_LongerThanTheReadBuffer_AreReadWhole()
    {
        // About 160 KB in an attachment name, a field no rule scans, so the test measures the reading, not the text analysis.
        var name = string.Concat(Enumerable.Repeat("现场调研纪要-", 8_000)) + ".docx";
        var big = SampleData.Record("BIG-1", $"\"attachments\":[{{\"kind\":\"Other\",\"name\":\"{name}\"}}]");
        var lines = _temp.Write("big.jsonl", $"{SampleData.Record("S-1")}\n{big}\n{SampleData.Record("S-3")}\n");
        var array = _temp.Write("big.json", $"[{SampleData.Record("S-1")},{big},{big},{SampleData.Record("S-3")}]");

        var fromLines = await CliRunner.RunAsync("evaluate", "--now", CliRunner.Now, lines);
        var fromArray = await CliRunner.RunAsync("evaluate", "--now", CliRunner.Now, array);

        Assert.True(fromLines.ExitCode == 0, fromLines.Error);
        Assert.True(fromArray.ExitCode == 0, fromArray.Error);
        Assert.Equal(["S-1", "BIG-1", "S-3"], fromLines.Ids);
        Assert.Equal(["S-1", "BIG-1", "BIG-1", "S-3"], fromArray.Ids);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4093)]
    public async Task StandardInput_SlowPipe_ReadsEveryRecordAcrossReadBoundaries(int bytesPerRead)
    {
        var lines = await File.ReadAllBytesAsync(SampleData.FollowUpsPath);
        var jsonLines = await File.ReadAllLinesAsync(SampleData.FollowUpsPath);
        var array = Encoding.UTF8.GetBytes("[\n" + string.Join(",\n", jsonLines.Where(l => l.Length > 0)) + "\n]\n");
        var expected = await CliRunner.SampleEvaluationAsync();

        var fromLines = await CliRunner.RunWithInputAsync(() => new TrickleStream(lines, bytesPerRead), "evaluate", "--now", CliRunner.Now, "-");
        var fromArray = await CliRunner.RunWithInputAsync(() => new TrickleStream(array, bytesPerRead), "evaluate", "--now", CliRunner.Now, "-");

        Assert.True(fromLines.ExitCode == 0, fromLines.ToString());
        Assert.True(fromArray.ExitCode == 0, fromArray.ToString());
        Assert.Equal(expected.OutputBytes, fromLines.OutputBytes);
        Assert.Equal(expected.OutputBytes, fromArray.OutputBytes);
    }

    [Fact]
    public async Task StandardInput_Dash_ReadsJsonLinesLikeAFile()
    {
        var bytes = await File.ReadAllBytesAsync(SampleData.FollowUpsPath);

        var fromStandardInput = await CliRunner.RunWithInputAsync(bytes, "evaluate", "--now", CliRunner.Now, "-");
        var fromFile = await CliRunner.SampleEvaluationAsync();

        Assert.True(fromStandardInput.ExitCode == 0, fromStandardInput.ToString());
        Assert.Equal(SampleData.FollowUpIds, fromStandardInput.Ids);
        Assert.Equal(fromFile.OutputBytes, fromStandardInput.OutputBytes);
    }

    [Fact]
    public async Task StandardInput_JsonArray_IsRecognised()
    {
        var run = await CliRunner.RunWithInputAsync(
            $"  \n[{SampleData.Record("S-1")},{SampleData.Record("S-2")}]", "evaluate", "--now", CliRunner.Now, "-");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["S-1", "S-2"], run.Ids);
    }

    [Fact]
    public async Task StandardInput_BrokenLine_IsReportedAsDashWithItsLineNumber()
    {
        var run = await CliRunner.RunWithInputAsync(
            $"{SampleData.Record("S-1")}\n{{oops\n{SampleData.Record("S-3")}\n", "evaluate", "--now", CliRunner.Now, "-");

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Equal(["S-1", "S-3"], run.Ids);
        Assert.StartsWith("-:line 2: unreadable record: ", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeveralInputs_BrokenRows_AreNumberedWithinTheirOwnInput()
    {
        var first = _temp.Write("first.jsonl", $"{SampleData.Record("F-1")}\nnull\n");
        var second = _temp.Write("second.jsonl", $"null\n{SampleData.Record("S-2")}\n");

        var run = await CliRunner.RunAsync("evaluate", "--now", CliRunner.Now, first, second);

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Equal(["F-1", "S-2"], run.Ids);
        Assert.Equal(2, run.ErrorLines.Count);
        Assert.StartsWith($"{first}:line 2: ", run.ErrorLines[0], StringComparison.Ordinal);
        Assert.StartsWith($"{second}:line 1: ", run.ErrorLines[1], StringComparison.Ordinal);
    }
}
