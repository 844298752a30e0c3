using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using SignauxFaibles.Notifications.Deliveries;

namespace SignauxFaibles.Notifications.Mail;

/// <summary>
/// Sends a batch of mails over one SMTP session (MailKit). A refusal of the address (5xx) is a
/// bounce, final; anything else — server down, timeout, 4xx — is worth a retry later.
/// </summary>
public sealed class SmtpMailer(IOptions<SmtpOptions> options)
{
    private readonly SmtpOptions _options = options.Value;

    public async Task<IReadOnlyList<DeliveryOutcome>> SendAsync(IReadOnlyList<Delivery> mails, CancellationToken ct)
    {
        var outcomes = new List<DeliveryOutcome>(mails.Count);
        using var client = new SmtpClient { Timeout = (int)_options.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(_options.Host, _options.Port, Enum.Parse<SecureSocketOptions>(_options.Security, ignoreCase: true), ct);
            if (!string.IsNullOrEmpty(_options.Username)) await client.AuthenticateAsync(_options.Username, _options.Password ?? string.Empty, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var error = $"cannot reach the mail server {_options.Host}:{_options.Port}: {ex.Message}";
            return mails.Select(_ => DeliveryOutcome.Retry(error)).ToList();
        }

        foreach (var mail in mails)
        {
            if (!client.IsConnected)
            {
                outcomes.Add(DeliveryOutcome.Retry("the mail server closed the connection"));
                continue;
            }
            try
            {
                await client.SendAsync(Compose(mail), ct);
                outcomes.Add(DeliveryOutcome.Sent);
            }
            catch (SmtpCommandException ex) when ((int)ex.StatusCode >= 500 && ex.ErrorCode is SmtpErrorCode.RecipientNotAccepted)
            {
                outcomes.Add(DeliveryOutcome.Bounce($"{(int)ex.StatusCode} {ex.Message}"));
            }
            catch (Exception ex) when (ex is SmtpCommandException or SmtpProtocolException or ServiceNotConnectedException or IOException)
            {
                outcomes.Add(DeliveryOutcome.Retry(ex.Message));
            }
        }
        if (client.IsConnected)
        {
            try
            {
                await client.DisconnectAsync(quit: true, ct);
            }
            catch (Exception ex) when (ex is SmtpProtocolException or IOException)
            {
                // The mails are accepted already; a rude goodbye changes nothing.
            }
        }
        return outcomes;
    }

    private MimeMessage Compose(Delivery mail)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(_options.FromName, _options.FromAddress));
        message.To.Add(MailboxAddress.Parse(mail.Recipient));
        message.Subject = mail.Subject;
        // Lets a receiving system (or a person) recognise a repeat, should one ever be sent.
        message.MessageId = $"{mail.Key.Replace(':', '.')}@signaux-faibles";
        message.Body = new TextPart("plain") { Text = mail.Body };
        return message;
    }
}
