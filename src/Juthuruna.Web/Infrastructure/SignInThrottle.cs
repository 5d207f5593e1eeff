using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Juthuruna.Common.Text;
using Microsoft.AspNetCore.RateLimiting;

namespace Juthuruna.Web.Infrastructure;

/// <summary>
/// The <c>SignInLimits</c> section: how fast the staff sign-in form answers one client address and one account (ADR 0023).
/// A client is first slowed down (its attempts wait their turn in a queue), then refused with 429 and "try again in N
/// minutes"; an account is refused past its own limit whichever addresses the attempts come from.
/// </summary>
public sealed class SignInLimitOptions
{
    public const string Section = "SignInLimits";

    /// <summary>Attempts one client address may make at full speed…</summary>
    public int ClientBurst { get; set; } = 10;

    /// <summary>…after which it gets one more every this many seconds (the others wait in the queue: slowed down).</summary>
    public int ClientRefillSeconds { get; set; } = 6;

    /// <summary>Attempts of one client address waiting their turn at most; more at once are refused.</summary>
    public int ClientQueue { get; set; } = 5;

    /// <summary>Attempts one client address may make in <see cref="WindowMinutes"/>, however slowly; then 429.</summary>
    public int ClientPerWindow { get; set; } = 30;

    /// <summary>Attempts on one account (the normalised e-mail typed) in <see cref="WindowMinutes"/>, from any address; then 429.</summary>
    public int AccountPerWindow { get; set; } = 10;

    public int WindowMinutes { get; set; } = 15;

    /// <summary>
    /// Addresses and accounts are counted in this many slots each (a keyed hash picks the slot), so the limiter's memory
    /// is bounded whatever an attacker sends: at most this many partitions per limit, idle ones dropped by the runtime.
    /// </summary>
    public int Slots { get; set; } = 16_384;
}

/// <summary>
/// Login throttling with ASP.NET Core's rate limiter (ADR 0023): one global limiter that only limits
/// <c>POST /Account/Login</c>, three limiters chained — per client address a token bucket whose queue slows a client
/// down, then a fixed window per client address and one per account — so an attempt must pass all three.
/// </summary>
public static class SignInThrottle
{
    private const string AccountSlotItem = "juthuruna:signin-account-slot";
    private const string MinutesItem = "juthuruna:retry-minutes";
    private const int Unlimited = -1;


    // A random key per process: nobody can work out which e-mails or addresses share a slot with a victim's.
    private static readonly byte[] SlotKey = RandomNumberGenerator.GetBytes(32);

    public static IServiceCollection AddSignInThrottle(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(SignInLimitOptions.Section).Get<SignInLimitOptions>() ?? new SignInLimitOptions();
        var slots = Math.Max(1, options.Slots);
        var window = TimeSpan.FromMinutes(Math.Max(1, options.WindowMinutes));

        var clientWindow = PartitionedRateLimiter.Create<HttpContext, int>(context => IsSignIn(context)
            ? RateLimitPartition.GetFixedWindowLimiter(ClientSlot(context, slots), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = Math.Max(1, options.ClientPerWindow),
                Window = window,
                QueueLimit = 0,
            })
            : RateLimitPartition.GetNoLimiter(Unlimited));
        var accountWindow = PartitionedRateLimiter.Create<HttpContext, int>(context => IsSignIn(context)
            ? RateLimitPartition.GetFixedWindowLimiter(context.Items[AccountSlotItem] as int? ?? 0, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = Math.Max(1, options.AccountPerWindow),
                Window = window,
                QueueLimit = 0,
            })
            : RateLimitPartition.GetNoLimiter(Unlimited));
        var clientPace = PartitionedRateLimiter.Create<HttpContext, int>(context => IsSignIn(context)
            ? RateLimitPartition.GetTokenBucketLimiter(ClientSlot(context, slots), _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = Math.Max(1, options.ClientBurst),
                TokensPerPeriod = 1,
                ReplenishmentPeriod = TimeSpan.FromSeconds(Math.Max(1, options.ClientRefillSeconds)),
                QueueLimit = Math.Max(0, options.ClientQueue),
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            })
            : RateLimitPartition.GetNoLimiter(Unlimited));
        services.AddRateLimiter(o =>
        {
            // The middleware first tries the limiter, and only if that fails waits on it. A chain stops at its first
            // refusal, so with the pace first an attempt that must wait for a token is counted in the windows once, after
            // its wait (with the windows first, the try and the wait counted it twice — measured).
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(clientPace, clientWindow, accountWindow);
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) =>
            {
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) && retryAfter > TimeSpan.Zero
                    ? retryAfter
                    : TimeSpan.FromSeconds(Math.Max(1, options.ClientRefillSeconds));
                context.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.HttpContext.Response.Headers.RetryAfter = ((long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                // The status page (re-executed, same request) says "try again in N minutes".
                context.HttpContext.Items[MinutesItem] = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
                context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SignInThrottle))
                    .LogWarning("Sign-in attempt refused by the throttle; retry after {Seconds} s", (long)Math.Ceiling(wait.TotalSeconds));
                return ValueTask.CompletedTask;
            };
        });
        return services;
    }

    /// <summary>
    /// Reads the sign-in form's e-mail (the account's partition) before the limiter runs; must come after the forwarded
    /// headers (the client's address) and before anything that answers the sign-in.
    /// </summary>
    public static IApplicationBuilder UseSignInThrottle(this IApplicationBuilder app)
    {
        var slots = Math.Max(1, (app.ApplicationServices.GetRequiredService<IConfiguration>()
            .GetSection(SignInLimitOptions.Section).Get<SignInLimitOptions>() ?? new SignInLimitOptions()).Slots);
        app.Use(async (context, next) =>
        {
            if (IsSignIn(context))
            {
                var email = "";
                if (context.Request.HasFormContentType)
                {
                    var form = await context.Request.ReadFormAsync(context.RequestAborted);
                    email = form["Input.Email"].ToString();
                }

                context.Items[AccountSlotItem] = Slot(Encoding.UTF8.GetBytes(email.Trim().ToUpperInvariant()), slots);
            }

            await next(context);
        });
        return app.UseRateLimiter();
    }

    /// <summary>The minutes to wait when this request was refused by the throttle, else null.</summary>
    public static int? RetryMinutes(this HttpContext context) => context.Items[MinutesItem] as int?;

    /// <summary>"Too many sign-in attempts. Try again in N minutes." in the reader's language.</summary>
    public static string RetryMessage(Microsoft.Extensions.Localization.IStringLocalizer l, int minutes) =>
        l["Too many sign-in attempts. Try again {0}.", l.Count(Counted.InMinutes, minutes)];

    private static bool IsSignIn(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method)
        && string.Equals(context.Request.Path.Value?.TrimEnd('/'), "/Account/Login", StringComparison.OrdinalIgnoreCase);

    /// <summary>The client's address (after the trusted proxies' X-Forwarded-For); IPv6 by its /64, as one host usually holds one.</summary>
    private static int ClientSlot(HttpContext context, int slots)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return Slot([], slots);
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        var bytes = address.GetAddressBytes();
        return Slot(address.AddressFamily == AddressFamily.InterNetworkV6 ? bytes[..8] : bytes, slots);
    }

    private static int Slot(byte[] key, int slots)
    {
        Span<byte> hash = stackalloc byte[32];
        HMACSHA256.HashData(SlotKey, key, hash);
        return (int)(BitConverter.ToUInt32(hash) % (uint)slots);
    }
}
