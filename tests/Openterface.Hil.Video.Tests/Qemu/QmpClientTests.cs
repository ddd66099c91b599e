using System.Text.Json.Nodes;

namespace Openterface.Hil.Video.Tests.Qemu;

public class QmpClientTests
{
    private const string ResetEvent = """{"timestamp": {"seconds": 1, "microseconds": 5}, "event": "RESET", "data": {"guest": false, "reason": "host-qmp-system-reset"}}""";

    [Test]
    public async Task Events_that_arrive_before_the_reply_are_set_aside_and_the_reply_still_matches()
    {
        await using var server = new FakeQmpServer(_ => [ResetEvent, ResetEvent, """{"return": {}, "id": $ID}"""]);
        await using var client = await QmpClient.ConnectAsync(server.SocketPath);
        var before = client.LastEventSequence;

        await client.ExecuteAsync("system_reset");
        var reset = await client.WaitForEventAsync("RESET", before).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Multiple(() =>
        {
            Assert.That(client.QemuVersion, Is.EqualTo("7.2.22"));
            Assert.That(reset.Data.GetProperty("reason").GetString(), Is.EqualTo("host-qmp-system-reset"));
            Assert.That(client.RecentEvents().Count(e => e.Name == "RESET"), Is.EqualTo(2));
            Assert.That(client.LastEventSequence, Is.EqualTo(before + 2));
        });
    }

    [Test]
    public async Task Malformed_lines_are_skipped_and_counted_not_reported_as_qemu_quitting()
    {
        await using var server = new FakeQmpServer(_ =>
        [
            "{not json at all",
            "[1, 2, 3]",
            """{"event": "RESET", "timestamp": {"seconds": "soon"}}""",
            """{"return": {"ok": true}, "id": $ID}""",
        ]);
        await using var client = await QmpClient.ConnectAsync(server.SocketPath);

        var result = await client.ExecuteAsync("query-status").WaitAsync(TimeSpan.FromSeconds(10));
        var second = await client.ExecuteAsync("query-status").WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Multiple(() =>
        {
            Assert.That(result.GetProperty("ok").GetBoolean(), Is.True, "the reply after the bad lines still matches");
            Assert.That(second.GetProperty("ok").GetBoolean(), Is.True, "the client is still connected");
            Assert.That(client.IsConnected, Is.True);
            Assert.That(client.MalformedLines, Is.EqualTo(6));
            Assert.That(client.LastMalformed, Does.Contain("soon"));
        });
    }

    [Test]
    public async Task Commands_carry_ids_and_return_their_value()
    {
        await using var server = new FakeQmpServer(r =>
            [$$"""{"return": {"status": "running", "echo": {{r.GetProperty("arguments").GetProperty("n").GetInt32()}}}, "id": $ID}"""]);
        await using var client = await QmpClient.ConnectAsync(server.SocketPath);

        var results = await Task.WhenAll(Enumerable.Range(1, 5).Select(n => client.ExecuteAsync("query-status", new JsonObject { ["n"] = n })));

        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.GetProperty("echo").GetInt32()), Is.EqualTo(new[] { 1, 2, 3, 4, 5 }));
            Assert.That(server.Received.Skip(1), Has.All.Contains("\"id\":\"hil-"));
        });
    }

    [Test]
    public async Task An_error_reply_raises_a_qmp_exception_with_its_class()
    {
        await using var server = new FakeQmpServer(_ => ["""{"error": {"class": "DeviceNotFound", "desc": "Device 'x' not found"}, "id": $ID}"""]);
        await using var client = await QmpClient.ConnectAsync(server.SocketPath);

        var error = Assert.ThrowsAsync<QmpException>(() => client.ExecuteAsync("device_del", new JsonObject { ["id"] = "x" }));

        Assert.Multiple(() =>
        {
            Assert.That(error!.ErrorClass, Is.EqualTo("DeviceNotFound"));
            Assert.That(error.Message, Does.Contain("'device_del'").And.Contain("Device 'x' not found"));
        });
    }

    [Test]
    public async Task A_closed_socket_fails_pending_and_later_commands()
    {
        var server = new FakeQmpServer(_ => []);
        await using var client = await QmpClient.ConnectAsync(server.SocketPath);
        var pending = client.ExecuteAsync("quit");

        await server.DisposeAsync();

        Assert.That(async () => await pending.WaitAsync(TimeSpan.FromSeconds(5)), Throws.TypeOf<QmpException>().With.Message.Contains("closed"));
        Assert.That(async () => await client.ExecuteAsync("query-status"), Throws.TypeOf<QmpException>());
    }

    [Test]
    public void Connecting_to_a_missing_socket_names_the_path_and_the_remedy()
    {
        var error = Assert.ThrowsAsync<QmpException>(() => QmpClient.ConnectAsync("/nonexistent/qmp.sock"));

        Assert.That(error!.Message, Does.Contain("'/nonexistent/qmp.sock'").And.Contain("-qmp unix:"));
    }
}
