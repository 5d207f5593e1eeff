using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Xunit;

namespace Juthuruna.Testing;

/// <summary>What a reader gets out of a PDF, through poppler's tools (installed by build.sh).</summary>
public static partial class PdfText
{
    /// <summary>pdftotext's text in logical order, without the bidi embedding marks it wraps every run in.</summary>
    public static async Task<string> ExtractAsync(byte[] pdf, bool layout = false)
    {
        var file = WriteTemp(pdf);
        try
        {
            var text = layout ? await RunAsync("pdftotext", "-layout", file, "-") : await RunAsync("pdftotext", file, "-");
            return BidiMarks().Replace(text, string.Empty);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>pdffonts' table of the fonts in the PDF.</summary>
    public static async Task<string> FontsAsync(byte[] pdf)
    {
        var file = WriteTemp(pdf);
        try
        {
            return await RunAsync("pdffonts", file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Each part appears in the text after the previous one.</summary>
    public static void AssertInOrder(string text, params string[] parts)
    {
        var at = 0;
        foreach (var part in parts)
        {
            var found = text.IndexOf(part, at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"'{part}' not found after position {at} in:\n{text}");
            at = found + part.Length;
        }
    }

    public static string WriteTemp(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"juthuruna-letter-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, pdf);
        return file;
    }

    public static async Task<string> RunAsync(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, StandardOutputEncoding = Encoding.UTF8 };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
        return output;
    }

    [GeneratedRegex("[\u200E\u200F\u202A-\u202E\u2066-\u2069]")]
    private static partial Regex BidiMarks();
}
