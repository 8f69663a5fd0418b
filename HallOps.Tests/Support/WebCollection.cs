namespace HallOps.Tests.Support;

/// <summary>
/// Every test that starts the web host runs in this collection, one at a time: Hangfire keeps
/// process-wide state (JobStorage.Current), and browser tests need the machine's cores.
/// </summary>
[CollectionDefinition(Name)]
public sealed class WebCollection
{
    public const string Name = "web host";
}
