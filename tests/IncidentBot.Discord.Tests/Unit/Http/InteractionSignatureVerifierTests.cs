using System.Text;
using IncidentBot.Discord.Http;
using IncidentBot.Discord.Tests.TestSupport;

namespace IncidentBot.Discord.Tests.Unit.Http;

public sealed class InteractionSignatureVerifierTests
{
    private static readonly Vector Sample = Vector.Load();

    [Fact]
    public void Verify_DocumentedVector_IsValid()
    {
        var verifier = new InteractionSignatureVerifier(Sample.PublicKey);

        Assert.True(verifier.Verify(Sample.Signature, Sample.Timestamp, Sample.Body));
    }

    [Fact]
    public void Verify_UpperCaseSignatureHex_IsValid()
    {
        var verifier = new InteractionSignatureVerifier(Sample.PublicKey.ToUpperInvariant());

        Assert.True(verifier.Verify(Sample.Signature.ToUpperInvariant(), Sample.Timestamp, Sample.Body));
    }

    [Fact]
    public void Verify_Rfc8032EmptyMessageVector_IsValidWithEmptyBody()
    {
        var test1 = SampleFiles.ReadElement("discord_ed25519_test_vector.json").GetProperty("rfc8032_test1");
        var verifier = new InteractionSignatureVerifier(test1.GetProperty("public_key").GetString()!);

        // RFC 8032 TEST 1 signs the empty message; the verifier needs a timestamp, so this signs "" + "":
        // it cannot be used directly. The same key signing timestamp + empty body must verify.
        using var key = Ed25519TestKey.Rfc8032();
        Assert.Equal(test1.GetProperty("public_key").GetString(), key.PublicKeyHex);
        Assert.True(verifier.Verify(key.Sign("1700000000", []), "1700000000", []));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(40)]
    [InlineData(-1)]
    public void Verify_OneBodyByteFlipped_IsInvalid(int position)
    {
        var verifier = new InteractionSignatureVerifier(Sample.PublicKey);
        var body = Sample.Body.ToArray();
        var at = position < 0 ? body.Length - 1 : position;
        body[at] ^= 0x01;

        Assert.False(verifier.Verify(Sample.Signature, Sample.Timestamp, body));
    }

    [Fact]
    public void Verify_BodyWithTrailingSpace_IsInvalid()
    {
        var verifier = new InteractionSignatureVerifier(Sample.PublicKey);

        Assert.False(verifier.Verify(Sample.Signature, Sample.Timestamp, [.. Sample.Body, (byte)' ']));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(63)]
    [InlineData(127)]
    public void Verify_OneSignatureHexDigitChanged_IsInvalid(int position)
    {
        var verifier = new InteractionSignatureVerifier(Sample.PublicKey);
        var chars = Sample.Signature.ToCharArray();
        chars[position] = chars[position] == '0' ? '1' : '0';

        Assert.False(verifier.Verify(new string(chars), Sample.Timestamp, Sample.Body));
    }

    [Theory]
    [InlineData("1700000001")]
    [InlineData("170000000")]
    [InlineData("17000000000")]
    [InlineData(" 1700000000")]
    public void Verify_OtherTimestamp_IsInvalid(string timestamp)
    {
        var verifier = new InteractionSignatureVerifier(Sample.PublicKey);

        Assert.False(verifier.Verify(Sample.Signature, timestamp, Sample.Body));
    }

    [Fact]
    public void Verify_OtherKey_IsInvalid()
    {
        using var other = Ed25519TestKey.Create();
        var verifier = new InteractionSignatureVerifier(other.PublicKeyHex);

        Assert.False(verifier.Verify(Sample.Signature, Sample.Timestamp, Sample.Body));
    }

    public static TheoryData<string?, string?> MalformedHeaders => new()
    {
        { null, "1700000000" },
        { "", "1700000000" },
        { Sample.Signature, null },
        { Sample.Signature, "" },
        { Sample.Signature[..^1], "1700000000" },                       // odd length (127)
        { Sample.Signature + "0", "1700000000" },                       // odd length (129)
        { Sample.Signature[..^2], "1700000000" },                       // 63 bytes
        { Sample.Signature + "00", "1700000000" },                      // 65 bytes
        { new string('z', 128), "1700000000" },                         // not hex
        { "0x" + Sample.Signature[2..], "1700000000" },                 // not hex
        { Sample.Signature[..126] + "g0", "1700000000" },               // one non-hex digit
        { Sample.Signature[..64] + " " + Sample.Signature[65..], "1700000000" },
        { new string('é', 128), "1700000000" },
        { Sample.Signature, new string('1', 10 * 1024) },               // 10 KB timestamp
        { new string('0', 10 * 1024), "1700000000" },                   // 10 KB signature
        { new string('0', 128), "1700000000" },                         // well formed, all zero
    };

    [Theory]
    [MemberData(nameof(MalformedHeaders))]
    public void Verify_MalformedInput_IsFalseNotAnException(string? signature, string? timestamp)
    {
        var verifier = new InteractionSignatureVerifier(Sample.PublicKey);

        Assert.False(verifier.Verify(signature, timestamp, Sample.Body));
    }

    [Fact]
    public void Verify_EmptyBodyAndGarbage_IsFalse()
    {
        var verifier = new InteractionSignatureVerifier(Sample.PublicKey);

        Assert.False(verifier.Verify(Sample.Signature, Sample.Timestamp, []));
        Assert.False(verifier.Verify(Sample.Signature, Sample.Timestamp, new byte[64 * 1024]));
    }

    [Fact]
    public void Verify_FreshNSecKeyPair_SignsTimestampPlusBody()
    {
        using var key = Ed25519TestKey.Create();
        var verifier = new InteractionSignatureVerifier(key.PublicKeyHex);
        var body = Encoding.UTF8.GetBytes("""{"id":"1","token":"t","type":1,"version":1}""");

        var signature = key.Sign("1731000000", body);

        Assert.Equal(128, signature.Length);
        Assert.True(verifier.Verify(signature, "1731000000", body));
        Assert.False(verifier.Verify(signature, "1731000001", body));
    }

    [Fact]
    public void Verify_SignatureOfBodyAlone_IsInvalid()
    {
        // The timestamp is part of the signed message: a signature over the body alone must not pass.
        using var key = Ed25519TestKey.Create();
        var verifier = new InteractionSignatureVerifier(key.PublicKeyHex);

        var signature = key.Sign("", Sample.Body);

        Assert.False(verifier.Verify(signature, Sample.Timestamp, Sample.Body));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Constructor_BlankKey_Throws(string key)
    {
        Assert.ThrowsAny<ArgumentException>(() => new InteractionSignatureVerifier(key));
    }

    private sealed record Vector(string PublicKey, string Timestamp, byte[] Body, string Signature)
    {
        public static Vector Load()
        {
            var discord = SampleFiles.ReadElement("discord_ed25519_test_vector.json").GetProperty("discord_style");
            return new Vector(
                discord.GetProperty("public_key").GetString()!,
                discord.GetProperty("X-Signature-Timestamp").GetString()!,
                Encoding.UTF8.GetBytes(discord.GetProperty("body").GetString()!),
                discord.GetProperty("X-Signature-Ed25519").GetString()!);
        }
    }
}
