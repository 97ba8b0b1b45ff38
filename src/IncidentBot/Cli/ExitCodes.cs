namespace IncidentBot.Cli;

/// <summary>Process exit codes. An unanswered question is a success: the bot did its job by saying so.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int Usage = 2;
}
