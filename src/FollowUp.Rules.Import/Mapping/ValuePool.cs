namespace FollowUp.Rules.Import.Mapping;

/// <summary>
/// Gives one copy of each value a field repeats across rows (stages, channels, owners, feedback), so rows held until a
/// table ends share it. Each field keeps the first <see cref="Capacity"/> distinct values it meets: a field of a few
/// dozen values is shared on every row, and one of free text or times costs no more than that.
/// </summary>
/// <param name="fields">How many fields a row has.</param>
internal sealed class ValuePool(int fields)
{
    /// <summary>How many distinct values of one field are kept.</summary>
    public const int Capacity = 256;

    private readonly HashSet<string>?[] _byField = new HashSet<string>?[fields];

    /// <summary>Gets the kept copy of <paramref name="value"/> in a field, keeping it when the field has room.</summary>
    /// <param name="field">The field's index.</param>
    /// <param name="value">The value.</param>
    /// <returns>The copy kept earlier, or <paramref name="value"/> itself.</returns>
    public string Get(int field, string value)
    {
        var kept = _byField[field] ??= new HashSet<string>(StringComparer.Ordinal);
        if (kept.TryGetValue(value, out var earlier))
        {
            return earlier;
        }

        if (kept.Count < Capacity)
        {
            kept.Add(value);
        }

        return value;
    }
}
