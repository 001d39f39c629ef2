using System.Text;
using FollowUp.Rules.Import.Tests.Infrastructure;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace FollowUp.Rules.Import.Tests;

/// <summary>
/// A few rows of ordinary follow-up text, in Simplified or Traditional characters, saved as UTF-8, GB18030 or Big5 without
/// a byte order mark, are read in the encoding they were saved in: GB18030 and Big5 are told apart by their text alone.
/// </summary>
public sealed class EncodingDetectionProperties
{
    [Property(MaxTest = 200, Arbitrary = [typeof(Arbitraries)])]
    public Property Open_FollowUpTextInAnyScriptAndEncoding_IsReadInTheEncodingItWasSavedIn(Export export)
    {
        var csv = new StringBuilder("id,communications[0].summary\r\n");
        for (var i = 0; i < export.Notes.Length; i++)
        {
            csv.Append("R-").Append(i).Append(',').Append(export.Notes[i]).Append("\r\n");
        }

        using var reader = FollowUpTableReader.OpenStream(Tables.Csv(csv.ToString(), export.Encoding), TableFormat.Csv);

        var notes = reader.ReadRecords().Select(r => r.Record?.Communications?[0].Summary).ToArray();
        return (reader.Encoding!.CodePage == export.Encoding.CodePage && notes.SequenceEqual(export.Notes))
            .Label($"{export}: read as {reader.Encoding.WebName} ({reader.EncodingEvidence})");
    }

    /// <summary>Notes of follow-up words, and the encoding they are saved in (Big5 only for Traditional text, which it can hold).</summary>
    public sealed record Export(string[] Notes, Encoding Encoding)
    {
        public override string ToString() => $"{Encoding.WebName}: {string.Join(" / ", Notes)}";
    }

    public static class Arbitraries
    {
        /// <summary>Words of follow-up notes, Simplified and Traditional.</summary>
        private static readonly (string Simplified, string Traditional)[] Words =
        [
            ("客户", "客戶"), ("跟进", "跟進"), ("报价", "報價"), ("预算", "預算"), ("合同", "合同"), ("联系", "聯繫"), ("下周", "下週"),
            ("拜访", "拜訪"), ("电话", "電話"), ("沟通", "溝通"), ("需求", "需求"), ("确认", "確認"), ("价格", "價格"), ("太高", "太高"),
            ("等待", "等待"), ("回复", "回覆"), ("方案", "方案"), ("签约", "簽約"), ("经理", "經理"), ("采购", "採購"), ("问题", "問題"),
            ("已经", "已經"), ("决定", "決定"), ("时间", "時間"), ("发送", "發送"), ("会议", "會議"), ("样品", "樣品"), ("产品", "產品"),
            ("公司", "公司"), ("对方", "對方"), ("竞争对手", "競爭對手"), ("交期", "交期"), ("付款", "付款"), ("技术", "技術"),
            ("评估", "評估"), ("系统", "系統"), ("服务", "服務"), ("支持", "支持"), ("，", "，"), ("。", "。"), ("30 分钟", "30 分鐘"),
        ];

        public static Arbitrary<Export> Export() => Arb.From(
            from encoding in Gen.Elements("utf-8", "gb18030", "big5")
            from traditional in encoding == "big5" ? Gen.Constant(true) : Gen.Elements(false, true)
            from count in Gen.Choose(2, 5)
            from notes in Gen.ArrayOf(Note(traditional), count)
            select new Tests.EncodingDetectionProperties.Export(notes, TableEncodings.GetEncoding(encoding)));

        private static Gen<string> Note(bool traditional) =>
            from count in Gen.Choose(4, 12)
            from words in Gen.ArrayOf(Gen.Elements(Words), count)
            select string.Concat(words.Select(w => traditional ? w.Traditional : w.Simplified));
    }
}
