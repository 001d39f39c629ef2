using System.Reflection;
using FollowUp.Rules.Completeness;
using FollowUp.Rules.Profiles;

namespace FollowUp.Rules.Tests.Completeness;

public class FollowUpFieldsTests
{
    private static readonly string[] Keys =
    [
        .. typeof(FollowUpFields).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.Name != nameof(FollowUpFields.CustomPrefix))
            .Select(f => (string)f.GetRawConstantValue()!),
    ];

    [Fact]
    public void Keys_AreDistinct() => Assert.Equal(Keys.Length, Keys.Distinct(StringComparer.Ordinal).Count());

    [Fact]
    public void Keys_CanAllBeRequiredByAProfile()
    {
        var options = new FollowUpRulesOptions();
        var profile = new ProfileOptions { BasedOn = "ToC" };
        foreach (var key in Keys)
        {
            profile.RequiredFields.Add(key);
        }

        options.Profiles["Everything"] = profile;

        var everything = FollowUpRuleSet.Create(options).GetProfile("Everything");

        Assert.All(Keys, key => Assert.True(everything.Requires(key), key));
        Assert.Equal(Keys.Order(StringComparer.Ordinal), everything.RequiredFields.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Keys_CanAllBeIgnoredByAProfile()
    {
        var options = new FollowUpRulesOptions();
        var profile = new ProfileOptions { BasedOn = "Project" };
        foreach (var key in Keys)
        {
            profile.IgnoredFields.Add(key);
        }

        options.Profiles["Nothing"] = profile;

        var nothing = FollowUpRuleSet.Create(options).GetProfile("Nothing");

        Assert.Equal(["custom.milestones"], nothing.RequiredFields);
    }

    [Fact]
    public void CustomPrefix_MakesACustomFieldKey()
    {
        var options = new FollowUpRulesOptions();
        var profile = new ProfileOptions();
        profile.RequiredFields.Add(FollowUpFields.CustomPrefix + "contractNo");
        options.Profiles["WithContractNo"] = profile;

        var withContractNo = FollowUpRuleSet.Create(options).GetProfile("WithContractNo");

        Assert.True(withContractNo.Requires("custom.contractNo"));
        Assert.Equal("custom.contractNo", withContractNo.RequiredFields[^1]);
    }
}
