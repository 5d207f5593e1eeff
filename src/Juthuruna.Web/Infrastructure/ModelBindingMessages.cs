using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Juthuruna.Web.Infrastructure;

/// <summary>Model binding's own messages ("The value 'x' is not valid…") in the user's language.</summary>
public sealed class ModelBindingMessages(IStringLocalizerFactory factory) : IConfigureOptions<MvcOptions>
{
    public void Configure(MvcOptions options)
    {
        var l = factory.Create(typeof(SharedResource));
        var p = options.ModelBindingMessageProvider;
        p.SetValueIsInvalidAccessor(v => l["The value '{0}' is not valid.", v]);
        p.SetAttemptedValueIsInvalidAccessor((v, f) => l["The value '{0}' is not valid for {1}.", v, f]);
        p.SetNonPropertyAttemptedValueIsInvalidAccessor(v => l["The value '{0}' is not valid.", v]);
        p.SetUnknownValueIsInvalidAccessor(f => l["The value entered for {0} is not valid.", f]);
        p.SetNonPropertyUnknownValueIsInvalidAccessor(() => l["The value entered is not valid."]);
        p.SetValueMustNotBeNullAccessor(f => l["{0} is required.", f]);
        p.SetMissingBindRequiredValueAccessor(f => l["{0} is required.", f]);
        p.SetMissingKeyOrValueAccessor(() => l["A value is required."]);
        p.SetValueMustBeANumberAccessor(f => l["{0} must be a number.", f]);
        p.SetNonPropertyValueMustBeANumberAccessor(() => l["Enter a number."]);
        p.SetMissingRequestBodyRequiredValueAccessor(() => l["A value is required."]);
    }
}
