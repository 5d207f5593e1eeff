using Juthuruna.Common.Text;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;
using Microsoft.Extensions.Primitives;

namespace Juthuruna.Web.Infrastructure;

/// <summary>
/// Numbers and dates typed with Arabic-Indic digits (٠١٢٣) bind like ASCII ones. Text fields keep what
/// the user typed; their domain rules (national ID, mobile) normalise digits themselves.
/// </summary>
public sealed class ArabicDigitsModelBinderProvider : IModelBinderProvider
{
    private static readonly HashSet<Type> NumericTypes =
    [
        typeof(int), typeof(long), typeof(short), typeof(decimal), typeof(double), typeof(float),
        typeof(DateOnly), typeof(DateTime), typeof(TimeOnly), typeof(DateTimeOffset),
    ];

    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        var type = Nullable.GetUnderlyingType(context.Metadata.ModelType) ?? context.Metadata.ModelType;
        if (!NumericTypes.Contains(type))
        {
            return null;
        }

        var loggerFactory = context.Services.GetRequiredService<ILoggerFactory>();
        return new ArabicDigitsModelBinder(new SimpleTypeModelBinder(context.Metadata.ModelType, loggerFactory));
    }
}

internal sealed class ArabicDigitsModelBinder(IModelBinder inner) : IModelBinder
{
    public async Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var original = bindingContext.ValueProvider;
        bindingContext.ValueProvider = new AsciiDigitsValueProvider(original);
        try
        {
            await inner.BindModelAsync(bindingContext);
        }
        finally
        {
            bindingContext.ValueProvider = original;
        }
    }

    private sealed class AsciiDigitsValueProvider(IValueProvider inner) : IValueProvider
    {
        public bool ContainsPrefix(string prefix) => inner.ContainsPrefix(prefix);

        public ValueProviderResult GetValue(string key)
        {
            var result = inner.GetValue(key);
            if (result == ValueProviderResult.None)
            {
                return result;
            }

            var values = result.Values.Select(v => v is null ? v : Digits.ToAscii(v)).ToArray();
            return new ValueProviderResult(new StringValues(values), result.Culture);
        }
    }
}
