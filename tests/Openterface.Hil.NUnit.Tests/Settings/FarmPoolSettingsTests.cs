namespace Openterface.Hil.NUnit.Tests;

public sealed class FarmPoolSettingsTests
{
    private static readonly Func<string, string?> None = _ => null;

    [Test]
    public void Hil_json_pool_and_rig_tags_are_read_and_the_environment_overrides_them()
    {
        using var repo = new TempDirectory();
        File.WriteAllText(repo.Combine("Openterface.Hil.sln"), string.Empty);
        File.WriteAllText(repo.Combine("hil.json"), """{ "pool": "postgres://hil@farm/hil", "rig": { "tags": ["board=rpi4", "usb-switch"], "ttl": 30 } }""");

        var fromFile = HilSettingsLoader.Load(None, None, repo.Path);
        var fromEnvironment = HilSettingsLoader.Load(None, k => k switch
        {
            "HIL_POOL" => "postgresql://ci@other/farm",
            "HIL_RIG_TAGS" => "board=rpi5, gen=2",
            "HIL_LEASE_TTL" => "12",
            _ => null,
        }, repo.Path);

        Assert.Multiple(() =>
        {
            Assert.That(fromFile.Pool, Is.EqualTo("postgres://hil@farm/hil"));
            Assert.That(fromFile.UsesFarm && fromFile.IsConfigured, "a farm pool alone configures the tests");
            Assert.That(fromFile.RigTags, Is.EqualTo(new[] { "board=rpi4", "usb-switch" }));
            Assert.That(fromFile.LeaseTtl, Is.EqualTo(TimeSpan.FromSeconds(30)));
            Assert.That(fromEnvironment.Pool, Is.EqualTo("postgresql://ci@other/farm"));
            Assert.That(fromEnvironment.RigTags, Is.EqualTo(new[] { "board=rpi5", "gen=2" }));
            Assert.That(fromEnvironment.LeaseTtl, Is.EqualTo(TimeSpan.FromSeconds(12)));
            Assert.That(RigProbe.System.WhyUnavailable(fromFile), Is.Null, "a farm rig is not probed locally: [RequiresDevice] runs the test");
        });
    }

    [Test]
    public void Without_the_farm_package_a_postgres_pool_is_a_setup_error_naming_the_package_and_never_the_password()
    {
        // This test project references Openterface.Hil.NUnit only, as a user without a farm does.
        var settings = new HilSettings { Pool = "postgres://hil:s3cret@farm/hil" };

        var error = Assert.Throws<SetupException>(() => RigPools.Open(settings));

        Assert.That(error!.Message, Does.Contain("Openterface.Hil.Farm").And.Contain("dotnet add package").And.Not.Contain("s3cret"));
    }

    [Test]
    public void An_unknown_pool_scheme_is_a_setup_error()
    {
        var error = Assert.Throws<SetupException>(() => RigPools.Open(new HilSettings { Pool = "mysql://farm/hil" }));

        Assert.That(error!.Message, Does.Contain("mysql://farm/hil").And.Contain("postgres://"));
    }
}
