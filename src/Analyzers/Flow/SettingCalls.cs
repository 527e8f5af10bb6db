using System;

namespace NetSecAnalyzers.Analyzers.Flow;

/// <summary>The kinds of call whose arguments a rule treats as settings.</summary>
[Flags]
internal enum SettingCalls
{
    None = 0,

    /// <summary>Method calls, such as <c>SslStream.AuthenticateAsClient(...)</c>.</summary>
    Methods = 1,

    /// <summary>Constructor calls, such as <c>new SslStream(...)</c>.</summary>
    Constructors = 2,
}
