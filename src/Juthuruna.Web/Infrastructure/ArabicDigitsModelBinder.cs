using Juthuruna.Common.Text;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;

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
        return new RewritingModelBinder(new SimpleTypeModelBinder(context.Metadata.ModelType, loggerFactory), Digits.ToAscii);
    }
}
