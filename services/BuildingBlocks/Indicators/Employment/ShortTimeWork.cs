using SignauxFaibles.Contracts.ShortTimeWork;
using SignauxFaibles.Indicators.Panel;

namespace SignauxFaibles.Indicators.Employment;

/// <summary>
/// Short-time work (activité partielle): hours authorised for each month, spread over the
/// authorisation's days and counted only once the authorisation exists (its status date), hours
/// used, their 12-month sum, and their weight against the headcount's full-time hours.
/// </summary>
public static class ShortTimeWork
{
    public static void Compute(MonthFrame frame, IReadOnlyList<ShortTimeWorkRequest> requests,
        IReadOnlyList<ShortTimeWorkConsumption> consumptions, string headcountColumn)
    {
        var n = frame.Count;
        var authorised = new decimal[n];
        var reasonHours = new decimal[n];
        var reason = frame.Column("apart_motif_recours");
        foreach (var request in requests)
        {
            if (request.HoursAuthorised is not { } hours || request.To < request.From) continue;
            var days = request.To.DayNumber - request.From.DayNumber + 1;
            var known = request.StatusDate ?? request.From;
            for (var i = Math.Max(0, frame.IndexOf(Contracts.Identifiers.YearMonth.Of(request.From))); i < n; i++)
            {
                var month = frame.MonthAt(i);
                if (month.FirstDay > request.To) break;
                if (known > month.LastDay) continue;
                var overlap = Math.Min(request.To.DayNumber, month.LastDay.DayNumber) - Math.Max(request.From.DayNumber, month.FirstDay.DayNumber) + 1;
                var share = hours * overlap / days;
                authorised[i] += share;
                // The reason of the authorisation weighing most in the month describes it.
                if (share > reasonHours[i] && request.Reason is { } r)
                {
                    reasonHours[i] = share;
                    reason[i] = (int)r;
                }
            }
        }

        var used = new decimal[n];
        foreach (var c in consumptions)
        {
            var i = frame.IndexOf(c.Month);
            if (frame.Contains(i)) used[i] += c.Hours;
        }

        var authorisedColumn = frame.Column("apart_heures_autorisees");
        var usedColumn = frame.Column("apart_heures_consommees");
        var cumulated = frame.Column("apart_heures_consommees_cumulees");
        var ratio = frame.Column("ratio_apart");
        var headcount = frame.Column(headcountColumn);
        decimal window = 0;
        for (var i = 0; i < n; i++)
        {
            authorisedColumn[i] = (double)authorised[i];
            usedColumn[i] = (double)used[i];
            window += used[i];
            if (i >= 12) window -= used[i - 12];
            cumulated[i] = (double)window;
            if (headcount[i] > 0) ratio[i] = (double)used[i] / (headcount[i] * (double)ShortTimeWorkConsumption.MonthlyFullTimeHours);
        }
    }
}
