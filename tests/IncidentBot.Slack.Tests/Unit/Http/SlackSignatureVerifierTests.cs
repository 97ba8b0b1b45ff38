using System.Text;
using IncidentBot.Slack.Http;
using IncidentBot.Slack.Tests.TestSupport;

namespace IncidentBot.Slack.Tests.Unit.Http;

/// <summary>The verifier against Slack's official test vector, on a fake clock.</summary>
public sealed class SlackSignatureVerifierTests
{
    private static readonly SignatureVector Vector = SignatureVector.Official;

    [Fact]
    public void Sample_MatchesTheDocumentedVector()
    {
        // The copied sample must be the documented vector, byte for byte (PROTOCOLS.md §7.2).
        Assert.Equal("8f742231b10e8888abcd99yyyzzz85a5", Vector.SigningSecret);
        Assert.Equal("1531420618", Vector.Timestamp);
        Assert.Equal("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", Vector.Signature);
        Assert.Equal(SampleFiles.ReadBytes(SampleFiles.SlashCommandFormBody), Vector.BodyBytes);
        Assert.Equal(Vector.Signature, SignatureVector.Sign(Vector.SigningSecret, Vector.Timestamp, Vector.BodyBytes));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(-1)]
    [InlineData(299)]
    [InlineData(-299)]
    [InlineData(300)]
    [InlineData(-300)]
    public void Verify_OfficialVectorWithinFiveMinutes_Valid(int offsetSeconds)
    {
        var verifier = VerifierAt(Vector.UnixSeconds + offsetSeconds);

        Assert.Equal(SlackSignatureCheck.Valid, verifier.Verify(Vector.Timestamp, Vector.Signature, Vector.BodyBytes));
    }

    [Fact]
    public void Verify_OfficialVectorBodyFromTheSampleFile_Valid()
    {
        var verifier = VerifierAt(Vector.UnixSeconds);

        Assert.Equal(SlackSignatureCheck.Valid, verifier.Verify(Vector.Timestamp, Vector.Signature, SampleFiles.ReadBytes(SampleFiles.SlashCommandFormBody)));
    }

    [Theory]
    [InlineData(301)]
    [InlineData(-301)]
    [InlineData(3600)]
    [InlineData(-86_400)]
    public void Verify_OfficialVectorOutsideFiveMinutes_Stale(int offsetSeconds)
    {
        var verifier = VerifierAt(Vector.UnixSeconds + offsetSeconds);

        Assert.Equal(SlackSignatureCheck.Stale, verifier.Verify(Vector.Timestamp, Vector.Signature, Vector.BodyBytes));
    }

    [Fact]
    public void Verify_OfficialVectorOnTheRealClock_Stale()
    {
        // python-slack-sdk's test_is_valid_request_expiration: the 2018 request is a replay today.
        var verifier = new SlackSignatureVerifier(Vector.SigningSecret, TimeProvider.System);

        Assert.Equal(SlackSignatureCheck.Stale, verifier.Verify(Vector.Timestamp, Vector.Signature, Vector.BodyBytes));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    [InlineData(-1)]
    public void Verify_OneBodyByteChanged_Mismatch(int index)
    {
        var body = Vector.BodyBytes;
        var at = index < 0 ? body.Length - 1 : index;
        body[at] ^= 0x01;
        var verifier = VerifierAt(Vector.UnixSeconds);

        Assert.Equal(SlackSignatureCheck.Mismatch, verifier.Verify(Vector.Timestamp, Vector.Signature, body));
    }

    [Fact]
    public void Verify_BodyWithATrailingNewline_Mismatch()
    {
        var body = Encoding.UTF8.GetBytes(Vector.Body + "\n");
        var verifier = VerifierAt(Vector.UnixSeconds);

        Assert.Equal(SlackSignatureCheck.Mismatch, verifier.Verify(Vector.Timestamp, Vector.Signature, body));
    }

    [Fact]
    public void Verify_EmptyBody_Mismatch()
    {
        var verifier = VerifierAt(Vector.UnixSeconds);

        Assert.Equal(SlackSignatureCheck.Mismatch, verifier.Verify(Vector.Timestamp, Vector.Signature, []));
    }

    [Fact]
    public void Verify_TimestampChangedBySecond_Mismatch()
    {
        // Still inside the window, so only the HMAC can tell: the timestamp is part of what is signed.
        var verifier = VerifierAt(Vector.UnixSeconds);

        Assert.Equal(SlackSignatureCheck.Mismatch, verifier.Verify((Vector.UnixSeconds + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), Vector.Signature, Vector.BodyBytes));
    }

    [Fact]
    public void Verify_TimestampWithALeadingZero_Mismatch()
    {
        // The same instant written differently is a different basestring.
        var verifier = VerifierAt(Vector.UnixSeconds);

        Assert.Equal(SlackSignatureCheck.Mismatch, verifier.Verify("0" + Vector.Timestamp, Vector.Signature, Vector.BodyBytes));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(10)]
    [InlineData(66)]
    public void Verify_OneSignatureHexDigitChanged_Mismatch(int index)
    {
        var chars = Vector.Signature.ToCharArray();
        chars[index] = chars[index] == '0' ? '1' : '0';
        var verifier = VerifierAt(Vector.UnixSeconds);

        Assert.Equal(SlackSignatureCheck.Mismatch, verifier.Verify(Vector.Timestamp, new string(chars), Vector.BodyBytes));
    }

    [Fact]
    public void Verify_OtherSigningSecret_Mismatch()
    {
        var verifier = new SlackSignatureVerifier("8f742231b10e8888abcd99yyyzzz85a6", FakeClock.AtUnixSeconds(Vector.UnixSeconds));

        Assert.Equal(SlackSignatureCheck.Mismatch, verifier.Verify(Vector.Timestamp, Vector.Signature, Vector.BodyBytes));
    }

    [Fact]
    public void Verify_FreshlySignedBody_Valid()
    {
        var body = TestPayloads.CommandForm("/ask", "How many users were targeted?");
        var signature = SignatureVector.Sign(Vector.SigningSecret, Vector.Timestamp, body);
        var verifier = VerifierAt(Vector.UnixSeconds);

        Assert.Equal(SlackSignatureCheck.Valid, verifier.Verify(Vector.Timestamp, signature, body));
    }

    [Theory]
    [InlineData(null, "sig")]
    [InlineData("", "sig")]
    [InlineData("1531420618", null)]
    [InlineData("1531420618", "")]
    [InlineData(null, null)]
    [InlineData("", "")]
    public void Verify_MissingHeader_Missing(string? timestamp, string? signature)
    {
        var verifier = VerifierAt(Vector.UnixSeconds);

        Assert.Equal(SlackSignatureCheck.Missing, verifier.Verify(timestamp, signature == "sig" ? Vector.Signature : signature, Vector.BodyBytes));
    }

    [Theory]
    [InlineData("v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData("V0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData("a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData("v0a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b50")]
    [InlineData("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b5033")]
    [InlineData("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b5")]
    [InlineData("v0=a2114d57")]
    [InlineData("v0=")]
    [InlineData("v0=g2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b50z")]
    [InlineData("v0= 2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData(" v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503,v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    public void Verify_MalformedSignature_Malformed(string signature)
    {
        var verifier = VerifierAt(Vector.UnixSeconds);

        Assert.Equal(SlackSignatureCheck.Malformed, verifier.Verify(Vector.Timestamp, signature, Vector.BodyBytes));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1531420618.5")]
    [InlineData("-1531420618")]
    [InlineData("+1531420618")]
    [InlineData(" 1531420618")]
    [InlineData("1531420618 ")]
    [InlineData("1,531,420,618")]
    [InlineData("0x5B47F1CA")]
    [InlineData("153142061800000000000000000000")]
    [InlineData("99999999999999999999")]
    [InlineData("١٥٣١٤٢٠٦١٨")]
    public void Verify_MalformedTimestamp_Malformed(string timestamp)
    {
        var verifier = VerifierAt(Vector.UnixSeconds);

        Assert.Equal(SlackSignatureCheck.Malformed, verifier.Verify(timestamp, Vector.Signature, Vector.BodyBytes));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1")]
    [InlineData("99999999999999")]
    [InlineData("9223372036854775807")]
    public void Verify_NumericTimestampFarFromNow_StaleWithoutThrowing(string timestamp)
    {
        var verifier = VerifierAt(Vector.UnixSeconds);

        Assert.Equal(SlackSignatureCheck.Stale, verifier.Verify(timestamp, Vector.Signature, Vector.BodyBytes));
    }

    public static TheoryData<string?, string?, byte[]> Garbage => new()
    {
        { "\0\0\0", "v0=\0", [0, 255, 254] },
        { new string('9', 10_000), new string('v', 10_000), new byte[100_000] },
        { "1531420618", "v0=" + new string('ä', 64), [] },
        { "1531420618", "v0=" + new string('\uD800', 64), Encoding.UTF8.GetBytes("\uFFFD") },
        { "😀😀😀", "v0=😀", [0xC3, 0x28] },
        { "1531420618", "=", [] },
    };

    [Theory]
    [MemberData(nameof(Garbage))]
    public void Verify_Garbage_NeverThrowsAndNeverValid(string? timestamp, string? signature, byte[] body)
    {
        var verifier = VerifierAt(Vector.UnixSeconds);

        var check = verifier.Verify(timestamp, signature, body);

        Assert.NotEqual(SlackSignatureCheck.Valid, check);
    }

    [Fact]
    public void Verify_RandomGarbage_NeverThrows()
    {
        var random = new Random(1234);
        var verifier = VerifierAt(Vector.UnixSeconds);
        for (var i = 0; i < 500; i++)
        {
            var timestamp = RandomText(random, random.Next(0, 25), "0123456789 -+x");
            var signature = (random.Next(2) == 0 ? "v0=" : "") + RandomText(random, random.Next(0, 70), "0123456789abcdefABCDEFgz=");
            var body = new byte[random.Next(0, 64)];
            random.NextBytes(body);

            Assert.NotEqual(SlackSignatureCheck.Valid, verifier.Verify(timestamp, signature, body));
        }
    }

    [Fact]
    public void Constructor_EmptySecret_Throws()
    {
        Assert.Throws<ArgumentException>(() => new SlackSignatureVerifier("", TimeProvider.System));
    }

    private static SlackSignatureVerifier VerifierAt(long unixSeconds) =>
        new(Vector.SigningSecret, FakeClock.AtUnixSeconds(unixSeconds));

    private static string RandomText(Random random, int length, string alphabet) =>
        new([.. Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)])]);
}
