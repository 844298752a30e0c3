using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Protocol;
using SmtpServer.Mail;
using SmtpServer.Storage;

namespace SignauxFaibles.IntegrationTests.Notifications;

/// <summary>One mail as the SMTP server received it.</summary>
public sealed record ReceivedMail(string To, string Subject, string Body);

/// <summary>
/// A real SMTP server (the SmtpServer package) on a TCP port of its own, keeping what it receives.
/// It can be stopped and started again on the same port, to play a mail server outage. Addresses
/// whose local part starts with "bounce" are refused at RCPT (550), as for a person who left.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedMail> _received = new();
    private CancellationTokenSource? _running;
    private Task? _serving;

    public int Port { get; } = FreePort();

    public IReadOnlyCollection<ReceivedMail> Received => _received.ToArray();

    public async Task StartAsync()
    {
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build();
        var services = new ServiceProvider();
        services.Add(new Store(_received));
        services.Add(new RefuseBounceAddresses());
        var server = new SmtpServer.SmtpServer(options, services);
        _running = new CancellationTokenSource();
        _serving = server.StartAsync(_running.Token);
        // Listening once a client can connect.
        for (var i = 0; i < 50; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }
        throw new InvalidOperationException($"SMTP sink did not start on port {Port}");
    }

    public async Task StopAsync()
    {
        if (_running is null) return;
        await _running.CancelAsync();
        try
        {
            await _serving!;
        }
        catch (OperationCanceledException)
        {
        }
        _running.Dispose();
        _running = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class RefuseBounceAddresses : MailboxFilter
    {
        public override Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken) =>
            Task.FromResult(!to.User.StartsWith("bounce", StringComparison.OrdinalIgnoreCase));
    }

    private sealed class Store(ConcurrentQueue<ReceivedMail> received) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            foreach (var to in transaction.To)
            {
                received.Enqueue(new ReceivedMail($"{to.User}@{to.Host}", message.Subject ?? string.Empty, message.TextBody ?? string.Empty));
            }
            return SmtpResponse.Ok;
        }
    }
}
