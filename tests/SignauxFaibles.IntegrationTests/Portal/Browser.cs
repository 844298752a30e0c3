using Microsoft.Playwright;

namespace SignauxFaibles.IntegrationTests.Portal;

/// <summary>
/// Playwright on the machine's Chromium (the Debian package, installed by .ci/run): nothing is
/// downloaded at run time. SF_CHROMIUM names another executable.
/// </summary>
internal sealed class Browser : IAsyncDisposable
{
    private readonly IPlaywright _playwright;

    private Browser(IPlaywright playwright, IBrowser chromium)
    {
        _playwright = playwright;
        Chromium = chromium;
    }

    public IBrowser Chromium { get; }

    public static async Task<Browser> LaunchAsync()
    {
        var executable = Environment.GetEnvironmentVariable("SF_CHROMIUM") ?? "/usr/bin/chromium";
        Assert.True(File.Exists(executable), $"Chromium not found at {executable}: apt-get install -y chromium (as .ci/run does), or set SF_CHROMIUM.");
        var playwright = await Playwright.CreateAsync();
        var chromium = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return new Browser(playwright, chromium);
    }

    /// <summary>A fresh session (own cookies) with the officer signed in through the identity service's login form.</summary>
    public async Task<IPage> SignInAsync(string portalUrl, string email)
    {
        var context = await Chromium.NewContextAsync(new() { AcceptDownloads = true, Locale = "fr-FR", ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(portalUrl);
        // Not signed in: the portal sends the browser to the issuer, whose development form asks for the e-mail.
        await page.GetByLabel("Adresse électronique").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        // Back at the portal, or first at the issuer's confidentiality terms (first use, then yearly).
        // The document parsed is enough: each step after this waits for its own element. Waiting for
        // the load event as well timed out now and then on a loaded 2-core machine (a cold service
        // behind the first page), though the page was there.
        await page.WaitForURLAsync(url => url.StartsWith(portalUrl, StringComparison.Ordinal) || url.Contains("/account/terms", StringComparison.Ordinal),
            new() { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 90_000 });
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        await Chromium.DisposeAsync();
        _playwright.Dispose();
    }
}
