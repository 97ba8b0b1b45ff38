using System.Globalization;
using System.Text.Json;

namespace IncidentBot.Core.Evaluation;

/// <summary>Reads a JSONL evaluation set; a malformed line is reported with its number.</summary>
public static class EvalSetReader
{
    public static (IReadOnlyList<EvalQuestion>? Questions, string? Error) Read(string path)
    {
        if (!File.Exists(path))
        {
            return (null, $"Question set not found: {path}");
        }

        return Parse(path, File.ReadLines(path));
    }

    /// <summary>Parses the lines of a set read from <paramref name="path"/> (named in error messages).</summary>
    public static (IReadOnlyList<EvalQuestion>? Questions, string? Error) Parse(string path, IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var questions = new List<EvalQuestion>();
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                var question = JsonSerializer.Deserialize(line, EvalJsonContext.Default.EvalQuestion);
                if (question?.Question is null)
                {
                    return (null, string.Create(CultureInfo.InvariantCulture, $"{path}:{number}: a line needs a \"question\"."));
                }

                questions.Add(question);
            }
            catch (JsonException e)
            {
                return (null, string.Create(CultureInfo.InvariantCulture, $"{path}:{number}: not a JSON object ({e.Message})"));
            }
        }

        return questions.Count == 0 ? (null, $"{path} has no questions.") : (questions, null);
    }
}
