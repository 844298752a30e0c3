namespace SignauxFaibles.Portal;

/// <summary>Names the portal's assembly for hosts and tests (its top-level Program is global).</summary>
public sealed class PortalService;
