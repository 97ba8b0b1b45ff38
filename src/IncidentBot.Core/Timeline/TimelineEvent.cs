using System.Globalization;
using IncidentBot.Core.Answers;

namespace IncidentBot.Core.Timeline;

/// <summary>One dated mention in the documents: a sentence and the day, month or year it refers to.</summary>
/// <param name="When">The resolved period.</param>
/// <param name="Sentence">The whole sentence the date expression was found in.</param>
/// <param name="Expression">Where the date expression is in <paramref name="Sentence"/> ("on Thursday", "in May").</param>
/// <param name="IsRelative">True when <paramref name="When"/> was worked out from the document's date.</param>
/// <param name="Citation">The document and position of <paramref name="Sentence"/>.</param>
public sealed record TimelineEvent(
    TimelineDate When,
    string Sentence,
    TextSpan Expression,
    bool IsRelative,
    TimelineCitation Citation)
{
    /// <summary>First day of the period the event refers to.</summary>
    public DateOnly Date => When.Start;

    public DatePrecision Precision => When.Precision;

    /// <summary>The date expression as written ("On Thursday").</summary>
    public string ExpressionText => Sentence.Substring(Expression.Start, Expression.Length);

    /// <summary>
    /// The event as an answer citation, so chat renderers can show it like any other quoted sentence: the
    /// sentence is windowed to the usual snippet length around the date expression, which is highlighted.
    /// </summary>
    /// <param name="n">1-based citation number.</param>
    public Answers.Citation ToCitation(int n)
    {
        var (snippet, highlights) = TextWindow.Fit(Sentence, [Expression], AnswerComposer.MaxSnippetLength);
        return new Answers.Citation(
            n,
            Citation.Source,
            Citation.Title,
            Citation.DocumentDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Citation.Url,
            Citation.Paragraph,
            Citation.Sentence,
            snippet,
            Score: 0,
            highlights);
    }
}
