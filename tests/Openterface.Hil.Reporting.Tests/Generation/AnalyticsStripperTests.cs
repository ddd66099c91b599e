namespace Openterface.Hil.Reporting.Tests;

public sealed class AnalyticsStripperTests
{
    [Test]
    public void Analytics_scripts_are_removed_and_the_app_scripts_kept()
    {
        const string page = """
            <head><script>window.allure = {};</script>
            <script async src="https://www.googletagmanager.com/gtag/js?id=G-X"></script>
            <script>
              window.dataLayer = window.dataLayer || [];
              function gtag(){dataLayer.push(arguments);}
              gtag('js', new Date());
            </script>
            <script src="app.js"></script></head>
            """;
        var stripped = AnalyticsStripper.Strip(page, out var removed);
        Assert.Multiple(() =>
        {
            Assert.That(removed, Is.EqualTo(2));
            Assert.That(stripped, Does.Not.Contain("googletagmanager").And.Not.Contain("gtag("));
            Assert.That(stripped, Does.Contain("window.allure = {};").And.Contain("app.js"));
        });
    }

    [Test]
    public void A_page_without_analytics_is_unchanged()
    {
        const string page = "<html><script>let a = 1;</script></html>";
        Assert.That(AnalyticsStripper.Strip(page, out var removed), Is.EqualTo(page));
        Assert.That(removed, Is.Zero);
    }
}
