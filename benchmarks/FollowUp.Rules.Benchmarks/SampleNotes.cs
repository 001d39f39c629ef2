using System.Text;

namespace FollowUp.Rules.Benchmarks;

/// <summary>
/// A deterministic set of free-text follow-up notes for the phrase-matching benchmarks: 50 to 500 characters each, in
/// Simplified Chinese, Traditional Chinese, English and mixtures of them, some with full-width letters and digits, some
/// with line breaks. Most notes mix lexicon phrases (as the lexicon writes them, some upper-cased or full-width) into
/// neutral business text; about a fifth hold no phrase at all. The same seed always gives the same notes.
/// </summary>
internal static class SampleNotes
{
    /// <summary>The longest note, in UTF-16 code units.</summary>
    public const int MaxLength = 500;

    private const int MinLength = 50;

    // Neutral business text. Some of it holds incidental lexicon hits (the digits 0 and 1, 好, 不 are phrases of the full
    // lexicon); notes meant to hold no phrase use only the segments that hold none, checked when the notes are made.
    private static readonly string[] Simplified =
    [
        "上门拜访 2 小时，现场看了仓库和产线", "确认采购 280 台手持终端，含三年质保", "客户 IT 主管参加了产品演示，重点问了接口方案",
        "报价单已发邮件，总价 36.8 万元，含实施费用", "约定 12 月 3 日下午 3 点做第二轮演示", "采购经理要求 12 月 5 日前提交正式报价",
        "客户现有三个仓库，月出库量约 4 万单", "财务总监关心分期付款和发票类型", "双方确认了实施范围：原料仓、半成品仓、成品仓",
        "总经理同意在苏州工厂先做试点", "POC 环境已搭建完成，明天上午演示", "客户提供了现有 ERP 的接口文档",
        "合同条款已发法务审核，付款方式为 3:4:3", "培训安排在 12 月第二周，共两天", "已开具增值税专票 2.4 万元",
        "客户希望与金蝶 K3 打通库存数据", "现场调研纪要已上传附件", "需求变更：数量从 40 增至 60，预算同步上调",
        "项目经理牵头，信息中心主任参与评审", "下周三 14:00 在客户会议室做方案汇报", "演示了扫码出库和批次追溯两个场景",
        "对方采购流程需三家比选后上会", "本月 28 日前寄出样机 2 台", "实施周期按 8 周排期，分两期上线",
    ];

    private static readonly string[] Traditional =
    [
        "上門拜訪 2 小時，現場看了倉庫和產線", "客戶資訊部主管參加了產品演示，詢問了介面方案", "報價單已發郵件，總價 36.8 萬元，含實施費用",
        "約定 12 月 3 日下午 3 點做第二輪演示", "財務總監關心分期付款和發票類型", "合約條款已發法務審核", "培訓安排在 12 月第二週，共兩天",
        "客戶希望與現有 ERP 系統打通庫存資料",
    ];

    private static readonly string[] English =
    [
        "Met the IT manager for 45 minutes and walked through the API design", "Quote sent by email: 280 licenses, CNY 368,000 incl. setup",
        "Demo of barcode picking and batch tracing scheduled for Dec 3, 3 pm", "Procurement asked for the final quote by Dec 5",
        "Three warehouses, about 40k outbound orders a month", "CFO asked about instalments and VAT invoices",
        "Scope agreed: raw material, WIP and finished goods warehouses", "POC environment is ready; demo tomorrow at 10 am",
        "Legal is reviewing the contract terms, payment 30/40/30", "Training planned for the second week of December, two days",
        "Wants stock data synced with their ERP", "Site survey notes uploaded as an attachment",
    ];

    /// <summary>Creates <paramref name="count"/> notes from <see cref="SampleRecords.Seed"/>.</summary>
    /// <param name="count">How many notes.</param>
    /// <param name="phrases">The lexicon phrases to mix in, as the lexicon writes them.</param>
    /// <param name="hitCount">Counts the phrase occurrences in a text: used to keep phrase-free notes free of phrases.</param>
    public static string[] Create(int count, IReadOnlyList<string> phrases, Func<string, int> hitCount)
    {
        var random = new Random(SampleRecords.Seed);
        var clean = Simplified.Concat(Traditional).Concat(English).Where(s => hitCount(s) == 0).ToArray();
        var notes = new string[count];
        for (var n = 0; n < count; n++)
        {
            var withoutPhrase = random.NextDouble() < 0.2;
            string note;
            do
            {
                note = Note(random, phrases, withoutPhrase ? clean : null);
            }
            while (withoutPhrase && hitCount(note) != 0);

            notes[n] = note;
        }

        return notes;
    }

    /// <summary>One note; with <paramref name="only"/>, made of those segments alone and no phrase.</summary>
    private static string Note(Random random, IReadOnlyList<string> phrases, string[]? only)
    {
        var target = random.Next(MinLength, MaxLength + 1);
        var language = random.NextDouble();
        var fullWidth = random.NextDouble() < 0.15;
        var builder = new StringBuilder(target + 64);
        var phraseCount = 0;
        while (builder.Length < target)
        {
            if (builder.Length > 0)
            {
                builder.Append(Separator(random, language));
            }

            string segment;
            if (only is not null)
            {
                segment = only[random.Next(only.Length)];
            }
            else if (random.NextDouble() < 0.3 || (phraseCount == 0 && builder.Length + 40 >= target))
            {
                segment = Styled(random, phrases[random.Next(phrases.Count)]);
                phraseCount++;
            }
            else
            {
                var pool = language switch
                {
                    < 0.45 => Simplified,
                    < 0.60 => Traditional,
                    < 0.80 => English,
                    _ => random.NextDouble() < 0.5 ? Simplified : English,
                };
                segment = pool[random.Next(pool.Length)];
            }

            builder.Append(segment);
        }

        var note = builder.ToString();
        if (note.Length > MaxLength)
        {
            note = note[..MaxLength];
        }

        return fullWidth ? FullWidth(random, note) : note;
    }

    private static string Separator(Random random, double language)
    {
        var roll = random.NextDouble();
        if (roll < 0.08)
        {
            return "\n";
        }

        if (language is >= 0.60 and < 0.80)
        {
            return roll < 0.6 ? ", " : ". ";
        }

        return roll < 0.5 ? "，" : roll < 0.7 ? "；" : roll < 0.85 ? "。" : " ";
    }

    /// <summary>A phrase as a sales rep might type it: English ones sometimes capitalised or in capitals.</summary>
    private static string Styled(Random random, string phrase)
    {
        var roll = random.NextDouble();
        if (!phrase.Any(char.IsAsciiLetterLower) || roll >= 0.3)
        {
            return phrase;
        }

        return roll < 0.15 ? phrase.ToUpperInvariant() : char.ToUpperInvariant(phrase[0]) + phrase[1..];
    }

    /// <summary>ASCII letters, digits and punctuation to their full-width forms, and some spaces to the ideographic space.</summary>
    private static string FullWidth(Random random, string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            if (c is > ' ' and <= '~')
            {
                chars[i] = (char)(c + 0xFEE0);
            }
            else if (c == ' ' && random.NextDouble() < 0.5)
            {
                chars[i] = '\u3000';
            }
        }

        return new string(chars);
    }
}
