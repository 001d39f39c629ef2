using System.Reflection;
using FollowUp.Rules.Messages;

namespace FollowUp.Rules.Tests;

/// <summary>
/// Tests that records share cached values. The caches are process-wide and stop keeping new values once full, and the rest
/// of the suite fills them with random records; so these tests run alone, after the parallel ones, on emptied caches.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SharedCachesGroup : ICollectionFixture<SharedCachesGroup.EmptiedCaches>
{
    public const string Name = "Shared caches";

    /// <summary>Empties every cache of the library before the group's tests run.</summary>
    public sealed class EmptiedCaches
    {
        public EmptiedCaches()
        {
            var assembly = typeof(BoundedCache<,>).Assembly;
            var statics = assembly.GetTypes()
                .Where(type => !type.ContainsGenericParameters)
                .SelectMany(type => type.GetFields(BindingFlags.Static | BindingFlags.NonPublic))
                .Select(field => field.GetValue(null));
            var catalogs = new[] { "zh-CN", "en" }.Select(culture => MessageCatalog.For(System.Globalization.CultureInfo.GetCultureInfo(culture)));
            var ofCatalogs = catalogs.SelectMany(catalog =>
                typeof(MessageCatalog).GetFields(BindingFlags.Instance | BindingFlags.NonPublic).Select(field => field.GetValue(catalog)));

            var emptied = 0;
            foreach (var value in statics.Concat(ofCatalogs))
            {
                if (value is not null && value.GetType().IsGenericType
                    && value.GetType().GetGenericTypeDefinition() is var definition && (definition == typeof(BoundedCache<,>) || definition == typeof(SharedLists<>)))
                {
                    value.GetType().GetMethod(nameof(BoundedCache<int, int>.Clear))!.Invoke(value, null);
                    emptied++;
                }
            }

            Assert.True(emptied >= 10, $"Found {emptied} caches to empty; the library's caches have moved.");
        }
    }
}
