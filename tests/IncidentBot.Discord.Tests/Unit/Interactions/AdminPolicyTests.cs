using IncidentBot.Discord.Interactions;
using IncidentBot.Discord.Tests.TestSupport;

namespace IncidentBot.Discord.Tests.Unit.Interactions;

public sealed class AdminPolicyTests
{
    private static readonly string[] NoAdmins = [];

    [Theory]
    [InlineData("8", true)]                       // Administrator
    [InlineData("32", true)]                      // Manage Server
    [InlineData("40", true)]                      // both
    [InlineData("2147483647", true)]              // every bit of the first 31
    [InlineData("17179869183", true)]             // the component sample's member
    [InlineData("36893488147419103264", true)]    // 2^65 + 32: beyond 64 bits, Manage Server set
    [InlineData("36893488147419103232", false)]   // 2^65 alone
    [InlineData("18446744073709551615", true)]    // ulong.MaxValue
    [InlineData("0", false)]
    [InlineData("16", false)]                     // Manage Channels only
    [InlineData("2048", false)]                   // Send Messages only
    [InlineData("", false)]
    [InlineData("administrator", false)]
    [InlineData("-8", false)]
    [InlineData(" 8", false)]
    [InlineData("0x20", false)]
    [InlineData("8.0", false)]
    [InlineData(null, false)]
    public void IsAdmin_MemberPermissions_ManageServerOrAdministrator(string? permissions, bool expected)
    {
        var interaction = TestInteractions.Command(CommandNames.Reindex, permissions: permissions);

        Assert.Equal(expected, AdminPolicy.IsAdmin(interaction, NoAdmins));
    }

    [Fact]
    public void IsAdmin_MemberWithoutManageServerButListed_IsAdmin()
    {
        var interaction = TestInteractions.Command(CommandNames.Reindex, TestInteractions.UserId, permissions: "2048");

        Assert.True(AdminPolicy.IsAdmin(interaction, [TestInteractions.UserId]));
    }

    [Fact]
    public void IsAdmin_MemberWithoutManageServerAndOtherUserListed_IsNotAdmin()
    {
        var interaction = TestInteractions.Command(CommandNames.Reindex, TestInteractions.UserId, permissions: "0");

        Assert.False(AdminPolicy.IsAdmin(interaction, [TestInteractions.OtherUserId]));
    }

    [Fact]
    public void IsAdmin_DmUserListed_IsAdmin()
    {
        var interaction = TestInteractions.DmCommand(CommandNames.Reindex, TestInteractions.UserId);

        Assert.True(AdminPolicy.IsAdmin(interaction, [TestInteractions.OtherUserId, TestInteractions.UserId]));
    }

    [Fact]
    public void IsAdmin_DmUserNotListed_IsNotAdmin()
    {
        var interaction = TestInteractions.DmCommand(CommandNames.Reindex, TestInteractions.UserId);

        Assert.False(AdminPolicy.IsAdmin(interaction, [TestInteractions.OtherUserId]));
        Assert.False(AdminPolicy.IsAdmin(interaction, NoAdmins));
    }

    [Fact]
    public void IsAdmin_ListedIdDiffersInPrefix_IsNotAdmin()
    {
        // Ids are compared exactly: a listed id that merely starts like the user's does not count.
        var interaction = TestInteractions.DmCommand(CommandNames.Reindex, "5390823250618368");

        Assert.False(AdminPolicy.IsAdmin(interaction, [TestInteractions.UserId]));
    }

    [Fact]
    public void IsAdmin_NoInvokerAtAll_IsNotAdmin()
    {
        var interaction = TestInteractions.DmCommand(CommandNames.Reindex) with { User = null };

        Assert.False(AdminPolicy.IsAdmin(interaction, [TestInteractions.UserId]));
    }

    [Fact]
    public void IsAdmin_NullInteraction_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => AdminPolicy.IsAdmin(null!, NoAdmins));
    }
}
