namespace SignauxFaibles.Identity.Terms;

/// <summary>
/// When an officer last acknowledged the confidentiality terms (table <c>terms_acknowledgements</c>),
/// kept apart from the directory copy, which the directory's events replace whole.
/// </summary>
public sealed class TermsAcknowledgement
{
    /// <summary>Lower-case e-mail, as in the directory and the token subject.</summary>
    public required string Email { get; set; }

    public DateTimeOffset AcknowledgedAt { get; set; }
}
