using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Primitives;

namespace Juthuruna.Web.Infrastructure;

/// <summary>
/// Binds with <paramref name="inner"/> from values rewritten by <paramref name="rewrite"/> (Arabic-Indic digits to
/// ASCII, bidi controls removed). The rewrite happens in the value provider, so a form shown again after a
/// validation error shows the rewritten value too.
/// </summary>
internal sealed class RewritingModelBinder(IModelBinder inner, Func<string, string> rewrite) : IModelBinder
{
    public async Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var original = bindingContext.ValueProvider;
        bindingContext.ValueProvider = new RewritingValueProvider(original, rewrite);
        try
        {
            await inner.BindModelAsync(bindingContext);
        }
        finally
        {
            bindingContext.ValueProvider = original;
        }
    }

    private sealed class RewritingValueProvider(IValueProvider inner, Func<string, string> rewrite) : IValueProvider
    {
        public bool ContainsPrefix(string prefix) => inner.ContainsPrefix(prefix);

        public ValueProviderResult GetValue(string key)
        {
            var result = inner.GetValue(key);
            if (result == ValueProviderResult.None)
            {
                return result;
            }

            var values = result.Values.Select(v => v is null ? v : rewrite(v)).ToArray();
            return new ValueProviderResult(new StringValues(values), result.Culture);
        }
    }
}
