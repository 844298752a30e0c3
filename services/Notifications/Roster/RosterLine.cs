using SignauxFaibles.Contracts.Provenance;
using SignauxFaibles.Notifications.Officers;

namespace SignauxFaibles.Notifications.Roster;

/// <summary>One valid roster row: who the person is, what they may see and where.</summary>
/// <param name="RecordKey">The e-mail, lower-case: the key re-imports update by.</param>
public sealed record RosterLine(
    string RecordKey,
    string AccessLevel,
    string Institution,
    bool National,
    IReadOnlyList<string> Departements,
    IReadOnlyList<string> Regions,
    string? Function,
    string FirstName,
    string LastName,
    OfficerRights Rights) : ISourceRecord
{
    public string Email => RecordKey;
}
