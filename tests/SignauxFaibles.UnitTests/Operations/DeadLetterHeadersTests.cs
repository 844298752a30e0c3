using System.Text;
using RabbitMQ.Client;
using SignauxFaibles.Operations.DeadLetters;

namespace SignauxFaibles.UnitTests.Operations;

public class DeadLetterHeadersTests
{
    [Theory]
    [InlineData("features-debit_error", "rabbitmq://broker:5672/sf/features-debit", "features-debit")]
    [InlineData("features-debit_error", "rabbitmq://broker/features-debit?temporary=false", "features-debit")]
    [InlineData("features-debit_error", null, "features-debit")]
    [InlineData("features-debit_error", "not a uri", "features-debit")]
    [InlineData("odd-name", null, "odd-name")]
    public void The_endpoint_is_the_fault_input_address_else_the_queue_name_without_error(string queue, string? inputAddress, string expected) =>
        Assert.Equal(expected, DeadLetterHeaders.EndpointOf(queue, inputAddress));

    [Fact]
    public void A_replay_drops_the_fault_and_host_headers_and_keeps_the_others()
    {
        var original = new Dictionary<string, object?>
        {
            ["MT-Fault-ExceptionType"] = Bytes("System.InvalidOperationException"),
            ["MT-Fault-Message"] = Bytes("boom"),
            ["MT-Fault-InputAddress"] = Bytes("rabbitmq://broker/features-debit"),
            ["mt-fault-retrycount"] = 1,
            ["MT-Reason"] = Bytes("fault"),
            ["MT-Host-MachineName"] = Bytes("node-1"),
            ["MT-MessageType"] = Bytes("urn:message:X:Y"),
            ["traceparent"] = Bytes("00-abc-def-01"),
        };
        var kept = DeadLetterHeaders.ForReplay(original);
        Assert.Equal(["MT-MessageType", "traceparent"], kept.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(DeadLetterHeaders.ForReplay(null));
    }

    [Fact]
    public void A_dead_letter_is_read_from_its_headers_and_envelope()
    {
        var properties = new BasicProperties
        {
            ContentType = "application/vnd.masstransit+json",
            Headers = new Dictionary<string, object?>
            {
                ["MT-Fault-ExceptionType"] = Bytes("System.InvalidOperationException"),
                ["MT-Fault-Message"] = Bytes("Negative entry"),
                ["MT-Fault-Timestamp"] = Bytes("2026-11-26T15:00:00.0000000Z"),
                ["MT-Fault-InputAddress"] = Bytes("rabbitmq://broker/sf/flaky-entry"),
                ["MT-Fault-RetryCount"] = 2,
            },
        };
        var envelope = """{"messageId":"0a1b2c3d-0000-0000-0000-000000000001","messageType":["urn:message:Ns:LedgerEntryPosted"],"message":{"amount":-2}}""";
        var letter = DeadLetterHeaders.Read("flaky-entry_error", 1, properties, Encoding.UTF8.GetBytes(envelope));

        Assert.Equal("0a1b2c3d-0000-0000-0000-000000000001", letter.MessageId);
        Assert.Equal("urn:message:Ns:LedgerEntryPosted", letter.MessageType);
        Assert.Equal("flaky-entry", letter.Endpoint);
        Assert.Equal(("System.InvalidOperationException", "Negative entry"), (letter.ExceptionType, letter.FaultMessage));
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 15, 0, 0, TimeSpan.Zero), letter.FaultedAt);
        Assert.Equal("2", letter.Headers["MT-Fault-RetryCount"]);
        Assert.Equal(envelope, letter.BodyText);
    }

    [Fact]
    public void A_body_that_is_not_json_is_kept_as_bytes()
    {
        var letter = DeadLetterHeaders.Read("q_error", 3, new BasicProperties { ContentType = "application/octet-stream", MessageId = "m-1" }, new byte[] { 0xFF, 0x00 });
        Assert.Equal(("m-1", "q", 3), (letter.MessageId, letter.Endpoint, letter.Position));
        Assert.Null(letter.BodyText);
        Assert.Equal(new byte[] { 0xFF, 0x00 }, letter.Body);
    }

    [Fact]
    public void A_selection_is_everything_or_the_given_message_ids()
    {
        var letter = DeadLetterHeaders.Read("q_error", 1, new BasicProperties { MessageId = "ABC" }, Array.Empty<byte>());
        Assert.True(DeadLetterSelection.Everything.Includes(letter));
        Assert.True(DeadLetterSelection.Of(["abc"]).Includes(letter));
        Assert.False(DeadLetterSelection.Of(["other"]).Includes(letter));
    }

    private static byte[] Bytes(string s) => Encoding.UTF8.GetBytes(s);
}
