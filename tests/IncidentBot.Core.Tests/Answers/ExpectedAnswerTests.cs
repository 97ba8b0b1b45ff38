using IncidentBot.Core.Answers;
using IncidentBot.Core.Indexing;

namespace IncidentBot.Core.Tests.Answers;

public sealed class ExpectedAnswerTests
{
    [Theory]
    [InlineData("When did WhatsApp make its statement?", (int)(TokenKind.Date))]
    [InlineData("In what year was the lighthouse built?", (int)(TokenKind.Date))]
    [InlineData("Which century saw the first census?", (int)(TokenKind.Date))]
    [InlineData("How many users were targeted?", (int)(TokenKind.Number))]
    [InlineData("How long did the outage last?", (int)(TokenKind.Number))]
    [InlineData("What percentage of servers failed?", (int)(TokenKind.Number))]
    [InlineData("Who sold the Pegasus spyware?", (int)(TokenKind.Name))]
    [InlineData("Whose phones were hacked?", (int)(TokenKind.Name))]
    [InlineData("Who's responsible for the breach?", (int)(TokenKind.Name))]
    [InlineData("Where did WhatsApp sue the NSO Group?", (int)(TokenKind.Name | TokenKind.Place))]
    [InlineData("What did the image show?", (int)(TokenKind.None))]
    [InlineData("Why was the server restarted?", (int)(TokenKind.None))]
    [InlineData("How did the attackers get in?", (int)(TokenKind.None))]
    [InlineData("Tell me about the breach", (int)(TokenKind.None))]
    public void Of_QuestionWord_GivesTheExpectedKindOfAnswer(string question, int expected)
    {
        Assert.Equal((TokenKind)expected, ExpectedAnswer.Of(question));
    }

    [Fact]
    public void Of_FirstQuestionWordDecides()
    {
        // "when" inside the question does not make it a date question: "who" comes first.
        Assert.Equal(TokenKind.Name, ExpectedAnswer.Of("Who was on call when the database failed?"));
    }

    [Theory]
    [InlineData("In what year was the lighthouse built?", "year")]
    [InlineData("What kind of attack was it?", "kind")]
    [InlineData("Which type of disk failed?", "type")]
    [InlineData("What percentage of servers failed?", "percentage")]
    public void AnswerTypeWords_WordThatOnlyNamesTheKindOfAnswer_IsFound(string question, string word)
    {
        var spans = ExpectedAnswer.AnswerTypeWords(question);

        Assert.Equal([word], spans.Select(s => question.Substring(s.Start, s.Length)));
    }

    [Theory]
    [InlineData("What year-end report was late?")]
    [InlineData("What type was the disk?")]
    [InlineData("When did the kind of outage change?")]
    [InlineData("Who typed the command?")]
    public void AnswerTypeWords_ContentWord_IsKept(string question)
    {
        Assert.Empty(ExpectedAnswer.AnswerTypeWords(question));
    }
}
