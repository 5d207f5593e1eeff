namespace Juthuruna;

/// <summary>
/// The entity does not exist for the current tenant. The web host answers 404: an id from another
/// association is indistinguishable from an id that never existed.
/// </summary>
public sealed class EntityNotFoundException : Exception
{
    public EntityNotFoundException(string entity, object id) : base($"{entity} {id} was not found.")
    {
    }

    public EntityNotFoundException()
    {
    }

    public EntityNotFoundException(string message) : base(message)
    {
    }

    public EntityNotFoundException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
