namespace FollowUp.Rules.Import.Mapping;

/// <summary>
/// Tells which record fields a column name looks like by the words in it (联络人, 電郵, 職, contact, mobile, LINE ID …), for a
/// header column no map entry reads: an export's own name for a field the map knows (客戶聯絡窗口, Primary Mobile) leaves
/// the field empty in every record, and a map that marks the field optional gives no other sign of it. Names are compared
/// folded (<see cref="Text.ColumnNames.Fold"/>): Simplified, lower case. A Chinese word matches anywhere in the name; an
/// English one as a whole word (<c>tel</c> in <c>Tel.</c>, not in <c>Hotel</c>).
/// </summary>
internal static class FieldLookalikes
{
    /// <summary>
    /// The kinds of field, in the order a name is tried against them: the first kind one of whose words the name holds
    /// decides (联络人电话 is a phone, not a contact; Next Contact Date a due date). A kind with no fields stops the search:
    /// a date column other than the due date (最后联络日期, Last Contact Date) looks like no field the words would name.
    /// Each word is one or more parts the name must all hold.
    /// </summary>
    private static readonly (string[] Fields, string[][] Words)[] Kinds =
    [
        (["progress.nextActionDue"], [["下次", "日期"], ["下次", "时间"], ["下一步", "日期"], ["期限"], ["到期"], ["next", "date"], ["due"]]),

        // Before the other dates: a milestone's column holds dates (里程碑日期), and the Project profile requires it.
        (["custom.milestones"], [["里程碑"], ["milestone"], ["milestones"]]),
        ([], [["日期"], ["时间"], ["date"], ["time"]]),
        (["progress.nextAction"], [["下次"], ["下一步"], ["next"]]),
        (["customer.email"], [["邮箱"], ["电邮"], ["邮件"], ["信箱"], ["email"], ["mail"]]),
        (["customer.phone"], [["电话"], ["手机"], ["手提"], ["phone"], ["mobile"], ["tel"], ["cell"]]),
        (["customer.wechat"], [["微信"], ["wechat"], ["weixin"]]),
        (["customer.whatsapp"], [["whatsapp"]]),

        // LINE is an English word too (Product Line, Line Manager), and 賴, as Taiwan calls it, is in 信賴 and 賴帳: each
        // with an id or account word (賴 alone is a whole name, below).
        (["customer.line"], [["line", "id"], ["lineid"], ["line", "帐号"], ["line", "账号"], ["赖", "id"], ["赖", "帐号"], ["赖", "账号"]]),
        (["customer.contactTitle", "communications[0].contactTitle"], [["职"], ["岗位"], ["头衔"], ["title"], ["position"], ["designation"]]),
        (["customer.decisionRole", "communications[0].contactRole"], [["决策"], ["decision"]]),
        (["customer.name", "communications[0].contact"], [["联系人"], ["联络人"], ["窗口"], ["contact"]]),
        (["owner"], [["负责"], ["跟进人"], ["业务员"], ["销售员"], ["同事"], ["owner"], ["salesperson"], ["salesman"], ["rep"]]),
        (["progress.stage"], [["阶段"], ["进度"], ["stage"]]),
        (["needs.budget"], [["预算"], ["budget"]]),
        (["customer.industry"], [["行业"], ["产业"], ["industry"], ["sector"]]),
        (["customer.companySize"], [["规模"], ["人数"], ["employees"], ["headcount"]]),
        (["customer.source"], [["来源"], ["source"]]),
        (["customer.level"], [["级别"], ["等级"], ["分级"], ["tier"]]),
        (["needs.summary"], [["需求"], ["needs"], ["requirement"], ["requirements"]]),
    ];

    /// <summary>Names that look like a field only as the whole name, being part of other words elsewhere.</summary>
    private static readonly (string Name, string[] Fields)[] WholeNames = [("赖", ["customer.line"])];

    /// <summary>Gets the fields a folded column name looks like, in the order of the record; empty when it looks like none.</summary>
    public static IReadOnlyList<string> Of(string foldedName)
    {
        foreach (var (name, fields) in WholeNames)
        {
            if (string.Equals(foldedName, name, StringComparison.Ordinal))
            {
                return fields;
            }
        }

        foreach (var (fields, words) in Kinds)
        {
            if (words.Any(parts => parts.All(part => Holds(foldedName, part))))
            {
                return fields;
            }
        }

        return [];
    }

    /// <summary>Gets whether a name holds a word: a Chinese one anywhere, an English one between characters that are not ASCII letters.</summary>
    private static bool Holds(string name, string word)
    {
        if (!char.IsAsciiLetter(word[0]))
        {
            return name.Contains(word, StringComparison.Ordinal);
        }

        for (var at = name.IndexOf(word, StringComparison.Ordinal); at >= 0; at = name.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            var end = at + word.Length;
            if ((at == 0 || !char.IsAsciiLetter(name[at - 1])) && (end == name.Length || !char.IsAsciiLetter(name[end])))
            {
                return true;
            }
        }

        return false;
    }
}
