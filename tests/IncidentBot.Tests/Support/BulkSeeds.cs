using System.Globalization;
using System.Text;

namespace IncidentBot.Tests.Support;

/// <summary>
/// Writes a large, deterministic corpus of plain-text documents, so a rebuild takes long enough for a test to
/// act in the middle of it (poll the service, kill the process). The words are drawn from a fixed vocabulary
/// that never answers the fixture questions.
/// </summary>
internal static class BulkSeeds
{
    private static readonly string[] Words =
    [
        "harbour", "ledger", "pilot", "gravel", "orchard", "lantern", "copper", "meadow", "signal", "quarry",
        "tunnel", "beacon", "furnace", "glacier", "compass", "anchor", "pigment", "saddle", "thistle", "velvet",
        "canal", "drizzle", "ember", "falcon", "granite", "hollow", "island", "juniper", "kestrel", "lagoon",
    ];

    public static void Write(string folder, int documents, int paragraphs)
    {
        Directory.CreateDirectory(folder);
        var random = new Random(20191101);
        for (var d = 0; d < documents; d++)
        {
            var text = new StringBuilder();
            for (var p = 0; p < paragraphs; p++)
            {
                for (var s = 0; s < 3; s++)
                {
                    text.Append(CultureInfo.InvariantCulture, $"The {Word(random)} near the {Word(random)} held {random.Next(2, 999)} {Word(random)} crates of {Word(random)} {Word(random)}. ");
                }

                text.Append("\n\n");
            }

            File.WriteAllText(Path.Combine(folder, $"bulk-{d:D4}.txt"), text.ToString());
        }
    }

    private static string Word(Random random) => Words[random.Next(Words.Length)];
}
