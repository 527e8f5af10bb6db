using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using NetSecAnalyzers.Analyzers.Flow;
using NetSecAnalyzers.Analyzers.Tls;

namespace NetSecAnalyzers.CodeFixes;

/// <summary>
/// Rewrites one protocol expression without its legacy bits. Operands of <c>|</c> that are wholly legacy
/// are dropped with their operator. An operand that mixes legacy and modern bits (a cast such as
/// <c>(SslProtocols)3264</c>, or a constant declared elsewhere) becomes the named members of its modern
/// bits. Everything else keeps its text and trivia.
/// </summary>
internal sealed class ProtocolExpressionRewriter
{
    private readonly SemanticModel model;
    private readonly ProtocolEnum protocol;
    private readonly ExpressionSyntax expression;
    private readonly CancellationToken cancellationToken;

    public ProtocolExpressionRewriter(SemanticModel model, ProtocolEnum protocol, ExpressionSyntax expression, CancellationToken cancellationToken)
    {
        this.model = model;
        this.protocol = protocol;
        this.expression = expression;
        this.cancellationToken = cancellationToken;
    }

    public ExpressionSyntax RemoveLegacyProtocols()
    {
        var rewritten = Rewrite(expression) ?? Member(protocol.OsDefaultMember);
        return rewritten.WithTriviaFrom(expression);
    }

    /// <summary>Returns the expression without its legacy bits, or null when nothing is left of it.</summary>
    private ExpressionSyntax? Rewrite(ExpressionSyntax node)
    {
        switch (node)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                var inner = Rewrite(parenthesized.Expression);
                if (inner is null || inner == parenthesized.Expression)
                {
                    return inner is null ? null : parenthesized;
                }

                return inner is BinaryExpressionSyntax
                    ? parenthesized.WithExpression(inner)
                    : inner.WithTriviaFrom(parenthesized);

            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.BitwiseOrExpression):
                var left = Rewrite(binary.Left);
                var right = Rewrite(binary.Right);
                if (left is null || right is null)
                {
                    // The operator and the space around it go with the dropped operand.
                    return left is null
                        ? right?.WithLeadingTrivia(binary.GetLeadingTrivia())
                        : left.WithTrailingTrivia(binary.GetTrailingTrivia());
                }

                return binary.WithLeft(left).WithRight(right);

            default:
                return RewriteOperand(node);
        }
    }

    private ExpressionSyntax? RewriteOperand(ExpressionSyntax operand)
    {
        var constant = model.GetConstantValue(operand, cancellationToken);
        if (!constant.HasValue || !ConstantBits.TryGet(constant.Value, out var bits) || (bits & protocol.LegacyMask) == 0)
        {
            return operand;
        }

        var modernBits = bits & ~protocol.LegacyMask;
        return modernBits == 0 ? null : Members(modernBits).WithTriviaFrom(operand);
    }

    /// <summary>Writes <paramref name="bits"/> as named members joined by <c>|</c>, lowest first.</summary>
    private ExpressionSyntax Members(long bits)
    {
        var names = new List<(long Bits, string Name)>();
        var remaining = bits;
        foreach (var member in protocol.ModernMembers)
        {
            if ((member.Bits & remaining) == member.Bits)
            {
                names.Add(member);
                remaining &= ~member.Bits;
            }
        }

        var parts = names.OrderBy(member => member.Bits).Select(member => Member(member.Name)).ToList();
        if (remaining != 0)
        {
            // Bits that no member names survive as a cast, so the fix never changes them.
            var typeReference = TypeReference();
            parts.Add(SyntaxFactory.CastExpression(
                typeReference as TypeSyntax ?? SyntaxFactory.ParseTypeName(typeReference.ToString()),
                SyntaxFactory.LiteralExpression(
                    SyntaxKind.NumericLiteralExpression,
                    remaining <= int.MaxValue ? SyntaxFactory.Literal((int)remaining) : SyntaxFactory.Literal(remaining))));
        }

        var result = parts[0];
        for (var i = 1; i < parts.Count; i++)
        {
            result = SyntaxFactory.BinaryExpression(
                SyntaxKind.BitwiseOrExpression,
                result.WithTrailingTrivia(SyntaxFactory.Space),
                SyntaxFactory.Token(SyntaxKind.BarToken).WithTrailingTrivia(SyntaxFactory.Space),
                parts[i]);
        }

        return result;
    }

    private ExpressionSyntax Member(string name)
    {
        if (UsesBareMemberNames())
        {
            return SyntaxFactory.IdentifierName(name);
        }

        return SyntaxFactory.MemberAccessExpression(
            SyntaxKind.SimpleMemberAccessExpression,
            TypeReference(),
            SyntaxFactory.IdentifierName(name));
    }

    /// <summary>True when the expression names members without their type, through <c>using static</c>.</summary>
    private bool UsesBareMemberNames()
    {
        foreach (var identifier in expression.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
        {
            if (identifier.Parent is not MemberAccessExpressionSyntax
                && model.GetSymbolInfo(identifier, cancellationToken).Symbol is IFieldSymbol field
                && SymbolEqualityComparer.Default.Equals(field.ContainingType, protocol.Type))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Names the enum type as the reported expression already does (<c>SslProtocols</c>, or a qualified
    /// name), so the fix keeps the file's style; otherwise a name the simplifier shortens.
    /// </summary>
    private ExpressionSyntax TypeReference()
    {
        var nodes = expression.DescendantNodesAndSelf().ToList();
        foreach (var memberAccess in nodes.OfType<MemberAccessExpressionSyntax>())
        {
            if (Names(memberAccess.Expression, protocol.Type))
            {
                return memberAccess.Expression.WithoutTrivia();
            }
        }

        foreach (var cast in nodes.OfType<CastExpressionSyntax>())
        {
            if (Names(cast.Type, protocol.Type))
            {
                // A type name parses differently as an expression, so it is reparsed to match what the
                // compiler builds for SslProtocols.Tls12 written by hand.
                return SyntaxFactory.ParseExpression(cast.Type.WithoutTrivia().ToFullString());
            }
        }

        return SyntaxFactory.ParseExpression(protocol.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat))
            .WithAdditionalAnnotations(Simplifier.Annotation);
    }

    private bool Names(SyntaxNode node, ISymbol symbol) =>
        SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(node, cancellationToken).Symbol, symbol);

}
