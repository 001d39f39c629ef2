namespace FollowUp.Rules.Profiles;

/// <summary>
/// Weights by the name of a <typeparamref name="TName"/> value (case-insensitive), such as <see cref="ProfileOptions.StepWeights"/>.
/// Code sets them by value, <c>StepWeights[FollowUpStep.Needs] = 10</c>; configuration sets them by name,
/// <c>"StepWeights": { "Needs": 10 }</c>.
/// </summary>
/// <typeparam name="TName">The enumeration whose names are the keys.</typeparam>
/// <remarks>
/// The keys are text so that a misspelt name in configuration (<c>"Nedds"</c>) reaches validation, which names its full key
/// and the names allowed, instead of failing inside the configuration binder with a message that names neither (or, without
/// <c>ErrorOnUnknownConfiguration</c>, dropping the whole profile without a word).
/// </remarks>
public sealed class WeightDictionary<TName> : Dictionary<string, double>
    where TName : struct, Enum
{
    /// <summary>Initializes an empty dictionary whose keys ignore case.</summary>
    public WeightDictionary()
        : base(StringComparer.OrdinalIgnoreCase)
    {
    }

    /// <summary>Gets or sets the weight of <paramref name="name"/>.</summary>
    /// <param name="name">The value whose name is the key.</param>
    /// <exception cref="KeyNotFoundException">On get, when no weight is set for <paramref name="name"/>.</exception>
    public double this[TName name]
    {
        get => this[name.ToString()];
        set => this[name.ToString()] = value;
    }

    /// <summary>Adds the weight of <paramref name="name"/>.</summary>
    /// <param name="name">The value whose name is the key.</param>
    /// <param name="weight">The weight.</param>
    /// <exception cref="ArgumentException">A weight is already set for <paramref name="name"/>.</exception>
    public void Add(TName name, double weight) => Add(name.ToString(), weight);

    /// <summary>Gets whether a weight is set for <paramref name="name"/>.</summary>
    /// <param name="name">The value whose name is the key.</param>
    /// <returns><see langword="true"/> when a weight is set.</returns>
    public bool ContainsKey(TName name) => ContainsKey(name.ToString());

    /// <summary>Removes the weight of <paramref name="name"/>, so that it is inherited again.</summary>
    /// <param name="name">The value whose name is the key.</param>
    /// <returns><see langword="true"/> when a weight was set.</returns>
    public bool Remove(TName name) => Remove(name.ToString());

    /// <summary>Gets the weight of <paramref name="name"/>, if one is set.</summary>
    /// <param name="name">The value whose name is the key.</param>
    /// <param name="weight">The weight, or 0.</param>
    /// <returns><see langword="true"/> when a weight is set.</returns>
    public bool TryGetValue(TName name, out double weight) => TryGetValue(name.ToString(), out weight);

    /// <summary>
    /// Reads a key as a name of <typeparamref name="TName"/>, ignoring case. Only names count: numbers (<c>"1"</c>) and lists
    /// (<c>"Needs, Progress"</c>), which <see cref="Enum.TryParse{TEnum}(string?, bool, out TEnum)"/> would accept, do not.
    /// </summary>
    internal static bool TryParseName(string key, out TName name)
    {
        foreach (var candidate in Enum.GetValues<TName>())
        {
            if (string.Equals(candidate.ToString(), key, StringComparison.OrdinalIgnoreCase))
            {
                name = candidate;
                return true;
            }
        }

        name = default;
        return false;
    }

    /// <summary>The names a key may take, in declaration order, for messages.</summary>
    internal static string Names => string.Join(", ", Enum.GetNames<TName>());
}
