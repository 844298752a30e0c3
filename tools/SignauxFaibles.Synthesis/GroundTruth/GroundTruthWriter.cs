using System.Text;
using SignauxFaibles.Synthesis.Dynamics;
using SignauxFaibles.Synthesis.Writers;

namespace SignauxFaibles.Synthesis.GroundTruth;

/// <summary>
/// ground_truth.csv: every collective proceeding opened within the window, with the month its
/// latent slide began. What models are judged against; never an input of the ingestion.
/// </summary>
public sealed class GroundTruthWriter(DeliveryFolder folder) : ISourceWriter
{
    public const string Header = "siren,failure_date,procedure_kind,distress_onset,sudden";

    private readonly DeliveryFile _file = folder.Create("ground_truth.csv", Header, new UTF8Encoding(false));

    public void Write(CompanyLife life)
    {
        if (life.Failure is not { } f) return;
        _file.Out.Write($"{life.Company.Siren},{Formats.Iso(f.OpenedOn)},{ProceedingTimeline.Nature(f.Kind)},{f.DistressOnset},{(f.Sudden ? "true" : "false")}");
        _file.EndRow();
    }
}
