using IncidentBot.Core.Answers;

namespace IncidentBot.Core.Tests.TestSupport;

/// <summary>Small helpers to ask and check answers.</summary>
internal static class AnswerAssert
{
    /// <summary>Asks and asserts the question could be asked (not an input or readiness error).</summary>
    public static Answer AskOk(this AnswerEngine engine, string question, int citations = AnswerEngine.DefaultCitations)
    {
        var result = engine.Ask(question, citations);
        Assert.True(result.IsSuccess, result.Error);
        return result.Answer;
    }

    /// <summary>Asserts the question is answered with a text containing <paramref name="phrase"/>.</summary>
    public static Answer Answers(this AnswerEngine engine, string question, string phrase)
    {
        var answer = engine.AskOk(question);
        Assert.True(answer.Answered, $"'{question}' was not answered: {answer.Message}");
        Assert.Contains(phrase, answer.Text, StringComparison.Ordinal);
        return answer;
    }

    /// <summary>Asserts the question is not answered with a text containing <paramref name="phrase"/>.</summary>
    public static void DoesNotAnswer(this AnswerEngine engine, string question, string phrase)
    {
        var answer = engine.AskOk(question);
        Assert.False(answer.Answered && answer.Text!.Contains(phrase, StringComparison.Ordinal), $"'{question}' was answered from the wrong documents: {answer.Text}");
    }

    /// <summary>The text of each highlight of <paramref name="text"/>.</summary>
    public static List<string> HighlightedWords(string text, IEnumerable<TextSpan> spans) =>
        spans.Select(s => text.Substring(s.Start, s.Length)).ToList();
}
