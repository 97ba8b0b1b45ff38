using IncidentBot.Core.Answers;
using IncidentBot.Core.Indexing;

namespace IncidentBot.Core.Tests.Indexing;

public sealed class TokenClassifierTests
{
    [Theory]
    [InlineData("The stadium opened in 2014.", "2014", (int)(TokenKind.Number | TokenKind.Date))]
    [InlineData("It was popular in the 1960s.", "1960s", (int)(TokenKind.Number | TokenKind.Date))]
    [InlineData("The stadium cost $1.2 billion.", "1.2", (int)(TokenKind.Number))]
    [InlineData("The stadium cost $1.2 billion.", "billion", (int)(TokenKind.Number))]
    [InlineData("Over 1,400 users were targeted.", "1,400", (int)(TokenKind.Number))]
    [InlineData("The region includes nine nations.", "nine", (int)(TokenKind.Number))]
    [InlineData("WhatsApp said so on Friday.", "Friday", (int)(TokenKind.Date))]
    [InlineData("The event was held on February 1.", "February", (int)(TokenKind.Date))]
    [InlineData("The spyware was sold by the NSO Group.", "NSO", (int)(TokenKind.Name))]
    [InlineData("The spyware was sold by the NSO Group.", "spyware", (int)(TokenKind.None))]
    [InlineData("Pegasus was sold to governments.", "Pegasus", (int)(TokenKind.None))]
    [InlineData("The punishment is given in the principal's office.", "principal's", (int)(TokenKind.Place))]
    [InlineData("They met at Eisenach.", "Eisenach", (int)(TokenKind.Name | TokenKind.Place))]
    [InlineData("They met at noon in 1521.", "1521", (int)(TokenKind.Number | TokenKind.Date))]
    public void Classify_Token_HasItsKind(string sentence, string token, int expected)
    {
        var span = new TextSpan(sentence.IndexOf(token, StringComparison.Ordinal), token.Length);

        Assert.Equal((TokenKind)expected, TokenClassifier.Classify(sentence, span));
    }

    [Theory]
    [InlineData("It was held at the SAP Center.", true)]
    [InlineData("They escorted Luther to the castle.", true)]
    [InlineData("This created new orders.", true)]
    [InlineData("The event was held at the SAP Center.", false)]
    [InlineData("Italy joined later.", false)]
    [InlineData("\"It is over\", he said.", false)]
    [InlineData("", false)]
    public void OpensWithPronoun_FirstWord_PointsBackOrNot(string sentence, bool expected)
    {
        Assert.Equal(expected, TokenClassifier.OpensWithPronoun(sentence));
    }
}
