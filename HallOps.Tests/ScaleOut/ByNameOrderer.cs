using Xunit.Abstractions;
using Xunit.Sdk;

namespace HallOps.Tests.ScaleOut;

/// <summary>
/// Runs a class's tests in the order of their names, so the tests that kill an instance (named to
/// sort last) come after the ones that need both: the class's cluster is then not restarted.
/// </summary>
public sealed class ByNameOrderer : ITestCaseOrderer
{
    public const string TypeName = "HallOps.Tests.ScaleOut.ByNameOrderer";

    public const string Assembly = "HallOps.Tests";

    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases)
        where TTestCase : ITestCase =>
        testCases.OrderBy(test => test.TestMethod.Method.Name, StringComparer.Ordinal);
}
