using Npgsql;

namespace Openterface.Hil.Farm.Tests;

public sealed class PoolUriTests
{
    [Test]
    public void Parse_reads_user_password_host_port_database_and_options()
    {
        var uri = PoolUri.Parse("postgres://ci:s3cret@db.example:6543/farm?sslmode=require");
        var builder = new NpgsqlConnectionStringBuilder(uri.ConnectionString);

        Assert.Multiple(() =>
        {
            Assert.That(builder.Host, Is.EqualTo("db.example"));
            Assert.That(builder.Port, Is.EqualTo(6543));
            Assert.That(builder.Database, Is.EqualTo("farm"));
            Assert.That(builder.Username, Is.EqualTo("ci"));
            Assert.That(builder.Password, Is.EqualTo("s3cret"));
            Assert.That(builder.SslMode, Is.EqualTo(SslMode.Require));
            Assert.That(uri.Display, Is.EqualTo("postgres://ci:***@db.example:6543/farm?sslmode=require"));
        });
    }

    [Test]
    public void Parse_rejects_a_file_pool_naming_it_without_the_password()
    {
        var error = Assert.Throws<ArgumentException>(() => PoolUri.Parse("file:///var/lib/hil/leases"));

        Assert.That(error!.Message, Does.Contain("'file:///var/lib/hil/leases'").And.Contain("postgres://"));
    }

    [Test]
    public void Redact_hides_the_password_only()
    {
        Assert.That(PoolUris.Redact("postgresql://u:p%40ss@h/db"), Is.EqualTo("postgresql://u:***@h/db"));
    }
}
