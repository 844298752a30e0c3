namespace SignauxFaibles.Ingestion.Judiciaire.Altares;

/// <summary>Columns of the Altares legal events (BODACC) file, ','-separated.</summary>
public static class AltaresLayout
{
    public const string Siret = "Siret";
    public const string EffectiveOn = "Date d'effet";
    public const string PublishedOn = "Date parution";
    public const string JournalCode = "Code du journal";
    public const string EventCode = "Code de la nature de l'événement";

    public static readonly string[] Current = [Siret, EffectiveOn, PublishedOn, JournalCode, EventCode];
}
