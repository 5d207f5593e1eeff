using System.Security.Cryptography;
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
    public const string TooLarge = "The file is larger than the allowed size ({0} MB).";
    public const string NotAllowed = "The file content is not a PDF, JPEG or PNG document; the upload was refused.";
}

public sealed record UploadResult(StoredFile? File, string? Error)
{
    public bool Succeeded => File is not null;
}

/// <summary>
/// Stores uploads on the file system under <see cref="StorageOptions.Root"/>, tenant-prefixed
/// (architecture rule 6). All upload rules live here: size limit, type by content, SHA-256 while
/// streaming, temp file then move so a reader never sees half a file.
/// </summary>
public sealed class FileStorage(AppDbContext db, CurrentUser currentUser, TimeProvider clock, IOptions<StorageOptions> options)
{
    private readonly StorageOptions _options = options.Value;

    public long MaxBytes => _options.MaxBytes;

    public async Task<UploadResult> SaveAsync(Stream content, string fileName, string ownerKind, Guid ownerId, string? description, CancellationToken ct)
    {
        var tenantId = db.TenantId ?? throw new InvalidOperationException("Uploads need a tenant.");
        var id = Guid.CreateVersion7();
        var now = clock.GetUtcNow().UtcDateTime;
        var key = $"{tenantId:N}/{now:yyyy}/{now:MM}/{id:N}".Replace('/', Path.DirectorySeparatorChar);
        var root = Path.GetFullPath(_options.Root);
        var tempDirectory = Path.Combine(root, ".tmp");
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
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
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

            if (size > _options.MaxBytes)
            {
                return Refuse(temp, UploadErrors.TooLarge);
            }

            if (size == 0)
            {
                return Refuse(temp, UploadErrors.Missing);
            }

            if (contentType is null)
            {
                return Refuse(temp, UploadErrors.NotAllowed);
            }

            hash = sha.GetHashAndReset();
        }
        catch
        {
            File.Delete(temp);
            throw;
        }

        var final = Path.Combine(root, key);
        Directory.CreateDirectory(Path.GetDirectoryName(final)!);
        File.Move(temp, final);

        var stored = new StoredFile
        {
            Id = id,
            OriginalName = SafeName(fileName),
            ContentType = contentType,
            SizeBytes = size,
            Sha256 = Convert.ToHexStringLower(hash),
            StorageKey = key.Replace(Path.DirectorySeparatorChar, '/'),
            Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim(),
            UploadedBy = currentUser.UserId,
            UploadedAtUtc = now,
            OwnerKind = ownerKind,
            OwnerId = ownerId,
        };
        db.Add(stored);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            File.Delete(final);
            throw;
        }

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

    private static UploadResult Refuse(string temp, string error)
    {
        File.Delete(temp);
        return new UploadResult(null, error);
    }

    private static string SafeName(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        name = new string(name.Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (name.Length == 0)
        {
            name = "file";
        }

        return name.Length > 255 ? name[^255..] : name;
    }
}
