using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using NetSecAnalyzers.Catalog.Tls;

namespace NetSecAnalyzers.Analyzers.Ciphers;

/// <summary>
/// NETSEC010 and NETSEC011 for one <c>new CipherSuitesPolicy(suites)</c>: reads the suites (see
/// <see cref="SuiteCollection"/>) and reports the broken ones under NETSEC010 and the remaining ones
/// without forward secrecy or AEAD under NETSEC011. Each diagnostic is located on the policy's creation
/// and carries the offending items as additional locations, in the order they are written, for the fix.
/// </summary>
internal sealed class CipherSuitesPolicyCheck
{
    /// <summary>
    /// The diagnostic property set to <c>true</c> when every item of a fully traced collection is reported,
    /// so that removing them would leave an empty policy, which allows no suite at all.
    /// </summary>
    public const string NothingRemainsProperty = "NothingRemains";

    private static readonly ImmutableDictionary<string, string?> NothingRemains =
        ImmutableDictionary<string, string?>.Empty.Add(NothingRemainsProperty, "true");

    private readonly CipherSuiteSymbols symbols;
    private readonly TestProjectScope scope;

    public CipherSuitesPolicyCheck(CipherSuiteSymbols symbols, TestProjectScope scope)
    {
        this.symbols = symbols;
        this.scope = scope;
    }

    public void OnObjectCreation(OperationAnalysisContext context)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (!SymbolEqualityComparer.Default.Equals(creation.Constructor?.ContainingType, symbols.Policy)
            || creation.Arguments.Length != 1
            || !scope.Includes(creation.Syntax.SyntaxTree))
        {
            return;
        }

        var elements = SuiteCollection.Read(creation.Arguments[0].Value, symbols, out var complete);
        var broken = new List<SuiteElement>();
        var weak = new List<SuiteElement>();
        foreach (var element in elements)
        {
            if (element.Suites.Exists(suite => suite.IsBroken))
            {
                broken.Add(element);
            }

            if (element.Suites.Exists(IsWeak))
            {
                weak.Add(element);
            }
        }

        if (broken.Count > 0)
        {
            context.ReportDiagnostic(CreateDiagnostic(
                Descriptors.BrokenCipherSuites, creation, broken, complete && broken.Count == elements.Count, DescribeBroken(broken)));
        }

        if (weak.Count > 0)
        {
            context.ReportDiagnostic(CreateDiagnostic(
                Descriptors.CipherSuitesWithoutForwardSecrecy, creation, weak, complete && weak.Count == elements.Count, DescribeWeak(weak)));
        }
    }

    private static bool IsWeak(CipherSuiteMember suite) =>
        !suite.IsBroken && (suite.Weaknesses & (CipherSuiteWeaknesses.NoForwardSecrecy | CipherSuiteWeaknesses.NoAead)) != 0;

    private static Diagnostic CreateDiagnostic(
        DiagnosticDescriptor descriptor, IOperation creation, List<SuiteElement> offending, bool nothingRemains, string description)
    {
        var itemLocations = new List<Location>();
        foreach (var element in offending)
        {
            itemLocations.Add(element.Value.Syntax.GetLocation());
        }

        return Diagnostic.Create(
            descriptor,
            creation.Syntax.GetLocation(),
            itemLocations,
            nothingRemains ? NothingRemains : null,
            "This CipherSuitesPolicy",
            description);
    }

    /// <summary>Words the broken suites, as in <c>2 broken suites (RC4, 3DES): TLS_RSA_WITH_RC4_128_SHA, TLS_RSA_WITH_3DES_EDE_CBC_SHA</c>.</summary>
    private static string DescribeBroken(List<SuiteElement> elements)
    {
        var names = new List<string>();
        var weaknesses = CipherSuiteWeaknesses.None;
        foreach (var element in elements)
        {
            foreach (var suite in element.Suites)
            {
                if (suite.IsBroken && !names.Contains(suite.Name))
                {
                    names.Add(suite.Name);
                    weaknesses |= suite.Weaknesses;
                }
            }
        }

        var reasons = string.Join(", ", CipherSuiteClassification.BrokenReasonNames(weaknesses));
        return Count(names.Count, "broken suite") + " (" + reasons + "): " + string.Join(", ", names);
    }

    /// <summary>
    /// Words the weak suites, as in <c>1 suite without forward secrecy (TLS_RSA_WITH_AES_128_GCM_SHA256)</c>, and
    /// names the CBC suites that do have forward secrecy apart.
    /// </summary>
    private static string DescribeWeak(List<SuiteElement> elements)
    {
        var withoutForwardSecrecy = new List<string>();
        var cbcOnly = new List<string>();
        foreach (var element in elements)
        {
            foreach (var suite in element.Suites)
            {
                if (!IsWeak(suite) || withoutForwardSecrecy.Contains(suite.Name) || cbcOnly.Contains(suite.Name))
                {
                    continue;
                }

                var target = (suite.Weaknesses & CipherSuiteWeaknesses.NoForwardSecrecy) != 0 ? withoutForwardSecrecy : cbcOnly;
                target.Add(suite.Name);
            }
        }

        var parts = new List<string>();
        if (withoutForwardSecrecy.Count > 0)
        {
            parts.Add(Count(withoutForwardSecrecy.Count, "suite") + " without forward secrecy (" + string.Join(", ", withoutForwardSecrecy) + ")");
        }

        if (cbcOnly.Count > 0)
        {
            parts.Add(Count(cbcOnly.Count, "CBC suite") + " without AEAD (" + string.Join(", ", cbcOnly) + ")");
        }

        return string.Join(", and ", parts);
    }

    private static string Count(int count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? string.Empty : "s");
}
