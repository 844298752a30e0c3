namespace SignauxFaibles.Portal.Api;

// The services' answers as the portal reads them (System.Text.Json, web defaults).

public sealed record LevelCount(string Level, int Companies);

public sealed record ListedCompany(
    string Siren, string? Name, string Month, string Level, double? Probability, string PreviousLevel, string? ModelVersion,
    string? Departement, string? Region, string? NafSection, string? NafCode, string? SizeClass, double? Headcount,
    string? MainTheme, bool FirstAlert, double? Turnover = null);

public sealed record DetectionList(int Total, IReadOnlyList<LevelCount> ByLevel, int Page, int PageSize, IReadOnlyList<ListedCompany> Companies);

public sealed record IndicatorMonth(string Month, IReadOnlyDictionary<string, double> Values, IReadOnlyDictionary<string, string?> Labels);

public sealed record EstablishmentIndicators(string Siret, IReadOnlyList<IndicatorMonth> Months);

public sealed record CompanyIndicators(
    string Siren, IReadOnlyList<IndicatorMonth> Months, IReadOnlyList<EstablishmentIndicators> Establishments,
    IReadOnlyDictionary<string, string> Withheld);

/// <param name="ProbabilityPoints">The contribution in points of probability (0.032 = +3.2 points).</param>
public sealed record ThemeContribution(string Theme, double Contribution, double? ProbabilityPoints = null);

public sealed record FeatureContribution(string Feature, string Theme, double? Value, double Contribution, string Explanation, double? ProbabilityPoints = null);

/// <param name="BaselineProbability">The probability of the average company of the perimeter the model learnt from: the explanation's starting point.</param>
public sealed record ScoreEntry(
    string Month, string ModelVersion, double Probability, string Level, double Margin, double Baseline, DateTimeOffset ScoredAt,
    IReadOnlyList<ThemeContribution> Themes, IReadOnlyList<FeatureContribution> TopFeatures, double? BaselineProbability = null);

public sealed record CurrentStanding(string Level, string Month, double? Probability, string? FirstAlertMonth, string? MainTheme);

public sealed record CompanyScores(string Siren, string? Name, CurrentStanding? Current, IReadOnlyList<ScoreEntry> History);

/// <param name="Level">The current standing (High, Moderate, None); null when not scored or not shown (LevelWithheld says why).</param>
public sealed record CompanySearchResult(
    string Siren, string? Name, string? UsualName, string? Siret, string? Level, IReadOnlyList<string> Departements, IReadOnlyList<string> Regions,
    string? Communes, bool Followed);

public sealed record CompanySearchResults(string Query, string Kind, int Count, bool More, string? LevelWithheld, IReadOnlyList<CompanySearchResult> Companies);

public sealed record FollowedCompany(string Siren, string Reason, string? Comment, DateTimeOffset Since, string? Status = null, bool? Useful = null);

/// <summary>Filters of the detection list, as the scoring service takes them.</summary>
public sealed record ListFilters(
    string? Departement = null, string? Region = null, string? Level = null, string? Section = null, string? Size = null,
    int? MinHeadcount = null, int? MaxHeadcount = null, bool FirstAlertOnly = false, bool HideFollowed = false,
    string Sort = "risk", int Page = 1, int PageSize = 25, int? MinTurnoverThousands = null, int? MaxTurnoverThousands = null);

/// <summary>A service's answer: the value, or why there is none (403 with its reason, 404).</summary>
public sealed record ApiResult<T>(T? Value, int Status, string? Error) where T : class
{
    public bool Ok => Value is not null;
    public bool Forbidden => Status == 403;
}

public sealed record Verdict(bool Useful, string? Reason, DateTimeOffset? At);

public sealed record FollowNote(long Id, string Kind, string Text, DateTimeOffset At);

public sealed record FollowUp(string Siren, string Reason, string? Comment, DateTimeOffset Since, string Status, Verdict? Verdict, IReadOnlyList<FollowNote> Notes);


public sealed record OfficerEntry(Guid Id, string Email);

public sealed record InboxAlert(
    Guid Id, string Siren, string? CompanyName, string Month, string PreviousLevel, string Level, IReadOnlyList<string> MainThemes,
    DateTimeOffset ChangedAt, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt, DateTimeOffset? AcknowledgedAt, string? AcknowledgementComment);

public sealed record UnreadCount(int Unread);

/// <summary>A published monthly list's header (national counts).</summary>
public sealed record PublishedListSummary(string Month, string ModelVersion, double RedThreshold, double OrangeThreshold, DateTimeOffset PublishedAt, string PublishedBy, int Red, int Orange);

public sealed record PublishedCompany(string Siren, string? Name, string Level, double Probability, string ModelVersion, string? MainTheme,
    string? Departement, string? Region, string? NafSection);

/// <summary>A published month's list as it was frozen, for the officer's zone.</summary>
public sealed record PublishedMonthList(PublishedListSummary List, int Total, IReadOnlyList<PublishedCompany> Companies);

public sealed record LevelMove(string Siren, string From, string To);

/// <summary>What changed in the officer's zone between two published lists.</summary>
public sealed record ListChanges(string Month, string Since, IReadOnlyList<string> Entered, IReadOnlyList<string> Left, IReadOnlyList<LevelMove> Moved);
