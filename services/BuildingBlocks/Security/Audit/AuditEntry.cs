namespace SignauxFaibles.Security.Audit;

/// <summary>One sensitive access or refusal: who, what, when and why (table <c>audit_entries</c>).</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>Token subject (officer) or client id (institution, operator).</summary>
    public required string Actor { get; set; }

    public string? Institution { get; set; }

    /// <summary>One of <see cref="AuditActions"/>.</summary>
    public required string Action { get; set; }

    /// <summary>What was touched: a SIREN, a route, a file kind.</summary>
    public required string Resource { get; set; }

    /// <summary><c>allowed</c> or <c>refused</c>.</summary>
    public required string Outcome { get; set; }

    public required string Reason { get; set; }

    /// <summary>The gateway's X-Correlation-Id, to join with traces and the other services' logs.</summary>
    public string? CorrelationId { get; set; }
}

public static class AuditActions
{
    public const string ConfidentialView = "confidential-view";
    public const string OutOfZone = "out-of-zone";
    public const string Export = "export";
    public const string PushRefused = "push-refused";

    /// <summary>An officer's call refused for want of acknowledged confidentiality terms.</summary>
    public const string TermsMissing = "terms-missing";

    /// <summary>An officer's call refused for want of the data right the endpoint needs.</summary>
    public const string RightMissing = "right-missing";

    /// <summary>An officer starts following a company (which opens its confidential data to them).</summary>
    public const string Follow = "follow";

    public const string Unfollow = "unfollow";

    /// <summary>A company search: the query as typed and how many companies it answered.</summary>
    public const string Search = "search";

    /// <summary>Rejected lines read (they hold the source's raw values).</summary>
    public const string RejectsRead = "rejects-read";

    /// <summary>An operator has a stock's whole current state published again.</summary>
    public const string StockRepublished = "stock-republished";

    /// <summary>A batch, its rejects or pending records asked for by a client of another feed.</summary>
    public const string BatchReadRefused = "batch-read-refused";
}

public static class AuditOutcomes
{
    public const string Allowed = "allowed";
    public const string Refused = "refused";
}
