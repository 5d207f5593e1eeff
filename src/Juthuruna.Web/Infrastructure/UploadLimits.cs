using Juthuruna.Features.Files;
using Microsoft.AspNetCore.Http.Features;

namespace Juthuruna.Web.Infrastructure;

/// <summary>
/// How large a request may be, and what the user sees when one is larger. The file limit itself
/// (<see cref="StorageOptions.MaxBytes"/>) is enforced by <see cref="FileStorage"/>, which the page answers with the size
/// message beside the field and the typed form kept. For that the server must let the whole form through: the body
/// limit is well above the file limit (<see cref="BodyLimitFactor"/> times it), so an 11 MB or a 30 MB file reaches the
/// page. Only a body above that is cut off while the form is read; <see cref="UploadLimitMiddleware"/> turns that into a
/// 413 page with the same size message, in the staff or the portal layout.
/// </summary>
public static class UploadLimits
{
    public const int BodyLimitFactor = 4;

    /// <summary>Room for the form's other fields and the multipart framing next to the largest refused file.</summary>
    private const long FormAllowance = 1024 * 1024;

    public static long BodyLimit(long maxFileBytes) => maxFileBytes * BodyLimitFactor + FormAllowance;

    public static WebApplicationBuilder AddUploadLimits(this WebApplicationBuilder builder)
    {
        var limit = BodyLimit(builder.Configuration.GetValue("Storage:MaxBytes", new StorageOptions().MaxBytes));
        builder.Services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = limit);
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = limit);
        return builder;
    }
}

/// <summary>
/// Reads a multipart form before the page does, so that a body over the server's limit is answered here, in one place,
/// with 413 and the "file too large" page instead of failing later as a bad antiforgery token (400) or an unhandled
/// exception (500). Runs after authorization: only requests the page would read anyway are read.
/// </summary>
public sealed class UploadLimitMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (HttpMethods.IsPost(context.Request.Method) && context.Request.HasFormContentType)
        {
            try
            {
                await context.Request.ReadFormAsync(context.RequestAborted);
            }
            catch (Exception e) when (e is InvalidDataException or IOException)
            {
                // A form that cannot be read (cut off, malformed, the client gone) is the client's 4xx, as the
                // antiforgery check would have answered; the re-executed error page must not read the body again.
                context.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));
                context.Response.StatusCode = IsOverLimit(context, e) ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest;
                return;
            }
        }

        await next(context);
    }

    private static bool IsOverLimit(HttpContext context, Exception e) => e switch
    {
        // Kestrel's MaxRequestBodySize.
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => true,
        // FormOptions.MultipartBodyLengthLimit (the only limit of the test server); other malformed forms stay 400s.
        InvalidDataException => context.Request.ContentLength > context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<FormOptions>>().Value.MultipartBodyLengthLimit,
        _ => false,
    };
}
