using Juthuruna.Common.Text;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;

namespace Juthuruna.Web.Infrastructure;

/// <summary>
/// Every string bound from a form, query or route loses its bidi embedding/override/isolate controls
/// (<see cref="UserText.StripBidiControls"/>, line breaks kept) before a page model or validator sees it, so no
/// feature can store "‮fdp.exe" by forgetting to clean one field. The cleaning happens in the value provider, so
/// a form shown again after a validation error shows the cleaned text too.
/// </summary>
public sealed class UserTextModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        if (context.Metadata.ModelType != typeof(string))
        {
            return null;
        }

        // Headers, bodies and services have binders of their own; only form, query and route values are typed text.
        var source = context.BindingInfo.BindingSource;
        if (source is not null && (source.IsGreedy || !source.IsFromRequest || source == BindingSource.Header))
        {
            return null;
        }

        var loggerFactory = context.Services.GetRequiredService<ILoggerFactory>();
        return new RewritingModelBinder(new SimpleTypeModelBinder(typeof(string), loggerFactory), UserText.StripBidiControls);
    }
}
