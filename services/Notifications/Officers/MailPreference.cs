using System.Text.Json.Serialization;

namespace SignauxFaibles.Notifications.Officers;

/// <summary>How an officer wants alerts by e-mail; the in-app inbox receives every alert whatever the choice.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MailPreference>))]
public enum MailPreference
{
    /// <summary>A company entering the red list is mailed at once; every other change waits for the daily digest.</summary>
    RedAtOnceOthersInDigest,

    /// <summary>Every change is mailed at once.</summary>
    AllAtOnce,

    /// <summary>Every change, red included, waits for the daily digest.</summary>
    DigestOnly,

    /// <summary>No e-mail: the inbox only.</summary>
    InboxOnly,
}
