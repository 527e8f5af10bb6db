using System;
using System.IO;
using System.Linq;
using NetSecAnalyzers.ConfigLinter.Workspace;

namespace NetSecAnalyzers.ConfigLinter.Firewall;

internal enum FirewallFileKind
{
    None,

    /// <summary>ufw's <c>user.rules</c> or <c>user6.rules</c>.</summary>
    UfwRules,

    /// <summary><c>ufw.conf</c> or <c>/etc/default/ufw</c>.</summary>
    UfwSettings,

    /// <summary>iptables-save output: <c>rules.v4</c>, <c>rules.v6</c>, ufw's <c>before.rules</c> and the like.</summary>
    IptablesSave,

    /// <summary>A shell script that runs <c>ufw</c>, <c>iptables</c> or <c>ip6tables</c>.</summary>
    Script,
}

/// <summary>Decides whether a file is a host firewall file, and which kind, from its path and then its text.</summary>
internal static class FirewallRecognizer
{
    /// <param name="recognized">
    /// True when the engine already recognised the file as a firewall file from the start of its text, so
    /// that a script need not be scanned again for firewall commands.
    /// </param>
    public static FirewallFileKind KindOf(string path, string text, bool recognized = false)
    {
        if (TextPrefix.IsBinary(text))
        {
            return FirewallFileKind.None;
        }

        var name = Path.GetFileName(path);
        var folders = path.Replace('\\', '/').Split('/');
        var parent = folders.Length >= 2 ? folders[folders.Length - 2] : string.Empty;
        if (name is "user.rules" or "user6.rules")
        {
            return FirewallFileKind.UfwRules;
        }

        if (name == "ufw.conf" || (name == "ufw" && (parent == "default" || parent.EndsWith("-default", StringComparison.Ordinal))))
        {
            return FirewallFileKind.UfwSettings;
        }

        if (name is "rules.v4" or "rules.v6"
            || (name.EndsWith(".rules", StringComparison.OrdinalIgnoreCase) && (parent == "ufw" || IptablesSaveReader.LooksLikeIptablesSave(text))))
        {
            return FirewallFileKind.IptablesSave;
        }

        var extension = Path.GetExtension(name);
        var isScript = string.Equals(extension, ".sh", StringComparison.OrdinalIgnoreCase)
            || string.Equals(extension, ".bash", StringComparison.OrdinalIgnoreCase)
            || (extension.Length == 0 && HasShellShebang(text));
        if (recognized)
        {
            return FirewallFileKind.Script;
        }

        return isScript && FirewallScriptReader.RunsFirewallCommands(path, text) ? FirewallFileKind.Script : FirewallFileKind.None;
    }

    /// <summary>Returns whether the first line runs a POSIX shell: <c>#!/bin/sh</c>, <c>#!/usr/bin/env bash</c> and the like.</summary>
    private static bool HasShellShebang(string text)
    {
        if (!text.StartsWith("#!", StringComparison.Ordinal))
        {
            return false;
        }

        var end = text.IndexOf('\n');
        var words = (end < 0 ? text.Substring(2) : text.Substring(2, end - 2)).Split(new[] { ' ', '\t', '\r' }, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return false;
        }

        var interpreter = Path.GetFileName(words[0]);
        if (interpreter == "env" && words.Length > 1)
        {
            interpreter = words.Skip(1).FirstOrDefault(word => !word.StartsWith("-", StringComparison.Ordinal)) ?? string.Empty;
        }

        return interpreter is "sh" or "bash" or "dash" or "ksh" or "zsh" or "ash";
    }
}
