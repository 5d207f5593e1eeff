using System.Security.Cryptography;
using Juthuruna.Common.Text;
using Juthuruna.Data;
using Juthuruna.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Juthuruna.Features.Files;

public sealed class StorageOptions
{
    /// <summary>Outside wwwroot; the host resolves a relative path against its content root.</summary>
    public string Root { get; set; } = "App_Data/files";

    public long MaxBytes { get; set; } = 10 * 1024 * 1024;
}

/// <summary>English keys localized by the web host (see SharedResource).</summary>
public static class UploadErrors
{
    public const string Missing = "Choose a file to upload.";
    public const string Empty = "The chosen file is empty (0 bytes); choose the file again.";
    public const string TooLarge = "The file is larger than the allowed size ({0} MB).";
    public const string NotAllowed = "The file content is not a PDF, JPEG or PNG document; the upload was refused.";
}

/// <summary>A file as the form sent it: its content and the name the sender's device gave it.</summary>
public sealed record IncomingFile(Stream Content, string FileName);

public sealed record UploadResult(StoredFile? File, string? Error)
{
    public bool Succeeded => File is not null;
}

/// <summary>
/// An upload that has been read and checked (size, type by content, SHA-256) and already lies in its final,
/// tenant-prefixed place: the bytes are written before any transaction begins, and the caller's save only adds the
/// row (<see cref="FileStorage.Attach"/>), so no file is written while the database's write lock is held (issue 13).
/// Nothing is written to the database until the caller attaches it to its own change, so a refused file and a refused
/// form never leave one without the other. Disposing it removes the file unless <see cref="Keep"/> was called after
/// the caller's save. A crash between the file and the row leaves a file no row names: nothing lists the folders
/// (a file is found only through its row), so it is never shown or served — only disk space is lost.
/// </summary>
public sealed class ReceivedUpload : IDisposable
{
    internal ReceivedUpload(string? error) => Error = error;

    /// <summary>The English key of the refusal (see <see cref="UploadErrors"/>), or null when the file is acceptable.</summary>
    public string? Error { get; }

    public bool Accepted => Error is null;

    public Guid Id { get; internal init; }
    internal string? FinalPath { get; init; }
    internal string StorageKey { get; init; } = "";
    internal bool Attached { get; set; }
    internal string SafeName { get; init; } = "";
    internal string ContentType { get; init; } = "";
    internal long Size { get; init; }
    internal string Sha256 { get; init; } = "";
    private bool _kept;

    /// <summary>The caller's save succeeded: the file stays where <see cref="FileStorage.Attach"/> put it.</summary>
    public void Keep() => _kept = true;

    public void Dispose()
    {
        if (_kept)
        {
            return;
        }

        if (FinalPath is not null)
        {
            File.Delete(FinalPath);
        }
    }
}

/// <summary>
/// Stores uploads on the file system under <see cref="StorageOptions.Root"/>, tenant-prefixed
/// (architecture rule 6). All upload rules live here: size limit, type by content, SHA-256 while
/// streaming, temp file then move so a reader never sees half a file, and the stored name. The file is in its
/// place before the row's transaction begins; the transaction writes the row only.
/// </summary>
public sealed class FileStorage(AppDbContext db, CurrentUser currentUser, TimeProvider clock, IOptions<StorageOptions> options)
{
    /// <summary>The stored name's extension comes from the detected content, never from the sender's name.</summary>
    private static readonly Dictionary<string, string> Extensions = new()
    {
        [FileContent.Pdf] = ".pdf",
        [FileContent.Jpeg] = ".jpg",
        [FileContent.Png] = ".png",
    };

    private readonly StorageOptions _options = options.Value;

    public long MaxBytes => _options.MaxBytes;

    /// <summary>The limit in MB, the argument of <see cref="UploadErrors.TooLarge"/>.</summary>
    public double MaxMegabytes => _options.MaxBytes / (1024.0 * 1024.0);

    /// <summary>
    /// Reads the file into the temporary folder, checks it and moves an accepted one into its final place; writes
    /// nothing to the database. An empty file, one over the limit or one whose content is not a PDF, JPEG or PNG comes
    /// back with its <see cref="ReceivedUpload.Error"/> and leaves nothing behind. Called before the caller's
    /// transaction: the caller's save (<see cref="Attach"/>) then does no file work at all.
    /// </summary>
    public async Task<ReceivedUpload> ReceiveAsync(IncomingFile incoming, CancellationToken ct)
    {
        var id = Guid.CreateVersion7();
        var tempDirectory = Path.Combine(Path.GetFullPath(_options.Root), ".tmp");
        Directory.CreateDirectory(tempDirectory);
        var temp = Path.Combine(tempDirectory, $"{id:N}.part");

        string? contentType;
        long size = 0;
        byte[] hash;
        try
        {
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using (var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                var buffer = new byte[81920];
                var head = new byte[FileContent.HeaderLength];
                var headLength = 0;
                int read;
                while ((read = await incoming.Content.ReadAsync(buffer, ct)) > 0)
                {
                    size += read;
                    if (size > _options.MaxBytes)
                    {
                        break;
                    }

                    var copy = Math.Min(read, head.Length - headLength);
                    if (copy > 0)
                    {
                        buffer.AsSpan(0, copy).CopyTo(head.AsSpan(headLength));
                        headLength += copy;
                    }

                    sha.AppendData(buffer, 0, read);
                    await output.WriteAsync(buffer.AsMemory(0, read), ct);
                }

                contentType = FileContent.Detect(head.AsSpan(0, headLength));
            }

            hash = sha.GetHashAndReset();
        }
        catch
        {
            File.Delete(temp);
            throw;
        }

        var error = size > _options.MaxBytes ? UploadErrors.TooLarge
            : size == 0 ? UploadErrors.Empty
            : contentType is null ? UploadErrors.NotAllowed
            : null;
        if (error is not null)
        {
            File.Delete(temp);
            return new ReceivedUpload(error);
        }

        string final;
        string key;
        try
        {
            var tenantId = db.TenantId ?? throw new InvalidOperationException("Uploads need a tenant.");
            var now = clock.GetUtcNow().UtcDateTime;
            key = $"{tenantId:N}/{now:yyyy}/{now:MM}/{id:N}";
            final = Path.Combine(Path.GetFullPath(_options.Root), key.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(final)!);
            File.Move(temp, final);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }

        return new ReceivedUpload(null)
        {
            Id = id,
            FinalPath = final,
            StorageKey = key,
            SafeName = StoredName(incoming.FileName, contentType!),
            ContentType = contentType!,
            Size = size,
            Sha256 = Convert.ToHexStringLower(hash),
        };
    }

    /// <summary>
    /// Adds an accepted upload's row to the context — no file work: the bytes are already in place. The caller's own
    /// SaveChanges (or transaction) records it together with what it belongs to, then calls <see cref="ReceivedUpload.Keep"/>.
    /// </summary>
    public StoredFile Attach(ReceivedUpload upload, string ownerKind, Guid ownerId, string? description)
    {
        if (!upload.Accepted || upload.Attached)
        {
            throw new InvalidOperationException("Only an accepted upload can be attached, and only once.");
        }

        upload.Attached = true;
        var now = clock.GetUtcNow().UtcDateTime;

        var note = description is null ? "" : UserText.SingleLine(description);
        var stored = new StoredFile
        {
            Id = upload.Id,
            OriginalName = upload.SafeName,
            ContentType = upload.ContentType,
            SizeBytes = upload.Size,
            Sha256 = upload.Sha256,
            StorageKey = upload.StorageKey,
            Description = note.Length == 0 ? null : note,
            UploadedBy = currentUser.UserId,
            UploadedAtUtc = now,
            OwnerKind = ownerKind,
            OwnerId = ownerId,
        };
        db.Add(stored);
        return stored;
    }

    /// <summary>Receives, attaches and saves a file on its own (for an upload that is the whole of its form).</summary>
    public async Task<UploadResult> SaveAsync(IncomingFile incoming, string ownerKind, Guid ownerId, string? description, CancellationToken ct)
    {
        using var upload = await ReceiveAsync(incoming, ct);
        if (!upload.Accepted)
        {
            return new UploadResult(null, upload.Error);
        }

        var stored = Attach(upload, ownerKind, ownerId, description);
        await db.SaveChangesAsync(ct);
        upload.Keep();
        return new UploadResult(stored, null);
    }

    /// <summary>The file, if its row is visible to this tenant; null otherwise (the caller answers 404).</summary>
    public async Task<(StoredFile File, string Path)?> FindAsync(Guid id, CancellationToken ct)
    {
        var file = await db.Set<StoredFile>().AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, ct);
        if (file is null)
        {
            return null;
        }

        var path = Path.Combine(Path.GetFullPath(_options.Root), file.StorageKey.Replace('/', Path.DirectorySeparatorChar));
        return File.Exists(path) ? (file, path) : null;
    }

    /// <summary>
    /// The name kept for display and download: the sender's base name without folders, bidi and control characters
    /// (one that reads "report‮gpj.exe" must not show as "reportexe.jpg"), and the extension of the detected type.
    /// </summary>
    public static string StoredName(string fileName, string contentType)
    {
        var name = UserText.SingleLine(fileName.Replace('\\', '/'));
        name = name[(name.LastIndexOf('/') + 1)..];
        var extension = Extensions[contentType];
        var dot = name.LastIndexOf('.');
        var stem = (dot >= 0 ? name[..dot] : name).Trim().TrimEnd('.').Trim();
        stem = new string(stem.Where(c => !char.IsControl(c) && !Path.GetInvalidFileNameChars().Contains(c)).ToArray());
        if (stem.Length == 0)
        {
            stem = "file";
        }

        const int maxStem = 255 - 5;
        return (stem.Length > maxStem ? stem[..maxStem] : stem) + extension;
    }
}
