using System.Text;
using IncidentBot.Core.Documents;

namespace IncidentBot.Core.Tests.Documents;

public sealed class SentenceSplitterTests
{
    // Expected sentences are separated by '|' (no case below contains a literal '|').
    [Theory]
    // Seed article paragraphs.
    [InlineData(
        "Sources: WhatsApp had given information to CERT-IN, a government agency as seen in the attached image in May. As is seen in the image, it is a communication in pure technical jargon without any mention of Pegasus or the extent of breach. pic.twitter.com/RPIgIntu1X — ANI (@ANI) November 1, 2019",
        "Sources: WhatsApp had given information to CERT-IN, a government agency as seen in the attached image in May.|As is seen in the image, it is a communication in pure technical jargon without any mention of Pegasus or the extent of breach.|pic.twitter.com/RPIgIntu1X — ANI (@ANI) November 1, 2019")]
    [InlineData(
        "As per media reports, over 1,400 users were targeted upon by the spies. Investigations have also revealed that ... officials. Taking cognisance of the matter, the Facebook-owned company WhatsApp said it has sued the alleged NSO Group.",
        "As per media reports, over 1,400 users were targeted upon by the spies.|Investigations have also revealed that ... officials.|Taking cognisance of the matter, the Facebook-owned company WhatsApp said it has sued the alleged NSO Group.")]
    [InlineData(
        "In its defence, Whatsapp said, “Our highest priority is the privacy and security of WhatsApp users. In May, we quickly resolved a security issue and notified relevant Indian and international government authorities.”",
        "In its defence, Whatsapp said, “Our highest priority is the privacy and security of WhatsApp users.|In May, we quickly resolved a security issue and notified relevant Indian and international government authorities.”")]
    // Titles and company abbreviations.
    [InlineData("Mr. Smith went to Washington. He arrived at noon.", "Mr. Smith went to Washington.|He arrived at noon.")]
    [InlineData("Mrs. Jones and Dr. Brown met at St. Mary's hospital. They talked.", "Mrs. Jones and Dr. Brown met at St. Mary's hospital.|They talked.")]
    [InlineData("Prof. Lee and Gen. Rawat spoke at 10 a.m. on Monday.", "Prof. Lee and Gen. Rawat spoke at 10 a.m. on Monday.")]
    [InlineData("Apple Inc. said revenue grew. Google Ltd. and Acme Co. did not comment.", "Apple Inc. said revenue grew.|Google Ltd. and Acme Co. did not comment.")]
    [InlineData("He works for Acme Corp. The company denied it.", "He works for Acme Corp.|The company denied it.")]
    [InlineData("Apple vs. Google is a case. Roe v. Wade is another.", "Apple vs. Google is a case.|Roe v. Wade is another.")]
    [InlineData("Smith et al. found that it works. The study is new.", "Smith et al. found that it works.|The study is new.")]
    // Dotted abbreviations: kept before names, split before a typical sentence opener.
    [InlineData("The U.S. and the U.K. signed a deal. It was historic.", "The U.S. and the U.K. signed a deal.|It was historic.")]
    [InlineData("The U.S. Department of Justice replied. U.S. President Trump did not.", "The U.S. Department of Justice replied.|U.S. President Trump did not.")]
    [InlineData("He moved to the U.S. He then joined Facebook.", "He moved to the U.S.|He then joined Facebook.")]
    [InlineData("The event was in Washington D.C. It was cold.", "The event was in Washington D.C.|It was cold.")]
    [InlineData("The meeting is at 5 p.m. The CEO will attend.", "The meeting is at 5 p.m.|The CEO will attend.")]
    [InlineData("It is 5 p.m. Eastern time.", "It is 5 p.m. Eastern time.")]
    [InlineData("Use tools, e.g. Lucene, i.e. a search library. Done.", "Use tools, e.g. Lucene, i.e. a search library.|Done.")]
    [InlineData("They sell apples, pears, etc. to shops. They sell plums, etc. The shop is busy.", "They sell apples, pears, etc. to shops.|They sell plums, etc.|The shop is busy.")]
    // Months, numbering and initials.
    [InlineData("The attack began on Jan. 5 and ended Feb. 20. Nobody noticed.", "The attack began on Jan. 5 and ended Feb. 20.|Nobody noticed.")]
    [InlineData("He wore jersey No. 5 in the final. He scored.", "He wore jersey No. 5 in the final.|He scored.")]
    [InlineData("The answer was no. Nobody agreed.", "The answer was no.|Nobody agreed.")]
    [InlineData("J. R. R. Tolkien wrote books. George W. Bush was president.", "J. R. R. Tolkien wrote books.|George W. Bush was president.")]
    [InlineData("1. First item is here. Second item follows.", "1. First item is here.|Second item follows.")]
    // Numbers, versions, links.
    [InlineData("Over 1,400 users were targeted. The rate was 2.5 per cent and pi is 3.14. Done.", "Over 1,400 users were targeted.|The rate was 2.5 per cent and pi is 3.14.|Done.")]
    [InlineData("The attack used Pegasus. 1,400 phones were hit.", "The attack used Pegasus.|1,400 phones were hit.")]
    [InlineData("Version 2.0.1 was released. It fixed the bug", "Version 2.0.1 was released.|It fixed the bug")]
    [InlineData("Visit example.com for details. Email admin@example.com now", "Visit example.com for details.|Email admin@example.com now")]
    [InlineData("The file was at https://example.com/a.b?c=1. Then it was removed.", "The file was at https://example.com/a.b?c=1.|Then it was removed.")]
    [InlineData("It was approx. five hours. Then it stopped.", "It was approx. five hours.|Then it stopped.")]
    // Quotes, brackets, question and exclamation marks.
    [InlineData("He said \"stop.\" Then he left.", "He said \"stop.\"|Then he left.")]
    [InlineData("He said “stop.” “Since then, nothing,” she added.", "He said “stop.”|“Since then, nothing,” she added.")]
    [InlineData("(This is bracketed.) Next sentence.", "(This is bracketed.)|Next sentence.")]
    [InlineData("He said \"stop. \" Then he left.", "He said \"stop. \"|Then he left.")]
    [InlineData("Did it work? Nobody knows! Really?! Yes.", "Did it work?|Nobody knows!|Really?!|Yes.")]
    [InlineData("She asked, “Why?” He shrugged.", "She asked, “Why?”|He shrugged.")]
    [InlineData("“Why?” he asked.", "“Why?” he asked.")]
    [InlineData("He said: \"It's over.\" she nodded.", "He said: \"It's over.\" she nodded.")]
    [InlineData("Stop!!! Go.", "Stop!!!|Go.")]
    // Ellipses.
    [InlineData("Wait... Then it crashed.", "Wait...|Then it crashed.")]
    [InlineData("He paused… Then he spoke.", "He paused…|Then he spoke.")]
    [InlineData("The log … mid sentence continues. Done.", "The log … mid sentence continues.|Done.")]
    // Whitespace normalisation and missing final punctuation.
    [InlineData("Line one\nline two.   Next\r\n\r\nsentence here.", "Line one line two.|Next sentence here.")]
    [InlineData("  No final punctuation here  ", "No final punctuation here")]
    public void Split_TrickyProse_ReturnsExpectedSentences(string paragraph, string expected)
    {
        IReadOnlyList<string> sentences = SentenceSplitter.Split(paragraph);

        Assert.Equal(expected.Split('|'), sentences);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\r\n\t \n")]
    public void Split_BlankInput_ReturnsNoSentences(string paragraph)
    {
        Assert.Empty(SentenceSplitter.Split(paragraph));
    }

    [Theory]
    [InlineData("Mr. Smith went to Washington. He arrived at noon.")]
    [InlineData("  a.b.c. D.E.F. ... … ?! \"  ” ( ) Foo. “ Bar ” baz\n\nqux. ")]
    [InlineData(". . . . ? ! …")]
    [InlineData("pic.twitter.com/RPIgIntu1X — ANI (@ANI) November 1, 2019")]
    public void Split_AnyInput_KeepsEveryWordAndNeverReturnsEmptySentences(string paragraph)
    {
        IReadOnlyList<string> sentences = SentenceSplitter.Split(paragraph);

        string normalized = string.Join(' ', paragraph.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(normalized, string.Join(' ', sentences));
        Assert.All(sentences, s =>
        {
            Assert.NotEmpty(s);
            Assert.Equal(s.Trim(), s);
            Assert.True(s.Length <= paragraph.Length);
        });
    }

    [Fact]
    public void Split_PathologicalRunOfAbbreviationsAndDots_KeepsEveryWord()
    {
        // Speed is measured by the benchmarks; this checks a long run of dots still splits correctly.
        var pathological = new StringBuilder();
        for (int i = 0; i < 20_000; i++)
        {
            pathological.Append("a.b.c.d.e. U.S. ...");
        }

        string text = pathological.ToString();
        IReadOnlyList<string> sentences = SentenceSplitter.Split(text);

        Assert.NotEmpty(sentences);
        Assert.Equal(text, string.Join(' ', sentences));
        Assert.All(sentences, s => Assert.Equal(s.Trim(), s));
    }
}
