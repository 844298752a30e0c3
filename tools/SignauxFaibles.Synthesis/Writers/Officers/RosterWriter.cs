using System.Text;
using SignauxFaibles.Synthesis.Dynamics;

namespace SignauxFaibles.Synthesis.Writers.Officers;

/// <summary>
/// roster.csv: the partners' roster for the synthetic territory, in the format Notifications
/// imports (RosterLayout), so that a demonstration stack alerts someone: the development officers
/// the identity service signs in (same e-mails and zones as its appsettings.Development.json), and one
/// DREETS officer for each département where a company has an establishment. <c>sf load</c> imports it.
/// </summary>
public sealed class RosterWriter(DeliveryFolder folder) : IFinishingWriter
{
    public const string FileName = "roster.csv";

    public const string Header = "Niveau;Institution;Accès géographique;Fonction;Prénom;Nom;E-mail;Droits";

    /// <summary>The identity service's development officers who are officers (not the operator), as roster rows.</summary>
    public static readonly IReadOnlyList<string> DevelopmentOfficers =
    [
        "A;DGE;France;Agent national;Agent;National;agent.national@signaux-faibles.invalid;urssaf,dgefp,bdf,dgfip,score",
        "A;DREETS;21;Agent;Agent;Côte-d'Or;agent.21@signaux-faibles.invalid;urssaf,dgefp,score",
        "A;DREETS;75;Agent;Agent;Paris;agent.75@signaux-faibles.invalid;urssaf,dgefp,score",
        "A;DDETS;21;Agent;Agent;Côte-d'Or sans droit URSSAF;agent.21.sans-urssaf@signaux-faibles.invalid;dgefp",
    ];

    private readonly SortedSet<string> _departements = new(StringComparer.Ordinal);

    public void Write(CompanyLife life)
    {
        foreach (var establishment in life.Company.Establishments) _departements.Add(establishment.Departement.Code);
    }

    public void Finish()
    {
        var file = folder.Create(FileName, Header, new UTF8Encoding(false));
        foreach (var row in DevelopmentOfficers)
        {
            file.Out.Write(row);
            file.EndRow();
        }
        foreach (var code in _departements)
        {
            file.Out.Write($"A;DREETS;{code};Chargé de mission entreprises en difficulté;Agent;Département {code};dreets.{code.ToLowerInvariant()}@synthetique.example.fr;urssaf,dgefp,score");
            file.EndRow();
        }
    }
}
