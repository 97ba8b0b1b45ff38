namespace IncidentBot.Core.Timeline;

/// <summary>How much of a date an expression pins down.</summary>
public enum DatePrecision
{
    /// <summary>One calendar day ("November 1, 2019", "on Thursday", "yesterday").</summary>
    Day,

    /// <summary>A calendar month ("in May", "May 2019", "last month").</summary>
    Month,

    /// <summary>A calendar year ("in 2019", "last year").</summary>
    Year,
}
