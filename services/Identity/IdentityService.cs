namespace SignauxFaibles.Identity;

/// <summary>Names this service's assembly for hosts and tests (every service's top-level Program is global).</summary>
public sealed class IdentityService;
