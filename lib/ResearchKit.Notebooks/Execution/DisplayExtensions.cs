using ResearchKit.Notebooks.Execution;

// Namespace System, as in the kernel (notebook-format.md §2), so that `x.Display()` needs no using in a notebook.
// It lives in the runner only; the library must never define it (the real kernel would find two).
namespace System;

/// <summary>The kernel's <c>.Display()</c> extension, supplied by the runner.</summary>
public static class DisplayExtensions
{
    /// <summary>Displays the value as a <c>display_data</c> output of the running cell.</summary>
    public static DisplayedValue Display(this object? value, params string[] mimeTypes) => KernelHelpers.display(value, mimeTypes);
}
