using System.Globalization;
using System.Text;

namespace IncidentBot.Tests.Support;

/// <summary>
/// Writes a large corpus of made-up words in the seed format (sentences in paragraphs separated by blank lines),
/// so a rebuild takes long enough for a test to act in the middle of it (poll the service, kill the process).
/// A fixed random seed makes every run write the same corpus; the words never answer a fixture question.
/// </summary>
internal static class BulkSeeds
{
    private const int WordsPerSentence = 14;

    public static void Write(string folder, int documents, int paragraphs, int sentencesPerParagraph = 3)
    {
        Directory.CreateDirectory(folder);
        var random = new Random(20191101);
        string[] syllables = ["ka", "lo", "mi", "ren", "tu", "sa", "vo", "pex", "dri", "nal", "qui", "zor", "bem", "fa", "gul"];
        var words = Enumerable.Range(0, 5000)
            .Select(_ => string.Concat(Enumerable.Range(0, random.Next(2, 5)).Select(_ => syllables[random.Next(syllables.Length)])))
            .ToArray();
        var text = new StringBuilder();
        for (var document = 0; document < documents; document++)
        {
            text.Clear();
            for (var paragraph = 0; paragraph < paragraphs; paragraph++)
            {
                for (var sentence = 0; sentence < sentencesPerParagraph; sentence++)
                {
                    var sentenceWords = Enumerable.Range(0, WordsPerSentence).Select(_ => words[random.Next(words.Length)]).ToArray();
                    sentenceWords[0] = char.ToUpperInvariant(sentenceWords[0][0]) + sentenceWords[0][1..];
                    text.Append(string.Join(' ', sentenceWords)).Append(sentence + 1 < sentencesPerParagraph ? ". " : ".\n\n");
                }
            }

            File.WriteAllText(Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"bulk-{document:D4}.txt")), text.ToString());
        }
    }
}
