using SignauxFaibles.Operations.Audit;
using SignauxFaibles.Operations.Broker;

namespace SignauxFaibles.UnitTests.Operations;

public sealed class OperationsAuditLogTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sf-audit-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Entries_are_appended_one_json_line_each_and_read_back_in_order()
    {
        var log = new OperationsAuditLog(Path.Combine(_folder, "nested", "audit.jsonl"));
        await log.AppendAsync(Entry("replay", "m-1"));
        var afterFirst = await File.ReadAllTextAsync(log.Path);
        await new OperationsAuditLog(log.Path).AppendAsync(Entry("purge", "m-2"));

        var text = await File.ReadAllTextAsync(log.Path);
        Assert.StartsWith(afterFirst, text, StringComparison.Ordinal); // only ever appended to
        Assert.Equal(2, text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("\"action\":\"purge\"", text, StringComparison.Ordinal);
        var entries = await log.ReadAsync();
        Assert.Equal(["m-1", "m-2"], entries.Select(e => e.MessageId));
        Assert.Equal(Entry("replay", "m-1"), entries[0]);
    }

    [Fact]
    public async Task A_missing_log_reads_as_empty() =>
        Assert.Empty(await new OperationsAuditLog(Path.Combine(_folder, "none.jsonl")).ReadAsync());

    [Theory]
    [InlineData("amqp://u:p@broker:5673/", "/")]
    [InlineData("amqp://u:p@broker:5673/sf-prod", "sf-prod")]
    [InlineData("amqp://broker/%2F", "/")]
    public void The_virtual_host_is_the_uri_path(string amqp, string vhost) =>
        Assert.Equal(vhost, new BrokerAddress(new Uri(amqp), new Uri("http://broker:15672/")).VirtualHost);

    [Fact]
    public void Management_credentials_come_from_its_uri_else_from_the_amqp_one()
    {
        Assert.Equal(("admin", "s@cret"), new BrokerAddress(new Uri("amqp://u:p@b/"), new Uri("http://admin:s%40cret@b:15672/")).ManagementCredentials);
        Assert.Equal(("u", "p"), new BrokerAddress(new Uri("amqp://u:p@b/"), new Uri("http://b:15672/")).ManagementCredentials);
        Assert.Equal(("guest", "guest"), new BrokerAddress(new Uri("amqp://b/"), new Uri("http://b:15672/")).ManagementCredentials);
    }

    [Fact]
    public void Error_queues_belong_to_their_endpoint() =>
        Assert.Equal("features-debit", ErrorQueues.EndpointOf("features-debit_error"));

    private static AuditEntry Entry(string action, string id) => new(
        new DateTimeOffset(2026, 11, 26, 15, 0, 0, TimeSpan.Zero), action, "ops", "host", "/", "q_error", id, "urn:message:X", "q", "boom", null, null);

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
