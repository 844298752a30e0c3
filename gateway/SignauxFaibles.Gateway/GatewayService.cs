namespace SignauxFaibles.Gateway;

/// <summary>Names the gateway's assembly for hosts and tests (its top-level Program is global).</summary>
public sealed class GatewayService;
