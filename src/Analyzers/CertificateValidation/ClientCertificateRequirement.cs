using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using NetSecAnalyzers.Analyzers.Flow;

namespace NetSecAnalyzers.Analyzers.CertificateValidation;

/// <summary>
/// Decides whether Kestrel requires client certificates where a client certificate validator is
/// installed: the same member sets <c>ClientCertificateMode.RequireCertificate</c> on the same options
/// object (the same local, parameter, field or object initializer). With another mode a client may
/// connect without a certificate, so the application has to check the user some other way anyway.
/// </summary>
internal static class ClientCertificateRequirement
{
    private const string ModeProperty = "ClientCertificateMode";

    private static readonly ConstantSources Sources = new(tracesBitwiseOperators: false);

    public static bool IsRequired(CertificateValidationSymbols symbols, IOperation site, IOperation? receiver)
    {
        var root = OperationTree.Root(site);

        var options = ReceiverKey(receiver);
        foreach (var operation in root.DescendantsAndSelf())
        {
            if (operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: ModeProperty } target } assignment
                && symbols.IsHttpsOptionsMember(target.Property)
                && Equals(ReceiverKey(target.Instance), options)
                && RequiresCertificate(symbols, assignment.Value))
            {
                return true;
            }
        }

        return false;
    }

    private static bool RequiresCertificate(CertificateValidationSymbols symbols, IOperation value)
    {
        foreach (var source in Sources.Find(value))
        {
            if (ConstantBits.TryGet(source.Constant.ConstantValue.Value, out var mode) && mode == symbols.RequireCertificate)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Returns what identifies the options object, or null when the receiver is some other expression.</summary>
    private static object? ReceiverKey(IOperation? receiver)
    {
        while (receiver is IConversionOperation conversion)
        {
            receiver = conversion.Operand;
        }

        switch (receiver)
        {
            case ILocalReferenceOperation local:
                return local.Local;
            case IParameterReferenceOperation parameter:
                return parameter.Parameter;
            case IFieldReferenceOperation field:
                return field.Field;
            case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver } implicitReceiver:
                for (var parent = implicitReceiver.Parent; parent is not null; parent = parent.Parent)
                {
                    if (parent is IObjectOrCollectionInitializerOperation initializer)
                    {
                        return initializer;
                    }
                }

                return null;
            default:
                return null;
        }
    }
}
