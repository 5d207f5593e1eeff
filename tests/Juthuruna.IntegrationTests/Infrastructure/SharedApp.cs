namespace Juthuruna.IntegrationTests.Infrastructure;

/// <summary>
/// Hosts shared by many test classes (xUnit collection fixtures): building a host costs far more than a test, and
/// tenancy keeps the classes apart — each test makes its own tenants, reads through the tenant's query filter, and
/// sees nothing of the others. The classes of one collection run one after another; the collections, and the classes
/// with a host of their own, run beside them.
/// <para>
/// A class joins a shared host only when it does none of these (otherwise it keeps <c>IClassFixture</c>, its own
/// host and database): moves the shared <see cref="AppFactory.Clock"/>; counts or changes rows of every association
/// (demo seed, host administrator's tenant list, the message dispatcher's pass over all associations); uses the
/// portal, whose limits count requests per client address and every test client has the same one; reads the
/// database or storage files directly; changes the host's settings or services; kills Chromium.
/// </para>
/// </summary>
public static class SharedApp
{
    public const string Administration = "Shared host: administration, accounts and audit";

    public const string Files = "Shared host: beneficiaries, contacts and committee";

    public const string Requests = "Shared host: requests, letters and surveys";
}

[CollectionDefinition(SharedApp.Administration)]
public sealed class AdministrationHost : ICollectionFixture<AppFactory>;

[CollectionDefinition(SharedApp.Files)]
public sealed class FilesHost : ICollectionFixture<AppFactory>;

[CollectionDefinition(SharedApp.Requests)]
public sealed class RequestsHost : ICollectionFixture<AppFactory>;
