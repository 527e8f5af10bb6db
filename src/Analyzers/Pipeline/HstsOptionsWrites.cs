using System;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace NetSecAnalyzers.Analyzers.Pipeline;

/// <summary>
/// NETSEC033's check of one delegate that configures <c>HstsOptions</c> (<c>AddHsts(o => ...)</c>,
/// <c>Configure&lt;HstsOptions&gt;(o => ...)</c> and the like): the constant values it writes to
/// <c>MaxAge</c>, <c>IncludeSubDomains</c> and <c>Preload</c>.
/// </summary>
internal static class HstsOptionsWrites
{
    /// <summary>Property: which setting the finding is about: <c>MaxAge</c>, <c>IncludeSubDomains</c> or <c>Preload</c>.</summary>
    public const string SettingKey = "Setting";

    /// <summary>Property: the minimum max-age in whole days, rounded up, for the MaxAge fix.</summary>
    public const string MinimumDaysKey = "MinimumDays";

    private const long SecondsPerDay = 86_400;

    /// <summary>Reports the weak values written in <paramref name="function"/>.</summary>
    public static void Check(IAnonymousFunctionOperation function, INamedTypeSymbol hstsOptions, long minimumMaxAge, Action<Diagnostic> report)
    {
        IOperation? preload = null;
        var includesSubDomains = false;
        var writesIncludeSubDomains = false;
        foreach (var operation in function.Body.Descendants())
        {
            if (operation is not ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment
                || !SymbolEqualityComparer.Default.Equals(property.Property.ContainingType, hstsOptions))
            {
                continue;
            }

            var value = assignment.Value;
            switch (property.Property.Name)
            {
                case "MaxAge" when MaxAgeSeconds(value) is { } seconds && seconds < minimumMaxAge:
                    report(Create(value, "MaxAge", minimumMaxAge,
                        "HstsOptions.MaxAge = " + value.Syntax + " keeps browsers on HTTPS for only " + Duration(seconds),
                        "set MaxAge to at least " + Duration(minimumMaxAge)));
                    break;
                case "IncludeSubDomains":
                    writesIncludeSubDomains = true;
                    includesSubDomains |= value.ConstantValue is { HasValue: true, Value: true };
                    if (value.ConstantValue is { HasValue: true, Value: false })
                    {
                        report(Create(value, "IncludeSubDomains", minimumMaxAge,
                            "HstsOptions.IncludeSubDomains = false leaves subdomains reachable over plain HTTP",
                            "set IncludeSubDomains = true"));
                    }

                    break;
                case "Preload" when value.ConstantValue is { HasValue: true, Value: true }:
                    preload = value;
                    break;
            }
        }

        // An explicit IncludeSubDomains = false is reported above; reporting Preload as well would repeat that finding.
        if (preload is not null && !includesSubDomains && !writesIncludeSubDomains)
        {
            report(Create(preload, "Preload", minimumMaxAge,
                "HstsOptions.Preload = true without IncludeSubDomains = true does not meet the browsers' preload list requirements",
                "set IncludeSubDomains = true"));
        }
    }

    /// <summary>Returns the seconds of a constant <c>TimeSpan.FromDays(n)</c>-style call or <c>new TimeSpan(...)</c>; null otherwise.</summary>
    public static double? MaxAgeSeconds(IOperation value)
    {
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        switch (value)
        {
            case IInvocationOperation { TargetMethod.ContainingType.Name: "TimeSpan", Arguments.Length: 1 } invocation
                when Number(invocation.Arguments[0].Value) is { } amount:
                return invocation.TargetMethod.Name switch
                {
                    "FromDays" => amount * SecondsPerDay,
                    "FromHours" => amount * 3600,
                    "FromMinutes" => amount * 60,
                    "FromSeconds" => amount,
                    "FromMilliseconds" => amount / 1000,
                    _ => null,
                };
            case IObjectCreationOperation { Type.Name: "TimeSpan" } creation:
                return Constructor(creation.Arguments);
            default:
                return null;
        }
    }

    private static double? Constructor(ImmutableArray<IArgumentOperation> arguments)
    {
        var numbers = new double[arguments.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            if (Number(arguments[i].Value) is not { } number)
            {
                return null;
            }

            numbers[i] = number;
        }

        return numbers.Length switch
        {
            // new TimeSpan(ticks): 10 million ticks per second.
            1 => numbers[0] / 10_000_000,
            3 => (numbers[0] * 3600) + (numbers[1] * 60) + numbers[2],
            4 => (numbers[0] * SecondsPerDay) + (numbers[1] * 3600) + (numbers[2] * 60) + numbers[3],
            5 => (numbers[0] * SecondsPerDay) + (numbers[1] * 3600) + (numbers[2] * 60) + numbers[3] + (numbers[4] / 1000),
            _ => null,
        };
    }

    private static double? Number(IOperation operation) =>
        operation.ConstantValue is { HasValue: true, Value: { } value } && value is not string and not bool
            ? Convert.ToDouble(value, CultureInfo.InvariantCulture)
            : null;

    private static string Duration(double seconds) =>
        seconds % SecondsPerDay == 0
            ? (seconds / SecondsPerDay).ToString("0", CultureInfo.InvariantCulture) + " days"
            : seconds.ToString("0.###", CultureInfo.InvariantCulture) + " seconds";

    private static Diagnostic Create(IOperation value, string setting, long minimumMaxAge, string what, string remedy)
    {
        var properties = ImmutableDictionary<string, string?>.Empty
            .Add(SettingKey, setting)
            .Add(MinimumDaysKey, ((minimumMaxAge + SecondsPerDay - 1) / SecondsPerDay).ToString(CultureInfo.InvariantCulture));
        return Diagnostic.Create(Descriptors.HstsPolicyTooWeak, value.Syntax.GetLocation(), properties, what, remedy);
    }
}
