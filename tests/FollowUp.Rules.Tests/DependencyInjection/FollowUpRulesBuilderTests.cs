using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FollowUp.Rules.Tests.DependencyInjection;

public class FollowUpRulesBuilderTests
{
    [Fact]
    public void Services_IsTheCollectionItWasAddedTo()
    {
        var services = new ServiceCollection();

        var builder = services.AddFollowUpRules();

        Assert.Same(services, builder.Services);
    }

    [Fact]
    public void Configure_ReturnsTheSameBuilderAndAppliesInOrder()
    {
        var services = new ServiceCollection();
        var builder = services.AddFollowUpRules();

        var returned = builder.Configure(o => o.DefaultProfile = "Project").Configure(o => o.Culture = "en");
        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<FollowUpRulesOptions>>().Value;

        Assert.Same(builder, returned);
        Assert.Equal(("Project", "en"), (options.DefaultProfile, options.Culture));
    }

    [Fact]
    public void Configure_AfterConfigurationBinding_Wins()
    {
        var services = new ServiceCollection();
        services.Configure<FollowUpRulesOptions>(o => o.DefaultProfile = "ToC");

        services.AddFollowUpRules(o => o.DefaultProfile = "ECommerce");
        using var provider = services.BuildServiceProvider();

        Assert.Equal("ECommerce", provider.GetRequiredService<IFollowUpEvaluator>().Rules.DefaultProfile.Name);
    }

    [Fact]
    public void Configure_Null_Throws() =>
        Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddFollowUpRules().Configure(null!));
}
