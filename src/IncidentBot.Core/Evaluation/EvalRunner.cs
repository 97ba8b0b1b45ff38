using System.Diagnostics;
using IncidentBot.Core.Answers;

namespace IncidentBot.Core.Evaluation;

/// <summary>Runs a question set through the engine and measures hit@1, hit@3, abstentions and latency.</summary>
public static class EvalRunner
{
    /// <summary>
    /// Questions asked untimed first (cycling through a small set) so that JIT compilation, including
    /// tiered re-compilation of hot methods, and cold caches do not count as latency.
    /// </summary>
    private const int WarmupQuestions = 300;

    public static EvalReport Run(AnswerEngine engine, IReadOnlyList<EvalQuestion> questions, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(questions);
        for (var i = 0; i < WarmupQuestions && questions.Count > 0; i++)
        {
            engine.Ask(questions[i % questions.Count].Question, 3);
        }

        var latencies = new List<double>(questions.Count);
        var misses = new List<EvalMiss>();
        var confidences = new List<(double, bool)>();
        int answerable = 0, hit1 = 0, hit3 = 0, correctAbstentions = 0, falseAbstentions = 0;
        var wall = Stopwatch.StartNew();
        foreach (var question in questions)
        {
            ct.ThrowIfCancellationRequested();
            var result = engine.Ask(question.Question, 3);
            if (!result.IsSuccess)
            {
                misses.Add(new EvalMiss(question.Question ?? string.Empty, question.ExpectedPhrases, question.Unanswerable, "error: " + result.Error));
                answerable += question.Unanswerable ? 0 : 1;
                continue;
            }

            var answer = result.Answer;
            latencies.Add(answer.ElapsedMs);
            if (question.Unanswerable)
            {
                correctAbstentions += answer.Answered ? 0 : 1;
                if (answer.Answered)
                {
                    misses.Add(new EvalMiss(answer.Question, [], true, answer.Text));
                }

                continue;
            }

            answerable++;
            var expected = question.ExpectedPhrases;
            var first = question.IsPassedBy(answer);
            var texts = answer.Citations.Take(3).Select((c, i) => i == 0 && answer.Answered ? answer.Text : c.Snippet);
            hit1 += first ? 1 : 0;
            if (answer.Answered)
            {
                confidences.Add((answer.Confidence, first));
            }

            hit3 += texts.Any(question.Mentions) ? 1 : 0;
            falseAbstentions += answer.Answered ? 0 : 1;
            if (!first)
            {
                misses.Add(new EvalMiss(answer.Question, expected, false, answer.Answered ? answer.Text : "(abstained) " + (answer.Citations.Count > 0 ? answer.Citations[0].Snippet : string.Empty)));
            }
        }

        wall.Stop();
        latencies.Sort();
        return new EvalReport(
            questions.Count,
            answerable,
            questions.Count - answerable,
            answerable == 0 ? 0 : (double)hit1 / answerable,
            answerable == 0 ? 0 : (double)hit3 / answerable,
            correctAbstentions,
            falseAbstentions,
            Percentile(latencies, 0.50),
            Percentile(latencies, 0.99),
            latencies.Count == 0 ? 0 : latencies.Average(),
            wall.Elapsed.TotalMilliseconds,
            misses)
        {
            Calibration = CalibrationTable.Build(confidences),
        };
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
