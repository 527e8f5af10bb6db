using System.Collections.Generic;

namespace NetSecAnalyzers.ConfigLinter.Suppressions;

/// <summary>
/// What a format reader supplies about one file so that the engine can apply its suppression comments.
/// It contains the comments and the statements that a line-scoped comment applies to. A reader reports it
/// with <c>DiagnosticBag.RecordCommentedFile</c>.
/// </summary>
public interface ICommentedFile
{
    /// <summary>The file's path, as the findings in it name it.</summary>
    string FilePath { get; }

    /// <summary>
    /// The comments of the file, in order. A reader may leave out comments that do not start like a
    /// suppression, since the engine ignores them.
    /// </summary>
    IReadOnlyList<SourceComment> Comments { get; }

    /// <summary>
    /// The lines of each statement of the file (an nginx directive without its block body), in any order.
    /// A statement's findings may sit on any of its lines, so a suppression applies to all of them.
    /// </summary>
    IReadOnlyList<LineRange> Statements { get; }
}
