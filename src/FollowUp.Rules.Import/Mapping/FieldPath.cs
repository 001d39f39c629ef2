using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace FollowUp.Rules.Import.Mapping;

/// <summary>What a mapped cell holds, which decides how a spreadsheet value becomes text.</summary>
internal enum FieldKind
{
    /// <summary>Free text, a name, a number or an enumeration label.</summary>
    Text,

    /// <summary>A date and time: a spreadsheet date or serial number becomes ISO 8601.</summary>
    Date,

    /// <summary>A list of texts (<c>needs.painPoints</c>): one cell holds several items, split on ; ； 、 | and line breaks.</summary>
    TextList,
}

/// <summary>One step of a field path: a member name, with an index when the member is a list of objects.</summary>
internal readonly record struct PathStep(string Name, int? Index);

/// <summary>
/// A field of the record of SPEC §1 as a column map names it (<c>customer.company</c>, <c>communications[0].summary</c>,
/// <c>custom.orderStatus</c>), parsed into the steps that write a cell into a JSON object.
/// </summary>
internal sealed class FieldPath
{
    /// <summary>The highest list index a map may name: a spreadsheet holds a handful of contacts per row, not hundreds.</summary>
    public const int MaxIndex = 99;

    private static readonly Node Root = new(
        "the record",
        new Dictionary<string, Node>(StringComparer.OrdinalIgnoreCase)
        {
            ["id"] = Node.Text,
            ["scenario"] = Node.Text,
            ["recordedAt"] = Node.Date,
            ["owner"] = Node.Text,
            ["customer"] = Node.Object(
                "customer",
                ("name", Node.Text), ("company", Node.Text), ("industry", Node.Text), ("companySize", Node.Text),
                ("contactTitle", Node.Text), ("decisionRole", Node.Text), ("source", Node.Text), ("level", Node.Text),
                ("phone", Node.Text), ("email", Node.Text), ("wechat", Node.Text), ("whatsapp", Node.Text), ("line", Node.Text)),
            ["needs"] = Node.Object(
                "needs",
                ("summary", Node.Text), ("quantity", Node.Text), ("budget", Node.Text),
                ("painPoints", Node.TextList), ("concerns", Node.TextList),
                ("changes", Node.List("needs.changes[i]", ("at", Node.Date), ("description", Node.Text)))),
            ["communications"] = Node.List(
                "communications[i]",
                ("at", Node.Date), ("channel", Node.Text), ("contact", Node.Text), ("contactTitle", Node.Text),
                ("contactRole", Node.Text), ("summary", Node.Text), ("feedback", Node.Text), ("objections", Node.Text)),
            ["progress"] = Node.Object(
                "progress",
                ("stage", Node.Text), ("stageSince", Node.Date), ("nextAction", Node.Text), ("nextActionDue", Node.Date),
                ("nextActionOwner", Node.Text)),
            ["attachments"] = Node.List("attachments[i]", ("kind", Node.Text), ("name", Node.Text), ("uri", Node.Text)),
            ["risks"] = Node.List("risks[i]", ("kind", Node.Text), ("description", Node.Text), ("countermeasure", Node.Text)),
            ["custom"] = Node.Custom,
        },
        NodeShape.Object);

    private FieldPath(string text, IReadOnlyList<PathStep> steps, FieldKind kind)
    {
        Text = text;
        Steps = steps;
        Kind = kind;
    }

    /// <summary>Gets the path in the notation of SPEC §1, with member names spelled as the specification spells them.</summary>
    public string Text { get; }

    /// <summary>Gets the steps from the record to the field.</summary>
    public IReadOnlyList<PathStep> Steps { get; }

    /// <summary>Gets what the field holds.</summary>
    public FieldKind Kind { get; }

    /// <summary>Gets a value indicating whether the field belongs to the record itself, not to an entry of a list.</summary>
    public bool IsRecordLevel => Steps.All(step => step.Index is null) && Kind != FieldKind.TextList;

    /// <inheritdoc />
    public override string ToString() => Text;

    /// <summary>
    /// Whether a column name begins like a field path (a part of the record such as <c>customer</c> or <c>communications</c>,
    /// then <c>.</c> or <c>[</c>), so one that does not parse was meant as a field and is worth a warning, not silence.
    /// </summary>
    public static bool LooksLikePath(string name)
    {
        var end = name.AsSpan().IndexOfAny('.', '[');
        return end > 0 && Root.Children!.TryGetValue(name[..end], out var part) && part.Shape is NodeShape.Object or NodeShape.ListElement or NodeShape.Custom;
    }

    /// <summary>
    /// A list's entry written as a path should name it: <c>communications[0].summary</c>; for <c>communications.0.summary</c>,
    /// the number written as the index, not kept as a field.
    /// </summary>
    private static string EntryExample(string list, string? rest)
    {
        if (rest is null)
        {
            return $"{list}[0].summary";
        }

        var number = rest.IndexOf('.', StringComparison.Ordinal) is >= 0 and var end ? rest[..end] : rest;
        return number.Length > 0 && number.All(char.IsAsciiDigit)
            ? $"{list}[{number}]{rest[number.Length..]}"
            : $"{list}[0].{rest}";
    }

    /// <summary>Reads a path; never throws.</summary>
    /// <param name="text">The path, such as <c>communications[0].summary</c>. Member names are matched ignoring case.</param>
    /// <param name="path">The path, when it names a field of the record.</param>
    /// <param name="error">Why it does not, when it does not: a sentence that names the valid choices.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> names a field of the record.</returns>
    public static bool TryParse(string? text, [NotNullWhen(true)] out FieldPath? path, [NotNullWhen(false)] out string? error)
    {
        path = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "the field path is empty.";
            return false;
        }

        var trimmed = text.Trim();
        var steps = new List<PathStep>();
        var canonical = new List<string>();
        var node = Root;
        var rest = trimmed.AsSpan();
        while (true)
        {
            if (node.Shape == NodeShape.Custom)
            {
                // custom.<name>: everything after "custom." is the key, kept as written.
                var key = rest.ToString();
                if (key.Length == 0 || string.IsNullOrWhiteSpace(key))
                {
                    error = "'custom.' needs a field name after it, such as custom.orderStatus.";
                    return false;
                }

                steps.Add(new PathStep(key, null));
                canonical.Add(key);
                path = new FieldPath(string.Join('.', canonical), steps, FieldKind.Text);
                error = null;
                return true;
            }

            var dot = rest.IndexOf('.');
            var segment = dot < 0 ? rest : rest[..dot];
            rest = dot < 0 ? [] : rest[(dot + 1)..];
            if (!TryReadSegment(segment, out var name, out var index, out error))
            {
                return false;
            }

            if (node.Shape is not NodeShape.Object and not NodeShape.ListElement || !node.Children!.TryGetValue(name, out var child))
            {
                error = $"{node.Where} has no field '{name}'; its fields are {string.Join(", ", node.Children!.Keys)}.";
                return false;
            }

            var spelled = node.Children.Keys.First(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
            var prefix = canonical.Count == 0 ? spelled : string.Join('.', canonical) + "." + spelled;
            switch (child.Shape)
            {
                case NodeShape.ListElement when index is null:
                    error = $"{prefix} is a list: name the entry, as in {EntryExample(prefix, dot < 0 ? null : rest.ToString())}.";
                    return false;
                case NodeShape.Object or NodeShape.Custom or NodeShape.Leaf when index is not null:
                    error = $"{prefix} is not a list, so it takes no [index].";
                    return false;
                case NodeShape.TextListLeaf or NodeShape.Leaf when dot >= 0:
                    error = $"{prefix} is a field, not an object: nothing can follow it.";
                    return false;
                case NodeShape.Object or NodeShape.ListElement when dot < 0:
                    error = $"{prefix}{(index is null ? "" : $"[{index}]")} is an object: name one of its fields, {string.Join(", ", child.Children!.Keys)}.";
                    return false;
                case NodeShape.Custom when dot < 0:
                    error = "'custom' needs a field name after it, such as custom.orderStatus.";
                    return false;
            }

            steps.Add(new PathStep(spelled, index));
            canonical.Add(index is null ? spelled : string.Create(CultureInfo.InvariantCulture, $"{spelled}[{index}]"));
            if (child.Shape is NodeShape.Leaf or NodeShape.TextListLeaf)
            {
                path = new FieldPath(string.Join('.', canonical), steps, child.Kind);
                error = null;
                return true;
            }

            node = child;
        }
    }

    private static bool TryReadSegment(ReadOnlySpan<char> segment, out string name, out int? index, [NotNullWhen(false)] out string? error)
    {
        name = "";
        index = null;
        segment = segment.Trim();
        var open = segment.IndexOf('[');
        if (open < 0)
        {
            name = segment.ToString();
            error = name.Length == 0 ? "the field path has an empty part (two dots in a row, or a dot at an end)." : null;
            return error is null;
        }

        name = segment[..open].ToString();
        if (!segment.EndsWith("]") || !int.TryParse(segment[(open + 1)..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            error = $"'{segment}' has an unreadable index: write a number in brackets, as in {name}[0].";
            return false;
        }

        if (value > MaxIndex)
        {
            error = $"'{segment}' has index {value}; the highest index a map may name is {MaxIndex}.";
            return false;
        }

        index = value;
        error = null;
        return true;
    }

    private enum NodeShape
    {
        Leaf,
        TextListLeaf,
        Object,
        ListElement,
        Custom,
    }

    /// <summary>A node of the record's shape: a field, an object, a list of objects, or the custom dictionary.</summary>
    private sealed record Node(string Where, IReadOnlyDictionary<string, Node>? Children, NodeShape Shape, FieldKind Kind = FieldKind.Text)
    {
        public static Node Text { get; } = new("", null, NodeShape.Leaf);

        public static Node Date { get; } = new("", null, NodeShape.Leaf, FieldKind.Date);

        public static Node TextList { get; } = new("", null, NodeShape.TextListLeaf, FieldKind.TextList);

        public static Node Custom { get; } = new("custom", null, NodeShape.Custom);

        public static Node Object(string where, params (string Name, Node Node)[] children) =>
            new(where, ToChildren(children), NodeShape.Object);

        public static Node List(string where, params (string Name, Node Node)[] children) =>
            new(where, ToChildren(children), NodeShape.ListElement);

        private static Dictionary<string, Node> ToChildren((string Name, Node Node)[] children) =>
            children.ToDictionary(c => c.Name, c => c.Node, StringComparer.OrdinalIgnoreCase);
    }
}
