namespace IncidentBot.Core.Tests.TestSupport;

/// <summary>Small seed documents written by the tests (never read from ../shared).</summary>
internal static class FixtureDocs
{
    /// <summary>Question only <see cref="A"/> answers, and the phrase its answer contains.</summary>
    public const string QuestionA = "How many users were targeted?";
    public const string AnswerA = "over 1,400 users were targeted";

    /// <summary>Question only <see cref="B"/> answers, and the phrase its answer contains.</summary>
    public const string QuestionB = "When did the Krakatoa volcano erupt?";
    public const string AnswerB = "1883";

    /// <summary>3 paragraphs, 6 sentences; title from the file name, date from the leading "date" line.</summary>
    public const string Breach =
        " date 2019-11-01 New Delhi: WhatsApp said on Friday that it had informed government authorities about the breach in May. It promised to protect all users from hackers.\n" +
        "\n" +
        "As per media reports, over 1,400 users were targeted upon by the spies. The victims span four continents and include journalists and activists.\n" +
        "\n" +
        "The spyware called Pegasus was sold by the NSO Group, an Israeli surveillance firm. WhatsApp has sued the NSO Group in a California court.\n";

    /// <summary>The last words of <see cref="LongSentence"/>, which the windowed answer must keep.</summary>
    public const string LongSentenceEnding = "the forensic auditors recovered the encrypted backup archives";

    /// <summary>One sentence of more than 600 characters whose matched words are at its end.</summary>
    public const string LongSentence =
        "During the long review that followed the disclosure, analysts from several agencies, private laboratories, " +
        "universities, telecom operators and independent researchers compared notes on call logs, installation traces, " +
        "network captures, crash reports, device images, carrier records, app telemetry, server timestamps, timeline sketches " +
        "and interview transcripts, while lawyers for the affected journalists, activists and diplomats debated disclosure rules, " +
        "notification duties, retention periods, jurisdiction questions and the cost of litigation across several countries, " +
        "and at the very end of that painstaking process " + LongSentenceEnding + ".";

    /// <summary>2 paragraphs (the heading is dropped), 3 sentences; title, date and URL from front matter.</summary>
    public const string Response =
        "---\n" +
        "title: Government response\n" +
        "date: 2019-11-02\n" +
        "url: https://example.com/response\n" +
        "---\n" +
        "# Ministry statement\n" +
        "\n" +
        "Minister Ravi Shankar Prasad expressed displeasure at the breach of privacy of citizens. The ministry asked WhatsApp to explain the breach by November 4.\n" +
        "\n" +
        LongSentence + "\n";

    /// <summary>3 sentences in one paragraph.</summary>
    public const string Krakatoa =
        "The Krakatoa volcano erupted with enormous force in August 1883. Ash clouds darkened skies around the globe. The blast was heard thousands of kilometres away.\n";

    /// <summary>2 sentences in one paragraph.</summary>
    public const string Tsunami =
        "Tsunami waves destroyed coastal towns on Java and Sumatra. Sailors reported pumice rafts drifting across the ocean.\n";

    /// <summary>Corpus A: 2 documents, 5 paragraphs, 9 sentences.</summary>
    public static IReadOnlyDictionary<string, string> A { get; } = new Dictionary<string, string>
    {
        ["breach.txt"] = Breach,
        ["notes/response.md"] = Response,
    };

    public const int ADocuments = 2;
    public const int AParagraphs = 5;
    public const int ASentences = 9;

    /// <summary>Corpus B: 2 documents (3 + 2 sentences), nothing in common with A.</summary>
    public static IReadOnlyDictionary<string, string> B { get; } = new Dictionary<string, string>
    {
        ["krakatoa.txt"] = Krakatoa,
        ["tsunami.txt"] = Tsunami,
    };
}
