using Microsoft.CodeAnalysis;

namespace NetSecAnalyzers.Analyzers.Flow;

internal static class ConstantBits
{
    /// <summary>Converts a boxed enum constant (stored as its underlying integer) to its bits.</summary>
    public static bool TryGet(object? value, out long bits)
    {
        switch (value)
        {
            case int number:
                bits = number;
                return true;
            case long number:
                bits = number;
                return true;
            case uint number:
                bits = number;
                return true;
            case short number:
                bits = number;
                return true;
            case ushort number:
                bits = number;
                return true;
            case byte number:
                bits = number;
                return true;
            case sbyte number:
                bits = number;
                return true;
            case ulong number:
                bits = unchecked((long)number);
                return true;
            default:
                bits = 0;
                return false;
        }
    }

    /// <summary>Reads the value of the enum member <paramref name="name"/> as bits.</summary>
    public static bool TryGetMember(INamedTypeSymbol type, string name, out long bits)
    {
        foreach (var member in type.GetMembers(name))
        {
            if (member is IFieldSymbol { HasConstantValue: true } field && TryGet(field.ConstantValue, out bits))
            {
                return true;
            }
        }

        bits = 0;
        return false;
    }
}
