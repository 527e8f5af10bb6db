namespace NetSecAnalyzers.Analyzers.CertificateValidation;

/// <summary>
/// The diagnostic properties that tell NETSEC020's code fix what to do. A finding without
/// <see cref="Key"/> has no fix, because only its author can decide which errors the validator should accept.
/// </summary>
internal static class CertificateValidationFix
{
    public const string Key = "Fix";

    /// <summary>Replace the reported delegate with one that accepts only <c>SslPolicyErrors.None</c>.</summary>
    public const string Replace = "Replace";

    /// <summary>Remove the assignment or initializer entry that installs the reported delegate.</summary>
    public const string RemoveAssignment = "RemoveAssignment";

    /// <summary>Remove the statement that is the reported call.</summary>
    public const string RemoveStatement = "RemoveStatement";

    /// <summary>The replacement's parameter names, comma separated.</summary>
    public const string ParametersKey = "Parameters";

    /// <summary>The position of the <c>SslPolicyErrors</c> parameter among them.</summary>
    public const string ErrorsIndexKey = "ErrorsIndex";
}
