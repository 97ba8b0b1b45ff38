using IncidentBot.Discord.Messages;
using IncidentBot.Discord.Rendering;

namespace IncidentBot.Discord.Tests.Rendering;

public sealed class EmbedBudgetTests
{
    [Fact]
    public void Length_AllParts_SumsTitleDescriptionFieldsAndFooter()
    {
        var embed = new Embed
        {
            Title = "12345",
            Description = "1234567890",
            Fields = [new EmbedField("ab", "cde"), new EmbedField("f", "g")],
            Footer = new EmbedFooter("xyz"),
            Url = "https://not.counted.test",
        };

        Assert.Equal(5 + 10 + 2 + 3 + 1 + 1 + 3, EmbedBudget.Length(embed));
    }

    [Fact]
    public void Fit_SmallEmbed_ReturnsSameContent()
    {
        var embed = new Embed { Title = "t", Description = "d", Fields = [new EmbedField("n", "v")], Footer = new EmbedFooter("f") };

        var fitted = EmbedBudget.Fit(embed);

        Assert.Equal(embed.Title, fitted.Title);
        Assert.Equal(embed.Description, fitted.Description);
        Assert.Equal(embed.Fields, fitted.Fields);
        Assert.Equal(embed.Footer, fitted.Footer);
    }

    [Fact]
    public void Fit_OversizedParts_TrimsEachToItsLimit()
    {
        var embed = new Embed
        {
            Title = new string('t', 1000),
            Description = new string('d', 5000),
            Fields = Enumerable.Range(0, 30).Select(_ => new EmbedField(new string('n', 300), new string('v', 2000))).ToList(),
            Footer = new EmbedFooter(new string('f', 3000)),
        };

        var fitted = EmbedBudget.Fit(embed, int.MaxValue);

        Assert.Equal(DiscordLimits.EmbedTitle, fitted.Title!.Length);
        Assert.Equal(DiscordLimits.EmbedDescription, fitted.Description!.Length);
        Assert.Equal(DiscordLimits.EmbedFields, fitted.Fields!.Count);
        Assert.All(fitted.Fields, f => Assert.True(f.Name.Length <= DiscordLimits.FieldName && f.Value.Length <= DiscordLimits.FieldValue));
        Assert.Equal(DiscordLimits.Footer, fitted.Footer!.Text.Length);
    }

    [Fact]
    public void Fit_OverTotal_ShrinksLastFieldsBeforeTheDescription()
    {
        var embed = new Embed
        {
            Title = "title",
            Description = new string('d', 4000),
            Fields = Enumerable.Range(0, 3).Select(i => new EmbedField($"[{i + 1}]", new string('v', 1000))).ToList(),
        };

        var fitted = EmbedBudget.Fit(embed);

        Assert.True(EmbedBudget.Length(fitted) <= DiscordLimits.EmbedTotal);
        Assert.Equal(4000, fitted.Description!.Length);
        Assert.Equal(3, fitted.Fields!.Count);
        Assert.Equal(1000, fitted.Fields[0].Value.Length);
        Assert.True(fitted.Fields[2].Value.Length < 1000);
    }

    [Fact]
    public void Fit_ManyFields_DropsFromTheEndAfterShrinking()
    {
        var embed = new Embed
        {
            Description = new string('d', 4000),
            Fields = Enumerable.Range(0, 25).Select(i => new EmbedField($"[{i + 1}]", new string('v', 1000))).ToList(),
        };

        var fitted = EmbedBudget.Fit(embed);

        Assert.True(EmbedBudget.Length(fitted) <= DiscordLimits.EmbedTotal);
        Assert.Equal(4000, fitted.Description!.Length);
        Assert.Equal("[1]", fitted.Fields![0].Name);
        Assert.All(fitted.Fields, f => Assert.True(f.Value.Length >= EmbedBudget.MinFieldValue));
        Assert.True(fitted.Fields.Count < 25);
    }

    [Fact]
    public void Fit_TinyTotal_ShrinksDescriptionLast()
    {
        var embed = new Embed { Title = "title", Description = new string('d', 100), Fields = [new EmbedField("n", "v")] };

        var fitted = EmbedBudget.Fit(embed, 50);

        Assert.True(EmbedBudget.Length(fitted) <= 50);
        Assert.Null(fitted.Fields);
        Assert.Equal("title", fitted.Title);
        Assert.EndsWith("…", fitted.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_ShrunkValueWithLinkLine_KeepsLinkWhole()
    {
        const string link = "\n[source](https://example.test/a)";
        var embed = new Embed
        {
            Description = new string('d', 4096),
            Fields = [new EmbedField("[1]", "> " + new string('q', 980) + link), new EmbedField("[2]", "> " + new string('q', 980) + link)],
        };

        var fitted = EmbedBudget.Fit(embed);

        Assert.True(EmbedBudget.Length(fitted) <= DiscordLimits.EmbedTotal);
        Assert.All(fitted.Fields!, f => Assert.EndsWith(link, f.Value, StringComparison.Ordinal));
        Assert.Contains(fitted.Fields!, f => f.Value.Contains('…', StringComparison.Ordinal));
    }
}
