using Juthuruna.Features.Staff;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Juthuruna.Web.Infrastructure;

public static class CommandResultModelState
{
    /// <summary>
    /// Puts a command's errors beside the fields they belong to: field <c>Email</c> becomes
    /// <c>Input.Email</c>, a collection item (<c>Roles[0]</c>) its collection, and an error without a
    /// field goes to the form as a whole.
    /// </summary>
    public static void AddCommandErrors(this ModelStateDictionary modelState, CommandResult result, string prefix = "Input") =>
        modelState.AddCommandErrors(result.Errors, prefix);

    /// <inheritdoc cref="AddCommandErrors(ModelStateDictionary, CommandResult, string)"/>
    public static void AddCommandErrors(this ModelStateDictionary modelState, IEnumerable<(string Field, string Message)> errors, string prefix = "Input")
    {
        foreach (var (field, message) in errors)
        {
            var name = field.Split('[', 2)[0];
            modelState.AddModelError(name.Length == 0 ? "" : $"{prefix}.{name}", message);
        }
    }
}
