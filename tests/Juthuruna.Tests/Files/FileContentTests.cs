using System.Text;
using Juthuruna.Features.Files;

namespace Juthuruna.Tests.Files;

public sealed class FileContentTests
{
    [Fact]
    public void Detect_pdf_header_is_pdf() =>
        Assert.Equal(FileContent.Pdf, FileContent.Detect("%PDF-1.7\n%âãÏÓ"u8));

    [Fact]
    public void Detect_jpeg_header_is_jpeg() =>
        Assert.Equal(FileContent.Jpeg, FileContent.Detect([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46]));

    [Fact]
    public void Detect_png_header_is_png() =>
        Assert.Equal(FileContent.Png, FileContent.Detect([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00]));

    [Theory]
    [InlineData(new byte[] { 0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00 })] // Windows EXE ("MZ") renamed .pdf
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00 })] // ZIP (also .docx) renamed .pdf
    [InlineData(new byte[] { 0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00 })] // ELF
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A })]             // truncated PNG signature
    [InlineData(new byte[] { 0xFF, 0xD8 })]                                     // truncated JPEG signature
    [InlineData(new byte[0])]                                                    // empty file
    public void Detect_anything_else_is_refused(byte[] head) =>
        Assert.Null(FileContent.Detect(head));

    [Fact]
    public void Detect_text_that_mentions_pdf_later_is_refused() =>
        Assert.Null(FileContent.Detect(Encoding.UTF8.GetBytes("hello %PDF-1.4")));
}
