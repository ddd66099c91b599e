namespace Openterface.Hil.Reporting.Tests;

public sealed class AllureToolTests
{
    [Test]
    public void Allure_is_found_walking_up_from_a_nested_folder()
    {
        using var dir = new TempDirectory();
        var tool = dir.Combine(AllureTool.RelativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(tool)!);
        File.WriteAllText(tool, "#!/bin/sh\n");
        var nested = Directory.CreateDirectory(dir.Combine("tests/X/bin/Debug/net10.0")).FullName;
        Assert.That(AllureTool.Locate([nested], _ => null), Is.EqualTo(tool));
    }

    [Test]
    public void HIL_ALLURE_overrides_the_search()
    {
        using var dir = new TempDirectory();
        var tool = dir.Combine("allure");
        File.WriteAllText(tool, "#!/bin/sh\n");
        Assert.That(AllureTool.Locate(["/"], k => k == "HIL_ALLURE" ? tool : null), Is.EqualTo(tool));
    }

    [Test]
    public void Missing_allure_names_ci_setup()
    {
        using var dir = new TempDirectory();
        Assert.That(() => AllureTool.Locate([dir.Path], _ => null),
            Throws.InstanceOf<HilException>().With.Message.Contains("ci/setup").And.Message.Contains(dir.Path));
    }

    [Test]
    public void A_missing_HIL_ALLURE_target_is_reported()
    {
        Assert.That(() => AllureTool.Locate(["/"], _ => "/nonexistent/allure"),
            Throws.InstanceOf<HilException>().With.Message.Contains("'/nonexistent/allure'"));
    }
}
