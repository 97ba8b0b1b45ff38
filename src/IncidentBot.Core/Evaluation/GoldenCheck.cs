using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;

namespace IncidentBot.Core.Evaluation;

/// <summary>
/// How a rebuilt index did on the golden questions (<c>Index:GoldenQuestions</c>), beside the index that was
/// answering before it. A question passes at hit@1: its answer sentence holds an expected phrase, or, for an
/// unanswerable one, the bot abstains.
/// </summary>
/// <param name="Questions">Golden questions asked.</param>
/// <param name="Passed">How many the rebuilt index passes.</param>
/// <param name="PassedBefore">How many the index answering before passes; null when there was none.</param>
/// <param name="NewlyFailed">Questions the previous index passes and the rebuilt one fails, in file order.</param>
public sealed record GoldenCheck(int Questions, int Passed, int? PassedBefore, IReadOnlyList<string> NewlyFailed)
{
    /// <summary>Questions named in <see cref="RejectionReason"/>; the rest are counted.</summary>
    public const int NamedQuestions = 3;

    /// <summary>True when the rebuilt index passes fewer golden questions than the one answering.</summary>
    public bool Regressed => PassedBefore is { } before && Passed < before;

    /// <summary>One line for a reindex report, e.g. "Golden questions: 9 of 10 pass (before: 9).".</summary>
    [JsonIgnore]
    public string Summary => PassedBefore is { } before
        ? string.Create(CultureInfo.InvariantCulture, $"Golden questions: {Passed} of {Questions} pass (before: {before}).")
        : string.Create(CultureInfo.InvariantCulture, $"Golden questions: {Passed} of {Questions} pass.");

    /// <summary>Why a regressed index was not published, naming the first questions it now gets wrong.</summary>
    [JsonIgnore]
    public string RejectionReason
    {
        get
        {
            var text = new StringBuilder();
            text.Append(CultureInfo.InvariantCulture, $"The rebuilt index passes {Passed} of {Questions} golden questions, the current one {PassedBefore}; the current index keeps answering.");
            if (NewlyFailed.Count > 0)
            {
                text.Append(" Now failing: ").AppendJoin("; ", NewlyFailed.Take(NamedQuestions).Select(q => '"' + q + '"'));
                if (NewlyFailed.Count > NamedQuestions)
                {
                    text.Append(CultureInfo.InvariantCulture, $" and {NewlyFailed.Count - NamedQuestions} more");
                }

                text.Append('.');
            }

            text.Append(" Fix the documents, or reindex with force to publish it anyway.");
            return text.ToString();
        }
    }
}
