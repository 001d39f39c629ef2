using System.Text;
using System.Text.Json;
using FollowUp.Rules.Completeness;
using FollowUp.Rules.Serialization;
using FollowUp.Rules.Tests.TestData;

// Not FollowUp.Rules.Tests.Serialization: that namespace would hide FollowUp.Rules.Serialization from test code that writes
// Serialization.FollowUpJson (Grading/GraderProperties.cs does).
namespace FollowUp.Rules.Tests;

public class FollowUpJsonTests
{
    /// <summary>What ASP.NET Core model binding uses for a FollowUpRecord parameter: web defaults, reflection-based metadata.</summary>
    private static readonly JsonSerializerOptions HostOptions = new(JsonSerializerDefaults.Web);

    private const string SpecExample = """
        {
          "id": "FU-0001",
          "scenario": "ToB",
          "recordedAt": "2026-11-20T18:00:00+08:00",
          "owner": "李明",
          "customer": {
            "name": "张伟", "company": "宏图建筑设计院", "industry": "建筑设计", "companySize": "500-1000人",
            "contactTitle": "采购经理", "decisionRole": "Influencer", "source": "线上咨询", "level": "A",
            "phone": "13800000000", "email": "zw@example.com", "wechat": "zhangwei"
          },
          "needs": {
            "summary": "替换现有ERP，解决多仓库存不准", "quantity": "200 套", "budget": "50万",
            "painPoints": ["库存不准", "月结慢"], "concerns": ["价格", "交期"],
            "changes": [{ "at": "2026-11-10T10:00:00+08:00", "description": "数量从100套增至200套" }]
          },
          "communications": [{
            "at": "2026-11-20T15:00:00+08:00", "channel": "Phone", "contact": "张伟", "contactTitle": "采购经理",
            "contactRole": "Influencer", "summary": "电话沟通 30 分钟，客户关注交期，要求 12 月 5 日前给出报价",
            "feedback": "Pending", "objections": "价格高于预期 10%"
          }],
          "progress": {
            "stage": "ProposalSent", "stageSince": "2026-11-18T00:00:00+08:00",
            "nextAction": "发送正式报价单并约技术交流", "nextActionDue": "2026-12-05T18:00:00+08:00", "nextActionOwner": "李明"
          },
          "attachments": [{ "kind": "Proposal", "name": "ERP方案V2.pdf", "uri": "https://crm.example.com/erp-v2.pdf" }],
          "risks": [{ "kind": "Competitor", "description": "友商已报价", "countermeasure": "周三前提交差异化方案" }],
          "custom": { "orderStatus": "已发货" }
        }
        """;

    [Fact]
    public void DeserializeRecord_SpecExample_ReadsEveryMember()
    {
        var record = FollowUpJson.DeserializeRecord(SpecExample);

        Assert.NotNull(record);
        Assert.Equal("FU-0001", record.Id);
        Assert.Equal("ToB", record.Scenario);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 18, 0, 0, TimeSpan.FromHours(8)), record.RecordedAt.Resolve(TimeSpan.Zero));
        Assert.Equal("李明", record.Owner);

        var customer = Assert.IsType<Customer>(record.Customer);
        Assert.Equal(("张伟", "宏图建筑设计院", "建筑设计", "500-1000人"), (customer.Name, customer.Company, customer.Industry, customer.CompanySize));
        Assert.Equal(("采购经理", "线上咨询", "A"), (customer.ContactTitle, customer.Source, customer.Level));
        Assert.Equal(DecisionRole.Influencer, customer.DecisionRole.Value);
        Assert.Equal(("13800000000", "zw@example.com", "zhangwei"), (customer.Phone, customer.Email, customer.WeChat));

        var needs = Assert.IsType<CustomerNeeds>(record.Needs);
        Assert.Equal(("替换现有ERP，解决多仓库存不准", "200 套", "50万"), (needs.Summary, needs.Quantity, needs.Budget));
        Assert.Equal(["库存不准", "月结慢"], needs.PainPoints);
        Assert.Equal(["价格", "交期"], needs.Concerns);
        var change = Assert.Single(needs.Changes!);
        Assert.Equal("数量从100套增至200套", change.Description);
        Assert.True(change.At.HasOffset);

        var communication = Assert.Single(record.Communications!);
        Assert.Equal(ContactChannel.Phone, communication.Channel.Value);
        Assert.Equal(DecisionRole.Influencer, communication.ContactRole.Value);
        Assert.Equal(CustomerFeedback.Pending, communication.Feedback.Value);
        Assert.Equal(("张伟", "采购经理", "价格高于预期 10%"), (communication.Contact, communication.ContactTitle, communication.Objections));

        var progress = Assert.IsType<DealProgress>(record.Progress);
        Assert.Equal(DealStage.ProposalSent, progress.Stage.Value);
        Assert.Equal(new DateTime(2026, 12, 5, 18, 0, 0), progress.NextActionDue.ClockTime);
        Assert.Equal(("发送正式报价单并约技术交流", "李明"), (progress.NextAction, progress.NextActionOwner));

        Assert.Equal(AttachmentKind.Proposal, Assert.Single(record.Attachments!).Kind.Value);
        Assert.Equal(("Competitor", "周三前提交差异化方案"), (Assert.Single(record.Risks!).Kind, record.Risks![0].Countermeasure));
        Assert.Equal("已发货", record.Custom!["orderStatus"]);
    }

    [Fact]
    public void DeserializeRecord_Utf8Overload_ReadsTheSameRecord()
    {
        var fromText = FollowUpJson.DeserializeRecord(SpecExample)!;
        var fromUtf8 = FollowUpJson.DeserializeRecord(Encoding.UTF8.GetBytes(SpecExample))!;

        Assert.Equal(FollowUpJson.Serialize(fromText), FollowUpJson.Serialize(fromUtf8));
    }

    [Fact]
    public void DeserializeRecord_PropertyNamesInAnyCase_AreRead()
    {
        var record = FollowUpJson.DeserializeRecord(
            """{ "ID": "x1", "Owner": "李明", "CUSTOMER": { "NAME": "张伟", "WeChat": "zw", "WhatsApp": "+852 6123 4567", "LINE": "chen.tw" }, "Progress": { "NextActionOwner": "王五" } }""")!;

        Assert.Equal("x1", record.Id);
        Assert.Equal("李明", record.Owner);
        Assert.Equal("张伟", record.Customer!.Name);
        Assert.Equal(("zw", "+852 6123 4567", "chen.tw"), (record.Customer.WeChat, record.Customer.WhatsApp, record.Customer.Line));
        Assert.Equal("王五", record.Progress!.NextActionOwner);
    }

    [Theory]
    [InlineData("wechat", "zhangwei", null, null)]
    [InlineData("whatsapp", null, "+852 6123 4567", null)]
    [InlineData("line", null, null, "chen.tw")]
    public void DeserializeRecord_ContactPropertyName_IsReadIntoItsOwnMember(string name, string? weChat, string? whatsApp, string? line)
    {
        var value = weChat ?? whatsApp ?? line;

        var customer = FollowUpJson.DeserializeRecord($$"""{ "customer": { "{{name}}": "{{value}}" } }""")!.Customer!;

        Assert.Equal((weChat, whatsApp, line), (customer.WeChat, customer.WhatsApp, customer.Line));
    }

    [Fact]
    public void SerializeRecord_WhatsAppAndLine_RoundTripUnderTheirSpecNames()
    {
        var record = SampleRecords.CompleteToB().WithCustomer(c => c with { WhatsApp = "+60 12-345 6789", Line = "chen.tw" });

        var json = FollowUpJson.Serialize(record);
        using var document = JsonDocument.Parse(json);
        var customer = document.RootElement.GetProperty("customer");

        Assert.Equal(("+60 12-345 6789", "chen.tw"), (customer.GetProperty("whatsapp").GetString(), customer.GetProperty("line").GetString()));
        var read = FollowUpJson.DeserializeRecord(json)!.Customer!;
        Assert.Equal(record.Customer, read);
        // Equality reads the new members too: a record that lost its LINE id is another record.
        Assert.NotEqual(record.Customer, read with { Line = null });
    }

    [Fact]
    public void DeserializeRecord_NumbersAndBooleansWhereTextBelongs_AreReadAsTheirText()
    {
        var record = FollowUpJson.DeserializeRecord("""
            { "id": 1001, "customer": { "phone": 13800000000, "level": true }, "needs": { "budget": 500000.50, "quantity": 200 },
              "custom": { "orderCount": 3 } }
            """)!;

        Assert.Equal("1001", record.Id);
        Assert.Equal("13800000000", record.Customer!.Phone);
        Assert.Equal("true", record.Customer.Level);
        Assert.Equal("500000.50", record.Needs!.Budget);
        Assert.Equal("200", record.Needs.Quantity);
        Assert.Equal("3", record.Custom!["orderCount"]);
    }

    [Fact]
    public void DeserializeRecord_SingleValueWhereAListBelongs_IsAListOfOne()
    {
        var record = FollowUpJson.DeserializeRecord("""{ "needs": { "painPoints": "库存不准", "concerns": 42 } }""")!;

        Assert.Equal(["库存不准"], record.Needs!.PainPoints);
        Assert.Equal(["42"], record.Needs.Concerns);
    }

    [Fact]
    public void DeserializeRecord_NullEntriesInLists_AreKeptForRecordListsAndDroppedFromTextLists()
    {
        var record = FollowUpJson.DeserializeRecord("""
            { "needs": { "painPoints": [null, "库存不准"], "changes": [null] },
              "communications": [null, { "summary": "电话沟通 10 分钟" }], "attachments": [null], "risks": [null] }
            """)!;

        Assert.Equal(["库存不准"], record.Needs!.PainPoints);
        Assert.Equal(2, record.Communications!.Count);
        Assert.Null(record.Communications[0]);
        Assert.Null(Assert.Single(record.Attachments!));
        Assert.Null(Assert.Single(record.Risks!));
        Assert.Null(Assert.Single(record.Needs.Changes!));
    }

    [Fact]
    public void DeserializeRecord_ChineseAndMixedCaseEnumText_IsRecognised()
    {
        var record = FollowUpJson.DeserializeRecord("""
            { "customer": { "decisionRole": "決策人" }, "communications": [{ "channel": "微信", "contactRole": "gatekeeper", "feedback": "不满" }],
              "progress": { "stage": "已簽約" }, "attachments": [{ "kind": "合同" }] }
            """)!;

        Assert.Equal(DecisionRole.DecisionMaker, record.Customer!.DecisionRole.Value);
        Assert.Equal(ContactChannel.WeChat, record.Communications![0].Channel.Value);
        Assert.Equal(DecisionRole.Gatekeeper, record.Communications[0].ContactRole.Value);
        Assert.Equal(CustomerFeedback.Dissatisfied, record.Communications[0].Feedback.Value);
        Assert.Equal(DealStage.Signed, record.Progress!.Stage.Value);
        Assert.Equal(AttachmentKind.Contract, record.Attachments![0].Kind.Value);
    }

    [Fact]
    public void DeserializeRecord_UnknownEnumTextAndUnreadableDate_AreKeptWithoutThrowing()
    {
        var record = FollowUpJson.DeserializeRecord("""
            { "progress": { "stage": "进行中", "nextActionDue": "下周三" }, "communications": [{ "channel": 7, "at": "昨天" }] }
            """)!;

        Assert.True(record.Progress!.Stage.IsUnrecognized);
        Assert.Equal("进行中", record.Progress.Stage.Text);
        Assert.True(record.Progress.NextActionDue.IsInvalid);
        Assert.Equal("下周三", record.Progress.NextActionDue.Text);
        Assert.True(record.Communications![0].Channel.IsUnrecognized);
        Assert.Equal("7", record.Communications[0].Channel.Text);
        Assert.True(record.Communications[0].At.IsInvalid);
    }

    [Fact]
    public void DeserializeRecord_NullsAndMissingMembers_AreEmpty()
    {
        var record = FollowUpJson.DeserializeRecord("""{ "owner": null, "progress": { "stage": null, "nextActionDue": null } }""")!;

        Assert.Null(record.Owner);
        Assert.Null(record.Customer);
        Assert.True(record.Progress!.Stage.IsEmpty);
        Assert.True(record.Progress.NextActionDue.IsEmpty);
        Assert.True(record.RecordedAt.IsEmpty);
    }

    [Fact]
    public void DeserializeRecord_CommentsTrailingCommasAndUnknownMembers_AreAccepted()
    {
        var record = FollowUpJson.DeserializeRecord("""
            {
              // exported by CRM v3
              "id": "FU-9", "crmInternalId": { "a": 1 }, "owner": "李明",
            }
            """)!;

        Assert.Equal(("FU-9", "李明"), (record.Id, record.Owner));
    }

    [Fact]
    public void DeserializeRecord_JsonNull_IsNull() => Assert.Null(FollowUpJson.DeserializeRecord("null"));

    [Theory]
    [InlineData("""{ "id": "FU-1", """)]
    [InlineData("""{ "id": "FU-1", x }""")]
    [InlineData("""{ "id": "FU-1" } trailing""")]
    [InlineData("""{ "customer": "张伟", "id": }""")]
    public void DeserializeRecord_BrokenJson_ThrowsJsonException(string json)
    {
        Assert.ThrowsAny<JsonException>(() => FollowUpJson.DeserializeRecord(json));
        Assert.ThrowsAny<JsonException>(() => FollowUpJson.DeserializeRecord(Encoding.UTF8.GetBytes(json)));
    }

    /// <summary>A field given twice would be read last-wins, dropping the first value without a word: the record is refused, naming it.</summary>
    [Theory]
    [InlineData("""{ "id": "D1", "owner": "李明", "id": "D2" }""", "The record gives 'id' twice: ")]
    [InlineData("""{ "id": "C1", "ID": "C2" }""", "The record gives 'id' twice, as \"id\" and \"ID\" (names are read ignoring case): ")]
    [InlineData("""{ "id": "S1", "id": "S1" }""", "The record gives 'id' twice: ")]
    [InlineData("""{ "needs": { "summary": "替换 ERP" }, "needs": { "budget": "50万" } }""", "The record gives 'needs' twice: ")]
    [InlineData("""{ "needs": { "summary": "a", "Summary": "b", "SUMMARY": "c" } }""", "The record gives 'needs.summary' 3 times, as \"summary\", \"Summary\" and \"SUMMARY\" (")]
    [InlineData("""{ "communications": [{ "summary": "a" }, { "summary": "b", "summary": "c" }] }""", "The record gives 'communications[1].summary' twice: ")]
    [InlineData("""{ "custom": { "orderStatus": "已发货", "orderStatus": "已签收" } }""", "The record gives 'custom.orderStatus' twice: ")]
    [InlineData("""{ "customer": "张伟", "owner": "李明", "Owner": "王芳" }""", "The record gives 'owner' twice, as \"owner\" and \"Owner\" (")]
    [InlineData("""{ "custom": { "orderStatus": "已发货", "OrderStatus": "已签收", "ORDERSTATUS": "退货" } }""", "The record gives 'custom.orderStatus' 3 times, as \"orderStatus\", \"OrderStatus\" and \"ORDERSTATUS\" (")]
    [InlineData("""{ "id": "M1", "id": "M2", "progress": { "stage": "Signed", "stage": "Lost" } }""", "The record gives 'id' twice and 'progress.stage' twice: ")]
    public void DeserializeRecord_FieldGivenTwice_ThrowsNamingTheFieldAndItsPath(string json, string message)
    {
        var fromText = Assert.ThrowsAny<JsonException>(() => FollowUpJson.DeserializeRecord(json));
        var fromUtf8 = Assert.ThrowsAny<JsonException>(() => FollowUpJson.DeserializeRecord(Encoding.UTF8.GetBytes(json)));

        Assert.StartsWith(message, fromText.Message, StringComparison.Ordinal);
        Assert.EndsWith("which value is meant cannot be told, so give each field once.", fromText.Message, StringComparison.Ordinal);
        Assert.Equal(fromText.Message, fromUtf8.Message);
    }

    [Fact]
    public void DeserializeRecord_NamesThatAreNotFields_AreNotRepeats()
    {
        // Unknown members are skipped whatever they hold.
        var record = FollowUpJson.DeserializeRecord("""{ "id": "N1", "note": 1, "note": 2, "custom": { "orderStatus": "已发货" } }""")!;

        Assert.Equal("N1", record.Id);
        Assert.Equal("已发货", record.Custom!["orderStatus"]);
    }

    [Fact]
    public void DeserializeRecord_CustomFieldNamedInAnotherCaseWithAWrongShape_IsOneInvalidValueFinding()
    {
        var record = FollowUpJson.DeserializeRecord("""{ "scenario": "ECommerce", "custom": { "OrderStatus": ["已发货"], "afterSales": "11 月 20 日签收，无售后问题" } }""")!;

        var evaluation = TestClock.Evaluator().Evaluate(record);

        var finding = Assert.Single(evaluation.Findings, f => f.Field.Equals("custom.orderStatus", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(FindingCodes.InvalidValue, finding.Code);
    }

    [Fact]
    public void DeserializeRecord_CustomFieldNamedInAnotherCase_FillsTheProfilesField()
    {
        var record = FollowUpJson.DeserializeRecord("""{ "scenario": "ECommerce", "custom": { "OrderStatus": "已发货，单号 SF1234", "AFTERSALES": "11 月 20 日签收，无售后问题" } }""")!;

        var evaluation = TestClock.Evaluator().Evaluate(record);

        Assert.Equal("已发货，单号 SF1234", record.Custom!["orderStatus"]);
        Assert.Empty(evaluation.FindingsOn("custom.orderStatus"));
        Assert.Empty(evaluation.FindingsOn("custom.afterSales"));
        Assert.DoesNotContain(evaluation.FindingsOn("custom.OrderStatus"), f => f.Code == FindingCodes.FieldMissing);
    }

    [Fact]
    public void JsonSerializer_WithOptionsOrResolverAlone_WritesAnEvaluationAndAReportWithoutReflection()
    {
        // FollowUpJson.Options had metadata for the record only: an evaluation threw NotSupportedException, and a Native AOT
        // host (no reflection to fall back on) answered every endpoint with 500. Options whose only resolver is the library's
        // have no reflection either, as under AOT.
        var aotLike = new JsonSerializerOptions(JsonSerializerDefaults.Web) { TypeInfoResolver = FollowUpJson.TypeInfoResolver };
        var record = SampleRecords.CompleteToB();
        var evaluation = TestClock.Evaluator().Evaluate(record);
        var builder = new FollowUp.Rules.Reporting.TeamReportBuilder();
        builder.Add(record, evaluation);
        var report = builder.Build();

        Assert.Equal(FollowUpJson.Serialize(evaluation), JsonSerializer.Serialize(evaluation, FollowUpJson.Options));
        Assert.Equal(FollowUpJson.Serialize(evaluation), JsonSerializer.Serialize(evaluation, aotLike));
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(
            System.Text.Json.Nodes.JsonNode.Parse(report.ToString(FollowUp.Rules.Reporting.TeamReportFormat.Json)),
            System.Text.Json.Nodes.JsonNode.Parse(JsonSerializer.Serialize(report, aotLike))));
        Assert.Equal(record.Id, JsonSerializer.Deserialize<FollowUpRecord>(FollowUpJson.Serialize(record), aotLike)!.Id);

        // Reminders and lists, as a batch or reminders endpoint returns them.
        var overdue = TestClock.Evaluator().Evaluate(SampleRecords.CompleteToB().WithProgress(p => p with { NextActionDue = Timestamp.Parse("2026-11-20 18:00") }));
        Assert.Contains("\"kind\":\"Overdue\"", JsonSerializer.Serialize(overdue.Reminders, aotLike), StringComparison.Ordinal);
        Assert.StartsWith("[{\"id\":", JsonSerializer.Serialize<IReadOnlyList<FollowUpEvaluation>>([evaluation], aotLike), StringComparison.Ordinal);
    }

    [Fact]
    public void JsonSerializer_RecordTypeInfo_RefusesAFieldGivenTwice()
    {
        Assert.False(FollowUpJson.Options.AllowDuplicateProperties);
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize("""{ "id": "D1", "ID": "D2" }""", FollowUpJson.Record));
    }

    [Theory]
    [InlineData(63, null)]
    [InlineData(64, 83L)]
    [InlineData(200, 83L)]
    public void DeserializeRecord_NestedDeeperThan64Levels_SaysSoAndWhere(int lists, long? tooDeepAt)
    {
        // The record is the first level, so 63 nested lists reach its 64th and the 64th list, at byte 83, goes deeper.
        var json = $$"""{ "id": "N-1", "x": {{new string('[', lists)}}{{new string(']', lists)}} }""";

        if (tooDeepAt is null)
        {
            Assert.Equal("N-1", FollowUpJson.DeserializeRecord(json)!.Id);
            return;
        }

        var fromText = Assert.ThrowsAny<JsonException>(() => FollowUpJson.DeserializeRecord(json));
        var fromUtf8 = Assert.ThrowsAny<JsonException>(() => FollowUpJson.DeserializeRecord(Encoding.UTF8.GetBytes(json)));

        Assert.Equal("The record is nested too deeply: objects and lists may nest 64 levels deep, and here they go deeper.", fromText.Message);
        Assert.Equal(((long?)0, tooDeepAt), (fromText.LineNumber, fromText.BytePositionInLine));
        Assert.Equal((fromText.Message, fromText.BytePositionInLine), (fromUtf8.Message, fromUtf8.BytePositionInLine));
    }

    [Fact]
    public void DeserializeRecord_TooDeepValueWhereTextBelongs_SaysItIsTooDeepNotThatItIsAnObject()
    {
        // The serializer stops at the object where text belongs before it reaches the depth, and would say only that.
        var json = "{ \"id\": \"N-2\",\n  \"custom\": { \"a\": " + string.Concat(Enumerable.Repeat("{ \"a\": ", 70)) + "1" + new string('}', 71) + " }";

        var error = Assert.ThrowsAny<JsonException>(() => FollowUpJson.DeserializeRecord(json));

        Assert.StartsWith("The record is nested too deeply", error.Message, StringComparison.Ordinal);
        Assert.Equal(1L, error.LineNumber);
    }

    [Theory]
    [InlineData("""{ "customer": "张伟" }""", "customer", JsonValueKind.Object, JsonValueKind.String, "\"张伟\"")]
    [InlineData("""{ "owner": { "name": "x" } }""", "owner", JsonValueKind.String, JsonValueKind.Object, """{"name":"x"}""")]
    [InlineData("""{ "needs": { "summary": ["a", "b"] } }""", "needs.summary", JsonValueKind.String, JsonValueKind.Array, """["a","b"]""")]
    [InlineData("""{ "needs": { "budget": { "amount": 50 } } }""", "needs.budget", JsonValueKind.String, JsonValueKind.Object, """{"amount":50}""")]
    [InlineData("""{ "needs": { "changes": "需求变了" } }""", "needs.changes", JsonValueKind.Array, JsonValueKind.String, "\"需求变了\"")]
    [InlineData("""{ "needs": { "painPoints": { "text": "库存不准" } } }""", "needs.painPoints", JsonValueKind.Array, JsonValueKind.Object, """{"text":"库存不准"}""")]
    [InlineData("""{ "custom": { "d": ["x"] } }""", "custom.d", JsonValueKind.String, JsonValueKind.Array, """["x"]""")]
    [InlineData("""{ "custom": "已发货" }""", "custom", JsonValueKind.Object, JsonValueKind.String, "\"已发货\"")]
    [InlineData("""{ "risks": [{ "description": ["a", "b"] }] }""", "risks[0].description", JsonValueKind.String, JsonValueKind.Array, """["a","b"]""")]
    [InlineData("""{ "attachments": "ERP方案V2.pdf" }""", "attachments", JsonValueKind.Array, JsonValueKind.String, "\"ERP方案V2.pdf\"")]
    [InlineData("""{ "communications": { "summary": "电话沟通" } }""", "communications", JsonValueKind.Array, JsonValueKind.Object, """{"summary":"电话沟通"}""")]
    [InlineData("""{ "progress": { "stage": { "name": "Signed" } } }""", "progress.stage", JsonValueKind.String, JsonValueKind.Object, """{"name":"Signed"}""")]
    [InlineData("""{ "progress": { "nextActionDue": ["2026-12-05"] } }""", "progress.nextActionDue", JsonValueKind.String, JsonValueKind.Array, """["2026-12-05"]""")]
    [InlineData("""{ "progress": 3 }""", "progress", JsonValueKind.Object, JsonValueKind.Number, "3")]
    [InlineData("""{ "recordedAt": true, "customer": { "wechat": {} } }""", "customer.wechat", JsonValueKind.String, JsonValueKind.Object, "{}")]
    [InlineData("""{ "customer": { "whatsapp": ["+852 6123 4567"] } }""", "customer.whatsapp", JsonValueKind.String, JsonValueKind.Array, """["+852 6123 4567"]""")]
    [InlineData("""{ "customer": { "LINE": { "id": "chen.tw" } } }""", "customer.line", JsonValueKind.String, JsonValueKind.Object, """{"id":"chen.tw"}""")]
    [InlineData("""{ "CUSTOMER": { "Name": ["张伟"] } }""", "customer.name", JsonValueKind.String, JsonValueKind.Array, """["张伟"]""")]
    public void DeserializeRecord_WrongShapedValue_IsReadAsAbsentAndListedOnItsPath(string json, string path, JsonValueKind expected, JsonValueKind found, string value)
    {
        var fromText = FollowUpJson.DeserializeRecord(json)!;
        var fromUtf8 = FollowUpJson.DeserializeRecord(Encoding.UTF8.GetBytes(json))!;

        Assert.Equal(new InvalidValue(path, expected, found, value), Assert.Single(fromText.InvalidValues));
        Assert.Equal(fromText.InvalidValues, fromUtf8.InvalidValues);
        Assert.Equal(FollowUpJson.Serialize(fromText), FollowUpJson.Serialize(fromUtf8));
    }

    [Fact]
    public void DeserializeRecord_WrongShapedValues_LeaveEveryOtherFieldRead()
    {
        var record = FollowUpJson.DeserializeRecord("""
            {
              // exported by CRM v3, with comments and a trailing comma
              "id": "FU-7", "customer": "张伟", "owner": { "name": "x" },
              "needs": { "summary": ["a", "b"], "budget": "50万", "painPoints": ["库存不准", { "x": 1 }, "月结慢"], "changes": "需求变了" },
              "progress": { "stage": "方案已发", "nextAction": "发送正式报价单" },
              "custom": { "d": ["x"], "orderStatus": "已发货" },
            }
            """)!;

        Assert.Equal(["customer", "owner", "needs.summary", "needs.painPoints[1]", "needs.changes", "custom.d"], record.InvalidValues.Select(v => v.Path));
        Assert.Equal("FU-7", record.Id);
        Assert.Null(record.Customer);
        Assert.Null(record.Owner);
        Assert.Null(record.Needs!.Summary);
        Assert.Null(record.Needs.Changes);
        Assert.Equal("50万", record.Needs.Budget);
        Assert.Equal(["库存不准", "月结慢"], record.Needs.PainPoints);
        Assert.Equal(DealStage.ProposalSent, record.Progress!.Stage.Value);
        Assert.Equal("发送正式报价单", record.Progress.NextAction);
        Assert.Null(record.Custom!["d"]);
        Assert.Equal("已发货", record.Custom["orderStatus"]);
    }

    [Fact]
    public void DeserializeRecord_WrongShapedListEntry_IsAnAbsentEntryAndTheOthersKeepTheirIndex()
    {
        var record = FollowUpJson.DeserializeRecord("""
            { "risks": ["友商已报价", { "kind": "Competitor", "countermeasure": "周三前提交差异化方案" }],
              "attachments": [7, { "kind": "方案", "name": "ERP方案V2.pdf" }] }
            """)!;

        Assert.Equal(["risks[0]", "attachments[0]"], record.InvalidValues.Select(v => v.Path));
        Assert.Null(record.Risks![0]);
        Assert.Equal("周三前提交差异化方案", record.Risks[1].Countermeasure);
        Assert.Null(record.Attachments![0]);
        Assert.Equal(AttachmentKind.Proposal, record.Attachments[1].Kind.Value);
    }

    [Fact]
    public void DeserializeRecord_LongWrongShapedValue_IsKeptShortened()
    {
        var items = string.Join(",", Enumerable.Range(0, 100).Select(i => $"\"痛点{i}\""));

        var invalid = Assert.Single(FollowUpJson.DeserializeRecord($$"""{ "needs": { "summary": [{{items}}] } }""")!.InvalidValues);

        Assert.Equal(InvalidValue.MaxJsonLength, invalid.Json.Length);
        Assert.StartsWith("[\"痛点0\",\"痛点1\"", invalid.Json, StringComparison.Ordinal);
        Assert.EndsWith("…", invalid.Json, StringComparison.Ordinal);
    }

    [Fact]
    public void DeserializeRecord_ValidRecord_HasNoInvalidValues() =>
        Assert.Empty(FollowUpJson.DeserializeRecord(SpecExample)!.InvalidValues);

    [Fact]
    public void DeserializeRecord_JsonThatIsNotAnObject_ThrowsJsonException()
    {
        Assert.ThrowsAny<JsonException>(() => FollowUpJson.DeserializeRecord("""["x"]"""));
        Assert.ThrowsAny<JsonException>(() => FollowUpJson.DeserializeRecord("\"张伟\""));
    }

    [Fact]
    public void Serialize_RecordWithInvalidValues_DoesNotWriteThem()
    {
        var record = FollowUpJson.DeserializeRecord("""{ "id": "FU-1", "customer": "张伟" }""")!;

        var json = FollowUpJson.Serialize(record);

        Assert.DoesNotContain("张伟", json, StringComparison.Ordinal);
        Assert.DoesNotContain("invalid", json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Serialize_CompleteRecord_RoundTripsToAnEqualRecord()
    {
        var original = SampleRecords.CompleteProject();

        var json = FollowUpJson.Serialize(original);
        var read = FollowUpJson.DeserializeRecord(json)!;

        Assert.Equal(json, FollowUpJson.Serialize(read));
        Assert.Equal(original.Customer, read.Customer);
        Assert.Equal(original.Progress, read.Progress);
        Assert.Equal(original.RecordedAt, read.RecordedAt);
        Assert.Equal(original.Communications, read.Communications);
        Assert.Equal(original.Attachments, read.Attachments);
        Assert.Equal(original.Risks, read.Risks);
        Assert.Equal(original.Needs!.PainPoints, read.Needs!.PainPoints);
        Assert.Equal(original.Custom, read.Custom);
    }

    [Fact]
    public void Serialize_AbsentTimes_AreLeftOutAsEveryOtherAbsentField()
    {
        // "recordedAt":null was written beside nothing else for an absent field; the other times likewise.
        var record = new FollowUpRecord
        {
            Id = "a",
            Communications = [new Communication { Summary = "电话沟通" }],
            Progress = new DealProgress { NextAction = "发报价" },
        };

        Assert.Equal("""{"id":"a","communications":[{"summary":"电话沟通"}],"progress":{"nextAction":"发报价"}}""", FollowUpJson.Serialize(record));
        Assert.Equal("""{"id":"a","recordedAt":"2026-11-20"}""", FollowUpJson.Serialize(new FollowUpRecord { Id = "a", RecordedAt = Timestamp.Parse("2026-11-20") }));
        Assert.Equal("""{"id":"a","recordedAt":"下周"}""", FollowUpJson.Serialize(new FollowUpRecord { Id = "a", RecordedAt = Timestamp.Parse("下周") }));
    }

    [Fact]
    public void Serialize_CamelCaseNamesAndWechat_AreWritten()
    {
        using var document = JsonDocument.Parse(FollowUpJson.Serialize(SampleRecords.CompleteToB()));
        var root = document.RootElement;

        Assert.True(root.TryGetProperty("recordedAt", out _));
        Assert.True(root.GetProperty("customer").TryGetProperty("companySize", out _));
        Assert.Equal("zlq_qiheng", root.GetProperty("customer").GetProperty("wechat").GetString());
        Assert.Equal("ProposalSent", root.GetProperty("progress").GetProperty("stage").GetString());
        Assert.Equal("2026-12-02T18:00:00+08:00", root.GetProperty("progress").GetProperty("nextActionDue").GetString());
    }

    [Fact]
    public void Serialize_ValuesAsReceived_RoundTripWithTheirMeaning()
    {
        var original = new FollowUpRecord
        {
            RecordedAt = Timestamp.Parse("2026/11/20 15:00"),
            Customer = new Customer { DecisionRole = EnumValue<DecisionRole>.Parse("決策人") },
            Communications = [new Communication { Channel = EnumValue<ContactChannel>.Parse("信鸽"), At = Timestamp.Parse("昨天下午") }],
            Progress = new DealProgress { Stage = EnumValue<DealStage>.Parse("  "), NextActionDue = Timestamp.Parse("2026-12-05T18:00:00.125+08:00") },
        };

        var read = FollowUpJson.DeserializeRecord(FollowUpJson.Serialize(original))!;

        // A clock reading stays a clock reading, a label becomes its member, unknown text and unreadable dates stay as written.
        Assert.Equal(original.RecordedAt, read.RecordedAt);
        Assert.False(read.RecordedAt.HasOffset);
        Assert.Equal(DecisionRole.DecisionMaker, read.Customer!.DecisionRole.Value);
        Assert.Equal("信鸽", read.Communications![0].Channel.Text);
        Assert.True(read.Communications[0].Channel.IsUnrecognized);
        Assert.Equal("昨天下午", read.Communications[0].At.Text);
        Assert.True(read.Progress!.Stage.IsEmpty);
        Assert.Equal(original.Progress.NextActionDue, read.Progress.NextActionDue);
    }

    [Fact]
    public void Record_TypeInfo_WorksWithJsonSerializer()
    {
        var record = JsonSerializer.Deserialize("""{ "customer": { "wechat": "w1" } }""", FollowUpJson.Record);

        Assert.Equal("w1", record!.Customer!.WeChat);
        Assert.True(FollowUpJson.Options.PropertyNameCaseInsensitive);
    }

    [Fact]
    public void HostSerializerWithWebDefaults_ReadsRecordsAsLenientlyAsFollowUpJson()
    {
        const string json = """
            { "id": 1001, "recordedAt": "2026-11-20 18:00",
              "customer": { "decisionRole": "决策人", "phone": 13800000000, "whatsapp": 85261234567 },
              "needs": { "budget": 500000, "painPoints": "库存不准" },
              "communications": [{ "channel": "電話", "feedback": "maybe later" }],
              "progress": { "stage": "ProposalSent", "nextActionDue": "下周" },
              "attachments": [{ "kind": "方案" }] }
            """;

        var record = JsonSerializer.Deserialize<FollowUpRecord>(json, HostOptions)!;

        Assert.Equal("1001", record.Id);
        Assert.True(record.RecordedAt.IsValid);
        Assert.Equal(DecisionRole.DecisionMaker, record.Customer!.DecisionRole.Value);
        Assert.Equal("13800000000", record.Customer.Phone);
        Assert.Equal("85261234567", record.Customer.WhatsApp);
        Assert.Equal("500000", record.Needs!.Budget);
        Assert.Equal(["库存不准"], record.Needs.PainPoints);
        Assert.Equal(ContactChannel.Phone, record.Communications![0].Channel.Value);
        Assert.Equal("maybe later", record.Communications[0].Feedback.Text);
        Assert.Equal(DealStage.ProposalSent, record.Progress!.Stage.Value);
        Assert.Equal("下周", record.Progress.NextActionDue.Text);
        Assert.Equal(AttachmentKind.Proposal, record.Attachments![0].Kind.Value);
        Assert.Equal(FollowUpJson.Serialize(FollowUpJson.DeserializeRecord(json)!), FollowUpJson.Serialize(record));
    }

    [Fact]
    public void Serialize_Evaluation_WritesTheSpecShape()
    {
        var evaluation = TestClock.Evaluator().Evaluate(new FollowUpRecord { Id = "FU-1", Scenario = "ToC" });

        using var document = JsonDocument.Parse(FollowUpJson.Serialize(evaluation));
        var root = document.RootElement;

        Assert.Equal("FU-1", root.GetProperty("id").GetString());
        Assert.Equal("ToC", root.GetProperty("profile").GetString());
        Assert.Equal(TestClock.Now, root.GetProperty("evaluatedAt").GetDateTimeOffset());
        Assert.Equal(evaluation.Score, root.GetProperty("score").GetDouble());
        Assert.Equal(evaluation.Grade.ToString(), root.GetProperty("grade").GetString());
        var steps = root.GetProperty("completeness").GetProperty("steps");
        Assert.Equal(["BasicInfo", "Needs", "Communications", "Progress", "AttachmentsAndRisks"], steps.EnumerateArray().Select(s => s.GetProperty("step").GetString()));
        Assert.Equal(evaluation.Completeness[FollowUpStep.BasicInfo].Missing, steps[0].GetProperty("missing").EnumerateArray().Select(m => m.GetString()));
        foreach (var name in new[] { "clarity", "vague", "deductions", "findings" })
        {
            Assert.Equal(JsonValueKind.Array, root.GetProperty(name).ValueKind);
        }

        Assert.Equal(JsonValueKind.Object, root.GetProperty("risk").ValueKind);
        var finding = root.GetProperty("findings")[0];
        Assert.Equal(evaluation.Findings[0].Code, finding.GetProperty("code").GetString());
        Assert.Equal(evaluation.Findings[0].Severity.ToString(), finding.GetProperty("severity").GetString());
        Assert.Equal(evaluation.Findings[0].Field, finding.GetProperty("field").GetString());
        Assert.Equal(evaluation.Findings[0].Message, finding.GetProperty("message").GetString());
        var deductions = root.GetProperty("deductions").EnumerateArray().ToList();
        Assert.Equal(["code", "group", "component", "points", "field", "message"], deductions[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            evaluation.Deductions.Select(d => ((string?)d.Code, (string?)d.Group.ToString(), (string?)d.Component.ToString(), d.Points, (string?)d.Field)),
            deductions.Select(d => (d.GetProperty("code").GetString(), d.GetProperty("group").GetString(), d.GetProperty("component").GetString(),
                d.GetProperty("points").GetDouble(), d.GetProperty("field").GetString())));
    }

    [Fact]
    public void Serialize_Evaluation_KeepsChineseReadable()
    {
        var evaluation = TestClock.Evaluator().Evaluate(new FollowUpRecord());

        var json = FollowUpJson.Serialize(evaluation);

        Assert.Contains("缺少", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_NullEvaluation_ThrowsArgumentNullException() =>
        Assert.Throws<ArgumentNullException>(() => FollowUpJson.Serialize((FollowUpEvaluation)null!));

    [Fact]
    public void Serialize_NullRecord_ThrowsArgumentNullException() =>
        Assert.Throws<ArgumentNullException>(() => FollowUpJson.Serialize((FollowUpRecord)null!));

    [Fact]
    public void DeserializeRecord_NullText_ThrowsArgumentNullException() =>
        Assert.Throws<ArgumentNullException>(() => FollowUpJson.DeserializeRecord((string)null!));

    [Fact]
    public void JsonSerializer_AnyOptions_WritesAnEvaluationAsSpec8()
    {
        var evaluation = TestClock.Evaluator().Evaluate(SampleRecords.CompleteToB() with { Needs = null });
        var relaxed = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        // What an ASP.NET Core endpoint returning the evaluation writes, as a value and inside another object.
        Assert.Equal(FollowUpJson.Serialize(evaluation), JsonSerializer.Serialize(evaluation, relaxed));
        var wrapped = JsonSerializer.Serialize(new { evaluations = new[] { evaluation } }, relaxed);
        Assert.Equal($"{{\"evaluations\":[{FollowUpJson.Serialize(evaluation)}]}}", wrapped);
        using var document = JsonDocument.Parse(JsonSerializer.Serialize(evaluation));
        Assert.Equal(evaluation.Grade.ToString(), document.RootElement.GetProperty("grade").GetString());
        Assert.Equal("Error", document.RootElement.GetProperty("findings")[0].GetProperty("severity").GetString());
        Assert.Throws<NotSupportedException>(() => JsonSerializer.Deserialize<FollowUpEvaluation>(FollowUpJson.Serialize(evaluation)));
    }

    [Theory]
    [InlineData("好\\ud83d", "好\uFFFD")]
    [InlineData("\\ud83d\\ude00 ok", "\U0001F600 ok")]
    [InlineData("a\\ude00\\ud83d\\n\\\"b\\u4e2d", "a\uFFFD\uFFFD\n\"b中")]
    [InlineData("\\ud83d\\u0041\\/\\\\\\t", "\uFFFDA/\\\t")]
    public void DeserializeRecord_LoneSurrogateEscape_IsTheReplacementCharacterAndTheRecordIsRead(string escaped, string expected)
    {
        var record = FollowUpJson.DeserializeRecord($$$"""{"id":"Z-1","communications":[{"summary":"{{{escaped}}}"}],"custom":{"note":"{{{escaped}}}"}}""");

        Assert.Equal(expected, record!.Communications![0]!.Summary);
        Assert.Equal(expected, record.Custom!["note"]);
        Assert.Empty(record.InvalidValues ?? []);
    }

    [Fact]
    public void DeserializeRecord_BytesThatAreNotUtf8_StillFail()
    {
        byte[] json = [.. "{\"id\":\"Z-2\",\"owner\":\"\\ud83d"u8, 0xFF, .. "\"}"u8];

        Assert.Throws<JsonException>(() => FollowUpJson.DeserializeRecord(json));
    }

    private static readonly JsonSerializerOptions WebOptions = new(JsonSerializerDefaults.Web);

    private static readonly JsonSerializerOptions StrictOptions = new(JsonSerializerDefaults.Web) { AllowDuplicateProperties = false };

    private static readonly JsonSerializerOptions SnakeOptions = new(JsonSerializerDefaults.Web)
    {
        DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    [Fact]
    public void JsonSerializer_HostOptions_ReadCustomFieldsAsLenientlyAsFollowUpJson()
    {
        const string Json = """{"id":"C-1","custom":{"orderStatus":"已发货\ud83d","quantity":5,"gift":true,"none":null}}""";

        var host = JsonSerializer.Deserialize<FollowUpRecord>(Json, WebOptions);
        var ours = FollowUpJson.DeserializeRecord(Json);

        Assert.Equal(ours!.Custom, host!.Custom);
        Assert.Equal(["已发货\uFFFD", "5", "true", null], host.Custom!.Values);
        Assert.Equal(host.Custom, FollowUpJson.DeserializeRecord(FollowUpJson.Serialize(host))!.Custom);
    }

    [Fact]
    public void JsonSerializer_HostOptionsForCustomFields_AreHonouredAndHalfASurrogateInANameIsRead()
    {
        var record = new FollowUpRecord { Custom = new Dictionary<string, string?> { ["orderStatus"] = "已发货" } };

        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<FollowUpRecord>("""{"custom":{"a":"1","a":"2"}}""", StrictOptions));
        Assert.Equal("2", JsonSerializer.Deserialize<FollowUpRecord>("""{"custom":{"a":"1","a":"2"}}""", WebOptions)!.Custom!["a"]);
        Assert.Contains("\"order_status\":\"已发货\"", JsonSerializer.Serialize(record, SnakeOptions), StringComparison.Ordinal);
        Assert.Equal("x", FollowUpJson.DeserializeRecord("""{"custom":{"order\ud83d":"x"}}""")!.Custom!["order\uFFFD"]);
    }
}
