using SignauxFaibles.Contracts.Scoring;
using SignauxFaibles.Notifications.Officers;

namespace SignauxFaibles.Notifications.Routing;

/// <summary>How an alert reaches the officer's mailbox, besides the inbox.</summary>
public enum MailPlan
{
    None,
    AtOnce,
    Digest,
}

public static class MailPlans
{
    /// <summary>Red is urgent: it is mailed at once unless the officer asked for the digest or no mail at all.</summary>
    public static MailPlan For(MailPreference preference, RiskLevel level) => preference switch
    {
        MailPreference.InboxOnly => MailPlan.None,
        MailPreference.AllAtOnce => MailPlan.AtOnce,
        MailPreference.DigestOnly => MailPlan.Digest,
        _ => level == RiskLevel.High ? MailPlan.AtOnce : MailPlan.Digest,
    };
}
