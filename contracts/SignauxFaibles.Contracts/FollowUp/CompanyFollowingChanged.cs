using SignauxFaibles.Contracts.Identifiers;

namespace SignauxFaibles.Contracts.FollowUp;

/// <summary>
/// An officer started or stopped following a company (published by the feature service, which owns
/// follow-ups): following opens the company's confidential data to that officer in every service
/// (access.md), so the services that serve such data keep who follows what.
/// </summary>
/// <param name="Officer">The officer's token subject.</param>
/// <param name="Following">True when the follow starts (or its reason changes), false when it ends.</param>
/// <param name="ChangedAt">When; a service keeps the newest change per officer and company.</param>
public sealed record CompanyFollowingChanged(string Officer, Siren Siren, bool Following, DateTimeOffset ChangedAt);
