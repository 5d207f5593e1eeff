using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;

namespace Juthuruna.Web.Infrastructure;

/// <summary>
/// Requests no page of ours can send are answered as such instead of failing further on with a 500:
/// <list type="bullet">
/// <item>a handler the page does not have (<c>?handler=Nope</c>) → 404; a POST to a page without a POST handler → 405
/// (the page would otherwise render without any handler having loaded its model);</item>
/// <item>a checkbox or hidden id that is not a boolean or a GUID (<c>Input.SeenInOriginal=maybe</c>) → 400
/// (<see cref="MachineValueModelBinderProvider"/> marks it; the checkbox helper would fail on "maybe" when the
/// form is shown again, and a page that carried on would save "unchecked" for a value nobody chose).</item>
/// </list>
/// Values people type (numbers, dates, text) keep their field messages on the form.
/// </summary>
public sealed class MalformedRequestFilter : IAsyncPageFilter
{
    internal const string MalformedValueKey = "juthuruna.malformed-value";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var request = context.HttpContext.Request;
        if (context.HandlerMethod is null && context.ActionDescriptor.HandlerMethods.Count > 0)
        {
            var namedHandler = (context.RouteData.Values.TryGetValue("handler", out var routeHandler) && routeHandler is string { Length: > 0 })
                || request.Query.ContainsKey("handler")
                || (request.HasFormContentType && request.Form.ContainsKey("handler"));
            if (namedHandler)
            {
                context.Result = new NotFoundResult();
                return Task.CompletedTask;
            }

            if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
            {
                context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
                return Task.CompletedTask;
            }
        }

        if (context.HttpContext.Items.ContainsKey(MalformedValueKey))
        {
            context.Result = new BadRequestResult();
            return Task.CompletedTask;
        }

        return next();
    }
}

/// <summary>Binds booleans and GUIDs (checkboxes, hidden ids, buttons); a value that is neither marks the request malformed.</summary>
public sealed class MachineValueModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var type = Nullable.GetUnderlyingType(context.Metadata.ModelType) ?? context.Metadata.ModelType;
        if (type != typeof(bool) && type != typeof(Guid))
        {
            return null;
        }

        var source = context.BindingInfo.BindingSource;
        if (source is not null && (source.IsGreedy || !source.IsFromRequest || source == BindingSource.Header))
        {
            return null;
        }

        var loggerFactory = context.Services.GetRequiredService<ILoggerFactory>();
        return new MachineValueModelBinder(new SimpleTypeModelBinder(context.Metadata.ModelType, loggerFactory));
    }
}

internal sealed class MachineValueModelBinder(IModelBinder inner) : IModelBinder
{
    public async Task BindModelAsync(ModelBindingContext bindingContext)
    {
        await inner.BindModelAsync(bindingContext);
        // An empty value (a select left on "— choose —") is not malformed: the feature asks for the choice.
        if (!bindingContext.Result.IsModelSet
            && bindingContext.ModelState.TryGetValue(bindingContext.ModelName, out var entry)
            && entry.Errors.Count > 0
            && !string.IsNullOrWhiteSpace(entry.AttemptedValue))
        {
            // Shown again, the form must not meet "maybe" where it expects a boolean.
            bindingContext.ModelState.SetModelValue(bindingContext.ModelName, rawValue: null, attemptedValue: null);
            bindingContext.HttpContext.Items[MalformedRequestFilter.MalformedValueKey] = true;
        }
    }
}
