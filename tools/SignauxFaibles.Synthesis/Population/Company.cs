namespace SignauxFaibles.Synthesis.Population;

/// <summary>An establishment: where people work and where URSSAF keeps an account.</summary>
public sealed record Establishment(
    int Ordinal, string Siret, string Nic, Departement Departement, string Commune, string PostCode, string Street, int StreetNumber,
    bool HeadOffice, string Account, string UrssafCode, double HeadcountShare, DateOnly CreatedOn);

/// <summary>A company's static traits, drawn once from its own random stream.</summary>
/// <param name="Quality">Latent structural soundness, standard normal: weak companies fail and slip more often.</param>
/// <param name="WageLevel">Multiplier of the sector's mean wage.</param>
/// <param name="InBdf">Whether the Banque de France rates it (ratio files).</param>
/// <param name="InDiane">Whether the Diane export covers it.</param>
/// <param name="InPaydex">Whether Altares measures its payment delays.</param>
/// <param name="PaysUrssafFirst">Keeps paying its social contributions while it slides (managers are personally
/// exposed for them): its distress shows in suppliers' delays and accounts rather than in URSSAF debt.</param>
public sealed record Company(
    long Index, string Siren, string Name, Sector Sector, string Naf, Departement Departement, string LegalCategory,
    DateOnly CreatedOn, int InitialHeadcount, IReadOnlyList<Establishment> Establishments,
    double Quality, double WageLevel, bool InBdf, bool InDiane, bool InPaydex, bool PaysUrssafFirst)
{
    public Establishment HeadOffice => Establishments[0];
}
