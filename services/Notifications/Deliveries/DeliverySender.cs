using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SignauxFaibles.Notifications.Data;
using SignauxFaibles.Notifications.Mail;
using SignauxFaibles.Notifications.Webhooks;

namespace SignauxFaibles.Notifications.Deliveries;

/// <summary>
/// Sends the deliveries that are due, in the background. Rows are claimed with
/// <c>FOR UPDATE SKIP LOCKED</c>, so several instances share the work without sending anything
/// twice; an attempt's outcome is written before the lock is released. A failure that may pass
/// (server down, 4xx) is retried with exponential back-off until <see cref="DeliveryOptions.MaxAttempts"/>.
/// </summary>
public sealed partial class DeliverySender(
    IServiceScopeFactory scopes,
    DeliverySignal signal,
    IOptions<DeliveryOptions> options,
    TimeProvider clock,
    ILogger<DeliverySender> logger) : BackgroundService
{
    private readonly DeliveryOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        NotificationsMetrics.StartChannelsAtZero();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await SendDueAsync(stoppingToken) > 0)
                {
                    // Drain everything due before sleeping.
                }
                await signal.WaitAsync(_options.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                LogRoundFailed(ex);
                try
                {
                    await Task.Delay(_options.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    /// <summary>Claims and sends one batch of due deliveries; returns how many were attempted.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        var due = await db.Deliveries
            .FromSql($"""
                SELECT * FROM deliveries
                WHERE status = 'Pending' AND next_attempt_at <= {now}
                ORDER BY next_attempt_at
                LIMIT {_options.BatchSize}
                FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(ct);
        if (due.Count == 0) return 0;

        var mails = due.Where(d => d.Channel == DeliveryChannel.Email).ToList();
        var outcomes = new Dictionary<Delivery, DeliveryOutcome>();
        if (mails.Count > 0)
        {
            var sent = await scope.ServiceProvider.GetRequiredService<SmtpMailer>().SendAsync(mails, ct);
            for (var i = 0; i < mails.Count; i++) outcomes[mails[i]] = sent[i];
        }
        var poster = scope.ServiceProvider.GetRequiredService<WebhookPoster>();
        foreach (var hook in due.Where(d => d.Channel == DeliveryChannel.Webhook))
        {
            outcomes[hook] = await poster.PostAsync(hook, ct);
        }

        var finished = clock.GetUtcNow();
        foreach (var (delivery, outcome) in outcomes) Record(delivery, outcome, finished);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return due.Count;
    }

    private void Record(Delivery delivery, DeliveryOutcome outcome, DateTimeOffset now)
    {
        delivery.Attempts++;
        delivery.LastError = outcome.Error;
        if (outcome.Status == DeliveryStatus.Sent)
        {
            delivery.Status = DeliveryStatus.Sent;
            delivery.SentAt = now;
            NotificationsMetrics.DeliveriesSent.Add(1, new KeyValuePair<string, object?>("channel", delivery.Channel.ToString()));
            NotificationsMetrics.DeliveryLatency.Record((now - delivery.CreatedAt).TotalSeconds);
            return;
        }
        if (outcome.Retryable && delivery.Attempts < _options.MaxAttempts)
        {
            var wait = Backoff.After(delivery.Attempts, _options.FirstRetryDelay, _options.MaxRetryDelay);
            delivery.NextAttemptAt = now + wait;
            NotificationsMetrics.DeliveryRetries.Add(1, new KeyValuePair<string, object?>("channel", delivery.Channel.ToString()));
            LogRetry(delivery.Key, delivery.Attempts, wait, outcome.Error);
            return;
        }
        delivery.Status = outcome.Retryable ? DeliveryStatus.Failed : outcome.Status;
        NotificationsMetrics.DeliveriesFailed.Add(1, new KeyValuePair<string, object?>("channel", delivery.Channel.ToString()),
            new KeyValuePair<string, object?>("status", delivery.Status.ToString()));
        LogGaveUp(delivery.Key, delivery.Status, delivery.Attempts, outcome.Error);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery round failed; retrying after the poll interval")]
    private partial void LogRoundFailed(Exception ex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {Key} attempt {Attempts} failed, next in {Wait}: {Error}")]
    private partial void LogRetry(string key, int attempts, TimeSpan wait, string? error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery {Key} is {Status} after {Attempts} attempt(s): {Error}")]
    private partial void LogGaveUp(string key, DeliveryStatus status, int attempts, string? error);
}
