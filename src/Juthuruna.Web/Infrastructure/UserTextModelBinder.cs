using Juthuruna.Common.Text;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;
using Microsoft.Extensions.Primitives;

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
        return new UserTextModelBinder(new SimpleTypeModelBinder(typeof(string), loggerFactory));
    }
}

internal sealed class UserTextModelBinder(IModelBinder inner) : IModelBinder
{
    public async Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var original = bindingContext.ValueProvider;
        bindingContext.ValueProvider = new StrippedValueProvider(original);
        try
        {
            await inner.BindModelAsync(bindingContext);
        }
        finally
        {
            bindingContext.ValueProvider = original;
        }
    }

    private sealed class StrippedValueProvider(IValueProvider inner) : IValueProvider
    {
        public bool ContainsPrefix(string prefix) => inner.ContainsPrefix(prefix);

        public ValueProviderResult GetValue(string key)
        {
            var result = inner.GetValue(key);
            if (result == ValueProviderResult.None)
            {
                return result;
            }

            var values = result.Values.Select(v => v is null ? v : UserText.StripBidiControls(v)).ToArray();
            return new ValueProviderResult(new StringValues(values), result.Culture);
        }
    }
}
