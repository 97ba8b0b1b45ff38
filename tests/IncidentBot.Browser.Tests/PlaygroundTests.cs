using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IncidentBot.Browser.Tests;

/// <summary>The playground in a real browser: what a person sees and can do with mouse and keyboard.</summary>
public sealed class PlaygroundTests(PlaygroundFixture service) : IClassFixture<PlaygroundFixture>
{
    [Fact]
    public async Task AskAnswerableQuestion_ShowsTheQuotedAnswerHighlightedWithNumberedCitations()
    {
        var page = await service.NewPageAsync();
        await page.GotoAsync("/");

        await page.GetByLabel("Your question").FillAsync("How many users were targeted?");
        await page.GetByLabel("Your question").PressAsync("Enter");

        var answer = page.Locator(".card.answered");
        await Expect(answer.Locator(".answer-text")).ToContainTextAsync("1,400");
        await Expect(answer.Locator(".answer-text mark").First).ToHaveTextAsync("users");
        var first = answer.Locator(".citation").First;
        await Expect(first.Locator(".cite-num")).ToHaveTextAsync("[1]");
        await Expect(first).ToContainTextAsync("¶10, 2019-11-01");
        await Expect(answer.Locator(".meta")).ToContainTextAsync("Confidence");
        await Screenshot(page, "playground.png");

        // More than three passages: the rest behind "More sources", which keyboard users land on.
        var more = answer.GetByRole(AriaRole.Button, new() { NameRegex = new("^More sources") });
        await Expect(answer.Locator(".citation")).ToHaveCountAsync(3);
        await more.ClickAsync();
        Assert.True(await answer.Locator(".citation").CountAsync() > 3);
        await Expect(answer.Locator(".citation").Nth(3)).ToBeFocusedAsync();
    }

    [Fact]
    public async Task AskUnanswerableQuestion_SaysSoHonestly_WithoutPresentingAnAnswer()
    {
        var page = await service.NewPageAsync();
        await page.GotoAsync("/");

        await page.GetByLabel("Your question").FillAsync("Who won the cricket match?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ask", Exact = true }).ClickAsync();

        var card = page.Locator(".card.unanswered");
        await Expect(card).ToContainTextAsync("The documents don't");
        await Expect(page.Locator(".card.answered")).ToHaveCountAsync(0);
        await Expect(card.Locator("mark")).ToHaveCountAsync(0);
        await Screenshot(page, "playground-unanswered.png");
    }

    [Fact]
    public async Task Page_ListsTheIndexedSourcesAndTheIndexStatus()
    {
        var page = await service.NewPageAsync();
        await page.GotoAsync("/");

        var sources = page.Locator("#sources li");
        await Expect(sources).ToHaveCountAsync(3);
        await Expect(page.Locator("#sources")).ToContainTextAsync("Incident response notes");
        await Expect(page.Locator("#sources a", new() { HasText = "Incident response notes" }))
            .ToHaveAttributeAsync("href", "https://example.org/incident/response-notes");
        await Expect(page.Locator("#index-status")).ToContainTextAsync("3 documents");
    }

    [Fact]
    public async Task DocumentTextThatLooksLikeMarkup_IsShownAsText_NeverRun()
    {
        var page = await service.NewPageAsync();
        await page.GotoAsync("/");

        await page.GetByLabel("Your question").FillAsync("What did the lighthouse keeper log?");
        await page.GetByLabel("Your question").PressAsync("Enter");

        // Inserted as HTML, the text would add an <img> (its script is blocked by the CSP anyway).
        await Expect(page.Locator("#result")).ToContainTextAsync(PlaygroundFixture.MarkupText);
        await Expect(page.Locator("#result img")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Reindex_WrongKeyRefused_RightKeyRebuildsWithProgressAndResult()
    {
        var page = await service.NewPageAsync();
        await page.GotoAsync("/");
        var status = page.Locator("#reindex-status");

        await page.GetByLabel("Admin key").FillAsync("not-the-key-at-all");
        await page.GetByRole(AriaRole.Button, new() { Name = "Reindex" }).ClickAsync();
        await Expect(status).ToHaveTextAsync("That admin key is not right.");

        await page.GetByLabel("Admin key").FillAsync(PlaygroundFixture.AdminKey);
        await page.GetByRole(AriaRole.Checkbox, new() { NameRegex = new("Force") }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Reindex" }).ClickAsync();
        await Expect(status).ToContainTextAsync("Index rebuilt in");
        await Expect(status).ToContainTextAsync("3 documents");
        await Expect(page.Locator("#reindex-progress")).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Reindex" })).ToBeEnabledAsync();
    }

    [Fact]
    public async Task Keyboard_SlashFocusesTheQuestion_AndTabReachesAsk()
    {
        var page = await service.NewPageAsync();
        await page.GotoAsync("/");
        await page.Locator("body").ClickAsync(new() { Position = new() { X = 5, Y = 5 } });

        await page.Keyboard.PressAsync("/");
        await Expect(page.GetByLabel("Your question")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Ask", Exact = true })).ToBeFocusedAsync();
    }

    [Fact]
    public async Task PhoneWidth_NothingOverflowsSideways_AndTheAnswerReads()
    {
        var page = await service.NewPageAsync(390, 844);
        await page.GotoAsync("/?q=" + Uri.EscapeDataString("How many users were targeted?"));

        await Expect(page.Locator(".card.answered")).ToContainTextAsync("1,400");
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"the page is {overflow} px wider than a phone screen");
        await Screenshot(page, "playground-phone.png");
    }

    private static async Task Screenshot(IPage page, string name)
    {
        Directory.CreateDirectory(PlaygroundFixture.ArtifactsPath);
        await page.ScreenshotAsync(new() { Path = Path.Combine(PlaygroundFixture.ArtifactsPath, name), FullPage = true });
    }
}
