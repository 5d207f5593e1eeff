namespace Juthuruna.Features.Services;

/// <summary>
/// Outcome of saving a catalogue entry: saved (<see cref="Id"/>), refused with field errors, or stale:
/// someone else saved meanwhile (<see cref="Current"/> holds their values and <see cref="CurrentVersion"/>
/// the version to overwrite them with, knowingly).
/// </summary>
public sealed record CatalogueSaveResult<TForm>
    where TForm : class
{
    public Guid? Id { get; init; }
    public IReadOnlyList<(string Field, string Message)> Errors { get; init; } = [];
    public TForm? Current { get; init; }
    public Guid? CurrentVersion { get; init; }

    public bool Succeeded => Id is not null;

    public bool IsStale => Current is not null;
}

/// <summary>Factories of <see cref="CatalogueSaveResult{TForm}"/>.</summary>
public static class CatalogueSaveResult
{
    public static CatalogueSaveResult<TForm> Saved<TForm>(Guid id)
        where TForm : class => new() { Id = id };

    public static CatalogueSaveResult<TForm> Fail<TForm>(string field, string message)
        where TForm : class => new() { Errors = [(field, message)] };

    public static CatalogueSaveResult<TForm> Invalid<TForm>(FluentValidation.Results.ValidationResult validation)
        where TForm : class => new() { Errors = validation.Errors.Select(e => (e.PropertyName, e.ErrorMessage)).ToList() };

    public static CatalogueSaveResult<TForm> Stale<TForm>(TForm current, Guid version)
        where TForm : class => new() { Current = current, CurrentVersion = version };
}
