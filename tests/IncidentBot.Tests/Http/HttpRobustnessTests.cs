using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Http;

/// <summary>Bad input at the HTTP layer is a 4xx, never a 500 or a dropped connection.</summary>
public sealed class HttpRobustnessTests
{
    [Theory]
    [InlineData("/no-such-path")]
    [InlineData("/api")]
    [InlineData("/api/ask/extra")]
    [InlineData("/api/sources/../../etc/passwd")]
    public async Task UnknownPath_Returns404WithJsonError(string path)
    {
        await using var service = await RunningService.StartAsync();

        var (status, body) = await service.GetJsonAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, status);
        RunningService.AssertErrorBody(body);
    }

    [Fact]
    public async Task Ask_PostInsteadOfGet_Returns405()
    {
        await using var service = await RunningService.StartAsync();

        using var content = new StringContent("q=users");
        using var response = await service.Client.PostAsync(new Uri("/api/ask", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task Ask_QuestionOf5000Characters_Returns400()
    {
        await using var service = await RunningService.StartAsync();

        var (status, body) = await service.GetJsonAsync("/api/ask?q=" + string.Concat(Enumerable.Repeat("users+", 834)));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        RunningService.AssertErrorBody(body);
    }

    [Fact]
    public async Task Ask_QueryStringOf100000Characters_Returns4xx()
    {
        await using var service = await RunningService.StartAsync();

        using var response = await service.Client.GetAsync(new Uri("/api/ask?q=users&pad=" + new string('x', 100_000), UriKind.Relative));

        Assert.InRange((int)response.StatusCode, 400, 499);
    }

    [Theory]
    [InlineData("%FF%FE%FD")]
    [InlineData("%ZZ%")]
    [InlineData("%E2%80%AEusers%E2%80%AC")]
    [InlineData("%F0%9F%94%A5%F0%9F%94%A5")]
    public async Task Ask_OddEncodingInQuestion_ReturnsAnAnswerNotAnError(string encoded)
    {
        await using var service = await RunningService.StartAsync();

        var (status, answer) = await service.GetJsonAsync("/api/ask?q=" + encoded);

        Assert.Equal(HttpStatusCode.OK, status);
        AnswerJson.AssertShape(answer);
    }

    [Fact]
    public async Task Ask_GarbageHeaders_StillAnswers()
    {
        await using var service = await RunningService.StartAsync();

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/ask?q=users", UriKind.Relative));
        Assert.True(request.Headers.TryAddWithoutValidation("Accept", "}}}{{{;;;q=abc"));
        Assert.True(request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + new string('z', 8_000)));
        Assert.True(request.Headers.TryAddWithoutValidation("X-Garbage", "\"\\';--<script>"));
        using var response = await service.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("Header line without a colon\r\n")]
    [InlineData("Host: second.example\r\n")]
    [InlineData(" X-Folded: continuation\r\n")]
    [InlineData("Content-Length: -5\r\n")]
    [InlineData("Content-Length: 99999999999999999999\r\n")]
    [InlineData("Transfer-Encoding: bogus\r\n")]
    public async Task RawRequest_MalformedHeader_Returns400(string header)
    {
        await using var service = await RunningService.StartAsync();

        var status = await SendRawAsync(service.Address, $"GET /api/ask?q=users HTTP/1.1\r\nHost: localhost\r\n{header}\r\n");

        Assert.Equal(400, status);
    }

    [Fact]
    public async Task RawRequest_HugeHeader_Returns431()
    {
        await using var service = await RunningService.StartAsync();

        var status = await SendRawAsync(service.Address, $"GET /api/ask?q=users HTTP/1.1\r\nHost: localhost\r\nX-Big: {new string('a', 64 * 1024)}\r\n\r\n");

        Assert.Equal(431, status);
    }

    /// <summary>Sends bytes HttpClient would refuse to send; returns the status code of the response.</summary>
    private static async Task<int> SendRawAsync(Uri address, string request)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var client = new TcpClient();
        await client.ConnectAsync(address.Host, address.Port, cts.Token);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.Latin1.GetBytes(request), cts.Token);
        var buffer = new byte[4096];
        var received = new StringBuilder();
        while (!received.ToString().Contains("\r\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer, cts.Token);
            Assert.True(read > 0, $"connection closed without a response; got \"{received}\"");
            received.Append(Encoding.Latin1.GetString(buffer, 0, read));
        }

        var statusLine = received.ToString()[..received.ToString().IndexOf("\r\n", StringComparison.Ordinal)];
        Assert.StartsWith("HTTP/1.1 ", statusLine, StringComparison.Ordinal);
        return int.Parse(statusLine.AsSpan(9, 3), CultureInfo.InvariantCulture);
    }
}
